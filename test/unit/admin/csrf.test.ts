// Every state change is a POST that carries the session's CSRF token and comes from our own origin; GET
// never changes anything. Each POST route is tried with the token missing, wrong, and from another site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAdminWorld } from '../../support/admin-world.js';
import { createHarness, type Client, type Harness } from './admin-harness.js';

let h: Harness;
let c: Client;
let jane: number;
let unmatched: number;
let quarantined: number;
let opening: number;

beforeAll(async () => {
  h = await createHarness();
  await seedAdminWorld(h.library.db);
  const db = h.library.db;
  jane = (await db.selectFrom('candidates').select('id').where('name', '=', 'Jane Roe').executeTakeFirstOrThrow()).id;
  unmatched = (await db.selectFrom('unmatched_addresses').select('id').executeTakeFirstOrThrow()).id;
  quarantined = (await db.selectFrom('quarantine').select('id').executeTakeFirstOrThrow()).id;
  opening = (await db.selectFrom('openings').select('id').executeTakeFirstOrThrow()).id;
  c = h.client();
  await c.login();
  await c.open('/');
});
afterAll(async () => h.remove());

const actions = (): [string, Record<string, string>][] => [
  ['/logout', {}],
  [`/candidates/${jane}/profile`, { name: 'Jane Roe', status: 'archived' }],
  [`/candidates/${jane}/snooze`, { until: '2024-09-01' }],
  [`/candidates/${jane}/addresses`, { email: 'jane.new@example.com' }],
  [`/candidates/${jane}/feedback`, { opening: 'Oncology Sales Specialist', client: 'Northwind Pharma', notes: 'x' }],
  [`/candidates/${jane}/opt-out`, { decision: 'confirm' }],
  [`/candidates/${jane}/erase`, { confirm: 'ERASE' }],
  ['/openings', { title: 'Rep', client: 'Acme', status: 'open' }],
  [`/openings/${opening}`, { title: 'Rep', client: 'Acme', status: 'open' }],
  [`/openings/${opening}/close`, {}],
  [`/triage/unmatched/${unmatched}/dismiss`, {}],
  [`/triage/unmatched/${unmatched}/never-log`, {}],
  [`/triage/unmatched/${unmatched}/create`, { name: 'Sam' }],
  [`/triage/unmatched/${unmatched}/attach`, { candidateId: String(jane) }],
  [`/triage/quarantine/${quarantined}/resolve`, {}],
  ['/digest/send', { recruiter: '1' }],
  ['/import', { kind: 'candidates' }],
  ['/import/apply', { staged: 'x' }],
  ['/recruiters', { name: 'Eve', email: 'eve@agency.example', timezone: 'UTC', digestDay: '1', digestTime: '08:00' }],
  ['/recruiters/1', { name: 'Eve', email: 'eve@agency.example', timezone: 'UTC', digestDay: '1', digestTime: '08:00' }],
];

async function snapshot(): Promise<string> {
  const db = h.library.db;
  const tables = [
    'candidates',
    'candidate_emails',
    'openings',
    'unmatched_addresses',
    'quarantine',
    'never_log',
    'recruiters',
    'outcomes',
    'audit_log',
  ] as const;
  const rows = await Promise.all(tables.map((table) => db.selectFrom(table).selectAll().execute()));
  return JSON.stringify(rows);
}

describe('CSRF and origin checks', () => {
  it('refuses every POST without the token, with a wrong one, or from another origin, and changes nothing', async () => {
    const before = await snapshot();
    for (const [path, fields] of actions()) {
      const attempts = [
        await c.post(path, fields, { csrf: null }),
        await c.post(path, fields, { csrf: 'not-the-token' }),
        await c.post(path, fields, { origin: 'https://evil.example' }),
        await c.post(path, fields, { origin: null, headers: { 'sec-fetch-site': 'cross-site' } }),
        await c.post(path, fields, { origin: 'null' }),
      ];
      expect(
        attempts.map((r) => r.status),
        path,
      ).toEqual([403, 403, 403, 403, 403]);
    }
    expect(await snapshot()).toBe(before);
    expect((await c.get('/')).status).toBe(200); // still logged in: the refused /logout did nothing
  });

  it("refuses another session's token", async () => {
    const other = h.client('198.51.100.30');
    await other.login();
    await other.open('/openings');
    const response = await c.post('/openings', { title: 'Rep', client: 'Acme', status: 'open' }, { csrf: other.csrf });
    expect(response.status).toBe(403);
  });

  it('accepts our own forms, including Origin: null when Sec-Fetch-Site says same-origin (Referrer-Policy no-referrer)', async () => {
    const response = await c.post(
      '/openings',
      { title: 'Field Rep', client: 'Acme', status: 'open' },
      { origin: 'null', headers: { 'sec-fetch-site': 'same-origin' } },
    );
    expect(response.status).toBe(303);
    expect(
      (await c.post('/openings', { title: 'Field Rep 2', client: 'Acme', status: 'open' }, { origin: null })).status,
    ).toBe(303);
  });

  it('wants a form, not JSON', async () => {
    const response = await h.app.request('/openings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: c.cookie ?? '', origin: 'http://localhost' },
      body: JSON.stringify({ _csrf: c.csrf, title: 'X', client: 'Y', status: 'open' }),
    });
    expect(response.status).toBe(415);
  });

  it('never changes anything on GET', async () => {
    const before = await snapshot();
    for (const [path] of actions()) await c.get(path);
    await c.get(`/candidates/${jane}/erase`);
    await c.get(`/candidates/${jane}/export.json`);
    await c.get(`/triage/unmatched/${unmatched}/attach?q=Jane`);
    expect(await snapshot()).toBe(before);
  });
});
