// The digest preview page, the framed email itself (its own CSP: the mail's inline styles, nothing else), and
// "send now" through the digest send use case and its once-a-week guard.
import { Hono } from 'hono';
import { z } from 'zod';
import { ADMIN_ACTOR, type AdminEnv, type AdminServices } from '../admin-context.js';
import { digestQuery, previewDigest } from '../digest-preview.js';
import { readForm, readQuery, renderPage, renderProblem, runAction } from '../route-kit.js';
import { MAIL_PREVIEW_CSP } from '../security/security-headers.js';
import { DigestPage } from '../views/digest-page.js';
import { KeepwarmError } from '../../errors.js';

const sendForm = z.object({ recruiter: z.coerce.number().int().positive() });

export function createDigestRoutes(services: AdminServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/digest', async (c) => {
    try {
      const preview = await previewDigest(services, readQuery(c, digestQuery));
      const body = (
        <DigestPage
          preview={preview}
          csrf={c.get('session').csrf}
          canSend={services.deps.sendDigest !== undefined}
          zone={services.zone}
        />
      );
      return renderPage(c, services, { title: 'Digest preview', section: 'digest', body, framesPreview: true });
    } catch (error) {
      return renderProblem(c, services, error, 'digest');
    }
  });

  app.get('/digest/preview', async (c) => {
    const preview = await previewDigest(services, readQuery(c, digestQuery));
    if (!preview.mail) throw new KeepwarmError('not_found', 'There is no digest to show.');
    c.header('Content-Security-Policy', MAIL_PREVIEW_CSP);
    c.header('X-Frame-Options', 'SAMEORIGIN');
    return c.html(preview.mail.html);
  });

  app.post('/digest/send', (c) =>
    runAction(c, services, '/digest', async () => {
      const send = services.deps.sendDigest;
      if (!send) throw new KeepwarmError('usage', 'Sending needs smtp in the configuration.');
      const form = await readForm(c, sendForm);
      services.deps.logger?.info(
        { recruiterId: form.recruiter, actor: ADMIN_ACTOR },
        'digest send requested from the admin page',
      );
      const result = await send(form.recruiter, { now: services.deps.now() });
      const to = `/digest?recruiter=${form.recruiter}`;
      switch (result.status) {
        case 'sent':
          return { to, text: `Sent to ${result.recruiter} (week ${result.isoWeek}).` };
        case 'already_claimed':
          return {
            to,
            text: `This week's digest (${result.isoWeek}) already went to ${result.recruiter}; nothing was sent again.`,
          };
        case 'skipped_empty':
          return { to, text: `Nothing to send to ${result.recruiter} this week (empty digests are switched off).` };
        default:
          throw new KeepwarmError(
            'conflict',
            `The digest to ${result.recruiter} was not confirmed sent (${result.status})${result.error ? `: ${result.error}` : ''}.`,
          );
      }
    }),
  );

  return app;
}
