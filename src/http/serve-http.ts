// The HTTP adapter: binds the Hono app to admin.listen. Refuses to listen beyond loopback without
// an admin token, because the admin page shows personal data.
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { KeepwarmError } from '../errors.js';

export interface ListenAddress {
  host: string;
  port: number;
}

export function parseListen(listen: string): ListenAddress {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(listen);
  if (!match?.[1] || !match[2])
    throw new KeepwarmError('config_invalid', `admin.listen: expected HOST:PORT, got "${listen}"`);
  return { host: match[1], port: Number(match[2]) };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function serveHttp(app: Hono, listen: string, options: { hasToken: boolean }): Promise<RunningServer> {
  const address = parseListen(listen);
  if (!options.hasToken && !isLoopback(address.host)) {
    throw new KeepwarmError(
      'config_invalid',
      `admin.listen: refusing to listen on ${address.host} without admin.token; set a token or listen on 127.0.0.1`,
    );
  }
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    const onError = (error: Error): void =>
      reject(new KeepwarmError('internal', `cannot listen on ${listen}: ${error.message}`, { cause: error }));
    server = serve({ fetch: app.fetch, hostname: address.host, port: address.port }, (info) => {
      server?.off('error', onError);
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            if (!server) return done();
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', onError);
  });
}
