// The recruiter mailbox the sync benchmarks read: Alice's INBOX and Sent plus the agency's log mailbox,
// `size` messages in all. About 10% involve library candidates (threads with replies, BCC and CC copies
// and forwards in the log mailbox, one out-of-office, one bounce); the rest is newsletters, vendors,
// colleagues and notifications. Bodies of 5-50 KB (personal mail: a few lines of new words over quoted
// history, as threads look), 2% with a 0.3-2 MB attachment, one 50 MB message.
// Messages come out one at a time (bounded memory) and are the same for the same seed and size.
import { createRandom, type Random } from '../lib/prng.js';
import { createMailCorpus, type MailCorpus } from './mail-corpus.js';
import { ALICE, BOB, LOG, MAIL_CANDIDATES, candidateAddress, candidateName } from './bench-world.js';

export interface MailTarget {
  user: string;
  folder: 'INBOX' | 'Sent';
}

export interface GeneratedMail {
  index: number;
  target: MailTarget;
  /** The message with LF line endings, as a maildir file holds it. ASCII only. */
  raw: string;
  /** What the message is, for the benchmark's own checks. */
  kind: MailKind;
}

export type MailKind =
  | 'to_candidate'
  | 'from_candidate'
  | 'bcc_copy'
  | 'forward'
  | 'cc_copy'
  | 'out_of_office'
  | 'bounce'
  | 'huge'
  | 'newsletter'
  | 'vendor'
  | 'colleague'
  | 'notification'
  | 'client';

export const HUGE_MESSAGE_BYTES = 50 * 1024 * 1024;
const KB = 1024;
const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const SPAN_MS = 300 * 86_400_000;

const ALICE_FROM = `Alice Smith <${ALICE}>`;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TOPICS = [
  'Medical Sales Rep',
  'Oncology Account Manager',
  'Territory Manager North',
  'Key Account Lead',
  'Clinical Specialist',
];
const LIFE_EVENTS = [
  'Quick news: I just passed my CMR certification last week.',
  'I started a new job at Beta Pharma this month.',
  'We moved to Lyon in the summer.',
];
const PROMISES = ['I guarantee you will get the next one.', 'Honestly the job is yours if you want it.'];

function rfc2822(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}

/** The trace and authentication headers real mail carries (about 1.5 KB): the sync downloads them for every message. */
function transport(random: Random, to: string, date: string, domain: string): string[] {
  const id = random.int(1e8, 9e8).toString(36).toUpperCase();
  const b = random.int(1e8, 9e8).toString(36);
  return [
    `Return-Path: <bounces+${b}@${domain}>`,
    `Delivered-To: ${to}`,
    `Received: from mx.agency.example (mx.agency.example [198.51.100.7])\n\tby imap.agency.example (Postfix) with ` +
      `ESMTPS id ${id}\n\tfor <${to}>; ${date}`,
    `Received: from mail-out.${domain} (mail-out.${domain} [203.0.113.${random.int(1, 254)}])\n\tby ` +
      `mx.agency.example (Postfix) with ESMTPS id ${id}Q\n\tfor <${to}>; ${date}`,
    `Authentication-Results: mx.agency.example;\n\tdkim=pass header.d=${domain} header.s=s1 ` +
      `header.b=${b.slice(0, 8)};\n\tspf=pass smtp.mailfrom=${domain};\n\tdmarc=pass header.from=${domain}`,
    `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=s1; ` +
      `t=${Math.floor(Date.parse(date) / 1000)};\n\th=from:to:subject:date:message-id:mime-version:content-type;` +
      `\n\tbh=${'A'.repeat(43)}=;\n\tb=${'Qm9keQ'.repeat(57)}\n\t${'c2lnbmF0dXJl'.repeat(14)}`,
  ];
}

interface Draft {
  headers: string[];
  /** Body and Content-Type, before an attachment is added. */
  contentType: string;
  body: string;
}

function render(draft: Draft, attachment: string | null, random: Random): string {
  if (!attachment)
    return `${draft.headers.join('\n')}\nMIME-Version: 1.0\nContent-Type: ${draft.contentType}\n\n${draft.body}`;
  const boundary = `mixed-${random.int(1e8, 9e8).toString(36)}`;
  return [
    ...draft.headers,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    `Content-Type: ${draft.contentType}`,
    '',
    draft.body,
    `--${boundary}`,
    'Content-Type: application/pdf; name="document.pdf"',
    'Content-Disposition: attachment; filename="document.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    attachment,
    `--${boundary}--`,
    '',
  ].join('\n');
}

function alternative(text: string, random: Random): { contentType: string; body: string } {
  const boundary = `alt-${random.int(1e8, 9e8).toString(36)}`;
  const half = Math.floor(text.length / 2);
  const html =
    `<html><body><div ` +
    `style="font-family:Arial">${text.slice(half).replace(/\n\n/g, '</div>\n<div>')}</div></body></html>\n`;
  return {
    contentType: `multipart/alternative; boundary="${boundary}"`,
    body:
      `--${boundary}\nContent-Type: text/plain; ` +
      `charset=us-ascii\n\n${text.slice(0, half)}\n--${boundary}\nContent-Type: text/html; ` +
      `charset=us-ascii\n\n${html}--${boundary}--\n`,
  };
}

const PLAIN = 'text/plain; charset=us-ascii';

export function* generateMailbox(options: { size: number; seed: number }): Generator<GeneratedMail> {
  const random = createRandom(options.seed);
  const corpus: MailCorpus = createMailCorpus(createRandom(options.seed ^ 0x5eed));
  const size = options.size;
  const special = new Map<number, MailKind>([
    [Math.floor(size * 0.3) + 1, 'out_of_office'],
    [Math.floor(size * 0.5), 'huge'],
    [Math.floor(size * 0.7) + 2, 'bounce'],
  ]);
  // The latest message of each candidate's thread, so replies point at it.
  const threads = new Map<number, { id: string; subject: string }>();

  for (let index = 0; index < size; index++) {
    const at = START + Math.floor((index * SPAN_MS) / size) + random.int(0, 59_000);
    const date = rfc2822(at);
    const messageId = `<bench.${options.seed}.${index}@${random.chance(0.5) ? 'mail.gmail.com' : 'agency.example'}>`;
    const bodyBytes = random.int(5 * KB, 50 * KB);
    const attachment = random.chance(0.02) ? corpus.base64(random, random.int(300 * KB, 2048 * KB)) : null;
    const candidate = random.int(1, MAIL_CANDIDATES);
    const who = `${candidateName(candidate)} <${candidateAddress(candidate)}>`;
    const thread = threads.get(candidate);
    const subject = thread?.subject ?? `${random.pick(TOPICS)} - keeping in touch`;
    const reply = (id: string | undefined): string[] => (id ? [`In-Reply-To: ${id}`, `References: ${id}`] : []);
    const roll = random.next();

    let kind: MailKind = special.get(index) ?? (roll < 0.1 ? 'to_candidate' : 'newsletter');
    if (kind === 'to_candidate') {
      const sub = random.next();
      kind =
        sub < 0.38
          ? 'to_candidate'
          : sub < 0.68
            ? 'from_candidate'
            : sub < 0.82
              ? 'bcc_copy'
              : sub < 0.92
                ? 'forward'
                : 'cc_copy';
    } else if (kind === 'newsletter') {
      const sub = random.next();
      kind =
        sub < 0.35
          ? 'newsletter'
          : sub < 0.55
            ? 'vendor'
            : sub < 0.7
              ? 'colleague'
              : sub < 0.9
                ? 'notification'
                : 'client';
    }

    let target: MailTarget = { user: ALICE, folder: 'INBOX' };
    let draft: Draft;
    const base = (from: string, to: string, subj: string, extra: string[] = [], cc?: string): string[] => [
      ...transport(
        random,
        /[^\s<]+@[^\s>]+/.exec(to)?.[0] ?? to,
        date,
        /@([a-z0-9.-]+)/i.exec(from)?.[1] ?? 'mail.example',
      ),
      `From: ${from}`,
      `To: ${to}`,
      ...(cc ? [`Cc: ${cc}`] : []),
      `Subject: ${subj}`,
      `Date: ${date}`,
      `Message-ID: ${messageId}`,
      ...extra,
    ];
    switch (kind) {
      case 'to_candidate':
      case 'bcc_copy': {
        // Personal mail is a few lines of new words over quoted history: the bulk of its size is the thread.
        const promise = random.chance(0.02) ? `${random.pick(PROMISES)}\n` : '';
        const fresh = corpus.text(random, random.int(200, 1200));
        const quoted = corpus.text(random, bodyBytes).replace(/^/gm, '> ');
        const text =
          `Hi ${candidateName(candidate).split(' ')[0]},\n\n${promise}${fresh}\nBest,\nAlice\n\nOn ` +
          `${date}, ${who} wrote:\n${quoted}`;
        draft = {
          headers: base(ALICE_FROM, who, thread ? `Re: ${subject}` : subject, reply(thread?.id)),
          contentType: PLAIN,
          body: text,
        };
        target = kind === 'to_candidate' ? { user: ALICE, folder: 'Sent' } : { user: LOG, folder: 'INBOX' };
        threads.set(candidate, { id: messageId, subject });
        break;
      }
      case 'from_candidate':
      case 'cc_copy': {
        const news = random.chance(0.05) ? `${random.pick(LIFE_EVENTS)}\n\n` : '';
        const quoted = corpus.text(random, bodyBytes).replace(/^/gm, '> ');
        const fresh = corpus.text(random, random.int(100, 800));
        const text =
          `Hi Alice,\n\nThanks for getting back to me. ${news}Happy to talk next week.\n${fresh}\nOn ` +
          `${date}, Alice Smith <${ALICE}> wrote:\n${quoted}`;
        const cc = kind === 'cc_copy' ? LOG : undefined;
        draft = {
          headers: base(who, ALICE_FROM, `Re: ${subject}`, reply(thread?.id), cc),
          contentType: PLAIN,
          body: text,
        };
        if (kind === 'cc_copy') target = { user: LOG, folder: 'INBOX' };
        threads.set(candidate, { id: messageId, subject });
        break;
      }
      case 'forward': {
        const d = new Date(at - 3_600_000);
        const original =
          `From: ${candidateName(candidate)} <${candidateAddress(candidate)}>\nDate: ` +
          `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} at 9:14 ` +
          `AM\nSubject: ${subject}\nTo: Alice Smith <${ALICE}>\n\n\nHi ` +
          `Alice,\n\n${corpus.text(random, random.int(100, 800))}\nOn ${date}, Alice Smith <${ALICE}> ` +
          `wrote:\n${corpus.text(random, bodyBytes).replace(/^/gm, '> ')}`;
        const text = `Logging this one, keep warm.\n\n---------- Forwarded message ---------\n${original}`;
        draft = {
          headers: base(ALICE_FROM, LOG, `Fwd: ${subject}`),
          contentType: 'text/plain; charset="UTF-8"',
          body: text,
        };
        target = { user: LOG, folder: 'INBOX' };
        break;
      }
      case 'out_of_office': {
        const text =
          `Thank you for your email. I am out of the office until Friday, December 4, 2026\nwith ` +
          `limited access to email. I will be back on Monday, December 7.\n\n${corpus.text(random, bodyBytes)}`;
        draft = {
          headers: base(who, ALICE_FROM, `Automatic reply: ${subject}`, [
            'Auto-Submitted: auto-replied',
            ...reply(thread?.id),
          ]),
          contentType: PLAIN,
          body: text,
        };
        break;
      }
      case 'bounce': {
        const dead = candidateAddress(candidate);
        const boundary = `bounce-${index}/mx.agency.example`;
        const body = [
          'This is a MIME-encapsulated message.',
          '',
          `--${boundary}`,
          'Content-Description: Notification',
          'Content-Type: text/plain; charset=us-ascii',
          '',
          `<${dead}>: host mx.candidates.example said: 550 5.1.1 User unknown`,
          '',
          `--${boundary}`,
          'Content-Description: Delivery report',
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mx.agency.example',
          '',
          `Final-Recipient: rfc822; ${dead}`,
          `Original-Recipient: rfc822;${dead}`,
          'Action: failed',
          'Status: 5.1.1',
          'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
          '',
          `--${boundary}`,
          'Content-Description: Undelivered Message Headers',
          'Content-Type: text/rfc822-headers',
          '',
          `From: ${ALICE_FROM}`,
          `To: ${who}`,
          `Subject: ${subject}`,
          `Message-ID: <bounced.${index}@agency.example>`,
          '',
          `--${boundary}--`,
          '',
        ].join('\n');
        const headers = base(
          'MAILER-DAEMON@mx.agency.example (Mail Delivery System)',
          ALICE,
          'Undelivered Mail Returned to Sender',
          ['Auto-Submitted: auto-replied'],
        );
        yield {
          index,
          target,
          kind,
          raw:
            `${headers.join('\n')}\nMIME-Version: 1.0\nContent-Type: multipart/report; ` +
            `report-type=delivery-status;\n\tboundary="${boundary}"\n\n${body}`,
        };
        continue;
      }
      case 'huge': {
        const headerPart = base(who, ALICE_FROM, `Re: ${subject} - my portfolio`, reply(thread?.id));
        const text = `Hi Alice,\n\nAs promised, my full portfolio is attached.\n\n${corpus.text(random, bodyBytes)}`;
        const draftHuge: Draft = { headers: headerPart, contentType: PLAIN, body: text };
        const fixed = render(draftHuge, '-', random).length + 80;
        yield {
          index,
          target,
          kind,
          raw: render(draftHuge, corpus.base64(random, HUGE_MESSAGE_BYTES - fixed), random),
        };
        continue;
      }
      case 'newsletter': {
        const n = random.int(1, 40);
        const parts = alternative(corpus.text(random, bodyBytes), random);
        draft = {
          headers: base(`Industry News ${n} <news@news${n}.example>`, ALICE, `Weekly briefing ${index}`, [
            `List-Id: <weekly.news${n}.example>`,
            `List-Unsubscribe: <mailto:unsubscribe@news${n}.example>`,
            'Precedence: bulk',
          ]),
          ...parts,
        };
        break;
      }
      case 'vendor':
      case 'client': {
        const n = random.int(1, 600);
        const from =
          kind === 'vendor'
            ? `Sales Rep <rep${n}@vendor${n % 37}.example>`
            : `HR Team <hr${n}@client${n % 53}.example>`;
        draft = {
          headers: base(from, ALICE_FROM, `${kind === 'vendor' ? 'Offer' : 'Hiring update'} ${index}`),
          contentType: PLAIN,
          body: `Hello Alice,\n\n${corpus.text(random, bodyBytes)}`,
        };
        break;
      }
      case 'colleague': {
        const outgoing = random.chance(0.3);
        draft = {
          headers: base(outgoing ? ALICE_FROM : `Bob Jones <${BOB}>`, outgoing ? BOB : ALICE, `Team notes ${index}`),
          contentType: PLAIN,
          body: corpus.text(random, bodyBytes),
        };
        if (outgoing) target = { user: ALICE, folder: 'Sent' };
        break;
      }
      default: {
        draft = {
          headers: base('Notifications <noreply@notify.example>', ALICE, `Your report is ready (${index})`, [
            'Auto-Submitted: auto-generated',
          ]),
          contentType: PLAIN,
          body: corpus.text(random, bodyBytes),
        };
      }
    }
    yield { index, target, kind, raw: render(draft, attachment, random) };
  }
}
