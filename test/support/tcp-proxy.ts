// A TCP proxy for fault tests: forwards to a real server on loopback and can drop every connection a
// moment after it opens, or stall all traffic, to provoke what flaky networks and servers do.
import net from 'node:net';

export type ProxyMode = { kind: 'pass' } | { kind: 'drop-after'; ms: number } | { kind: 'stall' };

export interface TcpProxy {
  port: number;
  /** Connections accepted so far. */
  connections: number;
  setMode(mode: ProxyMode): void;
  /** Closes every open connection now. */
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, initial: ProxyMode = { kind: 'pass' }): Promise<TcpProxy> {
  let mode = initial;
  const open = new Set<net.Socket>();
  const proxy: TcpProxy = {
    port: 0,
    connections: 0,
    setMode(next) {
      mode = next;
    },
    cut() {
      for (const socket of open) socket.destroy();
    },
    close() {
      proxy.cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  const server = net.createServer((client) => {
    proxy.connections++;
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk: Buffer) => mode.kind !== 'stall' && to.write(chunk));
    forward(client, upstream);
    forward(upstream, client);
    if (mode.kind === 'drop-after') setTimeout(end, mode.ms).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  return proxy;
}
