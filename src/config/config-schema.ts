// The shape of keepwarm.config.json. Unknown keys are errors (a typo must not silently fall back to a
// default), and every problem is reported at once with its key path.
import { z } from 'zod';
import { isValidAddress } from '../core/email-address.js';
import { LIFE_EVENT_CATEGORIES } from '../core/mail/default-phrases.js';

export const TLS_MODES = ['implicit', 'starttls', 'none'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const address = z.string().refine(isValidAddress, { message: 'not an email address' });
const timezone = z.string().refine(isTimeZone, { message: 'not an IANA time zone (e.g. Europe/Paris)' });
const hostPort = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, { message: 'expected HOST:PORT' });
const port = z.number().int().min(1).max(65535);

const mailbox = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_.-]+$/, { message: 'use letters, digits, dot, dash or underscore' }),
    role: z.enum(['log', 'recruiter']),
    recruiter: address.optional(),
    host: z.string().min(1),
    port: port.optional(),
    tls: z.enum(TLS_MODES).default('implicit'),
    caFile: z.string().min(1).optional(),
    user: z.string().min(1),
    pass: z.string().optional(),
    accessToken: z.string().optional(),
    folders: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.role === 'recruiter' && !m.recruiter) {
      ctx.addIssue({ code: 'custom', path: ['recruiter'], message: 'required when role is "recruiter"' });
    }
    if (!m.pass && !m.accessToken) {
      ctx.addIssue({ code: 'custom', path: ['pass'], message: 'give pass (or accessToken for OAuth2)' });
    }
  });

const smtp = z
  .object({
    host: z.string().min(1),
    port: port.optional(),
    tls: z.enum(TLS_MODES).default('implicit'),
    caFile: z.string().min(1).optional(),
    user: z.string().optional(),
    pass: z.string().optional(),
    from: z.string().min(3),
  })
  .strict();

const positiveDays = z.number().int().positive();

export const rulesSchema = z
  .object({
    cadenceDays: z
      .object({ runner_up: positiveDays, active: positiveDays, placed_elsewhere: positiveDays })
      .partial()
      .strict()
      .default({}),
    replyWaitingWorkingDays: z.number().int().min(0).default(2),
    feedbackOwedDays: z.number().int().min(0).default(3),
    feedbackOwedMaxDays: positiveDays.default(90),
    noReplyDays: positiveDays.default(14),
    openingMatchMinSkills: positiveDays.default(2),
    openingMatchMaxAgeDays: positiveDays.default(30),
    lifeEventDays: positiveDays.default(90),
    comingUpDays: positiveDays.default(14),
    staleMailboxHours: positiveDays.default(24),
    silentRecruiterDays: positiveDays.default(14),
    phrases: z
      .object({
        optOut: z.array(z.string().min(2)).default([]),
        placedElsewhere: z.array(z.string().min(2)).default([]),
        promise: z.array(z.string().min(2)).default([]),
        lifeEvent: z
          .object(Object.fromEntries(LIFE_EVENT_CATEGORIES.map((c) => [c, z.array(z.string().min(2)).optional()])))
          .strict()
          .default({}),
        outOfOffice: z.array(z.string().min(2)).default([]),
      })
      .strict()
      .default({ optOut: [], placedElsewhere: [], promise: [], lifeEvent: {}, outOfOffice: [] }),
  })
  .strict();

export const configSchema = z
  .object({
    database: z.string().min(1).default('sqlite:./data/keepwarm.db'),
    timezone: timezone.default('UTC'),
    logAddress: address.optional(),
    authservId: z.string().min(1).optional(),
    admin: z
      .object({
        listen: hostPort.default('127.0.0.1:8787'),
        token: z.string().min(16).optional(),
        publicUrl: z.url().optional(),
      })
      .strict()
      .default({ listen: '127.0.0.1:8787' }),
    smtp: smtp.optional(),
    mailboxes: z.array(mailbox).default([]),
    sync: z
      .object({
        pollIntervalSeconds: z.number().int().min(10).default(300),
        maxMessageBytes: z
          .number()
          .int()
          .min(1024)
          .default(25 * 1024 * 1024),
        batchSize: z.number().int().min(1).max(10_000).default(1000),
        idle: z.boolean().default(true),
      })
      .strict()
      .default({ pollIntervalSeconds: 300, maxMessageBytes: 25 * 1024 * 1024, batchSize: 1000, idle: true }),
    digest: z
      .object({
        sendWhenEmpty: z.boolean().default(true),
        day: z.number().int().min(1).max(7).default(1),
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected HH:MM' })
          .default('08:00'),
      })
      .strict()
      .default({ sendWhenEmpty: true, day: 1, time: '08:00' }),
    rules: rulesSchema.default(rulesSchema.parse({})),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.mailboxes.forEach((m, i) => {
      if (seen.has(m.name))
        ctx.addIssue({ code: 'custom', path: ['mailboxes', i, 'name'], message: `duplicate mailbox name "${m.name}"` });
      seen.add(m.name);
    });
    if (c.mailboxes.some((m) => m.role === 'log') && !c.logAddress) {
      ctx.addIssue({ code: 'custom', path: ['logAddress'], message: 'required when a mailbox has role "log"' });
    }
  });

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type MailboxConfig = Config['mailboxes'][number];
export type SmtpConfig = NonNullable<Config['smtp']>;
export type RulesConfig = Config['rules'];
