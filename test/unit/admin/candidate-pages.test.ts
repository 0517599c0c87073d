// The candidate list and one candidate's page: search, filters and sorts (only allowlisted values), mail shown
// as text whatever it holds, and each edit going through the CLI's use cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAdminWorld, XSS } from '../../support/admin-world.js';
import { createHarness, visibleText, type Client, type Harness } from './admin-harness.js';

let h: Harness;
let c: Client;
const backfilled: string[][] = [];
const id = async (name: string): Promise<number> =>
  (await h.library.db.selectFrom('candidates').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const names = (html: string): string[] =>
  [...html.matchAll(/<td class="name-cell"><a href="\/candidates\/\d+">([^<]+)<\/a>/g)].map((m) => m[1] ?? '');

beforeAll(async () => {
  h = await createHarness({
    deps: {
      backfill: async (keys) => {
        backfilled.push([...keys]);
        return '2 earlier message(s) logged';
      },
    },
  });
  await seedAdminWorld(h.library.db);
  c = h.client();
  await c.login();
});
afterAll(async () => h.remove());

describe('the candidate list', () => {
  it('lists everyone by name with why the digest lists them', async () => {
    const html = await c.open('/candidates?due=any');
    expect(names(html).slice(0, 3)).toEqual(['Aisha Khan', 'Grace Lee', 'Jane Roe']);
    expect(visibleText(html)).toContain('Feedback owed');
    expect(visibleText(await c.open('/candidates'))).toContain('12 people match.');
  });

  it('is sent as UTF-8 HTML whatever the names hold', async () => {
    const response = await c.get('/candidates?status=placed_elsewhere');
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.toString('utf8')).toContain('José Núñez');
    expect(bytes.toString('utf8')).toMatch(/^<!doctype html><html lang="en">.*<\/html>$/s);
  });

  it('searches by name, address and skill, and filters by status, owner and reason', async () => {
    expect(names(await c.open('/candidates?q=roe'))).toEqual(['Jane Roe']);
    expect(names(await c.open('/candidates?q=omar.haddad%40example.com'))).toEqual(['Omar Haddad']);
    expect(names(await c.open('/candidates?q=cardiology'))).toEqual(['Hannah Wu', 'Priya Shah']);
    expect(names(await c.open('/candidates?status=placed_elsewhere'))).toEqual(['José Núñez']);
    expect(names(await c.open('/candidates?owner=ben%40agency.example&due=bounced'))).toEqual(['Kevin Brown']);
    expect(names(await c.open('/candidates?due=feedback_owed'))).toEqual(['Omar Haddad']);
  });

  it('sorts by last contact and by days overdue', async () => {
    expect(names(await c.open('/candidates?sort=last_contact')).slice(0, 3)).toEqual([
      'Derek Miles',
      'Priya Shah',
      'Aisha Khan',
    ]);
    expect(names(await c.open('/candidates?sort=overdue')).slice(0, 3)).toEqual([
      'Lena Fischer',
      'José Núñez',
      'Kevin Brown',
    ]);
  });

  it('answers 400 for values outside the allowlists, and treats injection attempts as plain text', async () => {
    for (const query of [
      'sort=name;drop table candidates',
      'sort=c.name%20desc',
      'status=runner_up%27%20or%201%3D1--',
      'due=everything',
      'page=-1',
      'page=abc',
      'owner=nobody%40agency.example',
    ]) {
      const response = await c.get(`/candidates?${query}`);
      expect(response.status, query).toBe(400);
    }
    for (const q of ["' or 1=1 --", '%', '_', "Roe'); drop table candidates; --", '\\']) {
      const response = await c.get(`/candidates?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(names(await response.text()), q).toEqual([]);
    }
    expect(await h.library.db.selectFrom('candidates').select('id').execute()).toHaveLength(12);
  });

  it('pages fifty at a time', async () => {
    const db = h.library.db;
    for (let i = 0; i < 50; i++)
      await db
        .insertInto('candidates')
        .values({ name: `Zed ${String(i).padStart(2, '0')}` })
        .execute();
    const second = await c.open('/candidates?page=2');
    expect(names(second)).toEqual([
      'Zed 38',
      'Zed 39',
      'Zed 40',
      'Zed 41',
      'Zed 42',
      'Zed 43',
      'Zed 44',
      'Zed 45',
      'Zed 46',
      'Zed 47',
      'Zed 48',
      'Zed 49',
    ]);
    expect(visibleText(second)).toContain('51–62 of 62');
    await db.deleteFrom('candidates').where('name', 'like', 'Zed %').execute();
  });
});

describe('one candidate', () => {
  it('shows the profile, addresses, decisions, the year strip and every mail, with mail content as text', async () => {
    const html = await c.open(`/candidates/${await id('Jane Roe')}`);
    const text = visibleText(html);
    expect(text).toContain('Oncology Sales Specialist at Northwind Pharma');
    expect(html).toContain('Strong clinical knowledge; build hospital formulary experience.');
    expect(html).toContain('<svg class="strip"');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Attachments: &lt;img src=x onerror=alert(1)&gt;.pdf');
    expect(text).toContain('auto-reply');
    expect(text).toContain('Seen in log/INBOX');
  });

  it('escapes a name that holds markup', async () => {
    await h.library.db
      .updateTable('candidates')
      .set({ name: `Jane ${XSS}` })
      .where('name', '=', 'Jane Roe')
      .execute();
    const page = await c.open(`/candidates/${await id(`Jane ${XSS}`)}`);
    expect(page).not.toContain('<img');
    expect(page).toContain('<title>Jane &lt;img src=x onerror=alert(1)&gt; · keepwarm</title>');
    expect(await c.open('/candidates?q=jane')).not.toContain('<img');
    await h.library.db.updateTable('candidates').set({ name: 'Jane Roe' }).where('name', '=', `Jane ${XSS}`).execute();
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await c.get('/candidates/99999')).status).toBe(404);
    expect((await c.get('/candidates/1%20or%201=1')).status).toBe(404);
  });

  it('edits status, owner, cadence and notes', async () => {
    const jose = await id('José Núñez');
    await c.open(`/candidates/${jose}`);
    const response = await c.post(`/candidates/${jose}/profile`, {
      name: 'José Núñez',
      status: 'active',
      owner: 'ben@agency.example',
      cadenceDays: '45',
      notes: 'Prefers phone calls.',
    });
    expect(response.headers.get('location')).toBe(`/candidates/${jose}`);
    expect(visibleText(await c.open(`/candidates/${jose}`))).toContain('Saved: status, cadence days, notes, owner.');
    const row = await h.library.db
      .selectFrom('candidates')
      .select(['status', 'cadence_days', 'notes'])
      .where('id', '=', jose)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'active', cadence_days: 45, notes: 'Prefers phone calls.' });
    await c.post(`/candidates/${jose}/profile`, { name: 'José Núñez', status: 'active', cadenceDays: '0' });
    expect(visibleText(await c.open(`/candidates/${jose}`))).toContain('cadenceDays: at least 1');
  });

  it('takes an owner and a cadence away again: blank means no owner and the default cadence', async () => {
    const jose = await id('José Núñez');
    await c.open(`/candidates/${jose}`);
    await c.post(`/candidates/${jose}/profile`, {
      name: 'José Núñez',
      status: 'active',
      owner: 'ben@agency.example',
      cadenceDays: '45',
    });
    const page = await c.open(`/candidates/${jose}`);
    expect(page).toContain('<option value="">No owner</option>'); // offered while an owner is set
    await c.post(`/candidates/${jose}/profile`, { name: 'José Núñez', status: 'active', owner: '', cadenceDays: '' });
    expect(visibleText(await c.open(`/candidates/${jose}`))).toContain('Saved: cadence days, owner.');
    const row = await h.library.db
      .selectFrom('candidates')
      .select(['cadence_days', 'owner_recruiter_id'])
      .where('id', '=', jose)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ cadence_days: null, owner_recruiter_id: null });
  });

  it('snoozes until a date in the agency zone, refuses a past or impossible date, and ends a snooze', async () => {
    const omar = await id('Omar Haddad');
    await c.open(`/candidates/${omar}`);
    await c.post(`/candidates/${omar}/snooze`, { until: '2024-07-01', reason: 'Parental leave' });
    const snoozed = await h.library.db
      .selectFrom('candidates')
      .select(['snoozed_until', 'snooze_reason'])
      .where('id', '=', omar)
      .executeTakeFirstOrThrow();
    expect(snoozed).toEqual({ snoozed_until: '2024-07-01T04:00:00.000Z', snooze_reason: 'Parental leave' });
    for (const [until, message] of [
      ['2024-01-01', 'is not in the future'],
      ['2024-02-30', 'is not a calendar date'],
      ['next week', 'must be a date'],
    ]) {
      await c.post(`/candidates/${omar}/snooze`, { until: until ?? '' });
      expect(visibleText(await c.open(`/candidates/${omar}`))).toContain(message);
    }
    await c.post(`/candidates/${omar}/snooze`, { clear: '1' });
    expect(
      (
        await h.library.db
          .selectFrom('candidates')
          .select('snoozed_until')
          .where('id', '=', omar)
          .executeTakeFirstOrThrow()
      ).snoozed_until,
    ).toBeNull();
  });

  it('adds an address and fetches its earlier mail through the backfill seam', async () => {
    const priya = await id('Priya Shah');
    await c.open(`/candidates/${priya}`);
    await c.post(`/candidates/${priya}/addresses`, { email: 'priya@home.example' });
    expect(visibleText(await c.open(`/candidates/${priya}`))).toContain(
      'Added priya@home.example. Then 2 earlier message(s) logged.',
    );
    expect(backfilled.at(-1)).toEqual(['priya@home.example']);
    await c.post(`/candidates/${priya}/addresses`, { email: 'Priya.Shah+jobs@Example.com' });
    expect(visibleText(await c.open(`/candidates/${priya}`))).toContain(
      'Priya.Shah+jobs@Example.com was already theirs.',
    );
    await c.post(`/candidates/${priya}/addresses`, { email: 'jane.roe@example.com' });
    expect(visibleText(await c.open(`/candidates/${priya}`))).toContain('already belongs to another candidate');
  });

  it('records feedback notes for a decision', async () => {
    const omar = await id('Omar Haddad');
    await c.open(`/candidates/${omar}`);
    await c.post(`/candidates/${omar}/feedback`, {
      opening: 'Oncology Sales Specialist',
      client: 'Northwind Pharma',
      notes: 'Great energy; learn the oncology pipeline.',
    });
    const outcome = await h.library.db
      .selectFrom('outcomes')
      .select('feedback_notes')
      .where('candidate_id', '=', omar)
      .executeTakeFirstOrThrow();
    expect(outcome.feedback_notes).toBe('Great energy; learn the oncology pipeline.');
  });

  it('exports the person as JSON, as a download', async () => {
    const response = await c.get(`/candidates/${await id('Grace Lee')}/export.json`);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="keepwarm-candidate-\d+\.json"$/,
    );
    expect(await response.json()).toMatchObject({
      candidate: { name: 'Grace Lee' },
      emails: [{ email: 'grace.lee@example.com' }],
    });
  });

  it('erases only after the confirmation step', async () => {
    const tomas = await id('Tomás Ortega');
    const plan = visibleText(await c.open(`/candidates/${tomas}/erase`));
    expect(plan).toContain('Erase Tomás Ortega?');
    expect(plan).toContain('2 logged mails');
    await c.post(`/candidates/${tomas}/erase`, { confirm: 'yes' });
    expect(visibleText(await c.open(`/candidates/${tomas}/erase`))).toContain('type ERASE to confirm');
    const done = await c.post(`/candidates/${tomas}/erase`, { confirm: 'ERASE' });
    expect(done.headers.get('location')).toBe('/candidates');
    expect(visibleText(await c.open('/candidates'))).toContain('Tomás Ortega was erased.');
    expect((await c.get(`/candidates/${tomas}`)).status).toBe(404);
  });
});
