// Runs the migrations in migrations/index.ts. Returns Kysely's per-migration results so the CLI can
// say what ran, and throws a coded error when one fails.
import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { KeepwarmError } from '../errors.js';

// Migrations are typed Kysely<any> (frozen in time), so the migrator does not care about the schema type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKysely = Kysely<any>;

function createMigrator(db: AnyKysely): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

async function settle(run: Promise<{ error?: unknown; results?: MigrationResult[] }>): Promise<MigrationResult[]> {
  const { error, results } = await run;
  if (error) throw new KeepwarmError('migration_failed', `migration failed: ${String(error)}`, { cause: error });
  return results ?? [];
}

export function migrateToLatest(db: AnyKysely): Promise<MigrationResult[]> {
  return settle(createMigrator(db).migrateToLatest());
}

export function migrateDown(db: AnyKysely): Promise<MigrationResult[]> {
  return settle(createMigrator(db).migrateDown());
}

export function migrateAllDown(db: AnyKysely): Promise<MigrationResult[]> {
  return settle(createMigrator(db).migrateTo(NO_MIGRATIONS));
}
