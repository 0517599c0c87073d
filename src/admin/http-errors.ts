// Expected failures (KeepwarmError codes) become HTTP statuses; anything else is a 500 whose detail goes to the
// log, never to the page.
import { isKeepwarmError } from '../errors.js';

export type ErrorStatus = 400 | 404 | 409 | 413 | 500;

export function statusFor(error: unknown): ErrorStatus {
  if (!isKeepwarmError(error)) return 500;
  switch (error.code) {
    case 'invalid_input':
    case 'usage':
      return 400;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    default:
      return 500;
  }
}

export function publicMessage(error: unknown): { message: string; details: readonly string[] } {
  if (statusFor(error) === 500 || !isKeepwarmError(error))
    return { message: 'Something went wrong on our side; the details are in the log.', details: [] };
  return { message: error.message, details: error.details };
}
