// A TCP relay in front of Dovecot that counts the bytes each way, so "bytes downloaded" is measured the
// same way for keepwarm and for the baselines, whatever process or library opens the connection. Given a
// shape, it is also the WAN link the P1w row measures through.
import net from 'node:net';
import { shapeDirection, type LinkShape } from './shaped-link.js';

export interface ByteCountingProxy {
  port: number;
  /** Bytes from the server to clients since the last reset. */
  downloaded(): number;
  uploaded(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startByteCountingProxy(
  target: { host: string; port: number },
  shape?: LinkShape,
): Promise<ByteCountingProxy> {
  let down = 0;
  let up = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    if (shape) {
      shapeDirection(upstream, client, shape, (bytes) => (down += bytes));
      shapeDirection(client, upstream, shape, (bytes) => (up += bytes));
    } else {
      upstream.on('data', (chunk: Buffer) => {
        down += chunk.length;
      });
      client.on('data', (chunk: Buffer) => {
        up += chunk.length;
      });
      client.pipe(upstream);
      upstream.pipe(client);
    }
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    // A shaped link still holds what the server sent before closing; it ends the client once that arrives.
    if (!shape) upstream.on('close', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    downloaded: () => down,
    uploaded: () => up,
    reset() {
      down = 0;
      up = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
