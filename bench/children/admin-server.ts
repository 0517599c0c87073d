// P5's server: `keepwarm start` as the composition root builds it (startKeepwarm: the admin app and
// /healthz on one Hono app), with a library-only config, on 127.0.0.1:0 in its own process, so the load
// generator in the runner does not share its event loop. Prints one BENCH-READY line and serves until
// the runner ends it.
import { startKeepwarm } from '../../src/app/start-keepwarm.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createSilentLogger } from '../../src/log/logger.js';
import { childInput } from '../lib/child-process.js';

interface Input {
  config: string;
  /** The clock the admin pages see (the digest's "now"). */
  at: string;
}

const input = childInput<Input>();
const loaded = loadConfig({ explicitPath: input.config, env: {}, cwd: process.cwd() });
const running = await startKeepwarm({
  loaded,
  logger: createSilentLogger(),
  now: () => new Date(input.at),
  listen: '127.0.0.1:0',
});
process.stdout.write(
  `BENCH-READY ${JSON.stringify({ url: running.url, mounted: 'startKeepwarm (admin app + /healthz)' })}\n`,
);
const stop = async (): Promise<void> => {
  await running.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
