// Editing a recruiter from a form: the aliases given are the whole list, so the ones left out are removed
// (addRecruiter only ever adds). Name, time zone and digest day and time go through addRecruiter's checks.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { parseAddressList } from '../core/library-fields.js';
import { KeepwarmError } from '../errors.js';
import { addRecruiter, type AddRecruiterResult, type RecruiterInput } from './add-recruiter.js';
import { recordAudit } from './audit-log.js';

export async function editRecruiter(
  db: Kysely<Database>,
  input: RecruiterInput & { aliases: readonly string[] },
  options: { now: Date; actor?: string },
): Promise<AddRecruiterResult> {
  const { addresses, invalid } = parseAddressList(input.aliases.join(';'));
  if (invalid.length > 0)
    throw new KeepwarmError('invalid_input', 'the recruiter cannot be saved', {
      details: invalid.map((a) => `alias "${a}" is not an email address`),
    });
  const result = await addRecruiter(db, input, options);
  const keep = new Set(addresses.map((a) => a.key));
  const dropped = result.recruiter.aliases.filter((alias) => !keep.has(alias));
  if (dropped.length === 0) return result;
  await db
    .deleteFrom('recruiter_aliases')
    .where('recruiter_id', '=', result.recruiter.id)
    .where('email', 'in', dropped)
    .execute();
  await recordAudit(
    db,
    {
      actor: options.actor ?? 'cli',
      action: 'update',
      entity: 'recruiter',
      entityId: result.recruiter.id,
      detail: { fields: ['aliases'] },
    },
    options.now,
  );
  return {
    action: 'updated',
    fields: [...new Set([...result.fields, 'aliases'])],
    recruiter: { ...result.recruiter, aliases: result.recruiter.aliases.filter((alias) => keep.has(alias)) },
  };
}
