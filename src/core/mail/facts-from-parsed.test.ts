import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { factsFromParsedMail } from './facts-from-parsed.js';
import { fixtureSource, loadFixture } from '../../../test/fixtures/mail/load-fixture.js';

async function factsOf(source: string) {
  return factsFromParsedMail(await simpleParser(source.replace(/\n/g, '\r\n')));
}

describe('factsFromParsedMail', () => {
  it('keeps every header value in message order, unfolded and lower-case named', async () => {
    const facts = await loadFixture('forged-auth-duplicate-below.eml');
    const results = facts.headers.get('authentication-results') ?? [];
    expect(results).toHaveLength(2);
    expect(results[0]).toMatch(/^mx\.agency\.example;\s+dkim=none;\s+spf=fail/);
    expect(results[1]).toMatch(/dmarc=pass header\.from=agency\.example$/);
    expect(results[0]).not.toMatch(/[\r\n]/);
  });

  it('maps addresses, ids, date and subject', async () => {
    const facts = await loadFixture('gmail-reply.eml');
    expect(facts.from).toEqual([{ name: 'Jane Roe', address: 'jane.roe@gmail.com' }]);
    expect(facts.to).toEqual([{ name: 'Alice Smith', address: 'alice@agency.example' }]);
    expect(facts.messageId).toBe('<CAJx9wq+Reply0002=FQ@mail.gmail.com>');
    expect(facts.inReplyTo).toBe('<CAB7kq3xAlice0001@mail.gmail.com>');
    expect(facts.references).toEqual(['<CAB7kq3xAlice0001@mail.gmail.com>']);
    expect(facts.date?.toISOString()).toBe('2026-11-23T10:02:10.000Z');
    expect(facts.subject).toBe('Re: Senior Sales Representative - Acme Medical');
    expect(facts.contentType).toBe('multipart/alternative');
  });

  it('decodes a windows-1252 HTML-only body to text, quoted history marked with ">"', async () => {
    const facts = await loadFixture('windows-1252-html-reply.eml');
    expect(facts.from[0]?.name).toBe('René Müller');
    expect(facts.subject).toBe('RE\u00a0: Poste de délégué médical – Lyon');
    expect(facts.text).toContain('j’ai hâte d’en parler');
    expect(facts.text).toContain('55\u00a0000 €');
    expect(facts.text).toContain('> Bonjour René');
  });

  it('decodes an ISO-8859-1 subject and body', async () => {
    const facts = await loadFixture('outlook-forward-german.eml');
    expect(facts.subject).toBe('WG: Bewerbung Außendienst');
    expect(facts.text).toContain('Viele Grüße');
  });

  it('reads the report type and the delivery-status part of a bounce', async () => {
    const facts = await loadFixture('postfix-bounce.eml');
    expect(facts.contentType).toBe('multipart/report');
    expect(facts.contentTypeParams['report-type']).toBe('delivery-status');
    const dsn = facts.attachments.find((a) => a.contentType === 'message/delivery-status');
    expect(dsn?.content).toContain('Final-Recipient: rfc822; jane.old@candidates.example');
    expect(facts.attachments.find((a) => a.contentType === 'text/rfc822-headers')?.content).toContain(
      'Subject: Checking in',
    );
  });

  it('keeps an attached message/rfc822 as source text, other attachments as name and size only', async () => {
    const facts = await loadFixture('forward-attached-message.eml');
    expect(facts.attachments).toHaveLength(1);
    expect(facts.attachments[0]).toMatchObject({ filename: 'Interview follow-up.eml', contentType: 'message/rfc822' });
    expect(facts.attachments[0]?.content).toMatch(/^Return-Path: <jane@candidates\.example>\r\n/);
    const withPdf = await factsOf(
      'From: a@x.example\nSubject: cv\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee cv\n--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=cv.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n',
    );
    expect(withPdf.attachments).toEqual([{ filename: 'cv.pdf', contentType: 'application/pdf', size: 9 }]);
  });

  it.each([
    ['missing', 'From: a@x.example\nSubject: s\n\nbody\n', null],
    ['unreadable (mailparser would say "now")', 'From: a@x.example\nDate: sometime soon\nSubject: s\n\nbody\n', null],
    [
      'with a zone comment',
      'From: a@x.example\nDate: Mon, 23 Nov 2026 09:15:02 +0000 (UTC)\n\nbody\n',
      '2026-11-23T09:15:02.000Z',
    ],
    [
      'obsolete zone name',
      'From: a@x.example\nDate: Mon, 23 Nov 2026 04:15:02 EST\n\nbody\n',
      '2026-11-23T09:15:02.000Z',
    ],
  ])('reads a Date header that is %s', async (_what, source, expected) => {
    expect((await factsOf(source)).date?.toISOString() ?? null).toBe(expected);
  });

  it('has no Message-ID when the message has none', async () => {
    expect((await loadFixture('no-message-id.eml')).messageId).toBeNull();
  });

  it('uses CRLF fixtures, as real mail does', () => {
    const source = fixtureSource('gmail-reply.eml').toString('latin1');
    expect(source.split('\r\n').length).toBeGreaterThan(10);
    expect(/[^\r]\n/.test(source)).toBe(false);
  });
});
