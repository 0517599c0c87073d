// The library export use case: the whole talent library as the import's CSV (see library-csv.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { loadCandidateStates } from '../library/candidate-state.js';
import { recruiterEmailsById } from '../library/recruiter-repository.js';
import { formatLibraryCsv } from './library-csv.js';

export async function exportLibraryCsv(db: Kysely<Database>): Promise<{ csv: string; candidates: number }> {
  const states = await loadCandidateStates(db, 'all');
  return { csv: formatLibraryCsv(states.values(), await recruiterEmailsById(db)), candidates: states.size };
}
