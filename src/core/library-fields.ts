// One definition of what each talent-library field accepts, shared by the CSV imports and the CLI options, so a
// value one rejects the other rejects in the same words. Pure: no database, no clock.
import { CANDIDATE_STATUSES, OPENING_STATUSES, type CandidateStatus, type OpeningStatus } from '../db/schema.js';
import { addressKey } from './email-address.js';

export interface Skill {
  skill: string;
  /** What two spellings of one skill share ("Python", " python "). */
  key: string;
}

export interface Address {
  email: string;
  key: string;
}

/** Trimmed, NFC (so "José" typed on a Mac and on Windows is one name), one kind of line break. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

/** Two spellings of one person's name compare equal ("josé  núñez" and "José Núñez"). */
export function personNameKey(name: string): string {
  return cleanText(name).replace(/\s+/g, ' ').toLowerCase();
}

export function parseCandidateStatus(text: string): CandidateStatus | null {
  const wanted = text.trim().toLowerCase();
  return CANDIDATE_STATUSES.find((status) => status === wanted) ?? null;
}

export function parseOpeningStatus(text: string): OpeningStatus | null {
  const wanted = text.trim().toLowerCase();
  return OPENING_STATUSES.find((status) => status === wanted) ?? null;
}

export const CANDIDATE_STATUS_HINT = `one of ${CANDIDATE_STATUSES.join(', ')}`;
export const OPENING_STATUS_HINT = `one of ${OPENING_STATUSES.join(', ')}`;

/** A cadence is a whole number of days, at least 1 (the schema checks the same). */
export function parseCadenceDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= 1 && days <= 3650 ? days : null;
}

// Runs of white space and control characters are one space in a skill: a control character means nothing in
// one, and the digest's per-candidate row joins a candidate's skills with US (char 31, migration 0004).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this folds
const SKILL_SPACE = /[\s\u0000-\u001f\u007f]+/g;

export function skillKey(skill: string): string {
  return cleanText(skill).replace(SKILL_SPACE, ' ').trim().toLowerCase();
}

/** `;`-separated skills, blanks dropped, the first spelling of each kept. */
export function parseSkills(text: string): Skill[] {
  const skills = new Map<string, Skill>();
  for (const part of text.split(';')) {
    const skill = cleanText(part).replace(SKILL_SPACE, ' ').trim();
    const key = skillKey(skill);
    if (key.length > 0 && !skills.has(key)) skills.set(key, { skill, key });
  }
  return [...skills.values()];
}

/** `;`-separated addresses in order (the first is the primary one), de-duplicated by key. */
export function parseAddressList(text: string): { addresses: Address[]; invalid: string[] } {
  const addresses = new Map<string, Address>();
  const invalid: string[] = [];
  for (const part of text.split(';')) {
    const email = part.trim();
    if (email.length === 0) continue;
    const key = addressKey(email);
    if (key === null) invalid.push(email);
    else if (!addresses.has(key)) addresses.set(key, { email, key });
  }
  return { addresses: [...addresses.values()], invalid };
}

/**
 * How an opening is found again: title and client, case-insensitive. Only ASCII letters are folded, exactly like
 * SQLite's lower() in the unique index openings_title_client, so the import and the database agree.
 */
export function openingKey(title: string, client: string): string {
  const fold = (text: string): string => cleanText(text).replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  return `${fold(title)}\u0000${fold(client)}`;
}

/** An IANA zone name such as Europe/Paris, as Intl knows it. */
export function isTimeZone(text: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text });
    return true;
  } catch {
    return false;
  }
}

/** The weekday a digest goes out: 1 = Monday … 7 = Sunday (ISO), as the recruiters table checks. */
export function parseDigestDay(text: string): number | null {
  return /^[1-7]$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** A local time of day, HH:MM in 24 hours. */
export function parseDigestTime(text: string): string | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : null;
}
