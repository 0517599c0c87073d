// GET / : the dashboard, from the same use cases as `keepwarm status` (mailbox health) and the digest.
import { Hono } from 'hono';
import type { AdminEnv, AdminServices } from '../admin-context.js';
import { cachedValue } from '../cached-value.js';
import { renderPage } from '../route-kit.js';
import { DashboardPage } from '../views/dashboard-page.js';
import { countCandidatesByStatus, weeklyPersonalMail } from '../../library/library-activity.js';
import { listOptOutsAwaiting } from '../../library/opt-out-review.js';
import { listQuarantined, listUnmatched } from '../../library/triage-queue.js';
import { readMailboxStatus } from '../../sync/mailbox-status.js';

export const ACTIVITY_WEEKS = 26;

export function createDashboardRoutes(services: AdminServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { db, config, now } = services.deps;
  const weeks = cachedValue(() => weeklyPersonalMail(db, { now: now(), weeks: ACTIVITY_WEEKS, zone: services.zone }), {
    ttlMs: 60_000,
    now,
  });

  app.get('/', async (c) => {
    const due = await services.due.get();
    const triage =
      (await listUnmatched(db)).length + (await listQuarantined(db)).length + (await listOptOutsAwaiting(db)).length;
    const view = {
      now: now(),
      zone: services.zone,
      mailboxes: (await readMailboxStatus(db, config, now())).mailboxes,
      byStatus: await countCandidatesByStatus(db),
      weeks: await weeks(),
      dueNow: due.byCandidate.size,
      comingUp: due.comingUp,
      optOutsToConfirm: due.optOutsToConfirm,
      triage,
    };
    return renderPage(c, services, { title: 'Dashboard', section: 'dashboard', body: <DashboardPage view={view} /> });
  });

  return app;
}
