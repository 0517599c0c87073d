// Anyone can write "From: alice@agency.example". Mail that claims to be a recruiter's is believed only
// when the agency's own receiving server vouched for it (RFC 8601), never on a header an outsider wrote.
import { parseAuthenticationResults, type AuthResult } from './authentication-results.js';
import { headerValues, type MailFacts } from './mail-facts.js';

export type SenderTrust = { trusted: true } | { trusted: false; reason: string };

export interface TrustOptions {
  /** The authserv-id our MTA writes (config `authservId`). Undefined: no check is configured, all is trusted. */
  authservId: string | undefined;
}

/**
 * Whether the From address is vouched for. Only `Authentication-Results` headers whose authserv-id
 * (comments stripped, RFC 8601) equals the pinned id count, and of those only the topmost: our MTA
 * prepends its header above everything the message arrived with, so any copy carrying our id *below*
 * it was written before our server saw the message, by whoever sent it. (This holds only if our MTA adds
 * its header to every message it delivers, or strips look-alikes as RFC 8601 section 5 advises: mail that
 * reaches the mailbox without passing it would show the sender's copy on top.) That header must show
 * `dmarc=pass` (for this From domain, if it names one), or `dkim=pass` with header.d/header.i aligned,
 * or `spf=pass` with smtp.mailfrom aligned. Aligned: the same domain, or one a subdomain of the other
 * (relaxed alignment without a public-suffix list: signing for a parent or child domain needs its DNS).
 */
export function verifySender(facts: MailFacts, options: TrustOptions): SenderTrust {
  if (options.authservId === undefined) return { trusted: true };
  const pinned = options.authservId.trim().toLowerCase();
  // Two From headers: servers check one, clients show the other.
  if (headerValues(facts, 'from').length > 1) return untrusted('multiple_from_headers');
  if (facts.from.length !== 1) return untrusted('from_not_single_address');
  const fromDomain = domainOf(facts.from[0]!.address);
  if (!fromDomain) return untrusted('from_without_domain');

  const ours = headerValues(facts, 'authentication-results')
    .map(parseAuthenticationResults)
    .find((r) => r !== null && r.authservId === pinned);
  if (!ours) return untrusted(`no_authentication_results_from:${pinned}`);

  const passes = ours.results.filter((r) => r.result === 'pass');
  if (passes.some((r) => r.method === 'dmarc' && dmarcCoversFrom(r, fromDomain))) return { trusted: true };
  if (
    passes.some(
      (r) =>
        r.method === 'dkim' && [r.props['header.d'], r.props['header.i']].some((d) => aligned(domainOf(d), fromDomain)),
    )
  ) {
    return { trusted: true };
  }
  if (passes.some((r) => r.method === 'spf' && aligned(domainOf(r.props['smtp.mailfrom']), fromDomain)))
    return { trusted: true };
  return untrusted(`no_aligned_pass:${summary(ours.results)}`);
}

function dmarcCoversFrom(r: AuthResult, fromDomain: string): boolean {
  const checked = r.props['header.from'];
  return checked === undefined || domainOf(checked) === fromDomain;
}

/** Equal, or one a subdomain of the other; never a bare top-level name. */
export function aligned(domain: string | null, fromDomain: string): boolean {
  if (!domain || !domain.includes('.') || !fromDomain.includes('.')) return false;
  return domain === fromDomain || domain.endsWith(`.${fromDomain}`) || fromDomain.endsWith(`.${domain}`);
}

/** The domain of "a@b.example", "@b.example" or "b.example", lower-case, without a trailing dot. */
function domainOf(value: string | undefined): string | null {
  if (!value) return null;
  const domain = value.trim().replace(/^<|>$/g, '').split('@').at(-1)!.toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9.-]+$/.test(domain) && domain.length > 0 ? domain : null;
}

function summary(results: readonly AuthResult[]): string {
  const verdicts = ['dmarc', 'dkim', 'spf'].map((m) => `${m}=${results.find((r) => r.method === m)?.result ?? 'none'}`);
  return verdicts.join(',');
}

function untrusted(reason: string): SenderTrust {
  return { trusted: false, reason };
}
