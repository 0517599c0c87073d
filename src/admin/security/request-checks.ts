// Pure checks on a request's headers, shared by the guards: is it from our own pages (Origin and the browser's
// Sec-Fetch-Site), is its Host one of ours when the admin runs without a token, and where may a login send
// the browser back to.

/**
 * True unless the browser says the request came from another site. Sec-Fetch-Site, when sent, must say
 * same-origin. Origin must be one of ours, except "null": under Referrer-Policy no-referrer a browser sends
 * `Origin: null` even for our own forms, so then Sec-Fetch-Site must vouch for it. Without either header
 * (curl, scripts) this passes and the CSRF token alone decides.
 */
export function isSameOriginRequest(
  headers: { origin?: string | undefined; secFetchSite?: string | undefined },
  ownOrigins: readonly string[],
): boolean {
  const site = headers.secFetchSite;
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  if (headers.origin === undefined) return true;
  if (headers.origin === 'null') return site === 'same-origin';
  return ownOrigins.includes(headers.origin);
}

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Without a token the admin is open to whoever reaches the loopback port, so the Host header must name the
 * loopback too: otherwise a web page on a DNS-rebinding name (evil.example resolving to 127.0.0.1) could
 * read the library from the admin's own browser.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** A local path to return to after login; anything else (another host, //host, a backslash trick) becomes "/". */
export function safeReturnPath(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /[\r\n]/.test(next)) return '/';
  return next;
}
