// Every admin response: a strict Content-Security-Policy (no scripts at all, styles only from our stylesheet,
// no framing), no referrer, no MIME sniffing, and no caching of pages that hold personal data. A route that
// must differ (the digest preview, framed by our own page) sets its own headers and they are kept.
import type { MiddlewareHandler } from 'hono';

export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The digest page frames its preview, so it alone may frame our own origin. */
export const FRAMING_PAGE_CSP = `${PAGE_CSP}; frame-src 'self'`;

/** The mail's own HTML: inline styles as mail clients render them, nothing that runs, nothing fetched, framed only by us. */
export const MAIL_PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const set = (name: string, value: string): void => {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    };
    set('Content-Security-Policy', PAGE_CSP);
    set('X-Frame-Options', 'DENY');
    set('X-Content-Type-Options', 'nosniff');
    set('Referrer-Policy', 'no-referrer');
    set('Cross-Origin-Opener-Policy', 'same-origin');
    set('Cross-Origin-Resource-Policy', 'same-origin');
    set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    set('Cache-Control', 'no-store');
  };
}
