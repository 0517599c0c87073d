// Turns a digest view into the mail's subject, HTML and plain-text parts. Templates are read from the
// package's templates/ folder and compiled once per renderer, in strict mode (a missing field is a bug
// to surface, not an empty line); only built-in helpers exist, so templates cannot grow logic.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../app/version.js';
import type { DigestView } from './digest-view.js';
import { headerText } from './view-text.js';

export interface RenderedDigest {
  /** Safe for a header: one line, no control characters. */
  subject: string;
  html: string;
  text: string;
}

export interface DigestRenderer {
  render(view: DigestView): RenderedDigest;
}

export const DEFAULT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

type Template = (context: unknown) => string;

function createEnvironment(dir: string, prefix: 'html' | 'text'): { main: Template } {
  const env = Handlebars.create();
  // HTML escapes everything ({{ }} only, never {{{ }}}); plain text must not carry HTML entities.
  const options = { strict: true, knownHelpersOnly: true, noEscape: prefix === 'text' } as const;
  const partialsDir = path.join(dir, 'partials');
  for (const file of fs.readdirSync(partialsDir).sort()) {
    if (!file.startsWith(`${prefix}-`) || !file.endsWith('.hbs')) continue;
    const source = fs.readFileSync(path.join(partialsDir, file), 'utf8');
    env.parse(source); // compile() is lazy: parse now so a broken template fails here
    env.registerPartial(file.slice(0, -'.hbs'.length), env.compile(source, options));
  }
  const source = fs.readFileSync(path.join(dir, `digest.${prefix}.hbs`), 'utf8');
  env.parse(source);
  return { main: env.compile(source, options) };
}

/** Reads and compiles the templates now, so a broken template fails at start rather than at send time. */
export function createDigestRenderer(options: { templatesDir?: string } = {}): DigestRenderer {
  const dir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const html = createEnvironment(dir, 'html');
  const text = createEnvironment(dir, 'text');
  return {
    render(view) {
      return {
        subject: headerText(view.subject),
        html: html.main(view),
        text: text.main(view).replace(/\n{3,}/g, '\n\n'),
      };
    },
  };
}
