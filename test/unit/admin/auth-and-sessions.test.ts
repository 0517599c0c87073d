// Who gets in: login with the admin token (sessions in a signed HttpOnly SameSite=Strict cookie), the throttle
// on wrong tokens, the Bearer token for /api, the no-token loopback mode, and the headers on every response.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, TOKEN, type Harness } from './admin-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => h.remove());

describe('login and sessions', () => {
  it('sends a visitor without a session to the login page, and keeps /healthz open', async () => {
    const page = await h.client().get('/candidates?status=active');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fcandidates%3Fstatus%3Dactive');
    const health = await h.client().get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, version: 'test' });
  });

  it('refuses a wrong token and logs in with the right one into a fresh HttpOnly, SameSite=Strict session', async () => {
    const c = h.client();
    const wrong = await c.login('not-the-token');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That token is not right.');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await c.post('/login', { token: TOKEN, next: '/triage' }, { csrf: null });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/triage');
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^keepwarm_session=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect((await c.get('/triage')).status).toBe(200);
  });

  it('marks the cookie Secure when the admin is served over https', async () => {
    const secure = await createHarness({
      config: { admin: { token: TOKEN, publicUrl: 'https://keepwarm.agency.example' } },
    });
    const response = await secure.client().login();
    expect(response.headers.get('set-cookie')).toContain('; Secure');
    await secure.remove();
  });

  it('only returns to a local path after login', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const response = await h.client().post('/login', { token: TOKEN, next }, { csrf: null });
      expect(response.headers.get('location')).toBe('/');
    }
  });

  it('refuses a forged or tampered cookie', async () => {
    const c = h.client();
    await c.login();
    const [id] = (c.cookie ?? '').replace('keepwarm_session=', '').split('.');
    for (const forged of [`${id}.AAAA`, `${id}`, 'x.y', `${id}.${'a'.repeat(43)}.z`]) {
      const response = await h.app.request('/', { headers: { cookie: `keepwarm_session=${forged}` } });
      expect(response.status).toBe(303);
    }
  });

  it('ends the session on logout and after twelve idle hours', async () => {
    const c = h.client();
    await c.login();
    const cookie = c.cookie ?? '';
    await c.open('/');
    expect((await c.post('/logout', {})).headers.get('location')).toBe('/login');
    expect((await h.app.request('/', { headers: { cookie } })).status).toBe(303);

    const idle = h.client();
    await idle.login();
    h.setNow('2024-06-06T02:30:00.000Z');
    expect((await idle.get('/')).status).toBe(303);
  });
});

describe('login throttle', () => {
  it('locks an address out after five wrong tokens, refusing even the right one, then lets it try again', async () => {
    const attacker = h.client('203.0.113.9');
    for (let i = 0; i < 4; i++) expect((await attacker.login(`guess-${i}`)).status).toBe(401);
    const fifth = await attacker.login('guess-4');
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('60');
    const right = await attacker.login(TOKEN);
    expect(right.status).toBe(429);
    expect(await right.text()).toContain('Too many wrong tokens');

    expect((await h.client('198.51.100.20').login()).status).toBe(303);

    h.setNow('2024-06-05T14:01:01.000Z');
    const sixth = await attacker.login('guess-5');
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('120');
    h.setNow('2024-06-05T14:03:02.000Z');
    expect((await attacker.login(TOKEN)).status).toBe(303);
  });

  it('counts wrong Bearer tokens on the API against the same address', async () => {
    for (let i = 0; i < 5; i++)
      await h.app.request('/api/status', {
        headers: { authorization: `Bearer wrong-${i}`, 'x-test-client': '203.0.113.9' },
      });
    const locked = await h.app.request('/api/status', {
      headers: { authorization: `Bearer ${TOKEN}`, 'x-test-client': '203.0.113.9' },
    });
    expect(locked.status).toBe(429);
  });
});

describe('the JSON API', () => {
  it('wants the token as a Bearer header, not a session cookie', async () => {
    const none = await h.app.request('/api/status');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="keepwarm"');
    expect((await h.app.request('/api/status', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await h.app.request('/api/status', { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    const c = h.client();
    await c.login();
    expect((await c.get('/api/status')).status).toBe(401);
    const ok = await h.app.request('/api/status', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ mailboxes: [], candidates: { runner_up: 0 } });
  });
});

describe('without admin.token (loopback only)', () => {
  it('opens the pages without login on a loopback Host, refuses other Hosts, and still wants the CSRF token', async () => {
    const open = await createHarness({ token: null });
    const c = open.client();
    expect((await c.get('/login')).headers.get('location')).toBe('/');
    expect((await c.get('/')).status).toBe(200);
    expect((await c.get('/', { host: '127.0.0.1:8787' })).status).toBe(200);
    expect((await c.get('/', { host: '[::1]:8787' })).status).toBe(200);
    const rebound = await c.get('/candidates', { host: 'evil.example:8787' });
    expect(rebound.status).toBe(403);
    expect((await open.app.request('/api/status')).status).toBe(200);
    expect((await c.post('/openings', { title: 'Rep', client: 'Acme', status: 'open' }, { csrf: null })).status).toBe(
      403,
    );
    await c.open('/openings');
    expect((await c.post('/openings', { title: 'Rep', client: 'Acme', status: 'open' })).status).toBe(303);
    await open.remove();
  });
});

describe('security headers', () => {
  it('sends a strict CSP and the usual headers with every page, and no cache', async () => {
    const c = h.client();
    for (const path of ['/login', '/assets/admin.css']) {
      const response = await c.get(path);
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect((await c.get('/login')).headers.get('cache-control')).toBe('no-store');
    const html = await (await c.get('/login')).text();
    expect(html).not.toMatch(/<script|\sstyle="|\son\w+="/i);
  });

  it('sends them with every kind of response: a list page, a problem page, a redirect, a 304 and an unknown path', async () => {
    const c = h.client();
    await c.login();
    const css = await c.get('/assets/admin.css');
    const responses = [
      await c.get('/candidates?q=jane'),
      await c.get('/candidates?sort=bogus'),
      await h.client().get('/candidates'),
      await c.get('/assets/admin.css', { 'if-none-match': css.headers.get('etag') ?? '' }),
      await c.get('/no-such-page'),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 400, 303, 304, 404]);
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('permissions-policy')).toBe(
        'camera=(), microphone=(), geolocation=(), interest-cohort=()',
      );
    }
    expect(responses.map((r) => r.headers.get('cache-control'))).toEqual([
      'no-store',
      'no-store',
      'no-store',
      'no-cache',
      'no-store',
    ]);
  });

  it('serves the one stylesheet without login, revalidated by its ETag', async () => {
    const css = await h.client().get('/assets/admin.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const etag = css.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{16}"$/);
    expect((await h.client().get('/assets/admin.css', { 'if-none-match': etag })).status).toBe(304);
  });
});
