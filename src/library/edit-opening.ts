// Openings by hand (the admin page; the CSV import does the same in bulk): list, add, edit, close. Same field
// rules as the openings CSV, one opening per title and client (case-insensitive), every change audited.
import type { Kysely, Updateable } from 'kysely';
import type { Database, OpeningStatus, OpeningsTable } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { parseIsoDate } from '../core/iso-date.js';
import { cleanText, parseSkills } from '../core/library-fields.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { KeepwarmError } from '../errors.js';
import { recordAudit } from './audit-log.js';
import { findOpeningId, insertOpening, replaceOpeningSkills, updateOpening } from './opening-repository.js';
import { recruiterIdsByAddressKey } from './recruiter-repository.js';

export interface OpeningListing {
  id: number;
  title: string;
  client: string;
  status: OpeningStatus;
  owner: string | null;
  openedAt: string;
  closedAt: string | null;
  skills: string[];
  runnerUps: number;
}

export async function listOpenings(
  db: Kysely<Database>,
  options: { status?: OpeningStatus } = {},
): Promise<OpeningListing[]> {
  const rows = await db
    .selectFrom('openings as o')
    .leftJoin('recruiters as r', 'r.id', 'o.owner_recruiter_id')
    .select((eb) => [
      'o.id',
      'o.title',
      'o.client',
      'o.status',
      'o.opened_at',
      'o.closed_at',
      'r.email as owner',
      eb
        .selectFrom('outcomes')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('outcomes.opening_id', '=', 'o.id')
        .where('stage', '=', 'runner_up')
        .as('runner_ups'),
    ])
    .$if(options.status !== undefined, (q) => q.where('o.status', '=', options.status as OpeningStatus))
    .orderBy('o.status', 'desc') // open, then filled, then closed
    .orderBy('o.opened_at', 'desc')
    .execute();
  const skills = await db.selectFrom('opening_skills').select(['opening_id', 'skill']).execute();
  return rows.map((o) => ({
    id: o.id,
    title: o.title,
    client: o.client,
    status: o.status,
    owner: o.owner,
    openedAt: o.opened_at,
    closedAt: o.closed_at,
    skills: skills.filter((s) => s.opening_id === o.id).map((s) => s.skill),
    runnerUps: Number(o.runner_ups ?? 0),
  }));
}

export interface OpeningInput {
  title: string;
  client: string;
  /** `;`-separated, as in the CSV. */
  skills?: string;
  status?: OpeningStatus;
  /** A recruiter's address or alias; empty for none. */
  owner?: string;
  /** ISO date. */
  openedAt?: string;
}

/** Adds an opening (id null) or edits one. */
export async function saveOpening(
  db: Kysely<Database>,
  id: number | null,
  input: OpeningInput,
  options: { now: Date; actor?: string },
): Promise<{ openingId: number }> {
  const title = cleanText(input.title);
  const client = cleanText(input.client);
  const problems: string[] = [];
  if (!title) problems.push('the title is empty');
  if (!client) problems.push('the client is empty');
  const openedAt = input.openedAt?.trim() ? parseIsoDate(input.openedAt) : undefined;
  if (openedAt === null) problems.push(`opened "${input.openedAt}" is not a date (YYYY-MM-DD)`);
  if (problems.length > 0)
    throw new KeepwarmError('invalid_input', 'the opening cannot be saved', { details: problems });
  return inWriteTransaction(db, async (trx) => {
    const columns: Updateable<OpeningsTable> = { title, client, updated_at: options.now.toISOString() };
    if (input.status) columns.status = input.status;
    if (input.status) columns.closed_at = input.status === 'open' ? null : options.now.toISOString();
    if (openedAt) columns.opened_at = openedAt;
    if (input.owner !== undefined) columns.owner_recruiter_id = await ownerId(trx, input.owner);
    const holder = await findOpeningId(trx, title, client);
    if (holder !== null && holder !== id)
      throw new KeepwarmError('conflict', `"${title}" for ${client} already exists`);
    let openingId = id;
    if (openingId === null) {
      const { owner_recruiter_id: owner, status, opened_at } = columns;
      openingId = await insertOpening(
        trx,
        {
          title,
          client,
          ...(owner ? { owner_recruiter_id: owner } : {}),
          ...(status ? { status } : {}),
          ...(opened_at ? { opened_at } : {}),
        },
        options.now,
      );
    } else {
      const updated = await trx.updateTable('openings').set(columns).where('id', '=', openingId).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new KeepwarmError('not_found', 'no such opening');
    }
    if (input.skills !== undefined) await replaceOpeningSkills(trx, openingId, parseSkills(input.skills));
    await recordAudit(
      trx,
      {
        actor: options.actor ?? 'cli',
        action: id === null ? 'create' : 'update',
        entity: 'opening',
        entityId: openingId,
      },
      options.now,
    );
    return { openingId };
  });
}

export async function closeOpening(
  db: Kysely<Database>,
  id: number,
  options: { now: Date; actor?: string },
): Promise<void> {
  await inWriteTransaction(db, async (trx) => {
    const found = await trx.selectFrom('openings').select('status').where('id', '=', id).executeTakeFirst();
    if (!found) throw new KeepwarmError('not_found', 'no such opening');
    if (found.status === 'closed') return;
    await updateOpening(trx, id, { status: 'closed' }, options.now);
    await trx.updateTable('openings').set({ closed_at: options.now.toISOString() }).where('id', '=', id).execute();
    await recordAudit(
      trx,
      { actor: options.actor ?? 'cli', action: 'close', entity: 'opening', entityId: id },
      options.now,
    );
  });
}

async function ownerId(db: Kysely<Database>, owner: string): Promise<number | null> {
  if (!owner.trim()) return null;
  const id = (await recruiterIdsByAddressKey(db)).get(addressKey(owner) ?? '');
  if (id === undefined) throw new KeepwarmError('not_found', `no recruiter has the address ${owner}`);
  return id;
}
