// The demo's own folder: wiped and recreated on every run so the demo is repeatable, but only when it is
// empty or an earlier demo made it; `--dir .` must never delete someone's work.
import fs from 'node:fs';
import path from 'node:path';
import { KeepwarmError } from '../errors.js';
import { materialiseDates, type DemoClock } from './demo-dates.js';

const MARKER = '.keepwarm-demo';

export function recreateDemoFolder(dir: string): void {
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new KeepwarmError(
        'conflict',
        `${dir} is not empty and was not made by keepwarm demo; choose another --dir`,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, MARKER),
    'Made by `keepwarm demo`, which deletes and recreates this folder on every run.\n',
  );
}

/**
 * Copies the sample data into the demo folder with its dates filled in, so what was imported stays there to
 * look at (and to import again by hand). Mail gets CRLF line ends, as it has on the wire.
 */
export function writeDemoImports(
  dataDir: string,
  targetDir: string,
  clock: DemoClock,
): { openings: string; candidates: string; mail: string } {
  const copy = (from: string, to: string, crlf: boolean): void => {
    const text = materialiseDates(fs.readFileSync(from, 'utf8'), clock);
    fs.writeFileSync(to, crlf ? text.replace(/\r?\n/g, '\r\n') : text);
  };
  const mail = path.join(targetDir, 'mail');
  fs.mkdirSync(mail, { recursive: true });
  const openings = path.join(targetDir, 'openings.csv');
  const candidates = path.join(targetDir, 'candidates.csv');
  copy(path.join(dataDir, 'openings.csv'), openings, false);
  copy(path.join(dataDir, 'candidates.csv'), candidates, false);
  for (const name of fs
    .readdirSync(path.join(dataDir, 'mail'))
    .filter((n) => n.endsWith('.eml'))
    .sort()) {
    copy(path.join(dataDir, 'mail', name), path.join(mail, name), true);
  }
  return { openings, candidates, mail };
}
