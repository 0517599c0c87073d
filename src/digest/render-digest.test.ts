import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDigestRenderer, DEFAULT_TEMPLATES_DIR } from './render-digest.js';
import { buildDigestView, type DigestView } from './digest-view.js';
import { computeDigests } from './select-digest.js';
import type { DigestWorld } from './digest-world.js';
import {
  DEFAULT_RULES,
  MONDAY,
  candidate,
  daysBefore,
  inbound,
  lifeEventIn,
  outbound,
  recruiter,
  world,
} from '../../test/unit/digest/world-builder.js';

const SCRIPT = '<script>alert("x")</script>';
const IMG = '<img src=x onerror=alert(1)>';
const renderer = createDigestRenderer();
const viewOf = (w: DigestWorld): DigestView => {
  const [digest] = computeDigests(w, { rules: DEFAULT_RULES, now: MONDAY });
  if (!digest) throw new Error('no digest');
  return buildDigestView(digest, { adminUrl: 'http://127.0.0.1:8787' });
};

function hostileWorld(): DigestWorld {
  const news = inbound(daysBefore(6), `News ${SCRIPT}`);
  const stop = inbound(daysBefore(1), `Stop ${IMG}`);
  return world({
    recruiters: [recruiter({ name: 'Alice\r\nBcc: victim@evil.example' })],
    candidates: [
      candidate({
        name: `Jane ${IMG}\r\nBcc: victim@evil.example`,
        mails: [news],
        lifeEvents: [lifeEventIn(news, 'move', `We moved ${SCRIPT}`)],
        outcomes: [
          {
            openingId: 1,
            openingTitle: `Rep ${IMG}`,
            client: 'Acme',
            stage: 'runner_up',
            decidedAt: daysBefore(5),
            feedbackNotes: `Notes ${SCRIPT}`,
          },
        ],
      }),
      candidate({
        name: `Opted ${SCRIPT}`,
        status: 'do_not_contact',
        optOut: {
          detectedAt: daysBefore(1),
          previousStatus: 'runner_up',
          mail: { ...stop, snippet: `Please stop ${SCRIPT}` },
        },
      }),
    ],
    promiseFlags: [
      {
        candidateId: 1,
        candidateName: 'Jane',
        phrase: `the job is yours ${IMG}`,
        mail: { ...outbound(daysBefore(2), `Offer ${SCRIPT}`), kind: 'personal' },
      },
    ],
  });
}

describe('rendering the digest mail', () => {
  it('escapes markup from subjects, names, snippets and notes in the HTML part', () => {
    const { html } = renderer.render(viewOf(hostileWorld()));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/onerror=/);
    expect(html).toContain('News &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Please stop &lt;script&gt;');
    expect(html).toContain('Notes &lt;script&gt;');
    expect(html).toContain('the job is yours &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('keeps the text part free of HTML, showing text from mail as it was written', () => {
    const { text } = renderer.render(viewOf(hostileWorld()));
    expect(text).not.toMatch(/<(table|tr|td|p|a|span|br|div|html)\b/i);
    expect(text).not.toMatch(/&(lt|gt|amp|quot|#x[0-9a-f]+);/i);
    expect(text).toContain(`News ${SCRIPT}`);
    expect(text).toContain('PLEASE CONFIRM');
    expect(text).toContain('HONESTY CHECK');
  });

  it('keeps CR/LF out of the subject and the drafts, whatever a name holds', () => {
    const rendered = renderer.render(viewOf(hostileWorld()));
    expect(rendered.subject).not.toMatch(/[\r\n]/);
    const view = viewOf(hostileWorld());
    const href = view.entries.items[0]?.mailto?.href ?? '';
    const subject = new URL(href).searchParams.get('subject') ?? '';
    expect(subject).not.toMatch(/[\r\n]/);
    expect(view.entries.items[0]?.name).toBe(`Jane ${IMG} Bcc: victim@evil.example`);
    expect(rendered.text).not.toMatch(/\nBcc:/);
  });

  it('says "all caught up" in both parts in an empty week', () => {
    const rendered = renderer.render(viewOf(world({ candidates: [candidate({ mails: [outbound(daysBefore(3))] })] })));
    expect(rendered.subject).toBe('keepwarm: all caught up (week of Mon 23 Nov)');
    expect(rendered.html).toContain('All caught up');
    expect(rendered.text).toContain('ALL CAUGHT UP');
    expect(rendered.text).not.toContain('WHO TO CONTACT');
  });

  it('renders a full week without surprises (snapshot of the text part)', () => {
    const jane = candidate({
      id: 1,
      name: 'Jane Roe',
      emails: [{ email: 'jane@mail.example', isPrimary: true, bouncingSince: null }],
      mails: [inbound(daysBefore(6), 'Next steps?')],
    });
    const bob = candidate({
      id: 2,
      name: 'Bob Stone',
      emails: [{ email: 'bob@mail.example', isPrimary: true, bouncingSince: null }],
      mails: [outbound(daysBefore(20))],
    });
    expect(renderer.render(viewOf(world({ candidates: [jane, bob] }))).text).toMatchInlineSnapshot(`
      "keepwarm: 1 person to contact (week of Mon 23 Nov)
      Week of Mon 23 Nov 2026

      Hi Alice,

      Here is who to contact this week, and why. Each line shows the mail behind it.

      WHO TO CONTACT, AND WHY

      1. Jane Roe (jane@mail.example)
         * Waiting for your reply: Wrote to you 4 working days ago and has had no reply.
           Their mail of Tue 17 Nov 2026: “Next steps?”
         Last contact: They wrote on Tue 17 Nov 2026: “Next steps?”
         Next step: Answer their mail of Tue 17 Nov 2026.
         Open: http://127.0.0.1:8787/candidates/1

      COMING UP IN THE NEXT TWO WEEKS
      - Bob Stone (Fri 4 Dec)

      --
      keepwarm never writes to candidates: every suggestion waits for you to write and send it.
      Open keepwarm: http://127.0.0.1:8787
      "
    `);
  });
});

describe('the templates', () => {
  const files = [DEFAULT_TEMPLATES_DIR, path.join(DEFAULT_TEMPLATES_DIR, 'partials')].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.hbs'))
      .map((file) => path.join(dir, file)),
  );
  it.each(files.map((file) => [path.relative(DEFAULT_TEMPLATES_DIR, file), file]))(
    '%s renders only (no triple braces, scripts, remote images or style blocks)',
    (_name, file) => {
      const source = fs.readFileSync(file, 'utf8');
      expect(source).not.toContain('{{{');
      expect(source).not.toMatch(/<(script|img|link|style|iframe|form)\b/i);
    },
  );

  it('are strict: a view missing a field fails loudly', () => {
    const view = viewOf(world());
    const { weekLabel: _dropped, ...incomplete } = view;
    expect(() => renderer.render(incomplete as DigestView)).toThrow(/weekLabel/);
  });
});
