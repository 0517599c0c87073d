// Only what the sender wrote *now* may be classified or shown: a candidate quoting the recruiter's
// "unsubscribe" footer has not opted out. Clients mark history in many ways; this cuts at the first one.
const MAX_ATTRIBUTION_LINES = 3;
const LONGEST_WORD = 40;

// "On … wrote:" in the languages of the common clients; a line (or two or three wrapped lines) ending so.
const ATTRIBUTION_END =
  /(?:wrote|schrieb(?:\s.*)?|a écrit|escribió|ha scritto|schreef(?:\s.*)?|escreveu|skrev|kirjoitti|napisał\(a\)|napisał)\s*:\s*$/iu;
const ATTRIBUTION_START = /^(?:on|le|am|el|il giorno|il|op|em|den|w dniu)\s/iu;

const HISTORY_LINE: readonly RegExp[] = [
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original|originalmeddelande)\s*-{2,}$/iu,
  /^-{2,}\s*forwarded message\s*-{2,}$/iu,
  /^_{10,}$/u,
  /^begin forwarded message:?$/iu,
  /^anfang der weitergeleiteten nachricht:?$/iu,
  /^début du message réexpédié\s*:?$/iu,
];

// Outlook's header block: "From:" then "Sent:"/"Date:" within the next lines, in several languages.
const BLOCK_FROM = /^\*?(?:from|von|de|da|van|från|fra|od)\s*:\*?\s*\S/iu;
const BLOCK_SENT =
  /^\*?(?:sent|date|gesendet|datum|envoyé|enviado|fecha|inviato|data|verzonden|skickat|sendt)\s*:\*?\s/iu;

const SIGNATURE_LINE: readonly RegExp[] = [
  /^--\s*$/u,
  /^sent from my \S.*$/iu,
  /^sent from (?:mail|outlook|yahoo mail|gmail|samsung|my mobile)\b.*$/iu,
  /^get outlook for (?:ios|android)\b.*$/iu,
  /^von meinem \S.* gesendet$/iu,
  /^(?:envoyé|enviado|inviato) (?:de|desde|da) (?:mon|mi|il mio|my)?\s?\S.*$/iu,
  /^verzonden vanaf mijn \S.*$/iu,
];

/**
 * The text the sender wrote in this message: everything before the first quoted-history marker ("On …
 * wrote:" in several languages, even wrapped over lines; Outlook's "-----Original Message-----", its
 * "From: … Sent: …" block and "____" separator; a forward separator) or signature ("-- ", "Sent from my
 * iPhone", "Get Outlook for iOS"), with any remaining `>` lines dropped. Line ends become "\n".
 */
export function extractNewText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = firstHistoryLine(lines);
  return lines
    .slice(0, cut)
    .filter((line) => !/^\s*>/.test(line))
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function firstHistoryLine(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (HISTORY_LINE.some((re) => re.test(line)) || SIGNATURE_LINE.some((re) => re.test(line))) return i;
    if (isAttribution(lines, i)) return i;
    if (BLOCK_FROM.test(line) && isOutlookBlock(lines, i)) return i;
  }
  return lines.length;
}

/** "On Mon, Nov 23, 2026 at 9:14 AM Alice <alice@…> wrote:", possibly wrapped over up to three lines. */
function isAttribution(lines: readonly string[], i: number): boolean {
  const first = lines[i]!.trim();
  if (first.length === 0 || first.startsWith('>')) return false;
  let joined = first;
  for (let n = 0; n < MAX_ATTRIBUTION_LINES; n++) {
    if (n > 0) {
      const next = lines[i + n];
      if (next === undefined || next.trim().length === 0) return false;
      joined += ` ${next.trim()}`;
    }
    if (joined.length > 300) return false;
    if (ATTRIBUTION_END.test(joined)) {
      // A date, a time or an address tells an attribution from a sentence that happens to end in "wrote:".
      return ATTRIBUTION_START.test(joined) ? /\d|@/.test(joined) : /@|\d{1,2}:\d{2}/.test(joined);
    }
  }
  return false;
}

/** Outlook's "From: / Sent: / To: / Subject:" header block: a From line with a Sent/Date line right after. */
function isOutlookBlock(lines: readonly string[], i: number): boolean {
  const following = lines.slice(i + 1, i + 4).map((l) => l.trim());
  return following.some((l) => BLOCK_SENT.test(l));
}

/** Whitespace collapsed, cut at a word boundary with "…" so the result is at most `max` characters. */
export function snippet(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  // A word is dropped whole; a very long "word" (a URL) is cut where it is rather than dropped.
  const endsOnBoundary = flat[room.length] === ' ';
  const head = endsOnBoundary ? room : space > 0 && room.length - space <= LONGEST_WORD ? room.slice(0, space) : room;
  return `${head.replace(/[\s,;:.-]+$/, '')}…`;
}
