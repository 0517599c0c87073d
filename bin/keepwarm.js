#!/usr/bin/env node
// In a checkout (src/ present, tsx installed) run the TypeScript sources, so `npx keepwarm` never runs a
// stale build; in an installed package or the Docker image run the compiled JavaScript.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const source = new URL('src/cli/run.ts', root);
let entry = new URL('dist/src/cli/run.js', root);
if (fs.existsSync(fileURLToPath(source))) {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    entry = source;
  } catch {
    // tsx is a dev dependency; without it, fall back to the build.
  }
}
if (!fs.existsSync(fileURLToPath(entry))) {
  console.error('keepwarm: not built; run `npm run build` (or `npm install` in a checkout)');
  process.exit(1);
}
await import(entry.href);
