// Persistence for the sync: every write is idempotent (unique keys, ON CONFLICT DO NOTHING), so a
// replay of a batch after a crash changes nothing, and effects on a candidate (opt-out, snooze,
// bounce) happen only when the interaction is new.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { UnmatchedParty } from '../core/participants/route-message.js';
import type { MessageRecord, SourceRef } from '../core/message-record.js';
import { normaliseSubject } from '../core/mail/subject-prefix.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface WriteCounts {
  logged: number;
  duplicates: number;
}

const SAME_MAIL_WINDOW_MS = 15 * 60_000;

/**
 * An inline forward and the forwarded mail itself are one interaction, though only one of them has
 * the Message-ID. Finds the other copy by candidate, direction, subject and time; when the real one
 * arrives second, it takes over the forward's provisional key.
 */
async function findSameMail(
  db: Db,
  record: MessageRecord,
  candidateId: number,
  direction: string,
): Promise<number | null> {
  const at = Date.parse(record.occurredAt);
  const rows = await db
    .selectFrom('interactions')
    .select(['id', 'subject', 'message_key'])
    .where('candidate_id', '=', candidateId)
    .where('direction', '=', direction as 'inbound' | 'outbound')
    .where('occurred_at', '>=', new Date(at - SAME_MAIL_WINDOW_MS).toISOString())
    .where('occurred_at', '<=', new Date(at + SAME_MAIL_WINDOW_MS).toISOString())
    .execute();
  const match = rows.find(
    (r) =>
      normaliseSubject(r.subject) === record.subjectKey &&
      (record.inlineForward || r.message_key.startsWith('fwd:')) &&
      r.message_key !== record.messageKey,
  );
  if (!match) return null;
  if (!record.inlineForward) {
    await db
      .updateTable('interactions')
      .set({
        message_key: record.messageKey,
        message_id: record.messageId,
        in_reply_to: record.inReplyTo,
        occurred_at: record.occurredAt,
      })
      .where('id', '=', match.id)
      .execute();
  }
  return match.id;
}

export async function recordMessage(db: Db, record: MessageRecord, source: SourceRef): Promise<WriteCounts> {
  const counts: WriteCounts = { logged: 0, duplicates: 0 };
  for (const entry of record.entries) {
    const sameMail = await findSameMail(db, record, entry.candidateId, entry.direction);
    if (sameMail !== null) {
      await db
        .insertInto('interaction_sources')
        .values({
          interaction_id: sameMail,
          mailbox: source.mailbox,
          folder: source.folder,
          uidvalidity: source.uidvalidity,
          uid: source.uid,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      counts.duplicates++;
      continue;
    }
    const inserted = await db
      .insertInto('interactions')
      .values({
        candidate_id: entry.candidateId,
        recruiter_id: entry.recruiterId,
        message_key: record.messageKey,
        direction: entry.direction,
        kind: record.kind,
        occurred_at: record.occurredAt,
        subject: record.subject,
        snippet: record.snippet,
        message_id: record.messageId,
        in_reply_to: record.inReplyTo,
        references: record.references.length > 0 ? JSON.stringify(record.references) : null,
        attachment_names: record.attachmentNames.length > 0 ? JSON.stringify(record.attachmentNames) : null,
        note: record.note,
        truncated: record.truncated ? 1 : 0,
      })
      .onConflict((oc) => oc.columns(['candidate_id', 'message_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    const interactionId =
      inserted?.id ??
      (
        await db
          .selectFrom('interactions')
          .select('id')
          .where('candidate_id', '=', entry.candidateId)
          .where('message_key', '=', record.messageKey)
          .executeTakeFirstOrThrow()
      ).id;
    await db
      .insertInto('interaction_sources')
      .values({
        interaction_id: interactionId,
        mailbox: source.mailbox,
        folder: source.folder,
        uidvalidity: source.uidvalidity,
        uid: source.uid,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    if (!inserted) {
      counts.duplicates++;
      continue;
    }
    counts.logged++;
    for (const signal of record.signals) {
      await db
        .insertInto('interaction_signals')
        .values({
          interaction_id: interactionId,
          code: signal.code,
          category: signal.category,
          text: signal.text,
          detail: signal.detail ? JSON.stringify(signal.detail) : null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    if (entry.direction === 'inbound') await applyEffects(db, entry.candidateId, interactionId, record);
  }
  return counts;
}

async function applyEffects(db: Db, candidateId: number, interactionId: number, record: MessageRecord): Promise<void> {
  const { effects } = record;
  const now = record.occurredAt;
  if (effects.optOut) {
    // Stop at once; a person confirms (or undoes) it later from the digest or the admin page.
    await db
      .updateTable('candidates')
      .set((eb) => ({
        previous_status: eb.ref('status'),
        status: 'do_not_contact',
        opt_out_interaction_id: interactionId,
        opt_out_detected_at: now,
        updated_at: now,
      }))
      .where('id', '=', candidateId)
      .where('status', 'not in', ['do_not_contact', 'archived'])
      .execute();
  } else if (effects.placedElsewhere) {
    await db
      .updateTable('candidates')
      .set({ status: 'placed_elsewhere', updated_at: now })
      .where('id', '=', candidateId)
      .where('status', 'in', ['runner_up', 'active'])
      .execute();
  }
  if (effects.snoozeUntil) {
    const until = effects.snoozeUntil;
    await db
      .updateTable('candidates')
      .set({ snoozed_until: until, snooze_reason: 'out of office', updated_at: now })
      .where('id', '=', candidateId)
      .where((eb) => eb.or([eb('snoozed_until', 'is', null), eb('snoozed_until', '<', until)]))
      .execute();
  }
  if (effects.bouncedKeys.length > 0) {
    await db
      .updateTable('candidate_emails')
      .set({ bouncing_since: now })
      .where('candidate_id', '=', candidateId)
      .where('email_key', 'in', effects.bouncedKeys)
      .where('bouncing_since', 'is', null)
      .execute();
  }
}

export interface UnmatchedSighting extends UnmatchedParty {
  at: string;
}

interface Tally {
  key: string;
  recruiterId: number | null;
  /** As first seen: the address a new row keeps. */
  email: string;
  /** The last non-empty name seen, or null (an existing row keeps its own). */
  name: string | null;
  count: number;
  lastSeenAt: string;
}

/** One tally per (address, recruiter), in the order first seen: what the sightings add to each row. */
export function tallySightings(sightings: readonly UnmatchedSighting[]): Tally[] {
  const tallies = new Map<string, Tally>();
  for (const item of sightings) {
    const id = tallyId(item.key, item.recruiterId);
    const name = item.party.name.trim() || null;
    const tally = tallies.get(id);
    if (!tally) {
      tallies.set(id, {
        key: item.key,
        recruiterId: item.recruiterId,
        email: item.party.address.trim(),
        name,
        count: 1,
        lastSeenAt: item.at,
      });
      continue;
    }
    tally.count++;
    if (item.at > tally.lastSeenAt) tally.lastSeenAt = item.at;
    if (name) tally.name = name;
  }
  return [...tallies.values()];
}

/**
 * Counts every sighting of a stranger on the triage list, a batch at a time: a sync sees thousands of
 * them (bench P1: 2,717 at 10k messages), and a read plus a write for each was a third of its writes.
 * The rows come out as recording each sighting on its own did (a count per sighting, the latest date,
 * the last name given, new rows' ids in the order first seen): one read of the batch's rows, one
 * UPDATE ... FROM VALUES for those that exist, one multi-row INSERT for the rest.
 */
export async function recordUnmatchedSightings(db: Db, sightings: readonly UnmatchedSighting[]): Promise<void> {
  const tallies = tallySightings(sightings);
  if (tallies.length === 0) return;
  const rowIds = new Map<string, number>();
  const keys = [...new Set(tallies.map((t) => t.key))];
  for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('unmatched_addresses')
      .select(['id', 'email_key', 'recruiter_id'])
      .where('email_key', 'in', keys.slice(i, i + ROWS_PER_STATEMENT))
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const id = tallyId(row.email_key, row.recruiter_id);
      if (!rowIds.has(id)) rowIds.set(id, row.id);
    }
  }
  const seen = tallies.filter((t) => rowIds.has(tallyId(t.key, t.recruiterId)));
  const fresh = tallies.filter((t) => !rowIds.has(tallyId(t.key, t.recruiterId)));
  for (let i = 0; i < seen.length; i += ROWS_PER_STATEMENT) {
    const values = sql.join(
      seen
        .slice(i, i + ROWS_PER_STATEMENT)
        .map((t) => sql`(${rowIds.get(tallyId(t.key, t.recruiterId))!}, ${t.count}, ${t.lastSeenAt}, ${t.name})`),
    );
    await sql`
      update unmatched_addresses set
        message_count = unmatched_addresses.message_count + v.column2,
        last_seen_at = max(unmatched_addresses.last_seen_at, v.column3),
        display_name = coalesce(v.column4, unmatched_addresses.display_name)
      from (values ${values}) as v
      where unmatched_addresses.id = v.column1
    `.execute(db);
  }
  for (let i = 0; i < fresh.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('unmatched_addresses')
      .values(
        fresh.slice(i, i + ROWS_PER_STATEMENT).map((t) => ({
          email_key: t.key,
          email: t.email,
          display_name: t.name,
          recruiter_id: t.recruiterId,
          message_count: t.count,
          last_seen_at: t.lastSeenAt,
        })),
      )
      .execute();
  }
}

function tallyId(key: string, recruiterId: number | null): string {
  return `${key}\u0000${recruiterId ?? ''}`;
}

/** At most 6 bound values a row: far below SQLite's limit on parameters. */
const ROWS_PER_STATEMENT = 500;

export interface QuarantineInput {
  reason: string;
  detail: string;
  messageId: string | null;
  sender: string | null;
  subject: string | null;
}

/** Records (or re-records) a message that could not be logged; returns how many times it has failed. */
export async function recordQuarantine(
  db: Db,
  source: SourceRef,
  input: QuarantineInput,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('quarantine')
    .values({
      mailbox: source.mailbox,
      folder: source.folder,
      uidvalidity: source.uidvalidity,
      uid: source.uid,
      message_id: input.messageId,
      sender: input.sender,
      subject: input.subject,
      reason: input.reason,
      detail: input.detail,
      attempts: 1,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['mailbox', 'folder', 'uidvalidity', 'uid']).doUpdateSet((eb) => ({
        attempts: eb('quarantine.attempts', '+', 1),
        reason: eb.ref('excluded.reason'),
        detail: eb.ref('excluded.detail'),
        updated_at: now,
      })),
    )
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

export async function clearQuarantine(db: Db, source: SourceRef): Promise<void> {
  await db
    .deleteFrom('quarantine')
    .where('mailbox', '=', source.mailbox)
    .where('folder', '=', source.folder)
    .where('uidvalidity', '=', source.uidvalidity)
    .where('uid', '=', source.uid)
    .execute();
}
