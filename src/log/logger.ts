// The root logger. Secrets are redacted here, once, so no call site can leak a password or token;
// message bodies are never passed to it in the first place.
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'pass',
  'password',
  'token',
  'accessToken',
  'auth',
  '*.pass',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.auth',
  'headers.authorization',
  'headers.cookie',
  'config.smtp.pass',
  'config.admin.token',
  'config.mailboxes[*].pass',
  'config.mailboxes[*].accessToken',
];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'keepwarm' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination ?? pino.destination(2),
  );
}

export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
