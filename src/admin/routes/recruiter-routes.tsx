// Recruiters: list, add (keepwarm recruiter add's use case) and edit, aliases as the whole list.
import { Hono } from 'hono';
import { z } from 'zod';
import { KeepwarmError } from '../../errors.js';
import { addRecruiter } from '../../library/add-recruiter.js';
import { editRecruiter } from '../../library/edit-recruiter.js';
import { listRecruiters } from '../../library/recruiter-repository.js';
import { ADMIN_ACTOR, type AdminEnv, type AdminServices } from '../admin-context.js';
import { requiredText } from '../form-values.js';
import { idParam, readForm, renderPage, runAction } from '../route-kit.js';
import { Card } from '../views/components.js';
import { RecruiterForm, RecruitersPage } from '../views/recruiters-page.js';

const recruiterForm = z.object({
  name: requiredText(200),
  email: requiredText(254),
  aliases: z.string().max(5000).default(''),
  timezone: z.string().max(100),
  digestDay: z.coerce.number().int().min(1).max(7),
  digestTime: z.string().max(8),
});

const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

function aliasList(text: string): string[] {
  return text
    .split(/[\n;,]/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

export function createRecruiterRoutes(services: AdminServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { db, now } = services.deps;
  const zones = ZONES.includes(services.zone) ? ZONES : [services.zone, ...ZONES];

  app.get('/recruiters', async (c) => {
    const body = (
      <RecruitersPage
        recruiters={await listRecruiters(db)}
        csrf={c.get('session').csrf}
        zones={zones}
        defaultZone={services.zone}
      />
    );
    return renderPage(c, services, { title: 'Recruiters', section: 'recruiters', body });
  });

  app.post('/recruiters', (c) =>
    runAction(c, services, '/recruiters', async () => {
      const form = await readForm(c, recruiterForm);
      const input = {
        email: form.email,
        name: form.name,
        aliases: aliasList(form.aliases),
        timezone: form.timezone,
        digestDay: form.digestDay,
        digestTime: form.digestTime,
      };
      const result = await addRecruiter(db, input, { now: now(), actor: ADMIN_ACTOR });
      return result.action === 'created'
        ? `Added ${result.recruiter.name}.`
        : `${result.recruiter.email} was already a recruiter; saved the changes.`;
    }),
  );

  app.get('/recruiters/:id/edit', async (c) => {
    const id = idParam(c);
    const recruiter = (await listRecruiters(db)).find((r) => r.id === id);
    if (!recruiter) throw new KeepwarmError('not_found', 'There is no recruiter at this address.');
    const body = (
      <>
        <p class="hint">
          <a href="/recruiters">← Recruiters</a>
        </p>
        <Card title={`Edit ${recruiter.name || recruiter.email}`}>
          <RecruiterForm recruiter={recruiter} csrf={c.get('session').csrf} zones={zones} defaultZone={services.zone} />
        </Card>
      </>
    );
    return renderPage(c, services, { title: `Edit ${recruiter.name}`, section: 'recruiters', body });
  });

  app.post('/recruiters/:id', async (c) => {
    const id = idParam(c);
    return runAction(c, services, `/recruiters/${id}/edit`, async () => {
      const form = await readForm(c, recruiterForm);
      const recruiter = (await listRecruiters(db)).find((r) => r.id === id);
      if (!recruiter) throw new KeepwarmError('not_found', 'There is no recruiter at this address.');
      const input = {
        email: recruiter.email,
        name: form.name,
        aliases: aliasList(form.aliases),
        timezone: form.timezone,
        digestDay: form.digestDay,
        digestTime: form.digestTime,
      };
      const result = await editRecruiter(db, input, { now: now(), actor: ADMIN_ACTOR });
      return {
        to: '/recruiters',
        text:
          result.fields.length > 0
            ? `Saved ${result.recruiter.name}: ${result.fields.join(', ').replaceAll('_', ' ')}.`
            : 'Nothing changed.',
      };
    });
  });

  return app;
}
