// Openings: list, add, edit, close, through src/library/edit-opening.ts.
import { Hono } from 'hono';
import { z } from 'zod';
import { OPENING_STATUSES } from '../../db/schema.js';
import { KeepwarmError } from '../../errors.js';
import { closeOpening, listOpenings, saveOpening } from '../../library/edit-opening.js';
import { listRecruiters } from '../../library/recruiter-repository.js';
import { ADMIN_ACTOR, type AdminEnv, type AdminServices } from '../admin-context.js';
import { dayStart } from '../form-values.js';
import { idParam, readForm, renderPage, runAction } from '../route-kit.js';
import { Card } from '../views/components.js';
import { OpeningForm, OpeningsPage } from '../views/openings-page.js';

const openingForm = z.object({
  title: z.string().max(300),
  client: z.string().max(300),
  skills: z.string().max(2000).optional(),
  status: z.enum(OPENING_STATUSES),
  owner: z.string().max(254).optional(),
  openedAt: z.string().max(40).optional(),
});

export function createOpeningRoutes(services: AdminServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { db, now } = services.deps;
  const options = (): { now: Date; actor: string } => ({ now: now(), actor: ADMIN_ACTOR });

  const save = (id: number | null) => async (form: z.infer<typeof openingForm>) => {
    const openedAt = form.openedAt?.trim() ? (dayStart(form.openedAt, services.zone) ?? form.openedAt) : undefined;
    const input = {
      title: form.title,
      client: form.client,
      status: form.status,
      owner: form.owner ?? '',
      ...(form.skills !== undefined ? { skills: form.skills } : {}),
      ...(openedAt ? { openedAt } : {}),
    };
    return saveOpening(db, id, input, options());
  };

  app.get('/openings', async (c) => {
    const body = (
      <OpeningsPage
        openings={await listOpenings(db)}
        recruiters={await listRecruiters(db)}
        csrf={c.get('session').csrf}
        zone={services.zone}
      />
    );
    return renderPage(c, services, { title: 'Openings', section: 'openings', body });
  });

  app.post('/openings', (c) =>
    runAction(c, services, '/openings', async () => {
      const form = await readForm(c, openingForm);
      await save(null)(form);
      return `Added “${form.title}” for ${form.client}.`;
    }),
  );

  app.get('/openings/:id/edit', async (c) => {
    const id = idParam(c);
    const opening = (await listOpenings(db)).find((o) => o.id === id);
    if (!opening) throw new KeepwarmError('not_found', 'There is no opening at this address.');
    const body = (
      <>
        <p class="hint">
          <a href="/openings">← Openings</a>
        </p>
        <Card title={`Edit ${opening.title}`}>
          <OpeningForm
            opening={opening}
            recruiters={await listRecruiters(db)}
            csrf={c.get('session').csrf}
            zone={services.zone}
          />
        </Card>
      </>
    );
    return renderPage(c, services, { title: `Edit ${opening.title}`, section: 'openings', body });
  });

  app.post('/openings/:id', async (c) => {
    const id = idParam(c);
    return runAction(c, services, `/openings/${id}/edit`, async () => {
      const form = await readForm(c, openingForm);
      await save(id)(form);
      return { to: '/openings', text: `Saved “${form.title}”.` };
    });
  });

  app.post('/openings/:id/close', async (c) => {
    const id = idParam(c);
    return runAction(c, services, '/openings', async () => {
      await closeOpening(db, id, options());
      return 'Opening closed.';
    });
  });

  return app;
}
