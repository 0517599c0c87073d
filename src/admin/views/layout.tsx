// The page shell: top navigation, the one-shot flash message, and the content. Every page is complete HTML
// that works without JavaScript; the only stylesheet is /assets/admin.css.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Flash } from '../security/session-store.js';
import { CsrfField } from './components.js';

export type Section = 'dashboard' | 'candidates' | 'triage' | 'openings' | 'digest' | 'import' | 'recruiters' | 'none';

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'dashboard', href: '/', label: 'Dashboard' },
  { section: 'candidates', href: '/candidates', label: 'Candidates' },
  { section: 'triage', href: '/triage', label: 'Triage' },
  { section: 'openings', href: '/openings', label: 'Openings' },
  { section: 'digest', href: '/digest', label: 'Digest' },
  { section: 'import', href: '/import', label: 'Import' },
  { section: 'recruiters', href: '/recruiters', label: 'Recruiters' },
];

export interface LayoutProps {
  title: string;
  section: Section;
  flash?: Flash | null;
  /** Null on the login page: no navigation, no logout. */
  csrf: string | null;
  /** Show the logout button (a token is configured). */
  canLogOut?: boolean;
  triageCount?: number;
  children?: Child;
}

export function FlashMessage({ flash }: { flash: Flash | null | undefined }) {
  if (!flash) return null;
  return (
    <div class={`flash ${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
      {flash.text}
      {flash.details && flash.details.length > 0 ? (
        <ul>
          {flash.details.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A complete HTML document with the admin's head: every page, the login page included. */
export function HtmlDocument(props: { title: string; children?: Child }) {
  return (
    <>
      {/* A constant, never data: the one raw string in the admin views. */}
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="referrer" content="no-referrer" />
          <title>{`${props.title} · keepwarm`}</title>
          <link rel="stylesheet" href="/assets/admin.css" />
        </head>
        <body>{props.children}</body>
      </html>
    </>
  );
}

export function Layout(props: LayoutProps) {
  return (
    <HtmlDocument title={props.title}>
      {props.csrf !== null ? (
        <header class="topbar">
          <div class="topbar-inner">
            <a class="brand" href="/">
              keep<span>warm</span>
            </a>
            <nav class="nav" aria-label="Main">
              {NAV.map((item) => (
                <a
                  href={item.href}
                  class={item.section === props.section ? 'current' : ''}
                  aria-current={item.section === props.section ? 'page' : undefined}
                >
                  {item.label}
                  {item.section === 'triage' && props.triageCount ? (
                    <span class="count">{props.triageCount}</span>
                  ) : null}
                </a>
              ))}
            </nav>
            {props.canLogOut ? (
              <form method="post" action="/logout" class="inline">
                <CsrfField token={props.csrf} />
                <button type="submit" class="secondary">
                  Log out
                </button>
              </form>
            ) : null}
          </div>
        </header>
      ) : null}
      <main>
        <FlashMessage flash={props.flash} />
        {props.children}
      </main>
    </HtmlDocument>
  );
}
