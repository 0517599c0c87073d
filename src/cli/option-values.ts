// Parsers for option values, run by commander while it reads the command line: a bad value is a usage error
// (exit 2) naming the option, before any use case runs. The rules are the library's own (core/library-fields).
import { InvalidArgumentError } from 'commander';
import type { CandidateStatus } from '../db/schema.js';
import { isValidAddress } from '../core/email-address.js';
import { parseIsoDate } from '../core/iso-date.js';
import {
  CANDIDATE_STATUS_HINT,
  isTimeZone,
  parseCadenceDays,
  parseCandidateStatus,
  parseDigestDay,
  parseDigestTime,
} from '../core/library-fields.js';

function checked<T>(value: T | null, message: string): T {
  if (value === null) throw new InvalidArgumentError(message);
  return value;
}

export function statusValue(text: string): CandidateStatus {
  return checked(parseCandidateStatus(text), `unknown status; use ${CANDIDATE_STATUS_HINT}`);
}

export function cadenceValue(text: string): number {
  return checked(parseCadenceDays(text), 'expected a whole number of days from 1 to 3650');
}

// Commander keeps a parser's null as "no value", so these return the words themselves for the caller to map.
/** A cadence, or "default" to go back to the default for the candidate's status. */
export function cadenceOrDefaultValue(text: string): number | 'default' {
  return text.trim().toLowerCase() === 'default'
    ? 'default'
    : checked(parseCadenceDays(text), 'expected a whole number of days from 1 to 3650, or "default"');
}

/** An address, or "none". */
export function addressOrNoneValue(text: string): string {
  return text.trim().toLowerCase() === 'none'
    ? 'none'
    : checked(isValidAddress(text) ? text.trim() : null, 'not an email address (or "none")');
}

export function dateValue(text: string): string {
  return checked(
    parseIsoDate(text),
    'expected an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC unless an offset is given)',
  );
}

export function addressValue(text: string): string {
  return checked(isValidAddress(text) ? text.trim() : null, 'not an email address');
}

/** For a repeatable option such as --alias: each use adds one checked address. */
export function addressListValue(text: string, previous: string[] = []): string[] {
  return [...previous, addressValue(text)];
}

export function digestDayValue(text: string): number {
  return checked(parseDigestDay(text), 'expected 1 (Monday) to 7 (Sunday)');
}

export function digestTimeValue(text: string): string {
  return checked(parseDigestTime(text), 'expected HH:MM (24 hours)');
}

export function timezoneValue(text: string): string {
  return checked(isTimeZone(text) ? text : null, 'not an IANA time zone (e.g. Europe/Paris)');
}

export function nonEmptyValue(text: string): string {
  return checked(text.trim().length > 0 ? text : null, 'must not be empty');
}
