// Triage: each decision is one use case from src/library/triage-queue.ts (opt-outs go through the candidate
// routes' /opt-out action, which returns here).
import { Hono } from 'hono';
import { z } from 'zod';
import { searchCandidates } from '../../library/candidate-search.js';
import { listOptOutsAwaiting } from '../../library/opt-out-review.js';
import {
  attachUnmatched,
  createFromUnmatched,
  dismissUnmatched,
  listQuarantined,
  listUnmatched,
  neverLogUnmatched,
  requireUnmatched,
  resolveQuarantined,
} from '../../library/triage-queue.js';
import { ADMIN_ACTOR, type AdminEnv, type AdminServices } from '../admin-context.js';
import { backfillRun } from '../backfill-seam.js';
import { requirePrimaryEmail } from '../candidate-page-data.js';
import { requiredText } from '../form-values.js';
import { idParam, readForm, readQuery, renderPage, runAction } from '../route-kit.js';
import { AttachPage } from '../views/attach-page.js';
import { TriagePage } from '../views/triage-page.js';

const createForm = z.object({ name: requiredText(200) });
const attachForm = z.object({ candidateId: z.coerce.number().int().positive() });
const attachQuery = z.object({ q: z.string().max(200).optional() });

export function createTriageRoutes(services: AdminServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { db, now } = services.deps;
  const options = (): { now: Date; actor: string } => ({ now: now(), actor: ADMIN_ACTOR });
  const withBackfill = (text: string, report: string | null): string => (report ? `${text} Then ${report}.` : text);

  app.get('/triage', async (c) => {
    const view = {
      optOuts: await listOptOutsAwaiting(db),
      unmatched: await listUnmatched(db),
      quarantined: await listQuarantined(db),
      csrf: c.get('session').csrf,
      zone: services.zone,
    };
    return renderPage(c, services, { title: 'Triage', section: 'triage', body: <TriagePage view={view} /> });
  });

  app.post('/triage/unmatched/:id/dismiss', async (c) => {
    const id = idParam(c);
    return runAction(c, services, '/triage', async () => {
      await dismissUnmatched(db, id, now());
      return 'Dismissed.';
    });
  });

  app.post('/triage/unmatched/:id/never-log', async (c) => {
    const id = idParam(c);
    return runAction(c, services, '/triage', async () => {
      const entry = await requireUnmatched(db, id);
      await neverLogUnmatched(db, id, { ...options(), reason: 'from triage' });
      return `${entry.email} will never be logged.`;
    });
  });

  app.post('/triage/unmatched/:id/create', async (c) => {
    const id = idParam(c);
    return runAction(c, services, '/triage', async () => {
      const form = await readForm(c, createForm);
      const backfill = backfillRun(services);
      const { candidateId } = await createFromUnmatched(
        db,
        id,
        { name: form.name },
        { ...options(), ...backfill.option },
      );
      return {
        to: `/candidates/${candidateId}`,
        text: withBackfill(`${form.name} is in the library now.`, backfill.report()),
      };
    });
  });

  app.get('/triage/unmatched/:id/attach', async (c) => {
    const entry = await requireUnmatched(db, idParam(c));
    const q = readQuery(c, attachQuery).q?.trim() ?? '';
    const found = q ? (await searchCandidates(db, { text: q, sort: 'name', limit: 20, offset: 0 })).rows : [];
    return renderPage(c, services, {
      title: `Whose address is ${entry.email}?`,
      section: 'triage',
      body: <AttachPage entry={entry} q={q} found={found} csrf={c.get('session').csrf} />,
    });
  });

  app.post('/triage/unmatched/:id/attach', async (c) => {
    const id = idParam(c);
    return runAction(c, services, `/triage/unmatched/${id}/attach`, async () => {
      const form = await readForm(c, attachForm);
      const entry = await requireUnmatched(db, id);
      const backfill = backfillRun(services);
      const { candidateId } = await attachUnmatched(db, id, await requirePrimaryEmail(db, form.candidateId), {
        ...options(),
        ...backfill.option,
      });
      return { to: `/candidates/${candidateId}`, text: withBackfill(`Added ${entry.email}.`, backfill.report()) };
    });
  });

  app.post('/triage/quarantine/:id/resolve', async (c) => {
    const id = idParam(c);
    return runAction(c, services, '/triage', async () => {
      await resolveQuarantined(db, id, now());
      return 'Dismissed.';
    });
  });

  return app;
}
