// One error class for everything keepwarm expects to go wrong. Callers switch on `code` (retry an
// imap_transient, show a config_invalid and exit 2), never on message text.
export type ErrorCode =
  | 'config_invalid'
  | 'usage'
  | 'not_found'
  | 'conflict'
  | 'invalid_input'
  | 'migration_failed'
  | 'imap_auth'
  | 'imap_tls'
  | 'imap_transient'
  | 'imap_protocol'
  | 'smtp_auth'
  | 'smtp_rejected'
  | 'smtp_transient'
  | 'secret_key'
  | 'internal';

export class KeepwarmError extends Error {
  readonly code: ErrorCode;
  /** Extra lines (e.g. every bad CSV row) the CLI prints under the message. */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: readonly string[] } = {}) {
    super(message, { cause: options.cause });
    this.name = 'KeepwarmError';
    this.code = code;
    this.details = options.details ?? [];
  }
}

export function isKeepwarmError(error: unknown, code?: ErrorCode): error is KeepwarmError {
  return error instanceof KeepwarmError && (code === undefined || error.code === code);
}
