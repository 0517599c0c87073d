// RFC 8601 Authentication-Results, parsed just far enough to read verdicts: comments must go first,
// because "(dmarc=pass)" in a comment is free text anyone can write.

export interface AuthResult {
  /** 'dmarc' | 'dkim' | 'spf' | ..., lower-case. */
  method: string;
  /** 'pass' | 'fail' | 'none' | ..., lower-case. */
  result: string;
  /** Properties by lower-case name: 'header.d', 'header.i', 'header.from', 'smtp.mailfrom'... */
  props: Readonly<Record<string, string>>;
}

export interface AuthenticationResults {
  /** The authserv-id, lower-case: who says so. */
  authservId: string;
  results: AuthResult[];
}

/** One header value, or null when it has no authserv-id. */
export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  const statements = splitOutsideQuotes(stripComments(value), ';');
  const head = statements[0]?.trim().split(/\s+/)[0];
  if (!head) return null;
  const results: AuthResult[] = [];
  for (const statement of statements.slice(1)) {
    const tokens = statement
      .trim()
      .split(/\s+/)
      .filter((t) => t.includes('='));
    const first = tokens[0];
    if (!first) continue;
    const [method, result] = splitPair(first);
    const props: Record<string, string> = {};
    for (const token of tokens.slice(1)) {
      const [name, val] = splitPair(token);
      if (name.includes('.')) props[name] = unquote(val);
    }
    // "dkim/1=pass": the method version is not part of the method name.
    results.push({ method: method.replace(/\/\d+$/, ''), result: unquote(result).toLowerCase(), props });
  }
  return { authservId: head.toLowerCase(), results };
}

/** RFC 5322 comments, nested, with quoted strings and backslash escapes respected. */
export function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\') {
      if (depth === 0) out += value.slice(i, i + 2);
      i++;
      continue;
    }
    if (quoted) {
      out += ch;
      if (ch === '"') quoted = false;
    } else if (ch === '(') {
      depth++;
      out += depth === 1 ? ' ' : '';
    } else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) {
      out += ch;
      if (ch === '"') quoted = true;
    }
  }
  return out;
}

function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function splitPair(token: string): [string, string] {
  const eq = token.indexOf('=');
  return [token.slice(0, eq).trim().toLowerCase(), token.slice(eq + 1).trim()];
}

function unquote(value: string): string {
  return value.replace(/^"(.*)"$/, '$1');
}
