// Liveness for the Dockerfile's HEALTHCHECK and for monitors: no auth, no personal data.
import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export function createHealthRoutes(deps: { db: Kysely<Database>; version: string }): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ ok: true, version: deps.version });
    } catch {
      return c.json({ ok: false }, 503);
    }
  });
  return app;
}
