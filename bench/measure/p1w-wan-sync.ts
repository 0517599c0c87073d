// P1w: the initial sync as a hosted mailbox would see it, through a relay shaped like an office's link to
// Microsoft 365 or Google Workspace (20 MB/s, 30 ms round trip), against (a) downloading every message
// through the same link. On loopback a full download is nearly free; on a real link keepwarm's reading
// only what it needs (headers first, bodies of library mail) is what makes the first sync bearable.
import { startByteCountingProxy } from '../lib/byte-counting-proxy.js';
import type { LinkShape } from '../lib/shaped-link.js';
import { row, type ResultRow } from '../lib/results.js';
import type { MailWorld } from './mail-world.js';
import { fetchEverySource, syncCounts, syncThrough } from './p1-initial-sync.js';

export const WAN: LinkShape = { bytesPerSecond: 20e6, oneWayDelayMs: 15 };

export async function measureWanSync(
  world: MailWorld,
  libraryFile: string,
  options: { log: (line: string) => void; timeoutMs: number },
): Promise<ResultRow[]> {
  const proxy = await startByteCountingProxy({ host: '127.0.0.1', port: world.bench.imapPort }, WAN);
  try {
    options.log('P1w (a) bare fetch of every message through the WAN-shaped link');
    const bare = await fetchEverySource(proxy, false, options.timeoutMs);
    options.log(`P1w keepwarm sync --once through the same link ((a) took ${(bare.workMs / 1000).toFixed(1)} s)`);
    const sync = await syncThrough(world, libraryFile, 'p1w', proxy, options);
    const { ok, counts } = syncCounts(sync, world.stats.messages);
    const link = `${WAN.bytesPerSecond / 1e6} MB/s, ${WAN.oneWayDelayMs * 2} ms RTT`;
    return [
      row({
        id: 'P1w.time_vs_fetch',
        label: `initial sync vs (a) bare fetch of every source, both through a WAN-shaped link (${link})`,
        measured: sync.workMs / 1000,
        baseline: bare.workMs / 1000,
        target: '<= 0.2 x (a) (5 x faster)',
        met: ok && sync.workMs * 5 <= bare.workMs,
        unit: 's',
        note:
          `${counts}; downloaded ${(sync.downloaded / 1e6).toFixed(1)} MB against (a)'s ` +
          `${(bare.downloaded / 1e6).toFixed(0)} MB`,
      }),
    ];
  } finally {
    await proxy.close();
  }
}
