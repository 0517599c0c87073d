// Filler for generated mail: a fixed text and a fixed base64 block, built once from the seed and sliced
// at random offsets, so a 5 GB mailbox costs string slicing rather than random generation per byte.
import type { Random } from '../lib/prng.js';

const WORDS = (
  'the a to of and in for with on at by from we you our your this that role team client offer call week ' +
  'update project meeting schedule interview feedback thanks regards best great good new next sales medical ' +
  'account territory hospital pharma device launch quarter plan budget contract invoice report review ' +
  'follow up share notes candidate position opening pipeline hiring manager onboarding training target ' +
  'region market product customer service support order delivery shipment price discount webinar event'
).split(' ');

export interface MailCorpus {
  /** ASCII text of exactly `length` characters, ending in a newline, in lines of at most 76 characters. */
  text(random: Random, length: number): string;
  /** Base64 lines (76 characters each) of about `length` characters. */
  base64(random: Random, length: number): string;
}

export function createMailCorpus(random: Random, textBytes = 1 << 20, binaryBytes = 3 << 20): MailCorpus {
  const lines: string[] = [];
  let size = 0;
  while (size < textBytes) {
    let line = '';
    while (line.length < 60) line += (line ? ' ' : '') + random.pick(WORDS);
    if (random.chance(0.1)) line += '.';
    lines.push(line);
    size += line.length + 1;
    if (random.chance(0.15)) {
      lines.push('');
      size += 1;
    }
  }
  const text = lines.join('\n') + '\n';
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1))
    lineStarts.push(i + 1);

  const bytes = Buffer.alloc(binaryBytes);
  for (let i = 0; i < binaryBytes; i += 4) bytes.writeUInt32LE(Math.floor(random.next() * 4294967296), i);
  const lined = bytes.toString('base64').replace(/.{76}/g, '$&\n');
  const b64LineCount = Math.floor(lined.length / 77);
  const b64 = lined.slice(0, b64LineCount * 77); // whole lines only, so slices can wrap around

  const repeatFrom = (source: string, start: number, length: number): string => {
    let out = source.slice(start, start + length);
    while (out.length < length) out += source.slice(0, length - out.length);
    return out;
  };

  return {
    text(r, length) {
      const body = repeatFrom(text, lineStarts[r.int(0, lineStarts.length - 1)]!, Math.max(1, length - 1));
      return `${body}\n`;
    },
    base64(r, length) {
      const wanted = Math.max(1, Math.round(length / 77)) * 77;
      return repeatFrom(b64, r.int(0, b64LineCount - 1) * 77, wanted);
    },
  };
}
