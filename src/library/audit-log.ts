// Every change to the library leaves a row saying who did what to which record. The detail is JSON of field names
// and enumerated values only (never mail content, names or addresses), and an erase clears it anyway.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export type AuditEntity = 'candidate' | 'recruiter' | 'opening' | 'never_log';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: AuditEntity;
  entityId: number | null;
  detail?: Record<string, unknown> | null;
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  detail: unknown;
}

export async function auditEntriesFor(
  db: Kysely<Database>,
  entity: AuditEntity,
  entityId: number,
): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'actor', 'action', 'detail'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown) }));
}
