// The admin app over a real, migrated SQLite library, driven with app.request() (no listening server): a
// browser-like client that keeps the session cookie, reads the CSRF token from the page it is on, and sends
// forms as a browser would (Origin included). The clock and the client's address are the test's.
import { Hono } from 'hono';
import { createAdminApp } from '../../../src/admin/admin-app.js';
import type { AdminDeps } from '../../../src/admin/admin-context.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { createHealthRoutes } from '../../../src/http/health-routes.js';
import { createTempLibrary, type TempLibrary } from './library-fixture.js';

export const TOKEN = 'test-admin-token-0123456789';
export const ORIGIN = 'http://localhost';

export interface Harness {
  library: TempLibrary;
  app: Hono;
  setNow(iso: string): void;
  client(address?: string): Client;
  remove(): Promise<void>;
}

export interface Client {
  cookie: string | null;
  csrf: string | null;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** GET a page and remember its CSRF token; returns the HTML. */
  open(path: string): Promise<string>;
  post(
    path: string,
    fields: Record<string, string>,
    options?: { origin?: string | null; csrf?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
  postMultipart(path: string, form: FormData, options?: { headers?: Record<string, string> }): Promise<Response>;
  login(token?: string): Promise<Response>;
}

export async function createHarness(
  options: { token?: string | null; deps?: Partial<AdminDeps>; config?: Record<string, unknown> } = {},
): Promise<Harness> {
  const library = await createTempLibrary();
  const token = options.token === undefined ? TOKEN : options.token;
  const config = parseConfig(
    { timezone: 'America/New_York', admin: token ? { token } : {}, ...options.config },
    {},
    'test config',
    library.dir,
  );
  let now = new Date('2024-06-05T14:00:00.000Z');
  const app = new Hono();
  app.route('/', createHealthRoutes({ db: library.db, version: 'test' }));
  app.route(
    '/',
    createAdminApp({
      db: library.db,
      config,
      now: () => now,
      clientAddress: (c) => c.req.header('x-test-client') ?? '198.51.100.7',
      ...options.deps,
    }),
  );

  function client(address = '198.51.100.7'): Client {
    const self: Client = {
      cookie: null,
      csrf: null,
      async get(path, headers = {}) {
        const response = await app.request(path, {
          headers: { 'x-test-client': address, ...(self.cookie ? { cookie: self.cookie } : {}), ...headers },
        });
        remember(response);
        return response;
      },
      async open(path) {
        const response = await self.get(path);
        const html = await response.text();
        const match = /name="_csrf" value="([^"]+)"/.exec(html);
        if (match?.[1]) self.csrf = match[1];
        return html;
      },
      async post(path, fields, opts = {}) {
        const csrf = opts.csrf === undefined ? self.csrf : opts.csrf;
        const body = new URLSearchParams({
          ...(csrf !== null && csrf !== undefined ? { _csrf: csrf } : {}),
          ...fields,
        });
        const origin = opts.origin === undefined ? ORIGIN : opts.origin;
        const headers: Record<string, string> = {
          'content-type': 'application/x-www-form-urlencoded',
          'x-test-client': address,
          ...(origin ? { origin } : {}),
          ...(self.cookie ? { cookie: self.cookie } : {}),
          ...opts.headers,
        };
        const response = await app.request(path, { method: 'POST', body: body.toString(), headers });
        remember(response);
        return response;
      },
      async postMultipart(path, form, opts = {}) {
        const headers: Record<string, string> = {
          origin: ORIGIN,
          'x-test-client': address,
          ...(self.cookie ? { cookie: self.cookie } : {}),
          ...opts.headers,
        };
        const response = await app.request(path, { method: 'POST', body: form, headers });
        remember(response);
        return response;
      },
      async login(given = TOKEN) {
        return self.post('/login', { token: given, next: '/' }, { csrf: null });
      },
    };
    function remember(response: Response): void {
      const set = response.headers.get('set-cookie');
      const match = set ? /keepwarm_session=([^;]*)/.exec(set) : null;
      if (match) self.cookie = match[1] ? `keepwarm_session=${match[1]}` : null;
    }
    return self;
  }

  return {
    library,
    app,
    setNow(iso) {
      now = new Date(iso);
    },
    client,
    remove: () => library.remove(),
  };
}

/** The text of a page as a person reads it: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };
  return html
    .replace(/<\/?(strong|em|b|code|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, ' ');
}
