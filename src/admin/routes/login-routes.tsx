// Login with admin.token and logout. A success starts a fresh session (a new id, so a planted cookie is worth
// nothing); a failure counts against the client's address in the throttle, and while an address is locked out
// even the right token is refused. Without a token (loopback only) there is nothing to log in to.
import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import type { AdminEnv, AdminServices } from '../admin-context.js';
import { SESSION_COOKIE, setSessionCookie } from '../security/admin-guards.js';
import { safeReturnPath } from '../security/request-checks.js';
import { secretsEqual } from '../security/secret-compare.js';
import { LoginPage } from '../views/login-page.js';

export function createLoginRoutes(services: AdminServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/login', (c) => {
    if (services.openMode) return c.redirect('/', 303);
    return c.html(<LoginPage next={safeReturnPath(c.req.query('next'))} message={null} />);
  });

  app.post('/login', async (c) => {
    if (services.openMode) return c.redirect('/', 303);
    const form = await c.req.parseBody();
    const next = safeReturnPath(typeof form.next === 'string' ? form.next : undefined);
    const address = services.clientAddress(c);
    const locked = (seconds: number): Response | Promise<Response> => {
      c.header('Retry-After', String(seconds));
      const minutes = Math.ceil(seconds / 60);
      const message = `Too many wrong tokens from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
      return c.html(<LoginPage next={next} message={message} />, 429);
    };
    const check = services.throttle.check(address);
    if (!check.allowed) return locked(check.retryAfterSeconds);
    const given = typeof form.token === 'string' ? form.token : '';
    if (!secretsEqual(given, services.deps.config.admin.token ?? '')) {
      const after = services.throttle.failed(address);
      services.deps.logger?.warn({ address }, 'admin login failed');
      if (!after.allowed) return locked(after.retryAfterSeconds);
      return c.html(<LoginPage next={next} message="That token is not right." />, 401);
    }
    services.throttle.succeeded(address);
    const { cookie } = services.sessions.create();
    setSessionCookie(c, services, cookie);
    return c.redirect(next, 303);
  });

  app.post('/logout', (c) => {
    services.sessions.destroy(c.get('session').id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect(services.openMode ? '/' : '/login', 303);
  });

  return app;
}
