// createAdminApp(deps): the admin page as one Hono app, mounted by the composition root beside /healthz.
// Server-rendered HTML without any script, one stylesheet, every change a POST with a CSRF token; a JSON API
// under /api for the same data with the token as a Bearer header. Routes only call use cases.
import crypto from 'node:crypto';
import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { bodyLimit } from 'hono/body-limit';
import { createDigestRenderer, type DigestRenderer } from '../digest/render-digest.js';
import type { AdminDeps, AdminEnv, AdminServices } from './admin-context.js';
import { ADMIN_CSS } from './assets/admin-css.js';
import { createDueListing } from './due-listing.js';
import { createTextMatchMemo } from '../library/candidate-text-matches.js';
import { createVersionedCache } from '../library/library-version.js';
import { findTextMatches } from '../library/candidate-search.js';
import { createDueSnapshots } from './due-snapshot.js';
import { publicMessage, statusFor } from './http-errors.js';
import { renderPage, renderProblem } from './route-kit.js';
import { TooLargeNotice } from './views/import-page.js';
import { apiGuard, csrfGuard, hostGuard, sessionGuard } from './security/admin-guards.js';
import { createLoginThrottle } from './security/login-throttle.js';
import { securityHeaders } from './security/security-headers.js';
import { createSessionStore } from './security/session-store.js';
import { createApiRoutes } from './routes/api-routes.js';
import { createCandidateListRoutes } from './routes/candidate-list-routes.js';
import { createCandidateRoutes } from './routes/candidate-routes.js';
import { createDashboardRoutes } from './routes/dashboard-routes.js';
import { createDigestRoutes } from './routes/digest-routes.js';
import { createImportRoutes, IMPORT_MAX_BYTES } from './routes/import-routes.js';
import { createLoginRoutes } from './routes/login-routes.js';
import { createOpeningRoutes } from './routes/opening-routes.js';
import { createRecruiterRoutes } from './routes/recruiter-routes.js';
import { createTriageRoutes } from './routes/triage-routes.js';

/** Forms other than the CSV upload are small; a bigger body is refused before it is read. */
const FORM_MAX_BYTES = 256 * 1024;
const CSS_ETAG = `"${crypto.createHash('sha256').update(ADMIN_CSS).digest('base64url').slice(0, 16)}"`;

function defaultClientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function buildAdminServices(deps: AdminDeps): AdminServices {
  let renderer: DigestRenderer | undefined = deps.renderer;
  const token = deps.config.admin.token ?? null;
  const textMatches = createTextMatchMemo(deps.db, (text, max) => findTextMatches(deps.db, text, max));
  return {
    deps,
    openMode: token === null,
    sessions: createSessionStore({
      secret: token,
      now: deps.now,
      ...(deps.randomBytes ? { randomBytes: deps.randomBytes } : {}),
    }),
    throttle: createLoginThrottle({ now: deps.now }),
    due: createDueSnapshots({
      db: deps.db,
      config: deps.config,
      now: deps.now,
      ...(deps.dueSnapshotTtlMs !== undefined ? { ttlMs: deps.dueSnapshotTtlMs } : {}),
    }),
    dueListing: createDueListing(deps.db, textMatches),
    textMatches,
    cache: createVersionedCache(deps.db),
    renderer: () => (renderer ??= createDigestRenderer()),
    clientAddress: deps.clientAddress ?? defaultClientAddress,
    zone: deps.config.timezone,
  };
}

export function createAdminApp(deps: AdminDeps): Hono<AdminEnv> {
  const services = buildAdminServices(deps);
  const app = new Hono<AdminEnv>();
  app.use('*', securityHeaders());
  app.use('*', hostGuard(services));

  app.get('/assets/admin.css', (c) => {
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', CSS_ETAG);
    if (c.req.header('if-none-match') === CSS_ETAG) return c.body(null, 304);
    return c.body(ADMIN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  app.use('/api/*', apiGuard(services));
  app.route('/api', createApiRoutes(services));

  app.use('*', sessionGuard(services));
  app.use('*', async (c, next) => {
    // GET and HEAD never carry a body (the HTTP adapter gives them none), and asking the request for one makes
    // the adapter build a whole fetch Request: ~0.1 ms of every page at P5's load, for nothing.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limit = c.req.path === '/import' ? IMPORT_MAX_BYTES : FORM_MAX_BYTES;
    const tooLarge = (): Promise<Response> =>
      renderPage(c, services, {
        title: 'Upload too large',
        section: 'import',
        status: 413,
        body: <TooLargeNotice maxBytes={limit} />,
      });
    return bodyLimit({ maxSize: limit, onError: tooLarge })(c, next);
  });
  app.use('*', csrfGuard(services));

  app.route('/', createLoginRoutes(services));
  app.route('/', createDashboardRoutes(services));
  app.route('/', createCandidateListRoutes(services));
  app.route('/', createCandidateRoutes(services));
  app.route('/', createOpeningRoutes(services));
  app.route('/', createTriageRoutes(services));
  app.route('/', createDigestRoutes(services));
  app.route('/', createImportRoutes(services));
  app.route('/', createRecruiterRoutes(services));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not found' }, 404);
    return c.text('Not found', 404);
  });
  app.onError((error, c) => {
    if (c.req.path.startsWith('/api/')) {
      if (statusFor(error) === 500) deps.logger?.error({ err: error, path: c.req.path }, 'admin API request failed');
      return c.json({ error: publicMessage(error).message, details: publicMessage(error).details }, statusFor(error));
    }
    return renderProblem(c, services, error);
  });
  return app;
}
