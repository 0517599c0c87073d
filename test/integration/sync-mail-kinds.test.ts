// Every mode, kind and signal of the mail issue, with .eml fixtures in the shapes real clients write,
// synced from a real Dovecot. The agency pins its receiving server's authserv-id, so recruiter mail in
// the log mailbox must carry a pass from mx.agency.example.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { ALICE, LOG, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { waitFor } from '../support/mail-bench.js';

let world: SyncWorld;
const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/mail/${name}`, import.meta.url));

interface Shown {
  status: string;
  snoozedUntil: string | null;
  emails: { email: string; bouncingSince: string | null }[];
  interactions: {
    at: string;
    subject: string;
    direction: string;
    kind: string;
    snippet: string;
    note?: string | null;
    signals: { code: string; category: string | null; text: string }[];
    sources: { mailbox: string; folder: string }[];
  }[];
}

async function show(email: string): Promise<Shown> {
  const result = await world.cli.run('candidates', 'show', email, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Shown;
}

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({ authservId: 'mx.agency.example' });
  const toLog = [
    'gmail-forward.eml',
    'outlook-forward.eml',
    'apple-mail-forward.eml',
    'forward-attached-message.eml',
    'outlook-forward-german.eml',
    'promise-outbound.eml',
    'forwarded-bounce.eml',
    'apple-mail-reply.eml',
  ];
  const toAlice = [
    'gmail-reply.eml',
    'outlook-reply.eml',
    'out-of-office.eml',
    'windows-1252-html-reply.eml',
    'no-message-id.eml',
    'opt-out-reply.eml',
    'life-event-reply.eml',
    'newsletter.eml',
    'accepted-offer-reply.eml',
  ];
  for (const name of toLog) await world.bench.appendMessage(LOG, 'INBOX', fixture(name));
  for (const name of toAlice) await world.bench.appendMessage(ALICE, 'INBOX', fixture(name));
  // The mail Alice forwarded inline (gmail-forward.eml), as it sits in her own INBOX.
  await world.bench.appendMessage(
    ALICE,
    'INBOX',
    message({
      from: 'Jane Roe <jane.roe@gmail.com>',
      to: ALICE,
      subject: 'Question about the Acme role',
      date: 'Mon, 23 Nov 2026 09:14:31 +0000',
      messageId: 'jane-acme-question@mail.gmail.com',
      body: 'Hi Alice,\r\n\r\nIs the Acme role still open? I would love to be considered again.\r\n\r\nJane',
    }),
  );
  for (const name of ['forged-auth-other-authserv.eml', 'forged-auth-comment.eml', 'forged-auth-duplicate-below.eml'])
    await world.bench.appendMessage(LOG, 'INBOX', fixture(name));
  const result = await world.sync();
  expect(result.code, result.stderr).toBe(0);
});

afterAll(async () => {
  await world?.stop();
});

describe('forwards to the log mailbox', () => {
  it('logs the original of Gmail, Outlook, Apple Mail and attached forwards, with the note above it', async () => {
    const jane = await show('jane@candidates.example');
    const subjects = jane.interactions.map((i) => i.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'Question about the Acme role',
        'Availability next week',
        'References',
        'Interview follow-up',
      ]),
    );
    const gmail = jane.interactions.find((i) => i.subject === 'Question about the Acme role')!;
    expect(gmail).toMatchObject({ direction: 'inbound', kind: 'personal' });
    expect(gmail.at.startsWith('2026-11-23')).toBe(true);
    const notes = await world.cli.withDb((db) =>
      db.selectFrom('interactions').select(['subject', 'note']).where('note', 'is not', null).execute(),
    );
    expect(notes.find((n) => n.subject === 'Question about the Acme role')?.note).toMatch(/\w/);
  });

  it('logs a German Outlook forward (WG:) by its original sender and date', async () => {
    const rows = await world.cli.withDb((db) =>
      db
        .selectFrom('interactions')
        .select(['subject', 'direction', 'occurred_at'])
        .where('subject', 'like', 'Bewerbung%')
        .execute(),
    );
    expect(rows).toMatchObject([{ direction: 'inbound' }]);
    expect(rows[0]!.occurred_at.startsWith('2026-11-23')).toBe(true);
  });

  it('keeps an inline forward and the forwarded mail in the INBOX as one interaction', async () => {
    const jane = await show('jane@candidates.example');
    const copies = jane.interactions.filter((i) => i.subject === 'Question about the Acme role');
    expect(copies).toHaveLength(1);
    expect(copies[0]!.sources.map((s) => `${s.mailbox}/${s.folder}`).sort()).toEqual(['alice/INBOX', 'log/INBOX']);
    const key = await world.cli.withDb((db) =>
      db
        .selectFrom('interactions')
        .select('message_key')
        .where('subject', '=', 'Question about the Acme role')
        .execute(),
    );
    expect(key).toEqual([{ message_key: 'jane-acme-question@mail.gmail.com' }]);
  });

  it('does not treat a forwarded bounce as a bounce', async () => {
    const jane = await show('jane@candidates.example');
    expect(jane.interactions.some((i) => i.kind === 'bounce' && i.sources.some((s) => s.mailbox === 'log'))).toBe(
      false,
    );
  });
});

describe('replies in a recruiter INBOX', () => {
  it('keeps only the new text of a reply as its snippet', async () => {
    const jane = await show('jane@candidates.example');
    const reply = jane.interactions.find((i) => i.subject === 'Re: Senior Sales Representative - Acme Medical')!;
    expect(reply).toMatchObject({ direction: 'inbound', kind: 'personal' });
    expect(reply.snippet).not.toMatch(/wrote:|^>/m);
    expect(reply.snippet.length).toBeGreaterThan(0);
  });

  it('reads a windows-1252 HTML-only reply into readable text', async () => {
    const rene = await show('rene.mueller@candidates.example');
    expect(rene.interactions[0]!.subject).toContain('délégué médical');
    expect(rene.interactions[0]!.snippet).toMatch(/[éèà’]/);
  });

  it('logs a message without Message-ID once', async () => {
    const jane = await show('jane@candidates.example');
    expect(jane.interactions.filter((i) => i.subject === 'Re: Signed consent form')).toHaveLength(1);
  });

  it('snoozes a candidate whose out-of-office names a return date, and does not count it as contact', async () => {
    const jane = await show('jane@candidates.example');
    const ooo = jane.interactions.find((i) => i.subject.startsWith('Automatic reply'))!;
    expect(ooo.kind).toBe('auto_reply');
    expect(jane.snoozedUntil?.startsWith('2026-12-08')).toBe(true);
  });

  it('sets an opt-out to do_not_contact at once, awaiting confirmation', async () => {
    const john = await show('john.doe@gmail.com');
    expect(john.status).toBe('do_not_contact');
    expect(john.interactions[0]!.signals).toMatchObject([{ code: 'opt_out' }]);
  });

  it('moves "I accepted another offer" to placed elsewhere, not an opt-out', async () => {
    const maria = await show('maria.garcia@candidates.example');
    expect(maria.status).toBe('placed_elsewhere');
    expect(maria.interactions[0]!.signals.map((s) => s.code)).toEqual(['placed_elsewhere']);
  });

  it('records a life event with its sentence, from new text only', async () => {
    const jane = await show('jane@candidates.example');
    const signals = jane.interactions.flatMap((i) => i.signals).filter((s) => s.code === 'life_event');
    expect(signals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'credential', text: expect.stringContaining('CPA') }),
      ]),
    );
    expect(signals.some((s) => s.category === 'baby')).toBe(false);
  });

  it('flags a recruiter over-promise', async () => {
    const jane = await show('jane@candidates.example');
    const promise = jane.interactions.find((i) => i.subject === 'Great news from Acme')!;
    expect(promise.direction).toBe('outbound');
    expect(promise.signals.map((s) => s.code)).toContain('promise_flag');
  });

  it('does not store newsletters', async () => {
    const subjects = await world.cli.withDb((db) => db.selectFrom('interactions').select('subject').execute());
    expect(subjects.map((s) => s.subject)).not.toContain('November at Acme Medical: 12 new openings');
  });
});

describe('sender trust', () => {
  it('quarantines spoofed recruiter mail whatever forged Authentication-Results it carries', async () => {
    const rows = await world.cli.withDb((db) => db.selectFrom('quarantine').select(['message_id', 'reason']).execute());
    expect(
      rows
        .filter((r) => r.reason === 'sender_not_verified')
        .map((r) => r.message_id)
        .sort(),
    ).toEqual(
      ['forged-comment@attacker.example', 'forged-duplicate@attacker.example', 'forged-other-id@attacker.example']
        .map((id) => `<${id}>`)
        .sort(),
    );
    const keys = await world.cli.withDb((db) => db.selectFrom('interactions').select('message_key').execute());
    expect(keys.map((k) => k.message_key).some((k) => k.includes('attacker.example'))).toBe(false);
  });
});

describe('bounces', () => {
  it('marks an address dead from a bounce Postfix really generated', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: world.bench.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: ALICE,
      to: 'jane.old@candidates.example',
      subject: 'Checking in',
      text: 'Hi Jane',
    });
    await waitFor(
      async () => {
        await world.sync();
        const jane = await show('jane@candidates.example');
        return jane.emails.find((e) => e.email === 'jane.old@candidates.example')?.bouncingSince;
      },
      { timeoutMs: 20_000, intervalMs: 500 },
    );
    const jane = await show('jane@candidates.example');
    expect(jane.interactions.some((i) => i.kind === 'bounce')).toBe(true);
  });
});
