// A small, strict reader of a raw header block (what IMAP returns for BODY[HEADER]): unfolds
// continuation lines and keeps every value of every header in order. Enough to decide about a
// message before downloading its body; decoding of words and addresses is left to mailparser.

const MAX_HEADER_BYTES = 4 * 1024 * 1024;

export function parseHeaderBlock(raw: Buffer | string): Map<string, string[]> {
  const text = (typeof raw === 'string' ? raw : raw.subarray(0, MAX_HEADER_BYTES).toString('latin1')).replace(
    /\r\n?/g,
    '\n',
  );
  const end = text.indexOf('\n\n');
  const block = end >= 0 ? text.slice(0, end) : text;
  const headers = new Map<string, string[]>();
  let name: string | null = null;
  let value = '';
  const flush = (): void => {
    if (name === null) return;
    const values = headers.get(name) ?? [];
    values.push(value.trim());
    headers.set(name, values);
  };
  for (const line of block.split('\n')) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && name !== null) {
      value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // not a header line: skip rather than fail the message
    flush();
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return headers;
}

/** Splits `type/subtype; a=b; c="d"` into the lower-cased type and its parameters. */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  if (!value) return { type: 'text/plain', params: {} };
  const [type = 'text/plain', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    params[part.slice(0, eq).trim().toLowerCase()] = part
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Every <message-id> in a References / In-Reply-To value. */
export function messageIdsIn(value: string | undefined): string[] {
  if (!value) return [];
  return [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!).filter(Boolean);
}
