// A talent library of `candidates` people with 10 interactions each (100,000 and 1,000,000 for the digest
// and admin benchmarks), written straight into SQLite with prepared statements in one transaction after
// keepwarm's own migrations, so the schema, indexes and triggers are the product's. Candidate n has the
// address the mailbox generator writes to (bench-world.ts); the same seed gives the same rows.
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../src/db/open-database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createRandom } from '../lib/prng.js';
import { RECRUITER_COUNT, candidateAddress, candidateName, recruiterAddress, recruiterName } from './bench-world.js';

export interface LibraryOptions {
  file: string;
  candidates: number;
  interactionsPerCandidate?: number;
  seed: number;
  /** The digest's "now": interactions fall in the 400 days before it. */
  at: Date;
}

export interface LibraryStats {
  candidates: number;
  interactions: number;
  openings: number;
  recruiters: number;
}

const DAY = 86_400_000;
const SKILLS = Array.from({ length: 200 }, (_, i) => `Skill ${i + 1}`);
const STATUSES = [
  ['runner_up', 0.6],
  ['active', 0.25],
  ['placed_elsewhere', 0.1],
  ['do_not_contact', 0.03],
  ['archived', 0.02],
] as const;
const KINDS = [
  ['personal', 0.85],
  ['bulk', 0.07],
  ['auto_reply', 0.05],
  ['bounce', 0.03],
] as const;

function weighted<T>(roll: number, table: readonly (readonly [T, number])[]): T {
  let sum = 0;
  for (const [value, weight] of table) {
    sum += weight;
    if (roll < sum) return value;
  }
  return table[table.length - 1]![0];
}

export async function generateLibrary(options: LibraryOptions): Promise<LibraryStats> {
  const opened = openDatabase({ kind: 'sqlite', file: options.file });
  await migrateToLatest(opened.db);
  await opened.close();

  const random = createRandom(options.seed);
  const at = options.at.getTime();
  const iso = (ms: number): string => new Date(ms).toISOString();
  const perCandidate = options.interactionsPerCandidate ?? 10;
  const raw = new SQLite(options.file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('foreign_keys = OFF');
  raw.pragma('cache_size = -1000000'); // 1 GB: random index inserts stay in memory until the commit
  let interactions = 0;
  let openings = 0;
  try {
    const recruiter = raw.prepare('insert into recruiters (id, name, email, timezone) values (?, ?, ?, ?)');
    const candidate = raw.prepare(
      'insert into candidates (id, name, status, cadence_days, snoozed_until, owner_recruiter_id, ' +
        'opt_out_detected_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const email = raw.prepare(
      'insert into candidate_emails (candidate_id, email, email_key, is_primary, bouncing_since) values (?, ?, ' +
        '?, ?, ?)',
    );
    const skill = raw.prepare(
      'insert or ignore into candidate_skills (candidate_id, skill, skill_key) values (?, ?, ?)',
    );
    const opening = raw.prepare(
      'insert into openings (id, title, client, status, owner_recruiter_id, opened_at) values (?, ?, ?, ?, ?, ?)',
    );
    const openingSkill = raw.prepare(
      'insert or ignore into opening_skills (opening_id, skill, skill_key) values (?, ?, ?)',
    );
    const outcome = raw.prepare(
      'insert or ignore into outcomes (candidate_id, opening_id, stage, decided_at, feedback_notes) values (?, ?, ' +
        '?, ?, ?)',
    );
    const interaction = raw.prepare(
      'insert into interactions (candidate_id, recruiter_id, message_key, direction, kind, occurred_at, subject, ' +
        'snippet, message_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const source = raw.prepare(
      "insert into interaction_sources (interaction_id, mailbox, folder, uidvalidity, uid) values (?, ?, 'INBOX', " +
        "'1', ?)",
    );
    const signal = raw.prepare(
      'insert or ignore into interaction_signals (interaction_id, code, category, text) values (?, ?, ?, ?)',
    );

    raw.transaction(() => {
      for (let r = 1; r <= RECRUITER_COUNT; r++)
        recruiter.run(r, recruiterName(r), recruiterAddress(r), r % 3 === 0 ? 'America/New_York' : 'Europe/Paris');
      openings = Math.max(50, Math.round(options.candidates / 300));
      for (let o = 1; o <= openings; o++) {
        const open = random.chance(0.3);
        opening.run(
          o,
          `Opening ${o}`,
          `Client ${o % 97}`,
          open ? 'open' : random.pick(['filled', 'closed']),
          random.int(1, RECRUITER_COUNT),
          iso(at - random.int(open ? 0 : 30, open ? 45 : 700) * DAY),
        );
        for (let s = 0; s < 4; s++) {
          const name = random.pick(SKILLS);
          openingSkill.run(o, name, name.toLowerCase());
        }
      }
      for (let c = 1; c <= options.candidates; c++) {
        const status = weighted(random.next(), STATUSES);
        const owner = random.chance(0.1) ? null : random.int(1, RECRUITER_COUNT);
        const created = at - random.int(30, 730) * DAY;
        candidate.run(
          c,
          candidateName(c),
          status,
          random.chance(0.05) ? random.pick([14, 21, 45, 60]) : null,
          random.chance(0.02) ? iso(at + random.int(1, 60) * DAY).slice(0, 10) : null,
          owner,
          status === 'do_not_contact' && random.chance(0.3) ? iso(at - random.int(1, 20) * DAY) : null,
          iso(created),
        );
        email.run(
          c,
          candidateAddress(c),
          candidateAddress(c),
          1,
          random.chance(0.01) ? iso(at - random.int(1, 200) * DAY) : null,
        );
        if (random.chance(0.2)) email.run(c, `candidate.${c}@gmail.com`, `candidate${c}@gmail.com`, 0, null);
        for (let s = random.int(3, 6); s > 0; s--) {
          const name = random.pick(SKILLS);
          skill.run(c, name, name.toLowerCase());
        }
        if (random.chance(0.6)) {
          outcome.run(
            c,
            random.int(1, openings),
            'runner_up',
            iso(at - random.int(1, 700) * DAY).slice(0, 10),
            random.chance(0.5) ? 'Strong on territory planning; needs more hospital exposure.' : null,
          );
        }
        const recruiterOf = (): number => owner ?? random.int(1, RECRUITER_COUNT);
        for (let i = 0; i < perCandidate; i++) {
          const inbound = random.chance(0.45);
          const kind = weighted(random.next(), KINDS);
          const key = `g${c}.${i}@bench.keepwarm`;
          const id = interaction.run(
            c,
            recruiterOf(),
            key,
            inbound ? 'inbound' : 'outbound',
            kind,
            iso(at - random.int(0, 400 * 24 * 60) * 60_000),
            `Re: Opening ${random.int(1, openings)} - keeping in touch`,
            'Thanks for getting back to me. Happy to talk next week about the role and what comes next.',
            key,
          ).lastInsertRowid;
          source.run(id, inbound ? 'alice' : 'log', String(id));
          if (kind === 'personal' && inbound && random.chance(0.01))
            signal.run(id, 'life_event', 'new_job', 'I started a new job at Beta Pharma this month.');
          if (kind === 'personal' && !inbound && random.chance(0.005))
            signal.run(id, 'promise_flag', null, 'the job is yours');
          interactions++;
        }
      }
    })();
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.close();
  }
  return { candidates: options.candidates, interactions, openings, recruiters: RECRUITER_COUNT };
}
