// `keepwarm import mail`: the same pipeline as the IMAP sync, fed from files. Each file (or mbox
// message) is its own source, so importing the same export twice logs nothing new.
import type { Kysely } from 'kysely';
import type { Config } from '../config/config-schema.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../log/logger.js';
import { KeepwarmError } from '../errors.js';
import { addressKey } from '../core/email-address.js';
import { readMailPaths, type MailFile } from './mail-files.js';
import { readHeaderBlock } from './header-facts.js';
import { createLibraryPipeline } from './library-pipeline.js';
import { createParsePool } from './parse-pool.js';
import type { FullItem, PipelineWhere } from './message-pipeline.js';
import { addCounts, emptyCounts, writeDecisions, type DecisionCounts } from './write-decisions.js';

export interface ImportMailSummary extends DecisionCounts {
  files: number;
  failures: string[];
}

const BATCH = 200;

export async function importMailFiles(
  deps: { db: Kysely<Database>; config: Readonly<Config>; logger: Logger; now: () => Date },
  paths: readonly string[],
  options: { as: string | null; onProgress?: (read: number) => void },
): Promise<ImportMailSummary> {
  let ownerRecruiterId: number | null = null;
  if (options.as) {
    const key = addressKey(options.as);
    const row = key
      ? await deps.db.selectFrom('recruiters').select('id').where('email', '=', key).executeTakeFirst()
      : undefined;
    if (!row)
      throw new KeepwarmError('usage', `--as ${options.as}: not a recruiter in the library (keepwarm recruiter add)`);
    ownerRecruiterId = row.id;
  }
  const pool = createParsePool();
  const pipeline = createLibraryPipeline({ ...deps, parse: (source) => pool.parse(source) });
  const summary: ImportMailSummary = { files: 0, failures: [], ...emptyCounts() };
  let batch: MailFile[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const items = batch.map(toItem);
    const where: PipelineWhere = {
      mailbox: 'file',
      mailboxRole: 'file',
      folder: '',
      folderRole: 'inbox',
      ownerRecruiterId,
    };
    const decisions = await pipeline.decide(items, where);
    const decided = batch.map((file, i) => ({
      source: { mailbox: 'file', folder: file.file, uidvalidity: '', uid: file.index, role: 'file' as const },
      decision: decisions.get(items[i]!.uid)!,
    }));
    for (const d of decided) {
      if (d.decision.action === 'quarantine')
        summary.failures.push(
          `${d.source.folder}${d.source.uid ? `#${d.source.uid}` : ''}: ${d.decision.reason} (${d.decision.detail})`,
        );
    }
    addCounts(summary, await writeDecisions(deps.db, decided, null, deps.now().toISOString()));
    batch = [];
  };
  try {
    for await (const file of readMailPaths(paths)) {
      batch.push(file);
      summary.files++;
      options.onProgress?.(summary.files);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT')
      throw new KeepwarmError('not_found', `no such file or folder: ${(error as NodeJS.ErrnoException).path}`);
    throw error;
  } finally {
    await pool.close();
  }
  return summary;
}

/** Header facts come from the header block alone; the pipeline parses the whole message itself. */
function toItem(file: MailFile, index: number): FullItem {
  const crlf = file.raw.indexOf('\r\n\r\n');
  const lf = file.raw.indexOf('\n\n');
  const headerEnd = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 2 : lf >= 0 ? lf + 1 : file.raw.length;
  const headerBlock = file.raw.subarray(0, headerEnd);
  return {
    uid: String(index),
    ...readHeaderBlock(headerBlock),
    size: file.raw.length,
    internalDate: null,
    source: file.raw,
    truncated: false,
  };
}
