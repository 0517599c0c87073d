import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults, stripComments } from './authentication-results.js';
import { aligned, verifySender } from './sender-trust.js';
import { makeFacts } from '../../../test/fixtures/mail/make-facts.js';
import { loadFixture } from '../../../test/fixtures/mail/load-fixture.js';

const ours = { authservId: 'mx.agency.example' };
const alice = [{ name: 'Alice Smith', address: 'alice@agency.example' }];

function withResults(...values: string[]) {
  return makeFacts({ from: alice, headerList: values.map((v) => ['Authentication-Results', v] as [string, string]) });
}

describe('verifySender on fixtures', () => {
  it.each(['gmail-forward.eml', 'outlook-forward.eml', 'apple-mail-forward.eml', 'promise-outbound.eml'])(
    'trusts the recruiter mail %s',
    async (file) => {
      expect(verifySender(await loadFixture(file), ours)).toEqual({ trusted: true });
    },
  );

  it.each([
    ['forged-auth-other-authserv.eml', 'a pass from another authserv-id'],
    ['forged-auth-comment.eml', '(dmarc=pass) inside comments'],
    ['forged-auth-duplicate-below.eml', 'a pass with our authserv-id below our real, failing header'],
  ])('rejects %s: %s', async (file) => {
    const trust = verifySender(await loadFixture(file), ours);
    expect(trust.trusted).toBe(false);
    expect(trust.trusted ? '' : trust.reason).toMatch(/^no_aligned_pass:dmarc=fail/);
  });

  it('trusts everything when no authserv-id is configured', async () => {
    expect(verifySender(await loadFixture('forged-auth-comment.eml'), { authservId: undefined })).toEqual({
      trusted: true,
    });
  });
});

describe('verifySender', () => {
  it.each([
    ['dmarc=pass', 'mx.agency.example; dmarc=pass header.from=agency.example'],
    ['dmarc=pass without header.from', 'mx.agency.example; dmarc=pass'],
    ['dkim=pass, header.d equal', 'mx.agency.example; dkim=pass header.d=agency.example; dmarc=none'],
    ['dkim=pass, header.d a subdomain', 'mx.agency.example; dkim=pass header.d=mail.agency.example'],
    ['dkim=pass, header.i aligned', 'mx.agency.example; dkim=pass header.i=@agency.example header.d=esp.example'],
    ['spf=pass, smtp.mailfrom aligned (address)', 'mx.agency.example; spf=pass smtp.mailfrom=bounces@agency.example'],
    ['spf=pass, smtp.mailfrom aligned (domain)', 'mx.agency.example; spf=pass smtp.mailfrom=agency.example'],
    ['authserv-id in another case, with a version', 'MX.Agency.Example 1; dmarc=pass'],
    ['comment before the authserv-id', '(our edge) mx.agency.example; dmarc=pass'],
    ['a result with a comment after it', 'mx.agency.example; dkim=pass (2048-bit key) header.d=agency.example'],
    ['quoted property value', 'mx.agency.example; dkim=pass header.d="agency.example"'],
  ])('trusts %s', (_what, header) => {
    expect(verifySender(withResults(header), ours)).toEqual({ trusted: true });
  });

  it.each([
    ['no Authentication-Results', [], 'no_authentication_results_from:mx.agency.example'],
    [
      'only another authserv-id',
      ['mx.google.com; dmarc=pass header.from=agency.example'],
      'no_authentication_results_from:mx.agency.example',
    ],
    [
      'an authserv-id that only starts like ours',
      ['mx.agency.example.attacker.example; dmarc=pass'],
      'no_authentication_results_from:mx.agency.example',
    ],
    [
      'dmarc=fail',
      ['mx.agency.example; dmarc=fail header.from=agency.example'],
      'no_aligned_pass:dmarc=fail,dkim=none,spf=none',
    ],
    [
      'dmarc=pass only in a comment',
      ['mx.agency.example; spf=fail (dmarc=pass) smtp.mailfrom=x.example'],
      'no_aligned_pass:dmarc=none,dkim=none,spf=fail',
    ],
    [
      'a nested comment',
      ['mx.agency.example; spf=none (a (dmarc=pass) b) smtp.mailfrom=x.example'],
      'no_aligned_pass:dmarc=none,dkim=none,spf=none',
    ],
    [
      'dmarc=pass for another From domain',
      ['mx.agency.example; dmarc=pass header.from=attacker.example'],
      'no_aligned_pass:dmarc=pass,dkim=none,spf=none',
    ],
    [
      'dkim=pass, unaligned',
      ['mx.agency.example; dkim=pass header.d=attacker.example; dmarc=fail'],
      'no_aligned_pass:dmarc=fail,dkim=pass,spf=none',
    ],
    [
      'dkim=pass, a look-alike domain',
      ['mx.agency.example; dkim=pass header.d=evilagency.example'],
      'no_aligned_pass:dmarc=none,dkim=pass,spf=none',
    ],
    [
      'spf=pass, unaligned',
      ['mx.agency.example; spf=pass smtp.mailfrom=attacker.example'],
      'no_aligned_pass:dmarc=none,dkim=none,spf=pass',
    ],
    [
      'spf=softfail, aligned',
      ['mx.agency.example; spf=softfail smtp.mailfrom=agency.example'],
      'no_aligned_pass:dmarc=none,dkim=none,spf=softfail',
    ],
    [
      'a pass with our id below our failing header',
      [
        'mx.agency.example; dmarc=fail header.from=agency.example',
        'mx.agency.example; dmarc=pass header.from=agency.example',
      ],
      'no_aligned_pass:dmarc=fail,dkim=none,spf=none',
    ],
  ])('rejects %s', (_what, headers, reason) => {
    expect(verifySender(withResults(...headers), ours)).toEqual({ trusted: false, reason });
  });

  it('rejects a message with two From headers (servers check one, clients show the other)', () => {
    const facts = makeFacts({
      from: alice,
      headerList: [
        ['From', 'Alice Smith <alice@agency.example>'],
        ['From', 'Mallory <mallory@attacker.example>'],
        ['Authentication-Results', 'mx.agency.example; dmarc=pass header.from=agency.example'],
      ],
    });
    expect(verifySender(facts, ours)).toEqual({ trusted: false, reason: 'multiple_from_headers' });
  });

  it('rejects a From with several addresses', () => {
    const facts = makeFacts({
      from: [...alice, { name: 'Bob', address: 'bob@agency.example' }],
      headerList: [['Authentication-Results', 'mx.agency.example; dmarc=pass']],
    });
    expect(verifySender(facts, ours)).toEqual({ trusted: false, reason: 'from_not_single_address' });
  });
});

describe('Authentication-Results parsing', () => {
  it('reads the authserv-id and each method with its properties', () => {
    expect(
      parseAuthenticationResults(
        'mx.agency.example 1; dkim=pass (good) header.d=agency.example header.s=s1; spf=pass smtp.mailfrom=a@agency.example',
      ),
    ).toEqual({
      authservId: 'mx.agency.example',
      results: [
        { method: 'dkim', result: 'pass', props: { 'header.d': 'agency.example', 'header.s': 's1' } },
        { method: 'spf', result: 'pass', props: { 'smtp.mailfrom': 'a@agency.example' } },
      ],
    });
  });

  it.each([
    ['a (b) c', 'a   c'],
    ['a (b (c) d) e', 'a   e'],
    ['a "(not a comment)" b', 'a "(not a comment)" b'],
    ['a (escaped \\) paren) b', 'a   b'],
  ])('stripComments(%j) is %j', (value, expected) => {
    expect(stripComments(value)).toBe(expected);
  });

  it('is null without an authserv-id', () => {
    expect(parseAuthenticationResults('  ; dmarc=pass')).toBeNull();
  });
});

describe('aligned', () => {
  it.each([
    ['agency.example', 'agency.example', true],
    ['mail.agency.example', 'agency.example', true],
    ['agency.example', 'mail.agency.example', true],
    ['evilagency.example', 'agency.example', false],
    ['agency.example.attacker.example', 'agency.example', false],
    ['example', 'agency.example', false],
  ])('%s with From %s is %s', (domain, from, expected) => {
    expect(aligned(domain, from)).toBe(expected);
  });
});
