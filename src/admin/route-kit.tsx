// What every admin route does the same way: render a page in the layout (taking the flash message), run a
// form action and redirect back with its outcome (POST, then 303, then GET), and read query strings and
// forms through zod so only allowlisted values reach a use case.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html';
import type { z } from 'zod';
import type { AdminEnv, AdminServices } from './admin-context.js';
import { publicMessage, statusFor } from './http-errors.js';
import type { Flash } from './security/session-store.js';
import { FRAMING_PAGE_CSP } from './security/security-headers.js';
import { Layout, type Section } from './views/layout.js';
import { KeepwarmError } from '../errors.js';

export type AdminContext = Context<AdminEnv>;

export interface PageSpec {
  title: string;
  section: Section;
  body: Child;
  status?: 200 | 400 | 404 | 409 | 413 | 422 | 429 | 500;
  /** The digest page frames its preview. */
  framesPreview?: boolean;
}

/** What waits in triage, for the menu of every page: one statement (three indexed counts), kept per library version. */
function triageCount(services: AdminServices): Promise<number> {
  return services.cache.get('triage-count', () => countTriage(services));
}

async function countTriage(services: AdminServices): Promise<number> {
  const { db } = services.deps;
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('unmatched_addresses')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('dismissed_at', 'is', null)
        .as('unmatched'),
      eb
        .selectFrom('quarantine')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('resolved_at', 'is', null)
        .as('quarantined'),
      // Served by the partial index candidates_opt_out_pending (migration 0005).
      eb
        .selectFrom('candidates')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('status', '=', 'do_not_contact')
        .where('opt_out_detected_at', 'is not', null)
        .as('optOuts'),
    ])
    .executeTakeFirst();
  return Number(row?.unmatched ?? 0) + Number(row?.quarantined ?? 0) + Number(row?.optOuts ?? 0);
}

export async function renderPage(c: AdminContext, services: AdminServices, page: PageSpec): Promise<Response> {
  const session = c.get('session');
  const flash = session.flash;
  session.flash = null;
  if (page.framesPreview) c.header('Content-Security-Policy', FRAMING_PAGE_CSP);
  const layout = (
    <Layout
      title={page.title}
      section={page.section}
      flash={flash}
      csrf={session.csrf}
      canLogOut={!services.openMode}
      triageCount={await triageCount(services)}
    >
      {page.body}
    </Layout>
  );
  // Sent as UTF-8 bytes: hono/jsx makes the page a string of thousands of pieces, which the HTTP adapter would
  // otherwise flatten and encode twice, once to count its bytes for Content-Length and once to write them.
  const markup = await resolveCallback(layout, HtmlEscapedCallbackPhase.Stringify, false, {});
  return c.body(Buffer.from(markup), page.status ?? 200, { 'Content-Type': 'text/html; charset=UTF-8' });
}

/** A page saying what was wrong with the request (bad query, unknown id), with the right status. */
export async function renderProblem(
  c: AdminContext,
  services: AdminServices,
  error: unknown,
  section: Section = 'none',
): Promise<Response> {
  const { message, details } = publicMessage(error);
  if (statusFor(error) === 500) services.deps.logger?.error({ err: error, path: c.req.path }, 'admin request failed');
  const body = (
    <div class="card">
      <h1>
        {statusFor(error) === 404
          ? 'Not found'
          : statusFor(error) === 500
            ? 'Something went wrong'
            : 'That did not work'}
      </h1>
      <p>{message}</p>
      {details.length > 0 ? (
        <ul class="errors">
          {details.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href="/">Back to the dashboard</a>
      </p>
    </div>
  );
  return renderPage(c, services, { title: 'Problem', section, body, status: statusFor(error) });
}

export function redirectWith(c: AdminContext, to: string, flash: Flash | null): Response {
  if (flash) c.get('session').flash = flash;
  return c.redirect(to, 303);
}

/** Runs a form's use case; expected failures come back as an error message on the page the form was on. */
export async function runAction(
  c: AdminContext,
  services: AdminServices,
  back: string,
  work: () => Promise<string | { to: string; text: string }>,
): Promise<Response> {
  try {
    const outcome = await work();
    services.due.invalidate();
    const { to, text } = typeof outcome === 'string' ? { to: back, text: outcome } : outcome;
    return redirectWith(c, to, { kind: 'ok', text });
  } catch (error) {
    if (statusFor(error) === 500) throw error;
    const { message, details } = publicMessage(error);
    return redirectWith(c, back, { kind: 'error', text: message, details });
  }
}

/** The form's text fields (files are read by the routes that take them). */
export async function formFields(c: AdminContext): Promise<Record<string, string>> {
  const form = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function invalid(error: z.ZodError, what: string): KeepwarmError {
  const details = error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`);
  return new KeepwarmError('invalid_input', `The ${what} has values this page does not accept.`, { details });
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(result.error, what);
  return result.data;
}

export async function readForm<T>(c: AdminContext, schema: z.ZodType<T>): Promise<T> {
  return parseWith(schema, await formFields(c), 'form');
}

export function readQuery<T>(c: AdminContext, schema: z.ZodType<T>): T {
  return parseWith(schema, c.req.query(), 'address (query string)');
}

/** A route parameter that must be a positive integer id. */
export function idParam(c: AdminContext, name = 'id'): number {
  const text = c.req.param(name) ?? '';
  if (!/^\d{1,12}$/.test(text)) throw new KeepwarmError('not_found', 'There is nothing at this address.');
  return Number(text);
}
