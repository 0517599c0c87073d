// Triage (opt-outs, unmatched addresses, held-back mail), openings and recruiters, each action through its use
// case and back to the page with what happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAdminWorld } from '../../support/admin-world.js';
import { createHarness, visibleText, type Client, type Harness } from './admin-harness.js';

let h: Harness;
let c: Client;
const backfilled: string[][] = [];

beforeAll(async () => {
  const backfill = async (keys: readonly string[]): Promise<null> => {
    backfilled.push([...keys]);
    return null;
  };
  h = await createHarness({ deps: { backfill } });
  await seedAdminWorld(h.library.db);
  c = h.client();
  await c.login();
});
afterAll(async () => h.remove());

const unmatchedId = async (email: string): Promise<number> =>
  (
    await h.library.db
      .selectFrom('unmatched_addresses')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).id;
const candidateId = async (name: string): Promise<number> =>
  (await h.library.db.selectFrom('candidates').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('triage', () => {
  it('lists opt-outs awaiting confirmation, unmatched addresses and held-back mail, all as text', async () => {
    const html = await c.open('/triage');
    const text = visibleText(html);
    expect(text).toContain('Opt-outs to confirm (1)');
    expect(text).toContain('“Please remove me from your list”: Please stop emailing me.');
    expect(text).toContain('stranger@elsewhere.example Sam Stranger 3');
    expect(text).toContain('Sender not verified');
    expect(html).not.toContain('<img');
    expect(html).toContain('value="Maria &lt;img src=x onerror=alert(1)&gt;"');
  });

  it('confirms an opt-out from triage and returns there', async () => {
    const derek = await candidateId('Derek Miles');
    await c.open('/triage');
    const response = await c.post(`/candidates/${derek}/opt-out?from=triage`, { decision: 'confirm' });
    expect(response.headers.get('location')).toBe('/triage');
    expect(visibleText(await c.open('/triage'))).toContain('Confirmed: they will not be contacted. ');
    const row = await h.library.db
      .selectFrom('candidates')
      .select(['status', 'opt_out_detected_at'])
      .where('id', '=', derek)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'do_not_contact', opt_out_detected_at: null });
    await c.post(`/candidates/${derek}/opt-out`, { decision: 'undo' });
    expect(visibleText(await c.open(`/candidates/${derek}`))).toContain(
      'this candidate has no opt-out awaiting confirmation',
    );
  });

  it('creates a candidate from an unmatched address, backfilling its mail', async () => {
    await c.open('/triage');
    const response = await c.post(`/triage/unmatched/${await unmatchedId('stranger@elsewhere.example')}/create`, {
      name: 'Sam Stranger',
    });
    const sam = await candidateId('Sam Stranger');
    expect(response.headers.get('location')).toBe(`/candidates/${sam}`);
    expect(backfilled.at(-1)).toEqual(['stranger@elsewhere.example']);
    expect(visibleText(await c.open('/triage'))).not.toContain('stranger@elsewhere.example');
  });

  it('adds an unmatched address to a candidate found by search', async () => {
    const entry = await unmatchedId('maria.gomez@example.com');
    const found = visibleText(await c.open(`/triage/unmatched/${entry}/attach?q=aisha`));
    expect(found).toContain('Whose address is maria.gomez@example.com?');
    expect(found).toContain('Add to Aisha Khan');
    await c.post(`/triage/unmatched/${entry}/attach`, { candidateId: String(await candidateId('Aisha Khan')) });
    const emails = await h.library.db
      .selectFrom('candidate_emails')
      .select('email')
      .where('candidate_id', '=', await candidateId('Aisha Khan'))
      .orderBy('id')
      .execute();
    expect(emails.map((e) => e.email)).toEqual(['aisha.khan@example.com', 'maria.gomez@example.com']);
    await c.post(`/triage/unmatched/${entry}/attach`, { candidateId: String(await candidateId('Aisha Khan')) });
    expect(visibleText(await c.open('/triage'))).toContain('this triage entry is gone (already handled?)');
  });

  it('never logs an address, dismisses one, and dismisses a held-back message', async () => {
    const db = h.library.db;
    await db
      .insertInto('unmatched_addresses')
      .values([
        {
          email: 'partner@home.example',
          email_key: 'partner@home.example',
          message_count: 1,
          last_seen_at: '2024-06-01T00:00:00.000Z',
        },
        {
          email: 'vendor@tools.example',
          email_key: 'vendor@tools.example',
          message_count: 9,
          last_seen_at: '2024-06-01T00:00:00.000Z',
        },
      ])
      .execute();
    await c.open('/triage');
    await c.post(`/triage/unmatched/${await unmatchedId('partner@home.example')}/never-log`, {});
    await c.post(`/triage/unmatched/${await unmatchedId('vendor@tools.example')}/dismiss`, {});
    const quarantined = (await db.selectFrom('quarantine').select('id').executeTakeFirstOrThrow()).id;
    await c.post(`/triage/quarantine/${quarantined}/resolve`, {});
    const text = visibleText(await c.open('/triage'));
    expect(text).toContain('Every address keepwarm saw belongs to someone in the library.');
    expect(text).toContain('No mail is held back.');
    expect(await db.selectFrom('never_log').select('email_key').execute()).toEqual([
      { email_key: 'partner@home.example' },
    ]);
    await c.post(`/triage/quarantine/${quarantined}/resolve`, {});
    expect(visibleText(await c.open('/triage'))).toContain('this quarantined message is gone');
  });
});

describe('openings', () => {
  it('adds, edits and closes an opening, and refuses a duplicate or a bad date', async () => {
    await c.open('/openings');
    await c.post('/openings', {
      title: 'Field Trainer',
      client: 'Contoso Health',
      skills: 'Training; CRM',
      status: 'open',
      owner: 'ben@agency.example',
      openedAt: '2024-06-03',
    });
    const opening = await h.library.db
      .selectFrom('openings')
      .selectAll()
      .where('title', '=', 'Field Trainer')
      .executeTakeFirstOrThrow();
    expect(opening).toMatchObject({ client: 'Contoso Health', status: 'open', opened_at: '2024-06-03T04:00:00.000Z' });
    expect(visibleText(await c.open(`/openings/${opening.id}/edit`))).toContain('Edit Field Trainer');
    await c.post(`/openings/${opening.id}`, {
      title: 'Senior Field Trainer',
      client: 'Contoso Health',
      skills: 'Training',
      status: 'open',
      owner: '',
    });
    expect(visibleText(await c.open('/openings'))).toContain('Saved “Senior Field Trainer”.');
    await c.post('/openings', { title: 'senior field trainer', client: 'CONTOSO HEALTH', status: 'open' });
    expect(visibleText(await c.open('/openings'))).toContain('already exists');
    await c.post('/openings', { title: 'X', client: 'Y', status: 'open', openedAt: '2024-13-01' });
    expect(visibleText(await c.open('/openings'))).toContain('is not a date');
    await c.post('/openings', { title: 'X', client: 'Y', status: 'paused' });
    expect(visibleText(await c.open('/openings'))).toContain('status:');
    await c.post(`/openings/${opening.id}/close`, {});
    const closed = await h.library.db
      .selectFrom('openings')
      .select(['title', 'status', 'owner_recruiter_id'])
      .where('id', '=', opening.id)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ title: 'Senior Field Trainer', status: 'closed', owner_recruiter_id: null });
  });
});

describe('recruiters', () => {
  it('adds a recruiter, edits aliases, zone and digest time, and refuses bad values', async () => {
    await c.open('/recruiters');
    await c.post('/recruiters', {
      name: 'Eve Stone',
      email: 'eve@agency.example',
      aliases: 'eve.stone@agency.example',
      timezone: 'Europe/Paris',
      digestDay: '5',
      digestTime: '09:30',
    });
    const eve = await h.library.db
      .selectFrom('recruiters')
      .selectAll()
      .where('email', '=', 'eve@agency.example')
      .executeTakeFirstOrThrow();
    expect(eve).toMatchObject({ name: 'Eve Stone', timezone: 'Europe/Paris', digest_day: 5, digest_time: '09:30' });
    expect(visibleText(await c.open('/recruiters'))).toContain('Friday at 09:30 (Europe/Paris)');
    await c.open(`/recruiters/${eve.id}/edit`);
    await c.post(`/recruiters/${eve.id}`, {
      name: 'Eve Stone',
      email: 'ignored@agency.example',
      aliases: 'e@agency.example\ne.s@agency.example',
      timezone: 'Europe/Berlin',
      digestDay: '1',
      digestTime: '07:00',
    });
    const aliases = await h.library.db
      .selectFrom('recruiter_aliases')
      .select('email')
      .where('recruiter_id', '=', eve.id)
      .orderBy('email')
      .execute();
    expect(aliases.map((a) => a.email)).toEqual(['e.s@agency.example', 'e@agency.example']);
    await c.post(`/recruiters/${eve.id}`, {
      name: 'Eve Stone',
      email: 'eve@agency.example',
      aliases: 'not an address',
      timezone: 'Mars/Olympus',
      digestDay: '1',
      digestTime: '25:00',
    });
    const text = visibleText(await c.open(`/recruiters/${eve.id}/edit`));
    expect(text).toContain('alias "not an address" is not an email address');
    await c.post('/recruiters', {
      name: 'Ann',
      email: 'ann@agency.example',
      timezone: 'Mars/Olympus',
      digestDay: '1',
      digestTime: '25:00',
    });
    const errors = visibleText(await c.open('/recruiters'));
    expect(errors).toContain('"Mars/Olympus" is not an IANA time zone');
    expect(errors).toContain('digest time "25:00" is not HH:MM');
  });
});
