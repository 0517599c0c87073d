// P5's server: the admin app and /healthz on one Hono app, composed as the composition root composes them,
// on 127.0.0.1:0 in its own process (the load generator runs in the runner). Prints one BENCH-READY line
// and serves until the runner ends it. While src/admin has no createAdminApp, it serves the library's
// candidate search as JSON instead, and says so.
import { Hono } from 'hono';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import { createHealthRoutes } from '../../src/http/health-routes.js';
import { serveHttp } from '../../src/http/serve-http.js';
import { searchCandidates } from '../../src/library/candidate-search.js';
import type { Kysely } from 'kysely';
import type { Config } from '../../src/config/config-schema.js';
import type { Database } from '../../src/db/schema.js';
import { childInput, peakRssBytes } from '../lib/child-process.js';

interface Input {
  config: string;
  /** The clock the admin pages see (the digest's "now"). */
  at: string;
}

interface AdminModule {
  createAdminApp(deps: { db: Kysely<Database>; config: Readonly<Config>; now: () => Date }): { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };
}

const input = childInput<Input>();
const loaded = loadConfig({ explicitPath: input.config, env: {}, cwd: process.cwd() });
const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
const now = (): Date => new Date(input.at);
const app = new Hono();
app.get('/bench-memory', (c) => c.json({ rss: process.memoryUsage().rss, peakRss: peakRssBytes() }));
app.route('/', createHealthRoutes({ db: opened.db, version: 'bench' }));
let mounted = 'admin';
// Loaded by name at run time: the admin app is being written beside this benchmark.
const adminPath = '../../src/admin/admin-app.js';
try {
  const admin = (await import(adminPath)) as AdminModule;
  const adminApp = admin.createAdminApp({ db: opened.db, config: loaded.config, now });
  app.all('*', (c) => adminApp.fetch(c.req.raw, c.env));
} catch (error) {
  mounted = `search-json (no admin app: ${(error as Error).message.split('\n')[0]})`;
  app.get('/candidates', async (c) => {
    const q = c.req.query();
    const page = await searchCandidates(opened.db, {
      ...(q.q ? { text: q.q } : {}),
      ...(q.status ? { status: q.status as never } : {}),
      sort: q.sort === 'last_contact' ? 'last_contact' : 'name',
      limit: 50,
      offset: (Number(q.page ?? 1) - 1) * 50,
    });
    return c.json(page);
  });
}
const server = await serveHttp(app as unknown as Hono, '127.0.0.1:0', { hasToken: false });
process.stdout.write(`BENCH-READY ${JSON.stringify({ url: server.url, mounted })}\n`);
const stop = async (): Promise<void> => {
  await server.close();
  await opened.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
