// mailparser converts HTML to text only when the HTML is the message's root; an HTML-only body inside
// multipart/mixed arrives with no text. This fallback keeps paragraphs, and quotes <blockquote> with
// "> " so quoted history can still be told from new words.
const BLOCK_TAGS = /^(?:p|div|br|tr|li|h[1-6]|table|ul|ol|hr|pre|section|article|header|footer)$/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of an HTML body: tags dropped, blocks on their own lines, blockquotes prefixed with "> ". */
export function textFromHtml(html: string): string {
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '');
  const lines: { text: string; depth: number }[] = [];
  let line = { text: '', depth: 0 };
  let depth = 0;
  const breakLine = () => {
    lines.push(line);
    line = { text: '', depth };
  };
  for (const token of cleaned.split(/(<[^>]*>)/)) {
    const tag = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (tag) {
      const name = tag[2]!.toLowerCase();
      if (name === 'blockquote') {
        depth = Math.max(0, depth + (tag[1] ? -1 : 1));
        breakLine();
      } else if (BLOCK_TAGS.test(name)) breakLine();
      continue;
    }
    if (token.startsWith('<')) continue;
    const text = decodeEntities(token.replace(/\s+/g, ' '));
    if (line.text.trim() === '') line.depth = depth;
    line.text += text;
  }
  lines.push(line);
  return lines
    .map((l) => {
      const text = l.text.replace(/\u00a0/g, ' ').trim();
      return text && l.depth > 0 ? `${'> '.repeat(l.depth)}${text}` : text;
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}
