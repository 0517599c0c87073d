// GET-only JSON under /api for scripts and monitors, with the admin token as a Bearer header (checked by
// apiGuard before these run). The same data as the pages, from the same use cases; the candidate and
// digest shapes are the CLI's JSON (`candidates show --json`, `digest --format json`).
import { Hono } from 'hono';
import { toDigestJson } from '../../digest/digest-json.js';
import { KeepwarmError } from '../../errors.js';
import { countCandidatesByStatus } from '../../library/library-activity.js';
import { readMailboxStatus } from '../../sync/mailbox-status.js';
import type { AdminServices } from '../admin-context.js';
import { candidateListQuery, listCandidatesForAdmin } from '../candidate-listing.js';
import { loadCandidatePageData } from '../candidate-page-data.js';
import { digestQuery, previewDigest } from '../digest-preview.js';
import { parseWith } from '../route-kit.js';

export function createApiRoutes(services: AdminServices): Hono {
  const app = new Hono();
  const { db, config, now } = services.deps;

  app.get('/status', async (c) => {
    const status = await readMailboxStatus(db, config, now());
    return c.json({ ...status, candidates: await countCandidatesByStatus(db) });
  });

  app.get('/candidates', async (c) => {
    const listing = await listCandidatesForAdmin(
      services,
      parseWith(candidateListQuery, c.req.query(), 'query string'),
    );
    return c.json({
      total: listing.total,
      page: listing.page,
      pages: listing.pages,
      dueAt: listing.dueAt?.toISOString() ?? null,
      items: listing.rows.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.primaryEmail,
        bouncing: row.bouncing,
        status: row.status,
        owner: row.owner?.email ?? null,
        skills: row.skills,
        lastContactAt: row.lastContactAt,
        snoozedUntil: row.snoozedUntil,
        due: row.due,
      })),
    });
  });

  app.get('/candidates/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,12}$/.test(id)) throw new KeepwarmError('not_found', 'no such candidate');
    const data = await loadCandidatePageData(db, Number(id));
    const { profile, timeline, optOut, lastContactAt } = data;
    return c.json({
      id: data.id,
      ...profile,
      lastContactAt,
      optOutAwaitingConfirmation: optOut,
      interactions: [...timeline].reverse(),
    });
  });

  app.get('/digest', async (c) => {
    const preview = await previewDigest(services, parseWith(digestQuery, c.req.query(), 'query string'));
    if (!preview.digest) throw new KeepwarmError('not_found', 'no recruiter to compute a digest for');
    return c.json(toDigestJson(preview.digest));
  });

  return app;
}
