// Writes one person's planned changes (see candidate-changes.ts) and their audit entry. Runs inside the import's
// transaction; openings named by the file are created once, however many rows name them.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { openingKey } from '../core/library-fields.js';
import { recordAudit } from '../library/audit-log.js';
import {
  insertCandidate,
  insertCandidateAddresses,
  replaceCandidateSkills,
  setPrimaryAddress,
  updateCandidateRow,
} from '../library/candidate-repository.js';
import { findOpeningId, insertOpening, upsertRunnerUpOutcome } from '../library/opening-repository.js';
import type { CandidateChanges } from './candidate-changes.js';
import type { CandidateImport } from './match-candidate-rows.js';

export interface WriteContext {
  now: Date;
  actor: string;
}

export interface OpeningResolver {
  idFor(title: string, client: string): Promise<number>;
  readonly created: number;
}

/** Finds openings by title and client, creating (and auditing) the missing ones on first use. */
export function createOpeningResolver(db: Kysely<Database>, context: WriteContext): OpeningResolver {
  const ids = new Map<string, number>();
  let created = 0;
  return {
    async idFor(title, client) {
      const key = openingKey(title, client);
      let id = ids.get(key) ?? (await findOpeningId(db, title, client));
      if (id === null) {
        id = await insertOpening(db, { title, client }, context.now);
        created += 1;
        await recordAudit(
          db,
          { actor: context.actor, action: 'import_create', entity: 'opening', entityId: id },
          context.now,
        );
      }
      ids.set(key, id);
      return id;
    },
    get created() {
      return created;
    },
  };
}

export async function applyCandidateChanges(
  db: Kysely<Database>,
  person: CandidateImport,
  changes: CandidateChanges,
  openings: OpeningResolver,
  context: WriteContext,
): Promise<void> {
  if (changes.action === 'unchanged') return;
  const { now } = context;
  let id = person.candidateId;
  if (id === null) id = await insertCandidate(db, { ...changes.columns, name: person.name }, now);
  else await updateCandidateRow(db, id, changes.columns, now);
  await insertCandidateAddresses(db, id, changes.addAddresses, now);
  if (changes.primaryKey !== null) await setPrimaryAddress(db, id, changes.primaryKey);
  if (changes.skills) await replaceCandidateSkills(db, id, changes.skills);
  for (const outcome of changes.outcomes) {
    await upsertRunnerUpOutcome(db, id, await openings.idFor(outcome.opening, outcome.client), outcome.decidedAt, now);
  }
  await recordAudit(
    db,
    {
      actor: context.actor,
      action: `import_${changes.action}`,
      entity: 'candidate',
      entityId: id,
      detail: { line: person.line, fields: changes.fields },
    },
    now,
  );
}
