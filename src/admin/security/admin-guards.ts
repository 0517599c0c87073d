// The admin app's gatekeepers, in the order they run: the Host check (no-token mode), the session (login
// with admin.token, or an automatic session in no-token mode so forms still carry a CSRF token), the bearer
// token for /api, and the CSRF check on every POST (same origin, and the session's synchronizer token).
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AdminEnv, AdminServices } from '../admin-context.js';
import { isLoopbackHost, isSameOriginRequest, originOf } from './request-checks.js';
import { secretsEqual } from './secret-compare.js';

export const SESSION_COOKIE = 'keepwarm_session';
const PUBLIC_PATHS = new Set(['/login', '/assets/admin.css', '/healthz']);

export function isHttps(c: Context, services: AdminServices): boolean {
  return c.req.url.startsWith('https:') || (services.deps.config.admin.publicUrl ?? '').startsWith('https:');
}

export function setSessionCookie(c: Context, services: AdminServices, value: string): void {
  setCookie(c, SESSION_COOKIE, value, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c, services), path: '/' });
}

export function ownOrigins(c: Context, services: AdminServices): string[] {
  return [originOf(c.req.url), originOf(services.deps.config.admin.publicUrl ?? '')].filter(
    (o): o is string => o !== null,
  );
}

export function hostGuard(services: AdminServices): MiddlewareHandler {
  return async (c, next) => {
    if (services.openMode && !isLoopbackHost(c.req.header('host') ?? new URL(c.req.url).host)) {
      return c.text('This admin page has no admin.token, so it answers only on 127.0.0.1 or localhost.', 403);
    }
    await next();
  };
}

export function sessionGuard(services: AdminServices): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    // /api has its own guard (the Bearer token) and answers in JSON, even for a path it does not know.
    if (PUBLIC_PATHS.has(c.req.path) || c.req.path.startsWith('/api/')) return next();
    let session = services.sessions.fromCookie(getCookie(c, SESSION_COOKIE));
    if (!session && services.openMode) {
      const created = services.sessions.create();
      setSessionCookie(c, services, created.cookie);
      session = created.session;
    }
    if (!session) {
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/';
      return c.redirect(`/login?next=${encodeURIComponent(back)}`, 303);
    }
    c.set('session', session);
    await next();
  };
}

export function apiGuard(services: AdminServices): MiddlewareHandler {
  return async (c, next) => {
    if (services.openMode) return next();
    const token = services.deps.config.admin.token ?? '';
    const address = services.clientAddress(c);
    const check = services.throttle.check(address);
    if (!check.allowed) {
      c.header('Retry-After', String(check.retryAfterSeconds));
      return c.json({ error: 'too many failed attempts; try again later' }, 429);
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1] || !secretsEqual(match[1], token)) {
      services.throttle.failed(address);
      c.header('WWW-Authenticate', 'Bearer realm="keepwarm"');
      return c.json({ error: 'a valid admin token is required (Authorization: Bearer …)' }, 401);
    }
    services.throttle.succeeded(address);
    await next();
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function csrfGuard(services: AdminServices): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (!STATE_CHANGING.has(c.req.method)) return next();
    const sameOrigin = isSameOriginRequest(
      { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') },
      ownOrigins(c, services),
    );
    if (!sameOrigin) return c.text('This form was sent from another site, so it was refused.', 403);
    if (c.req.path === '/login') return next(); // no session yet: the origin check above is its protection
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
      return c.text('Expected a form.', 415);
    }
    const form = await c.req.parseBody();
    const given = typeof form._csrf === 'string' ? form._csrf : '';
    if (!secretsEqual(given, c.get('session').csrf)) {
      return c.text('This form has expired or did not come from this page. Go back, reload and try again.', 403);
    }
    await next();
  };
}
