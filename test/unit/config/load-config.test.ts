// The config is found in one documented order, expands ${ENV} references, and a bad one is reported
// with every problem and its key path at once (exit code 2), never half-applied.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig, parseConfig } from '../../../src/config/load-config.js';
import { CONFIG_EXAMPLE_JSONC } from '../../../src/config/config-example.js';
import { isKeepwarmError } from '../../../src/errors.js';
import { createCliWorkspace } from '../../support/run-cli.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepwarm-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function problemsOf(raw: unknown, env: Record<string, string> = {}): string[] {
  try {
    parseConfig(raw, env, 'test', dir);
  } catch (error) {
    if (isKeepwarmError(error, 'config_invalid')) return [...error.details];
    throw error;
  }
  return [];
}

describe('finding the config', () => {
  it('takes --config, then KEEPWARM_CONFIG, then ./keepwarm.config.json, then built-in defaults', () => {
    expect(findConfigFile({ explicitPath: 'a.json', env: { KEEPWARM_CONFIG: 'b.json' }, cwd: dir })).toBe(
      path.join(dir, 'a.json'),
    );
    expect(findConfigFile({ env: { KEEPWARM_CONFIG: 'b.json' }, cwd: dir })).toBe(path.join(dir, 'b.json'));
    expect(findConfigFile({ env: {}, cwd: dir })).toBeNull();
    fs.writeFileSync(path.join(dir, 'keepwarm.config.json'), '{}');
    expect(findConfigFile({ env: {}, cwd: dir })).toBe(path.join(dir, 'keepwarm.config.json'));
  });

  it('uses SQLite in ./data and the admin on 127.0.0.1:8787 with no mailboxes by default, frozen', () => {
    const { config, file } = loadConfig({ env: {}, cwd: dir });
    expect(file).toBeNull();
    expect(config).toMatchObject({
      database: 'sqlite:./data/keepwarm.db',
      admin: { listen: '127.0.0.1:8787' },
      mailboxes: [],
    });
    expect(Object.isFrozen(config) && Object.isFrozen(config.admin)).toBe(true);
  });
});

describe('validation', () => {
  it('expands ${NAME} from the environment so secrets stay out of the file', () => {
    const config = parseConfig({ admin: { token: '${TOKEN}' } }, { TOKEN: 'a-long-enough-admin-token' }, 'test', dir);
    expect(config.admin.token).toBe('a-long-enough-admin-token');
  });

  it('lists every problem at once, each with its key path', () => {
    const problems = problemsOf(
      {
        timezone: 'Mars/Base',
        admin: { listen: 'nowhere', tokn: 'x' },
        smtp: { host: 'smtp.example', tls: 'sometimes' },
        mailboxes: [{ name: 'alice', role: 'recruiter', host: 'imap.example', user: 'alice', pass: '${MISSING}' }],
        rules: { noReplyDays: 0 },
      },
      {},
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^timezone: /),
        expect.stringMatching(/^admin\.listen: /),
        expect.stringMatching(/^admin: .*tokn/),
        expect.stringMatching(/^smtp\.tls: /),
        expect.stringMatching(/^smtp\.from: /),
        expect.stringMatching(/^mailboxes\.0\.pass: environment variable MISSING is not set/),
        expect.stringMatching(/^mailboxes\.0\.recruiter: /),
        expect.stringMatching(/^rules\.noReplyDays: /),
      ]),
    );
  });

  it('allows tls "none" only when written, requires a log address for a log mailbox, and rejects duplicate names', () => {
    const box = { name: 'log', role: 'log', host: 'imap.example', user: 'log', pass: 'p' };
    expect(parseConfig({ logAddress: 'log@agency.example', mailboxes: [box] }, {}, 'test', dir).mailboxes[0]!.tls).toBe(
      'implicit',
    );
    expect(problemsOf({ mailboxes: [box] })).toEqual([expect.stringMatching(/^logAddress: /)]);
    expect(problemsOf({ logAddress: 'log@agency.example', mailboxes: [box, box] })).toEqual([
      expect.stringMatching(/^mailboxes\.1\.name: duplicate/),
    ]);
    expect(problemsOf({ database: 'mysql://x' })).toEqual([expect.stringMatching(/^database: /)]);
  });

  it('ships a commented example that parses once the comments are gone', () => {
    const json = CONFIG_EXAMPLE_JSONC.split('\n')
      .map((line) => line.replace(/(^|\s)\/\/.*$/, ''))
      .join('\n');
    const raw = JSON.parse(json) as unknown;
    const env = { KEEPWARM_ADMIN_TOKEN: 'x'.repeat(20), SMTP_PASS: 'p', LOG_PASS: 'p', ALICE_APP_PASSWORD: 'p' };
    expect(() => parseConfig(raw, env, 'example', dir)).not.toThrow();
  });
});

describe('the CLI with a bad config', () => {
  it('exits 2 and prints every problem', async () => {
    const cli = createCliWorkspace();
    try {
      cli.write('keepwarm.config.json', JSON.stringify({ timezone: 'Nowhere', admin: { listen: 'x' } }));
      const result = await cli.run('migrate');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/2 problem\(s\)/);
      expect(result.stderr).toMatch(/timezone: /);
      expect(result.stderr).toMatch(/admin\.listen: /);
      cli.write('keepwarm.config.json', '{ not json');
      expect((await cli.run('migrate')).code).toBe(2);
    } finally {
      cli.remove();
    }
  });
});
