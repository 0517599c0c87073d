// Form fields as the use cases want them: blanks mean "not given", numbers and dates checked here, so every
// action reads one zod schema and a bad value comes back as a message naming the field.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { KeepwarmError } from '../errors.js';

const blankIsAbsent = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const optionalText = (max: number) =>
  z.preprocess(blankIsAbsent, z.string().max(max, `at most ${max} characters`).optional());
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `at most ${max} characters`);
/** Text whose blank value is meaningful (clearing notes). */
export const keptText = (max: number) => z.string().max(max, `at most ${max} characters`).optional();
export const optionalWholeNumber = (min: number, max: number) =>
  z.preprocess(
    blankIsAbsent,
    z.coerce.number().int('must be a whole number').min(min, `at least ${min}`).max(max, `at most ${max}`).optional(),
  );
export const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');

/** The start of a calendar day in the agency's zone, as the ISO UTC string the library stores; null for nonsense (2024-02-30). */
export function dayStart(day: string, zone: string): string | null {
  const at = DateTime.fromISO(day, { zone });
  return at.isValid ? at.startOf('day').toUTC().toISO() : null;
}

export function requireDayStart(day: string, zone: string, field: string): string {
  const at = dayStart(day, zone);
  if (at === null) throw new KeepwarmError('invalid_input', `${field}: "${day}" is not a calendar date`);
  return at;
}
