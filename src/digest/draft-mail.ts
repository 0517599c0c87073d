// The suggested next step and an honest draft for each entry, chosen by its most urgent reason. Drafts
// follow the article: no empty promises (a check-in says plainly no role is on offer), honest feedback
// (the notes recorded with the decision). keepwarm never sends them: the recruiter edits and sends.
import { formatDay, safeZone } from './calendar.js';
import { lifeEventLabel } from './digest-rules.js';
import type { DigestEntry, Reason } from './digest-types.js';
import { firstName, multiLine, oneLine } from './view-text.js';

export interface Draft {
  subject: string;
  body: string;
}

export interface Suggestion {
  nextStep: string;
  /** Null when there is nobody to write to (a dead address). */
  draft: Draft | null;
}

const NO_ROLE_NOW =
  "To be clear, I don't have a role for you right now. I'm writing because I'd like to stay in touch, " +
  'so that when the right opportunity comes along, you hear about it.';

const CONGRATULATIONS: Record<string, string> = {
  credential: 'Congratulations on your new credential: that is a real achievement.',
  new_job: 'Congratulations on the new role! I hope it is going well.',
  move: 'I heard about your move: I hope you are settling in well.',
  baby: 'Congratulations on the new arrival! I hope you are all doing well.',
  wedding: 'Congratulations on your wedding! I hope it was a wonderful day.',
  graduation: 'Congratulations on your graduation: well deserved.',
};

const reply = (subject: string): string => (/^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`);

function draftFor(reason: Reason, candidateName: string, recruiterName: string): Draft | null {
  const hello = `Hi ${firstName(candidateName)},`;
  const bye = `Best,\n${firstName(recruiterName)}`;
  const body = (...paragraphs: string[]): string => multiLine([hello, ...paragraphs, bye].join('\n\n'));
  switch (reason.code) {
    case 'reply_waiting':
      return {
        subject: reply(oneLine(reason.evidence?.subject ?? '') || 'Your message'),
        body: body('Thank you for your message, and sorry to keep you waiting.', '[your answer]'),
      };
    case 'feedback_owed':
      return {
        subject: `Feedback on the ${reason.openingTitle} search`,
        body: body(
          `Thank you again for your time on the ${reason.openingTitle} role with ${reason.client}. You were a close ` +
            "second, and I'd like to share some honest feedback that may help next time:",
          reason.notes ?? '[your feedback: the strengths to build on, and the skills or credentials to earn]',
          "I don't have another role for you right now, but I'd like to keep in touch for future openings.",
        ),
      };
    case 'life_event':
      return {
        subject: reason.category === 'move' ? 'Your move' : 'Congratulations!',
        body: body(
          CONGRATULATIONS[reason.category] ?? `I heard about ${lifeEventLabel(reason.category)}: congratulations!`,
          "No agenda, and no role on offer right now: I just wanted to say well done, and that I'm glad to stay in touch.",
        ),
      };
    case 'opening_match':
      return {
        subject: `${reason.openingTitle} at ${reason.client}`,
        body: body(
          `A new opening has come up that made me think of you: ${reason.openingTitle} at ${reason.client}. ` +
            `It asks for ${reason.sharedSkills.join(', ')}, which you have.`,
          "I can't promise anything: the client decides whom they meet. But if you'd like me to put your name " +
            'forward, or just hear more, let me know.',
        ),
      };
    case 'check_in_due':
      return {
        subject: 'Checking in',
        body: body(
          "It's been a while since we last spoke, and I wanted to check in. How are things going?",
          NO_ROLE_NOW,
          'Are you still open to hearing about future opportunities?',
        ),
      };
    case 'no_reply':
      return {
        subject: 'One last note for now',
        body: body(
          "I've written a few times without hearing back, so I'll stop filling your inbox for a while.",
          "There's no role on offer right now. If you'd like to hear about future opportunities, just reply any time.",
        ),
      };
    case 'bounced':
      return null;
  }
}

function nextStepFor(reason: Reason, zone: string): string {
  switch (reason.code) {
    case 'reply_waiting':
      return reason.evidence ? `Answer their mail of ${formatDay(reason.evidence.at, zone)}.` : 'Answer their mail.';
    case 'feedback_owed':
      return 'Send the feedback recorded with the decision: strengths to build on, skills to earn.';
    case 'bounced':
      return 'Find their new address (LinkedIn, a former colleague) and add it in keepwarm.';
    case 'life_event':
      return 'Send a short personal note about their news.';
    case 'opening_match':
      return `Ask whether they would like to hear about ${reason.openingTitle}, without promising anything.`;
    case 'check_in_due':
      return 'Send a short check-in, and say plainly that no role is on offer now.';
    case 'no_reply':
      return 'Try a different approach (a call, LinkedIn), or pause: snooze them for a while.';
  }
}

export function suggestFor(entry: DigestEntry, recruiterName: string, zone: string): Suggestion {
  const top = entry.reasons[0];
  if (!top) return { nextStep: 'Nothing to do.', draft: null };
  const draft = draftFor(top, entry.candidate.name, recruiterName);
  // Library fields (a title, a name) may hold anything: a draft's subject stays one line.
  return {
    nextStep: nextStepFor(top, safeZone(zone)),
    draft: draft && { ...draft, subject: oneLine(draft.subject, 200) },
  };
}

/** A mailto: link (RFC 6068): every part percent-encoded, the @ kept so every client reads the address. */
export function mailtoHref(address: string, draft: Draft): string {
  const at = address.lastIndexOf('@');
  const to =
    at > 0
      ? `${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`
      : encodeURIComponent(address);
  const body = draft.body.replace(/\r?\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(body)}`;
}
