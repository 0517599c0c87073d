// Import: POST /import checks an uploaded CSV with a dry run of the import use case (the CLI's), lists every
// bad line or every change, and keeps the checked file for POST /import/apply. The body limit is enforced by
// the app before anything is read (413).
import { Hono } from 'hono';
import { z } from 'zod';
import { isKeepwarmError, KeepwarmError } from '../../errors.js';
import type { AdminEnv, AdminServices } from '../admin-context.js';
import { decodeUtf8, IMPORT_KINDS, runImport, stageImport, takeStaged, type ImportKind } from '../csv-import.js';
import { readForm, renderPage, runAction, type AdminContext } from '../route-kit.js';
import { ImportPage, type ImportView } from '../views/import-page.js';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const applyForm = z.object({ staged: z.string().min(1).max(100) });

export function createImportRoutes(services: AdminServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const page = (c: AdminContext, view: Partial<ImportView>, status: 200 | 400 | 422 = 200): Promise<Response> =>
    renderPage(c, services, {
      title: 'Import',
      section: 'import',
      status,
      body: (
        <ImportPage
          view={{
            csrf: c.get('session').csrf,
            kind: 'candidates',
            maxBytes: IMPORT_MAX_BYTES,
            outcome: null,
            stagedId: null,
            problem: null,
            ...view,
          }}
        />
      ),
    });

  app.get('/import', (c) => page(c, {}));

  app.post('/import', async (c) => {
    const form = await c.req.parseBody();
    const kind: ImportKind = IMPORT_KINDS.find((k) => k === form.kind) ?? 'candidates';
    const file = form.file;
    if (!(file instanceof File) || file.size === 0) {
      return page(
        c,
        { kind, problem: { fileName: 'No file', message: 'Choose a CSV file to check.', details: [] } },
        400,
      );
    }
    const fileName = file.name.slice(0, 200) || 'upload.csv';
    try {
      const text = decodeUtf8(await file.arrayBuffer(), fileName);
      const outcome = await runImport(services, kind, fileName, text, true);
      const stagedId =
        outcome.changes.length > 0 ? stageImport(services, c.get('session'), { kind, fileName, text }) : null;
      return page(c, { kind, outcome, stagedId });
    } catch (error) {
      if (!isKeepwarmError(error, 'invalid_input')) throw error;
      return page(c, { kind, problem: { fileName, message: error.message, details: error.details } }, 422);
    }
  });

  app.post('/import/apply', (c) =>
    runAction(c, services, '/import', async () => {
      const { staged } = await readForm(c, applyForm);
      const file = takeStaged(services, c.get('session'), staged);
      const outcome = await runImport(services, file.kind, file.fileName, file.text, false);
      const report =
        outcome.addedAddressKeys.length > 0 && services.deps.backfill
          ? await services.deps.backfill(outcome.addedAddressKeys)
          : null;
      const { created, updated } = outcome.counts;
      if (created + updated === 0 && outcome.changes.length === 0)
        throw new KeepwarmError('conflict', 'The library already matches this file; nothing changed.');
      return {
        to: file.kind === 'candidates' ? '/candidates' : '/openings',
        text: `Imported ${file.fileName}: ${created} created, ${updated} updated.${report ? ` Then ${report}.` : ''}`,
      };
    }),
  );

  return app;
}
