// Migrations are listed here rather than read from a folder, so the same list works from TypeScript
// sources in development and from compiled JavaScript in production.
import type { Migration } from 'kysely';
import * as m0001 from './0001_talent_library.js';
import * as m0002 from './0002_candidate_activity.js';
import * as m0003 from './0003_candidate_search.js';
import * as m0004 from './0004_candidate_digest.js';
import * as m0005 from './0005_candidate_list_indexes.js';
import * as m0006 from './0006_candidate_list_covering.js';
import * as m0007 from './0007_candidate_digest_outcomes.js';

export const migrations: Record<string, Migration> = {
  '0001_talent_library': m0001,
  '0002_candidate_activity': m0002,
  '0003_candidate_search': m0003,
  '0004_candidate_digest': m0004,
  '0005_candidate_list_indexes': m0005,
  '0006_candidate_list_covering': m0006,
  '0007_candidate_digest_outcomes': m0007,
};
