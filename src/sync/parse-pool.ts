// Hands MIME parsing to one worker thread with a deadline and a heap limit. A message that takes too
// long or exhausts the worker's memory fails alone (the worker is replaced); the caller quarantines it.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MailFacts } from '../core/mail/mail-facts.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';

export interface ParsePool {
  parse(source: Buffer | string): Promise<MailFacts>;
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  /** A message still parsing after this long is given up on. */
  timeoutMs?: number;
  /** The worker's heap limit. */
  maxHeapMb?: number;
  /**
   * Start the worker now rather than at the first message, so its start-up (loading mailparser, and
   * tsx in a checkout: ~0.5 s) overlaps the IMAP login and header fetches instead of delaying them.
   */
  startNow?: boolean;
}

interface Job {
  request: ParseRequest;
  resolve: (facts: MailFacts) => void;
  reject: (error: Error) => void;
}

/** In the TypeScript sources (tests, `npx keepwarm` in a checkout) the worker registers tsx itself. */
function workerScript(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  const target = new URL(fromSource ? './parse-worker.ts' : './parse-worker.js', import.meta.url).href;
  if (!fromSource) return `import(${JSON.stringify(target)});`;
  // An eval worker resolves bare specifiers from the working directory, so name tsx by its path: the
  // ESM build beside the CommonJS one that require.resolve finds.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/index\.cjs$/, 'index.mjs'),
  ).href;
  return fromSource
    ? `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`
    : `import(${JSON.stringify(target)});`;
}

export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxHeapMb = options.maxHeapMb ?? 512;
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let current: Job | null = null;
  let timer: NodeJS.Timeout | null = null;
  let nextId = 1;
  let closed = false;

  function spawn(): Worker {
    const w = new Worker(workerScript(), { eval: true, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    w.on('message', (reply: ParseReply) => {
      if (!current || reply.id !== current.request.id) return;
      const job = current;
      finish();
      if (reply.ok) job.resolve(reply.facts);
      else job.reject(new Error(reply.error));
    });
    w.on('error', (error: Error) => fail(`parser crashed: ${error.message}`));
    w.on('exit', () => {
      if (worker === w) worker = null;
      if (current) fail('parser exited');
    });
    w.unref();
    return w;
  }

  function finish(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    current = null;
    pump();
  }

  function fail(reason: string): void {
    const job = current;
    const dead = worker;
    worker = null;
    finish();
    job?.reject(new Error(reason));
    void dead?.terminate();
  }

  function pump(): void {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) {
      worker?.unref();
      return;
    }
    current = job;
    worker ??= spawn();
    worker.ref();
    timer = setTimeout(() => fail(`parsing took longer than ${timeoutMs} ms`), timeoutMs);
    worker.postMessage(job.request);
  }

  if (options.startNow) worker = spawn();

  return {
    parse(source) {
      if (closed) return Promise.reject(new Error('parse pool is closed'));
      const bytes = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
      return new Promise<MailFacts>((resolve, reject) => {
        queue.push({
          request: { id: nextId++, source: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
          resolve,
          reject,
        });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('parse pool is closed'));
      if (worker) await worker.terminate();
      worker = null;
    },
  };
}
