// The admin side of the CSV import: decode the upload as the CLI does (UTF-8 or refuse), run the import use
// case (dry run first), and keep a checked file in the session until the person says "import now", so the
// file is not uploaded twice and what is written is what was checked (the use case re-checks it anyway).
import { KeepwarmError } from '../errors.js';
import { importCandidates } from '../import/import-candidates.js';
import { importOpenings } from '../import/import-openings.js';
import type { AdminServices } from './admin-context.js';
import { ADMIN_ACTOR } from './admin-context.js';
import type { Session, StagedImport } from './security/session-store.js';

export const IMPORT_KINDS = ['candidates', 'openings'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
const STAGE_TTL_MS = 30 * 60_000;
const STAGED_PER_SESSION = 3;

export interface ImportOutcome {
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  counts: { created: number; updated: number; unchanged: number };
  openingsCreated: number | null;
  changes: { line: number; action: string; label: string; fields: string[] }[];
  addedAddressKeys: string[];
}

export function decodeUtf8(bytes: ArrayBuffer, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new KeepwarmError(
      'invalid_input',
      `${fileName} is not UTF-8 text; save it as "CSV UTF-8" and upload it again`,
      { cause: error },
    );
  }
}

export async function runImport(
  services: AdminServices,
  kind: ImportKind,
  fileName: string,
  text: string,
  dryRun: boolean,
): Promise<ImportOutcome> {
  const options = { dryRun, now: services.deps.now(), actor: ADMIN_ACTOR };
  if (kind === 'candidates') {
    const result = await importCandidates(services.deps.db, text, options);
    return {
      kind,
      fileName,
      dryRun,
      counts: result.candidates,
      openingsCreated: result.openings.created,
      changes: result.changes.map((c) => ({ line: c.line, action: c.action, label: c.name, fields: c.fields })),
      addedAddressKeys: result.addedAddressKeys,
    };
  }
  const result = await importOpenings(services.deps.db, text, options);
  return {
    kind,
    fileName,
    dryRun,
    counts: result.openings,
    openingsCreated: null,
    changes: result.changes.map((c) => ({
      line: c.line,
      action: c.action,
      label: `${c.title} (${c.client})`,
      fields: c.fields,
    })),
    addedAddressKeys: [],
  };
}

export function stageImport(services: AdminServices, session: Session, staged: Omit<StagedImport, 'stagedAt'>): string {
  const now = services.deps.now().getTime();
  for (const [id, entry] of session.staged) if (now - entry.stagedAt > STAGE_TTL_MS) session.staged.delete(id);
  while (session.staged.size >= STAGED_PER_SESSION) session.staged.delete(session.staged.keys().next().value as string);
  const id = services.sessions.randomToken();
  session.staged.set(id, { ...staged, stagedAt: now });
  return id;
}

export function takeStaged(services: AdminServices, session: Session, id: string): StagedImport {
  const staged = session.staged.get(id);
  session.staged.delete(id);
  if (!staged || services.deps.now().getTime() - staged.stagedAt > STAGE_TTL_MS) {
    throw new KeepwarmError('not_found', 'That checked file has expired; upload it again for a new dry run.');
  }
  return staged;
}
