// Builds digest worlds for table tests: candidates are described by their mail, and their ContactSummary is
// computed by the reference summarizeContact, so a test reads like the correspondence it stands for.
import { rulesSchema, type RulesConfig } from '../../../src/config/config-schema.js';
import { summarizeContact, type LoggedMail } from '../../../src/digest/contact-summary.js';
import type {
  DigestWorld,
  WorldCandidate,
  WorldLifeEvent,
  WorldOpening,
  WorldRecruiter,
} from '../../../src/digest/digest-world.js';
import type { Direction, InteractionKind } from '../../../src/db/schema.js';

export const ZONE = 'America/New_York';
/** Monday 23 November 2026, 08:00 in New York: a digest morning. */
export const MONDAY = new Date('2026-11-23T13:00:00Z');
export const DEFAULT_RULES: RulesConfig = rulesSchema.parse({});

export const at = (iso: string): Date => new Date(iso);
/** Local wall time in New York (EST, UTC-5, in late November). */
export const ny = (local: string): Date => new Date(`${local}-05:00`);
export const daysBefore = (days: number, from: Date = MONDAY): Date => new Date(from.getTime() - days * 86_400_000);

let nextId = 1000;

export interface MailSpec {
  direction: Direction;
  at: Date;
  subject?: string;
  kind?: InteractionKind;
  recruiterId?: number | null;
}

export const mail = (spec: MailSpec): LoggedMail => ({
  interactionId: nextId++,
  at: spec.at,
  subject: spec.subject ?? `${spec.direction} mail`,
  direction: spec.direction,
  kind: spec.kind ?? 'personal',
  recruiterId: spec.recruiterId === undefined ? 1 : spec.recruiterId,
});
export const inbound = (when: Date, subject = 'Question', extra: Partial<MailSpec> = {}): LoggedMail =>
  mail({ direction: 'inbound', at: when, subject, ...extra });
export const outbound = (when: Date, subject = 'Checking in', extra: Partial<MailSpec> = {}): LoggedMail =>
  mail({ direction: 'outbound', at: when, subject, ...extra });

export const recruiter = (over: Partial<WorldRecruiter> = {}): WorldRecruiter => ({
  id: 1,
  name: 'Alice Archer',
  email: 'alice@agency.example',
  timezone: ZONE,
  lastLogCopyAt: daysBefore(1),
  hasOwnMailbox: false,
  ...over,
});

export type CandidateSpec = Partial<Omit<WorldCandidate, 'contact'>> & { mails?: readonly LoggedMail[]; now?: Date };

export function candidate(spec: CandidateSpec = {}): WorldCandidate {
  const { mails = [], now = MONDAY, ...over } = spec;
  const id = over.id ?? nextId++;
  return {
    id,
    name: `Candidate ${id}`,
    status: 'runner_up',
    cadenceDays: null,
    snoozedUntil: null,
    ownerRecruiterId: 1,
    createdAt: daysBefore(5, now),
    emails: [{ email: `c${id}@mail.example`, isPrimary: true, bouncingSince: null }],
    skills: [],
    outcomes: [],
    lifeEvents: [],
    optOut: null,
    ...over,
    contact: summarizeContact(mails, now),
  };
}

export const lifeEventIn = (
  logged: LoggedMail,
  category: string,
  sentence: string,
  hasNote = false,
): WorldLifeEvent => ({
  category,
  sentence,
  mail: { ...logged, hasNote },
});

export const opening = (over: Partial<WorldOpening> = {}): WorldOpening => ({
  id: nextId++,
  title: 'Territory Manager',
  client: 'Acme Medical',
  status: 'open',
  openedAt: daysBefore(10),
  skills: ['Cardiology', 'Capital equipment', 'Negotiation'],
  ...over,
});

export function world(over: Partial<DigestWorld> = {}): DigestWorld {
  return {
    recruiters: [recruiter()],
    candidates: [],
    openings: [],
    mailboxes: [],
    promiseFlags: [],
    hasLogMailbox: false,
    logAddress: null,
    ...over,
  };
}

export function rulesWith(over: Partial<Record<string, unknown>>): RulesConfig {
  return rulesSchema.parse(over);
}
