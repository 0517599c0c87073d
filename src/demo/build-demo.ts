// `keepwarm demo` as a use case: a fresh demo folder with its own config and library, loaded through the same
// use cases as the CLI (recruiter add, import openings/candidates, candidate set --feedback-notes, import
// mail), then one recruiter's digest rendered as it would be mailed. Starting the server is the caller's part.
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { ConfigInput } from '../config/config-schema.js';
import type { Database } from '../db/schema.js';
import { openDatabase, parseDatabaseUrl } from '../db/open-database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Logger } from '../log/logger.js';
import { KeepwarmError } from '../errors.js';
import { addRecruiter } from '../library/add-recruiter.js';
import { updateCandidate } from '../library/update-candidate.js';
import { importOpenings, type OpeningImportResult } from '../import/import-openings.js';
import { importCandidates, type CandidateImportResult } from '../import/import-candidates.js';
import { importMailFiles, type ImportMailSummary } from '../sync/import-mail-files.js';
import { findRecruiterId, prepareDigests, renderDigestMail } from '../digest/prepare-digests.js';
import { createDigestRenderer } from '../digest/render-digest.js';
import {
  DEMO_DATA_DIR,
  DEMO_DIGEST_RECRUITER,
  DEMO_FEEDBACK,
  DEMO_LOG_ADDRESS,
  DEMO_RECRUITERS,
  DEMO_TIMEZONE,
} from './demo-library.js';
import { recreateDemoFolder, writeDemoImports } from './demo-folder.js';
import { demoWeek } from './demo-dates.js';

export interface BuildDemoOptions {
  /** The demo folder (absolute); wiped and recreated. */
  dir: string;
  /** admin.listen in the demo config. */
  listen: string;
  now: Date;
  logger: Logger;
  /** Where the sample data lives (tests may point elsewhere). */
  dataDir?: string;
}

export interface DemoDigest {
  recruiter: { name: string; email: string };
  /** This week's Monday, 08:00 in the agency's zone: when the digest goes out. */
  at: Date;
  subject: string;
  text: string;
}

export interface BuiltDemo {
  dir: string;
  configFile: string;
  loaded: LoadedConfig;
  recruiters: string[];
  openings: OpeningImportResult;
  candidates: CandidateImportResult;
  feedbackNotes: number;
  mail: ImportMailSummary;
  /** Rows in the library once everything is loaded. */
  counts: { candidates: number; openings: number; interactions: number };
  digest: DemoDigest;
}

const ACTOR = 'demo';

export async function buildDemo(options: BuildDemoOptions): Promise<BuiltDemo> {
  const dataDir = options.dataDir ?? DEMO_DATA_DIR;
  if (!fs.existsSync(path.join(dataDir, 'candidates.csv'))) {
    throw new KeepwarmError(
      'not_found',
      `the demo data is not here (${dataDir}); run the demo from a checkout of keepwarm`,
    );
  }
  recreateDemoFolder(options.dir);
  const week = demoWeek(options.now, DEMO_TIMEZONE);
  const files = writeDemoImports(dataDir, path.join(options.dir, 'import'), {
    monday: week.monday,
    zone: DEMO_TIMEZONE,
  });
  const configFile = path.join(options.dir, 'keepwarm.config.json');
  const config: ConfigInput = {
    database: 'sqlite:./keepwarm.db',
    timezone: DEMO_TIMEZONE,
    logAddress: DEMO_LOG_ADDRESS,
    admin: { listen: options.listen },
    mailboxes: [],
  };
  fs.writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  // The demo reads no environment: what it shows must not depend on the shell it runs in.
  const loaded = loadConfig({ explicitPath: configFile, env: {}, cwd: options.dir });

  const location = parseDatabaseUrl(loaded.config.database, loaded.baseDir);
  if (!location) throw new KeepwarmError('config_invalid', 'database: expected sqlite:PATH');
  const opened = openDatabase(location);
  try {
    const db = opened.db;
    await migrateToLatest(db);
    const at = { now: options.now, actor: ACTOR };
    for (const recruiter of DEMO_RECRUITERS) await addRecruiter(db, recruiter, at);
    const openings = await importOpenings(db, fs.readFileSync(files.openings, 'utf8'), { ...at, dryRun: false });
    const candidates = await importCandidates(db, fs.readFileSync(files.candidates, 'utf8'), { ...at, dryRun: false });
    for (const f of DEMO_FEEDBACK) {
      await updateCandidate(
        db,
        f.candidate,
        { feedback: { notes: f.notes, opening: f.opening, client: f.client } },
        at,
      );
    }
    const mail = await importMailFiles(
      { db, config: loaded.config, logger: options.logger, now: () => options.now },
      [files.mail],
      { as: null },
    );
    return {
      dir: options.dir,
      configFile,
      loaded,
      recruiters: DEMO_RECRUITERS.map((r) => r.name),
      openings,
      candidates,
      feedbackNotes: DEMO_FEEDBACK.length,
      mail,
      counts: await countRows(db),
      digest: await renderDemoDigest(db, loaded, week.digestAt),
    };
  } finally {
    await opened.close();
  }
}

async function countRows(db: Kysely<Database>): Promise<BuiltDemo['counts']> {
  const count = async (table: 'candidates' | 'openings' | 'interactions'): Promise<number> =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0);
  return {
    candidates: await count('candidates'),
    openings: await count('openings'),
    interactions: await count('interactions'),
  };
}

/** The digest use case `keepwarm digest --recruiter … --at …` runs, for the demo's recruiter. */
async function renderDemoDigest(db: Kysely<Database>, loaded: LoadedConfig, at: Date): Promise<DemoDigest> {
  const recruiterId = await findRecruiterId(db, DEMO_DIGEST_RECRUITER);
  if (recruiterId === null) throw new KeepwarmError('internal', `demo recruiter ${DEMO_DIGEST_RECRUITER} is missing`);
  const [digest] = await prepareDigests(db, loaded.config, { now: at, recruiterId });
  if (!digest) throw new KeepwarmError('internal', `no digest for ${DEMO_DIGEST_RECRUITER}`);
  const mail = renderDigestMail(digest, loaded.config, createDigestRenderer());
  return {
    recruiter: { name: digest.recruiter.name, email: digest.recruiter.email },
    at,
    subject: mail.subject,
    text: mail.text,
  };
}
