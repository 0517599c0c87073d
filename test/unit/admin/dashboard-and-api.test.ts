// The dashboard (mailbox health ok / failing / stale, counts, 26 weeks of mail drawn as SVG) and the JSON API
// for the same data, with the token as a Bearer header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAdminWorld } from '../../support/admin-world.js';
import { createHarness, TOKEN, visibleText, type Client, type Harness } from './admin-harness.js';

const mailbox = (name: string, extra: Record<string, unknown>) => ({
  name,
  host: 'imap.agency.example',
  user: name,
  pass: 'secret',
  ...extra,
});

let h: Harness;
let c: Client;
beforeAll(async () => {
  h = await createHarness({
    config: {
      logAddress: 'log@agency.example',
      mailboxes: [
        mailbox('log', { role: 'log', folders: ['INBOX'] }),
        mailbox('alice', { role: 'recruiter', recruiter: 'alice@agency.example', folders: ['INBOX', 'Sent'] }),
        mailbox('ben', { role: 'recruiter', recruiter: 'ben@agency.example', folders: ['INBOX'] }),
      ],
    },
  });
  await seedAdminWorld(h.library.db);
  await h.library.db
    .insertInto('mailbox_positions')
    .values({
      mailbox: 'ben',
      folder: 'INBOX',
      uidvalidity: '1',
      last_uid: 5,
      last_success_at: '2024-06-02T10:00:00.000Z',
      last_sync_at: '2024-06-02T10:00:00.000Z',
    })
    .execute();
  c = h.client();
  await c.login();
});
afterAll(async () => h.remove());

const api = (path: string): Promise<Response> =>
  Promise.resolve(h.app.request(path, { headers: { authorization: `Bearer ${TOKEN}` } }));

describe('the dashboard', () => {
  it("shows each mailbox folder's state, position and last error", async () => {
    const text = visibleText(await c.open('/'));
    expect(text).toMatch(/log log mailbox INBOX OK UID 1204 · validity 7/);
    expect(text).toContain('Sent Failing UID 88 · validity 3');
    expect(text).toContain('imap_auth: authentication failed');
    expect(text).toMatch(/ben ben@agency\.example INBOX Stale/);
  });

  it('counts the library, the digests and triage, and draws 26 weeks of mail as inline SVG', async () => {
    const html = await c.open('/');
    const text = visibleText(html);
    expect(text).toContain('Talent library: 12 candidates');
    expect(text).toMatch(/Runner-up 8 Active 1 Placed elsewhere 1 Do not contact 1 Archived 1/);
    expect(text).toMatch(/\d+ people in this week's digests/);
    expect(text).toContain('4 in triage (1 opt-outs to confirm)');
    const chart = /<svg class="chart"[^]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(chart.match(/<rect class="bar-out"/g)).toHaveLength(26);
    expect(chart.match(/<rect class="bar-in"/g)).toHaveLength(26);
    expect(chart).toContain('<title>Week of 3 Jun: 0 sent, 0 received</title>');
    expect(chart).toContain('<title>Week of 20 May: 3 sent, 1 received</title>');
    expect(html).not.toMatch(/\sstyle="/);
  });
});

describe('the JSON API', () => {
  it('GET /api/status: mailbox health and counts', async () => {
    const body = (await (await api('/api/status')).json()) as {
      mailboxes: { name: string; state: string }[];
      candidates: Record<string, number>;
    };
    expect(body.mailboxes.map((m) => [m.name, m.state])).toEqual([
      ['log', 'ok'],
      ['alice', 'failing'],
      ['ben', 'stale'],
    ]);
    expect(body.candidates.runner_up).toBe(8);
  });

  it('GET /api/candidates: the same search, filters and sorts as the page, with the same allowlists', async () => {
    const body = (await (await api('/api/candidates?q=oncology&sort=last_contact')).json()) as {
      total: number;
      items: { name: string; lastContactAt: string | null }[];
    };
    expect(body.total).toBe(4);
    // Lena's newest mail is a newsletter (bulk): her last personal contact is months old.
    expect(body.items.map((i) => i.name)).toEqual(['Jane Roe', 'Omar Haddad', 'Grace Lee', 'Lena Fischer']);
    const bad = await api('/api/candidates?sort=id%3B%20drop%20table%20candidates');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: expect.stringContaining('does not accept') });
    const due = (await (await api('/api/candidates?due=feedback_owed')).json()) as {
      items: { name: string; due: { codes: string[] } }[];
    };
    expect(due.items).toMatchObject([
      { name: 'Omar Haddad', due: { codes: expect.arrayContaining(['feedback_owed']) } },
    ]);
  });

  it('GET /api/candidates/:id: the profile and the timeline, oldest first', async () => {
    const id = (
      await h.library.db
        .selectFrom('candidates')
        .select('id')
        .where('name', '=', 'Kevin Brown')
        .executeTakeFirstOrThrow()
    ).id;
    const body = (await (await api(`/api/candidates/${id}`)).json()) as {
      name: string;
      emails: unknown[];
      interactions: { kind: string; subject: string }[];
    };
    expect(body.name).toBe('Kevin Brown');
    expect(body.interactions.map((i) => [i.kind, i.subject])).toEqual([
      ['personal', 'Checking in'],
      ['bounce', 'Delivery Status Notification (Failure)'],
    ]);
    expect((await api('/api/candidates/424242')).status).toBe(404);
    expect((await api('/api/candidates/1;select')).status).toBe(404);
    expect((await api('/api/nothing-here')).status).toBe(404);
  });

  it('GET /api/digest: the digest JSON of `keepwarm digest --format json`', async () => {
    const body = (await (await api('/api/digest?recruiter=1&at=2024-06-05T09:00')).json()) as {
      recruiter: string;
      at: string;
      items: { candidate: { name: string } }[];
    };
    expect(body.recruiter).toBe('alice@agency.example');
    expect(body.at).toBe('2024-06-05T13:00:00.000Z');
    expect(body.items.map((i) => i.candidate.name)).toContain('Omar Haddad');
    expect((await api('/api/digest?at=soon')).status).toBe(400);
  });
});
