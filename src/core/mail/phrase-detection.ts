// What a person's *new* words say: stop, I took another job, news worth a call, or (from a recruiter) a
// promise nobody can keep. Callers pass new text only (see new-text.ts): quoted history is never classified.
import {
  DEFAULT_LIFE_EVENTS,
  DEFAULT_OPT_OUT,
  DEFAULT_PLACED_ELSEWHERE,
  DEFAULT_PROMISES,
  LIFE_EVENT_CATEGORIES,
  type LifeEventCategory,
} from './default-phrases.js';
import { findPhrases, type PhraseHit } from './phrase-match.js';

export interface PhraseSignal {
  phrase: string;
  sentence: string;
}

export interface LifeEventSignal extends PhraseSignal {
  category: LifeEventCategory;
}

// Hopes, searches and conditions are not news: "looking for a new job", "if I accept an offer", "open to
// relocating". Kept to multi-word hedges where a single word would also block "I'd like to share that...".
const HEDGES: readonly RegExp[] = [
  /\b(?:if|whether|unless|(?:looking|searching|hoping|applying) for|seeking|hop(?:e|ing) to|want(?:s|ed)? (?:a|an|to)|would like|open to|interested in|considering|thinking (?:about|of)|planning|plan to|might|could|find|finding)\b/iu,
];

// "Remove me from consideration" withdraws from one process; it is not "never contact me again".
const OPT_OUT_EXCEPTIONS: readonly RegExp[] = [
  /^remove me from (?:the |your )?(?:consideration|process|shortlist|running|interview)/iu,
  /^take me off (?:the |your )?(?:shortlist|consideration|process)/iu,
];

/** The first request to stop contact, or null. "Please don't remove me" and "not interested in unsubscribing" are not. */
export function detectOptOut(newText: string, extra: readonly string[] = []): PhraseSignal | null {
  const hit = findPhrases(newText, [...DEFAULT_OPT_OUT, ...extra], { exceptions: OPT_OUT_EXCEPTIONS })[0];
  return hit ? signal(hit) : null;
}

/** The first statement that the candidate took another job ("I accepted another offer"), or null. Not an opt-out. */
export function detectPlacedElsewhere(newText: string, extra: readonly string[] = []): PhraseSignal | null {
  const hit = findPhrases(newText, [...DEFAULT_PLACED_ELSEWHERE, ...extra], { blockers: HEDGES })[0];
  return hit ? signal(hit) : null;
}

/**
 * News worth reaching out about, one signal per category and sentence. `extra` is keyed by category;
 * keys that are not a known category are ignored.
 */
export function detectLifeEvents(
  newText: string,
  extra: Readonly<Partial<Record<string, readonly string[]>>> = {},
): LifeEventSignal[] {
  const found: { index: number; signal: LifeEventSignal }[] = [];
  const seen = new Set<string>();
  for (const category of LIFE_EVENT_CATEGORIES) {
    const phrases = [...DEFAULT_LIFE_EVENTS[category], ...(extra[category] ?? [])];
    for (const hit of findPhrases(newText, phrases, { blockers: HEDGES })) {
      const key = `${category}\u0000${hit.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ index: hit.index, signal: { category, ...signal(hit) } });
    }
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.signal);
}

/** Every over-promise in a recruiter's own words ("I guarantee", "the job is yours"); "I can't guarantee anything" is none. */
export function detectPromises(newText: string, extra: readonly string[] = []): PhraseSignal[] {
  return findPhrases(newText, [...DEFAULT_PROMISES, ...extra]).map(signal);
}

function signal(hit: PhraseHit): PhraseSignal {
  return { phrase: hit.phrase, sentence: hit.sentence };
}
