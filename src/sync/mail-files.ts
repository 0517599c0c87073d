// Reads mail exported to disk (history, Gmail Takeout): .eml files, folders of them, Maildir
// folders (cur/ and new/), and mbox files, one message at a time so a multi-gigabyte mbox never
// sits in memory.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export interface MailFile {
  /** The file (for an mbox, the mbox) it came from. */
  file: string;
  /** The position inside an mbox (1-based), or '' for a single-message file. */
  index: string;
  raw: Buffer;
}

const MBOX_SEPARATOR = /^From \S+/;

export async function* readMailPaths(paths: readonly string[]): AsyncGenerator<MailFile> {
  for (const p of paths) yield* readMailPath(path.resolve(p));
}

async function* readMailPath(p: string): AsyncGenerator<MailFile> {
  const stat = await fs.promises.stat(p);
  if (stat.isDirectory()) {
    const entries = (await fs.promises.readdir(p, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const isMaildir = ['cur', 'new'].every((d) => entries.some((e) => e.isDirectory() && e.name === d));
    for (const entry of entries) {
      const child = path.join(p, entry.name);
      if (entry.isDirectory()) {
        if (isMaildir && entry.name === 'tmp') continue; // messages still being written
        yield* readMailPath(child);
      } else if (
        entry.isFile() &&
        (isMaildir || path.basename(p) === 'cur' || path.basename(p) === 'new' || /\.(eml|mbox)$/i.test(entry.name))
      ) {
        yield* readMailFile(child);
      }
    }
    return;
  }
  yield* readMailFile(p);
}

async function* readMailFile(file: string): AsyncGenerator<MailFile> {
  if (await looksLikeMbox(file)) {
    yield* readMbox(file);
    return;
  }
  yield { file, index: '', raw: await fs.promises.readFile(file) };
}

async function looksLikeMbox(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return MBOX_SEPARATOR.test(buffer.subarray(0, bytesRead).toString('latin1'));
  } finally {
    await handle.close();
  }
}

/** mboxrd: a message starts at a "From " line; ">From " (any number of >) lines are unescaped. */
async function* readMbox(file: string): AsyncGenerator<MailFile> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: 'latin1' }),
    crlfDelay: Infinity,
  });
  let current: string[] | null = null;
  let index = 0;
  let previousBlank = true;
  const emit = (): MailFile | null => {
    if (!current) return null;
    while (current.length > 0 && current[current.length - 1] === '') current.pop();
    return { file, index: String(index), raw: Buffer.from(current.join('\r\n') + '\r\n', 'latin1') };
  };
  for await (const line of lines) {
    if (previousBlank && MBOX_SEPARATOR.test(line)) {
      const done = emit();
      if (done) yield done;
      current = [];
      index++;
    } else if (current) {
      current.push(/^>+From /.test(line) ? line.slice(1) : line);
    }
    previousBlank = line === '';
  }
  const last = emit();
  if (last) yield last;
}
