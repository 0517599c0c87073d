// The openings import use case: upsert by title and client (case-insensitive), all rows checked first, one
// transaction, and a dry run that only says what would change. A re-import of the same file writes nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { recordAudit } from '../library/audit-log.js';
import {
  findOpeningId,
  insertOpening,
  replaceOpeningSkills,
  updateOpening,
  type OpeningColumns,
} from '../library/opening-repository.js';
import { recruiterIdsByAddressKey } from '../library/recruiter-repository.js';
import { readCsvTable } from './csv-table.js';
import type { ImportOptions } from './import-candidates.js';
import { rejectFile } from './line-problems.js';
import { OPENING_CSV_COLUMNS, OPENING_CSV_REQUIRED, readOpeningRows, type OpeningRow } from './opening-csv-rows.js';

export interface OpeningImportResult {
  dryRun: boolean;
  openings: { created: number; updated: number; unchanged: number };
  changes: { line: number; action: 'create' | 'update'; title: string; client: string; fields: string[] }[];
}

interface PlannedOpening {
  row: OpeningRow;
  id: number | null;
  columns: OpeningColumns;
  fields: string[];
}

export async function importOpenings(
  db: Kysely<Database>,
  csvText: string,
  options: ImportOptions,
): Promise<OpeningImportResult> {
  const table = readCsvTable(csvText, { known: OPENING_CSV_COLUMNS, required: OPENING_CSV_REQUIRED });
  const plan = async (reader: Kysely<Database>): Promise<PlannedOpening[]> => {
    const { rows, problems } = readOpeningRows(table.records, await recruiterIdsByAddressKey(reader));
    if (problems.length > 0 || table.problems.length > 0) throw rejectFile([...table.problems, ...problems]);
    const planned: PlannedOpening[] = [];
    for (const row of rows) planned.push(await planOpening(reader, row));
    return planned;
  };
  if (options.dryRun) return summarise(await plan(db), true);
  return inWriteTransaction(db, async (trx) => {
    const planned = await plan(trx);
    const actor = options.actor ?? 'cli';
    for (const { row, id, columns, fields } of planned) {
      if (fields.length === 0) continue;
      const openingId =
        id ?? (await insertOpening(trx, { title: row.title, client: row.client, ...columns }, options.now));
      if (id !== null) await updateOpening(trx, id, columns, options.now);
      if (row.skills && fields.includes('skills')) await replaceOpeningSkills(trx, openingId, row.skills);
      const action = id === null ? 'import_create' : 'import_update';
      await recordAudit(
        trx,
        { actor, action, entity: 'opening', entityId: openingId, detail: { line: row.line, fields } },
        options.now,
      );
    }
    return summarise(planned, false);
  });
}

async function planOpening(db: Kysely<Database>, row: OpeningRow): Promise<PlannedOpening> {
  const id = await findOpeningId(db, row.title, row.client);
  const current =
    id === null ? undefined : await db.selectFrom('openings').selectAll().where('id', '=', id).executeTakeFirst();
  const currentSkills =
    id === null ? [] : await db.selectFrom('opening_skills').select('skill_key').where('opening_id', '=', id).execute();
  const columns: OpeningColumns = {};
  const fields: string[] = id === null ? ['title', 'client'] : [];
  const change = <K extends keyof OpeningColumns>(
    field: string,
    column: K,
    value: OpeningColumns[K] | null,
    now: unknown,
  ): void => {
    if (value === null || value === now) return;
    columns[column] = value;
    fields.push(field);
  };
  change('status', 'status', row.status, current?.status);
  change('owner', 'owner_recruiter_id', row.ownerId, current?.owner_recruiter_id);
  change('opened_at', 'opened_at', row.openedAt, current?.opened_at);
  const sorted = (keys: string[]): string => keys.sort().join('\u0000');
  if (row.skills && sorted(row.skills.map((s) => s.key)) !== sorted(currentSkills.map((s) => s.skill_key)))
    fields.push('skills');
  return { row, id, columns, fields };
}

function summarise(plan: readonly PlannedOpening[], dryRun: boolean): OpeningImportResult {
  const changed = plan.filter((p) => p.fields.length > 0);
  return {
    dryRun,
    openings: {
      created: changed.filter((p) => p.id === null).length,
      updated: changed.filter((p) => p.id !== null).length,
      unchanged: plan.length - changed.length,
    },
    changes: changed.map((p) => ({
      line: p.row.line,
      action: p.id === null ? 'create' : 'update',
      title: p.row.title,
      client: p.row.client,
      fields: p.fields,
    })),
  };
}
