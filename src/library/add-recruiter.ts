// Adds a recruiter, or updates the one with this address: the admin runs it again to fix a name or add an alias.
// An address (own or alias) can identify only one recruiter, or mail and CSV owners would be ambiguous.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { cleanText, isTimeZone, parseAddressList, parseDigestTime, type Address } from '../core/library-fields.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { KeepwarmError } from '../errors.js';
import { recordAudit } from './audit-log.js';
import {
  findRecruiterIdByOwnAddress,
  insertRecruiter,
  insertRecruiterAliases,
  listRecruiters,
  recruiterIdsByAddressKey,
  updateRecruiter,
  type RecruiterColumns,
  type RecruiterListing,
} from './recruiter-repository.js';

export interface RecruiterInput {
  email: string;
  name: string;
  aliases?: readonly string[];
  timezone?: string;
  digestDay?: number;
  digestTime?: string;
}

export interface AddRecruiterResult {
  action: 'created' | 'updated' | 'unchanged';
  fields: string[];
  recruiter: RecruiterListing;
}

export async function addRecruiter(
  db: Kysely<Database>,
  input: RecruiterInput,
  options: { now: Date; actor?: string; defaults?: { digestDay: number; digestTime: string } },
): Promise<AddRecruiterResult> {
  const { key, aliases, columns } = checkInput(input);
  const aliasKeys = aliases.map((alias) => alias.key);
  return inWriteTransaction(db, async (trx) => {
    const owners = await recruiterIdsByAddressKey(trx);
    const id = await findRecruiterIdByOwnAddress(trx, key);
    for (const address of [{ email: input.email.trim(), key }, ...aliases]) {
      const holder = owners.get(address.key);
      if (holder !== undefined && holder !== id) {
        throw new KeepwarmError('conflict', `${address.email} is already an address of another recruiter`);
      }
    }
    const before = id === null ? null : (await listRecruiters(trx)).find((r) => r.id === id);
    const newAliases = aliasKeys.filter((alias) => alias !== key && !before?.aliases.includes(alias));
    const fields = before ? changedFields(before, columns) : Object.keys(columns);
    if (newAliases.length > 0) fields.push('aliases');
    const actor = options.actor ?? 'cli';
    let recruiterId = id;
    if (recruiterId === null) {
      // A new recruiter gets the agency's digest day and time (config `digest`) unless told otherwise.
      const defaults = options.defaults
        ? { digest_day: options.defaults.digestDay, digest_time: options.defaults.digestTime }
        : {};
      recruiterId = await insertRecruiter(
        trx,
        input.email.trim(),
        { ...defaults, ...columns, name: columns.name ?? '' },
        options.now,
      );
      await recordAudit(
        trx,
        { actor, action: 'create', entity: 'recruiter', entityId: recruiterId, detail: { fields } },
        options.now,
      );
    } else if (fields.length > 0) {
      await updateRecruiter(trx, recruiterId, columns, options.now);
      await recordAudit(
        trx,
        { actor, action: 'update', entity: 'recruiter', entityId: recruiterId, detail: { fields } },
        options.now,
      );
    }
    await insertRecruiterAliases(trx, recruiterId, newAliases);
    const recruiter = (await listRecruiters(trx)).find((r) => r.id === recruiterId) as RecruiterListing;
    const action = id === null ? 'created' : fields.length > 0 ? 'updated' : 'unchanged';
    return { action, fields, recruiter };
  });
}

function checkInput(input: RecruiterInput): { key: string; aliases: Address[]; columns: RecruiterColumns } {
  const problems: string[] = [];
  const key = addressKey(input.email);
  if (key === null) problems.push(`"${input.email}" is not an email address`);
  const { addresses: aliases, invalid } = parseAddressList((input.aliases ?? []).join(';'));
  for (const alias of invalid) problems.push(`alias "${alias}" is not an email address`);
  const name = cleanText(input.name);
  if (name.length === 0) problems.push('the name is empty');
  if (input.timezone !== undefined && !isTimeZone(input.timezone))
    problems.push(`"${input.timezone}" is not an IANA time zone`);
  if (
    input.digestDay !== undefined &&
    !(Number.isInteger(input.digestDay) && input.digestDay >= 1 && input.digestDay <= 7)
  ) {
    problems.push('the digest day must be 1 (Monday) to 7 (Sunday)');
  }
  const digestTime = input.digestTime === undefined ? undefined : parseDigestTime(input.digestTime);
  if (digestTime === null) problems.push(`digest time "${input.digestTime}" is not HH:MM`);
  if (problems.length > 0 || key === null)
    throw new KeepwarmError('invalid_input', 'the recruiter cannot be saved', { details: problems });
  const columns: RecruiterColumns = { name };
  if (input.timezone !== undefined) columns.timezone = input.timezone;
  if (input.digestDay !== undefined) columns.digest_day = input.digestDay;
  if (digestTime) columns.digest_time = digestTime;
  return { key, aliases, columns };
}

function changedFields(before: RecruiterListing, columns: RecruiterColumns): string[] {
  const current: Record<keyof RecruiterColumns, unknown> = {
    name: before.name,
    timezone: before.timezone,
    digest_day: before.digestDay,
    digest_time: before.digestTime,
  };
  return (Object.keys(columns) as (keyof RecruiterColumns)[]).filter((column) => columns[column] !== current[column]);
}
