// A link shaped like the path from an office to a hosted mailbox (Microsoft 365, Google Workspace): each
// direction delivers bytes no faster than `bytesPerSecond` and no sooner than `oneWayDelayMs` after they
// left. Loopback makes downloading everything nearly free; real links never are, and keepwarm's design
// (headers first, bodies only for library mail, pipelined batches) is meant for them.
import type { Duplex } from 'node:stream';

export interface LinkShape {
  bytesPerSecond: number;
  oneWayDelayMs: number;
}

/** How much a direction may hold in flight before it pauses its source (about one RTT at full rate). */
function highWaterBytes(shape: LinkShape): number {
  return Math.max(256 * 1024, Math.ceil((shape.bytesPerSecond * shape.oneWayDelayMs * 2) / 1000));
}

/**
 * Pipes `from` into `to` as the shaped link would: every chunk leaves after the serialisation of the chunks
 * before it (the rate) and arrives one delay later; the source is paused while too much is in flight, as
 * TCP's window would hold it back.
 */
export function shapeDirection(from: Duplex, to: Duplex, shape: LinkShape, count: (bytes: number) => void): void {
  let linkFreeAt = 0; // when the link finishes serialising what it has been given
  let inFlight = 0;
  let pending = 0;
  let ended = false;
  const limit = highWaterBytes(shape);
  from.on('data', (chunk: Buffer) => {
    count(chunk.length);
    const now = performance.now();
    linkFreeAt = Math.max(linkFreeAt, now) + (chunk.length * 1000) / shape.bytesPerSecond;
    const arrival = linkFreeAt + shape.oneWayDelayMs;
    inFlight += chunk.length;
    pending++;
    if (inFlight > limit) from.pause();
    setTimeout(
      () => {
        inFlight -= chunk.length;
        pending--;
        if (!to.destroyed) to.write(chunk);
        if (inFlight <= limit / 2 && from.isPaused()) from.resume();
        if (ended && pending === 0) to.end();
      },
      Math.max(0, arrival - now),
    );
  });
  // Close only once the last chunk has arrived.
  from.on('end', () => {
    ended = true;
    if (pending === 0) to.end();
  });
}
