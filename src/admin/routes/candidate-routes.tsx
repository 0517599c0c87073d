// One candidate: the page, and its actions. Each action is a thin call of a library use case (the same ones
// `keepwarm candidate set|snooze`, `export` and `erase` call) and a redirect back with what happened.
import { Hono } from 'hono';
import { z } from 'zod';
import { CANDIDATE_STATUSES } from '../../db/schema.js';
import { exportPersonData } from '../../export/subject-access-export.js';
import { eraseCandidate, planErasure } from '../../library/erase-candidate.js';
import { reviewOptOut } from '../../library/opt-out-review.js';
import { listRecruiters } from '../../library/recruiter-repository.js';
import { snoozeCandidate } from '../../library/snooze-candidate.js';
import { updateCandidate, type CandidateEdit } from '../../library/update-candidate.js';
import { ADMIN_ACTOR, type AdminEnv, type AdminServices } from '../admin-context.js';
import { backfillRun } from '../backfill-seam.js';
import { loadCandidatePageData, requirePrimaryEmail } from '../candidate-page-data.js';
import { isoDay, keptText, optionalText, optionalWholeNumber, requireDayStart, requiredText } from '../form-values.js';
import { idParam, readForm, renderPage, runAction } from '../route-kit.js';
import { CandidatePage } from '../views/candidate-page.js';
import { ErasePage } from '../views/erase-page.js';

const profileForm = z.object({
  name: requiredText(200),
  status: z.enum(CANDIDATE_STATUSES),
  owner: optionalText(254),
  cadenceDays: optionalWholeNumber(1, 3650),
  notes: keptText(5000),
});
const snoozeForm = z.union([
  z.object({ clear: z.literal('1') }),
  z.object({ until: isoDay, reason: optionalText(200) }),
]);
const addressForm = z.object({ email: requiredText(254) });
const feedbackForm = z.object({ opening: requiredText(300), client: requiredText(300), notes: z.string().max(5000) });
const optOutForm = z.object({ decision: z.enum(['confirm', 'undo']) });
const eraseForm = z.object({ confirm: z.literal('ERASE', 'type ERASE to confirm') });

export function createCandidateRoutes(services: AdminServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { db, now } = services.deps;
  const actor = { actor: ADMIN_ACTOR };
  const page = (id: number): string => `/candidates/${id}`;

  app.get('/candidates/:id', async (c) => {
    const id = idParam(c);
    const data = await loadCandidatePageData(db, id);
    const body = (
      <CandidatePage
        data={data}
        due={services.due.peek()?.byCandidate.get(id) ?? null}
        recruiters={await listRecruiters(db)}
        csrf={c.get('session').csrf}
        zone={services.zone}
        now={now()}
      />
    );
    return renderPage(c, services, { title: data.profile.name, section: 'candidates', body });
  });

  app.post('/candidates/:id/profile', async (c) => {
    const id = idParam(c);
    return runAction(c, services, page(id), async () => {
      const form = await readForm(c, profileForm);
      const edit: CandidateEdit = { name: form.name, status: form.status };
      // The form always shows both: a blank owner is "No owner", a blank cadence the default for the status.
      edit.owner = form.owner ?? null;
      edit.cadenceDays = form.cadenceDays ?? null;
      if (form.notes !== undefined) edit.notes = form.notes;
      const result = await updateCandidate(db, await requirePrimaryEmail(db, id), edit, { now: now(), ...actor });
      return result.changed.length > 0
        ? `Saved: ${result.changed.join(', ').replaceAll('_', ' ')}.`
        : 'Nothing changed.';
    });
  });

  app.post('/candidates/:id/snooze', async (c) => {
    const id = idParam(c);
    return runAction(c, services, page(id), async () => {
      const form = await readForm(c, snoozeForm);
      const email = await requirePrimaryEmail(db, id);
      if ('clear' in form) {
        await snoozeCandidate(db, email, { clear: true }, { now: now(), ...actor });
        return 'The snooze is over: they are back in the digest when due.';
      }
      const until = requireDayStart(form.until, services.zone, 'until');
      await snoozeCandidate(
        db,
        email,
        { until, ...(form.reason ? { reason: form.reason } : {}) },
        { now: now(), ...actor },
      );
      return `Snoozed until ${form.until}.`;
    });
  });

  app.post('/candidates/:id/addresses', async (c) => {
    const id = idParam(c);
    return runAction(c, services, page(id), async () => {
      const form = await readForm(c, addressForm);
      const backfill = backfillRun(services);
      const result = await updateCandidate(
        db,
        await requirePrimaryEmail(db, id),
        { addEmail: form.email },
        { now: now(), ...actor, ...backfill.option },
      );
      if (result.addedAddressKeys.length === 0) return `${form.email} was already theirs.`;
      return `Added ${form.email}.${backfill.report() ? ` Then ${backfill.report()}.` : ''}`;
    });
  });

  app.post('/candidates/:id/feedback', async (c) => {
    const id = idParam(c);
    return runAction(c, services, page(id), async () => {
      const form = await readForm(c, feedbackForm);
      const edit: CandidateEdit = { feedback: { notes: form.notes, opening: form.opening, client: form.client } };
      const result = await updateCandidate(db, await requirePrimaryEmail(db, id), edit, { now: now(), ...actor });
      return result.changed.length > 0 ? `Feedback for ${form.opening} saved.` : 'Nothing changed.';
    });
  });

  app.post('/candidates/:id/opt-out', async (c) => {
    const id = idParam(c);
    const back = c.req.query('from') === 'triage' ? '/triage' : page(id);
    return runAction(c, services, back, async () => {
      const form = await readForm(c, optOutForm);
      const { status } = await reviewOptOut(db, id, form.decision, { now: now(), ...actor });
      return form.decision === 'confirm'
        ? 'Confirmed: they will not be contacted.'
        : `Undone: their status is ${status.replace('_', ' ')} again.`;
    });
  });

  app.get('/candidates/:id/export.json', async (c) => {
    const id = idParam(c);
    const data = await exportPersonData(db, await requirePrimaryEmail(db, id), { now: now() });
    c.header('Content-Disposition', `attachment; filename="keepwarm-candidate-${id}.json"`);
    return c.body(JSON.stringify(data, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.get('/candidates/:id/erase', async (c) => {
    const id = idParam(c);
    const plan = await planErasure(db, await requirePrimaryEmail(db, id));
    return renderPage(c, services, {
      title: `Erase ${plan.name}`,
      section: 'candidates',
      body: <ErasePage id={id} plan={plan} csrf={c.get('session').csrf} />,
    });
  });

  app.post('/candidates/:id/erase', async (c) => {
    const id = idParam(c);
    return runAction(c, services, `${page(id)}/erase`, async () => {
      await readForm(c, eraseForm);
      const email = await requirePrimaryEmail(db, id);
      const { name } = await planErasure(db, email);
      await eraseCandidate(db, email, { now: now(), ...actor });
      return { to: '/candidates', text: `${name} was erased.` };
    });
  });

  return app;
}
