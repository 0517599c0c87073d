import { describe, expect, it } from 'vitest';
import { classifyKind } from './classify-kind.js';
import { isOutOfOfficeSubject } from './out-of-office-subject.js';
import { makeFacts } from '../../../test/fixtures/mail/make-facts.js';
import { loadFixture } from '../../../test/fixtures/mail/load-fixture.js';

const one = { candidateRecipientCount: 1 };
const dsn = { contentType: 'multipart/report', contentTypeParams: { 'report-type': 'delivery-status' } };
const daemon = { from: [{ name: 'Mail Delivery System', address: 'MAILER-DAEMON@mx.agency.example' }] };
const statusPart = { attachments: [{ filename: null, contentType: 'message/delivery-status', size: 10, content: '' }] };

describe('classifyKind on fixtures', () => {
  it.each([
    ['gmail-reply.eml', 'personal', 'personal'],
    ['outlook-reply.eml', 'personal', 'personal'],
    ['apple-mail-reply.eml', 'personal', 'personal'],
    ['windows-1252-html-reply.eml', 'personal', 'personal'],
    ['gmail-forward.eml', 'personal', 'personal'],
    ['out-of-office.eml', 'auto_reply', 'auto_submitted:auto-replied'],
    ['newsletter.eml', 'bulk', 'list_unsubscribe'],
    ['postfix-bounce.eml', 'bounce', 'delivery_report'],
    ['postfix-delay.eml', 'bounce', 'delivery_report'],
    ['forwarded-bounce.eml', 'personal', 'personal'],
  ])('%s is %s (%s)', async (file, kind, reason) => {
    expect(classifyKind(await loadFixture(file), one)).toEqual({ kind, reason });
  });

  it('does not take a forwarded bounce for a bounce even when the parser flattens it', async () => {
    const facts = await loadFixture('forwarded-bounce.eml');
    // Without ignoreEmbedded mailparser lifts the embedded DSN's parts into the forward's attachments.
    const flattened = { ...facts, attachments: [...facts.attachments, ...statusPart.attachments] };
    expect(classifyKind(flattened, one).kind).toBe('personal');
  });
});

describe('classifyKind signals', () => {
  it.each<[string, Parameters<typeof makeFacts>[0], string, string]>([
    [
      'Auto-Submitted: auto-replied',
      { headerList: [['Auto-Submitted', 'auto-replied']] },
      'auto_reply',
      'auto_submitted:auto-replied',
    ],
    [
      'Auto-Submitted: auto-generated',
      { headerList: [['Auto-Submitted', 'Auto-Generated']] },
      'auto_reply',
      'auto_submitted:auto-generated',
    ],
    [
      'Auto-Submitted with a comment',
      { headerList: [['Auto-Submitted', 'auto-replied (vacation)']] },
      'auto_reply',
      'auto_submitted:auto-replied',
    ],
    ['Auto-Submitted: no', { headerList: [['Auto-Submitted', 'no']] }, 'personal', 'personal'],
    [
      'Auto-Submitted: No (comment)',
      { headerList: [['Auto-Submitted', 'No (sent by a person)']] },
      'personal',
      'personal',
    ],
    ['X-Autoreply: yes', { headerList: [['X-Autoreply', 'yes']] }, 'auto_reply', 'x_autoreply'],
    ['X-Autorespond', { headerList: [['X-Autorespond', 'Out of office']] }, 'auto_reply', 'x_autorespond'],
    ['X-Autoreply: no', { headerList: [['X-Autoreply', 'no']] }, 'personal', 'personal'],
    ['Precedence: auto_reply', { headerList: [['Precedence', 'auto_reply']] }, 'auto_reply', 'precedence:auto_reply'],
    ['X-Auto-Response-Suppress alone', { headerList: [['X-Auto-Response-Suppress', 'All']] }, 'personal', 'personal'],
    ['an out-of-office subject', { subject: 'Out of Office: Senior Sales Rep' }, 'auto_reply', 'out_of_office_subject'],
    ['List-Id', { headerList: [['List-Id', 'Sales news <news.acme.example>']] }, 'bulk', 'list_id'],
    ['List-Unsubscribe', { headerList: [['List-Unsubscribe', '<mailto:u@acme.example>']] }, 'bulk', 'list_unsubscribe'],
    ['Precedence: bulk', { headerList: [['Precedence', 'bulk']] }, 'bulk', 'precedence:bulk'],
    ['Precedence: list', { headerList: [['Precedence', 'list']] }, 'bulk', 'precedence:list'],
    ['Precedence: junk', { headerList: [['Precedence', 'junk']] }, 'bulk', 'precedence:junk'],
    ['a DSN', dsn, 'bounce', 'delivery_report'],
    [
      'a global DSN',
      { contentType: 'multipart/report', contentTypeParams: { 'report-type': 'global-delivery-status' } },
      'bounce',
      'delivery_report',
    ],
    [
      'a read receipt report',
      { contentType: 'multipart/report', contentTypeParams: { 'report-type': 'disposition-notification' } },
      'personal',
      'personal',
    ],
    ['MAILER-DAEMON with a status part', { ...daemon, ...statusPart }, 'bounce', 'daemon_with_report_part'],
    [
      'postmaster with a bounce subject',
      { from: [{ name: '', address: 'postmaster@mail.example' }], subject: 'Undeliverable: Checking in' },
      'bounce',
      'daemon_bounce_subject',
    ],
    ['MAILER-DAEMON with an ordinary subject', { ...daemon, subject: 'Hello' }, 'personal', 'personal'],
    ['a person with a bounce subject', { subject: 'Fwd: Undeliverable: Checking in' }, 'personal', 'personal'],
  ])('%s', (_what, overrides, kind, reason) => {
    expect(classifyKind(makeFacts(overrides), one)).toEqual({ kind, reason });
  });

  it.each([
    [5, 'personal'],
    [6, 'bulk'],
  ])('with %i candidate recipients is %s', (count, kind) => {
    expect(classifyKind(makeFacts(), { candidateRecipientCount: count }).kind).toBe(kind);
  });

  it('applies the configured out-of-office subjects', () => {
    const facts = makeFacts({ subject: 'Ferie: tilbage 7. december' });
    expect(classifyKind(facts, one).kind).toBe('personal');
    expect(classifyKind(facts, { ...one, outOfOfficeSubjects: ['Ferie'] }).kind).toBe('auto_reply');
  });
});

describe('classifyKind precedence: bounce, then auto_reply, then bulk, then personal', () => {
  it('calls a DSN that also says Auto-Submitted a bounce', () => {
    expect(classifyKind(makeFacts({ ...dsn, headerList: [['Auto-Submitted', 'auto-replied']] }), one).kind).toBe(
      'bounce',
    );
  });

  it('calls a DSN sent to a list a bounce', () => {
    expect(
      classifyKind(makeFacts({ ...dsn, headerList: [['Precedence', 'bulk']] }), { candidateRecipientCount: 9 }).kind,
    ).toBe('bounce');
  });

  it('calls a vacation reply with Precedence: bulk an auto-reply, so its return date is read', () => {
    const facts = makeFacts({
      headerList: [
        ['Precedence', 'bulk'],
        ['X-Autoreply', 'yes'],
      ],
    });
    expect(classifyKind(facts, one)).toEqual({ kind: 'auto_reply', reason: 'x_autoreply' });
  });

  it('calls an out-of-office reply to a mass mailing an auto-reply', () => {
    expect(classifyKind(makeFacts({ subject: 'Automatic reply: News' }), { candidateRecipientCount: 8 }).kind).toBe(
      'auto_reply',
    );
  });

  it('calls list mail to many candidates bulk by its header', () => {
    expect(
      classifyKind(makeFacts({ headerList: [['List-Id', '<l.example>']] }), { candidateRecipientCount: 8 }).reason,
    ).toBe('list_id');
  });
});

describe('isOutOfOfficeSubject', () => {
  it.each([
    'Out of Office: Senior Sales Rep',
    'Out of the office',
    'Automatic reply: Checking in',
    'Auto-Reply: Checking in',
    'Autoreply: Checking in',
    'AutoReply',
    'Abwesenheitsnotiz: Bewerbung',
    'Automatische Antwort: Bewerbung',
    'Réponse automatique : Candidature',
    'Absence du bureau',
    'Absent du bureau : candidature',
    'Absence : jusqu’au 3 décembre',
    'Respuesta automática: Candidatura',
    'Fuera de la oficina',
    'Risposta automatica: Candidatura',
    'Fuori sede',
    'Automatisch antwoord: Sollicitatie',
    'Afwezig: Sollicitatie',
    '[EXT] Automatic reply: Checking in',
  ])('recognises %j', (subject) => {
    expect(isOutOfOfficeSubject(subject)).toBe(true);
  });

  it.each(['Re: Out of office next week?', 'Checking in', 'Absence of evidence', 'Automatic transmission roles'])(
    'ignores %j',
    (subject) => {
      expect(isOutOfOfficeSubject(subject)).toBe(false);
    },
  );
});
