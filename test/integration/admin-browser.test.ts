// The admin page in a real browser: Debian's headless Chromium, driven by playwright-core, against keepwarm
// started by its own composition root on 127.0.0.1:0. A person's path through it (log in, search, open a
// candidate, snooze them, clear triage, import a bad CSV, preview the digest), with mail that tries to run
// script (it must show as text and open no dialog). Screenshots of the main pages go to
// test-results/screenshots/ for a person to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeepwarm, type RunningKeepwarm } from '../../src/app/start-keepwarm.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, type OpenedDatabase } from '../../src/db/open-database.js';
import { createSilentLogger } from '../../src/log/logger.js';
import { seedAdminWorld, XSS } from '../support/admin-world.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'browser-test-token-0123456789';
const SCREENSHOTS = path.resolve('test-results/screenshots');
const NOW = new Date('2024-06-05T14:00:00.000Z');

if (!fs.existsSync(CHROMIUM)) {
  throw new Error(
    `${CHROMIUM} is missing: the admin browser tests need Debian's chromium (apt-get install -y chromium; .ci/run installs it)`,
  );
}

let dir: string;
let running: RunningKeepwarm;
let db: OpenedDatabase;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepwarm-browser-'));
  fs.writeFileSync(
    path.join(dir, 'keepwarm.config.json'),
    JSON.stringify({ database: 'sqlite:./keepwarm.db', timezone: 'America/New_York', admin: { token: TOKEN } }),
  );
  const loaded = loadConfig({ env: {}, cwd: dir });
  running = await startKeepwarm({ loaded, logger: createSilentLogger(), now: () => NOW, listen: '127.0.0.1:0' });
  db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'keepwarm.db') });
  await seedAdminWorld(db.db);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  // A fresh context is a fresh profile: no cookies or storage from anything else.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  await db?.close();
  await running?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const shot = (name: string): Promise<Buffer> =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const flash = (): Promise<string> => page.locator('.flash').first().innerText();

describe('the admin page in Chromium', () => {
  it('asks for the token, refuses a wrong one, and logs in with the right one', async () => {
    await page.goto(`${running.url}/candidates`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot('login');
    await page.getByLabel('Admin token').fill('not-the-token-at-all');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('That token is not right.').waitFor();
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/candidates');
    const cookie = (await context.cookies()).find((c) => c.name === 'keepwarm_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.goto(`${running.url}/`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await shot('dashboard');
  });

  it('searches the library and opens a candidate, whose mail shows script as text', async () => {
    await page.goto(`${running.url}/candidates`);
    await shot('candidates');
    await page.getByRole('searchbox', { name: 'Search' }).fill('roe');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/candidates\?q=roe/);
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'Jane Roe' }).click();
    await page.getByRole('heading', { name: 'Jane Roe', level: 1 }).waitFor();
    await page.getByText(XSS, { exact: true }).first().waitFor();
    await expect(page.locator('img').count()).resolves.toBe(0);
    await shot('candidate');
  });

  it('snoozes the candidate until a date', async () => {
    await page.getByLabel('Until').fill('2024-07-01');
    await page.getByLabel('Reason').fill('Started a new role');
    await page.getByRole('button', { name: 'Snooze', exact: true }).click();
    await page.locator('.flash').waitFor();
    await expect(flash()).resolves.toContain('Snoozed until 2024-07-01');
    await page.getByText('Snoozed until 1 Jul 2024').waitFor();
    const row = await db.db
      .selectFrom('candidates')
      .select(['snoozed_until', 'snooze_reason'])
      .where('name', '=', 'Jane Roe')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ snoozed_until: '2024-07-01T04:00:00.000Z', snooze_reason: 'Started a new role' });
  });

  it('clears a triage entry', async () => {
    await page.goto(`${running.url}/triage`);
    await shot('triage');
    const entry = page.locator('tr', { hasText: 'stranger@elsewhere.example' });
    await entry.getByRole('button', { name: 'Dismiss' }).click();
    await page.locator('.flash').waitFor();
    await expect(flash()).resolves.toBe('Dismissed.');
    await expect(page.getByText('stranger@elsewhere.example').count()).resolves.toBe(0);
  });

  it('checks a CSV with a bad line: the numbered error is shown and nothing is written', async () => {
    const before = await db.db
      .selectFrom('candidates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await page.goto(`${running.url}/import`);
    const csv =
      'name,email,status\nNew Person,new.person@example.com,runner_up\nBad Row,bad.row@example.com,superstar\n';
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: `${XSS}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText(/line 3: unknown status "superstar"/).waitFor();
    await page.getByText(`${XSS}.csv: nothing was imported`).waitFor();
    await shot('import-errors');
    const after = await db.db
      .selectFrom('candidates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('previews the digest exactly as the email carries it', async () => {
    await page.goto(`${running.url}/digest`);
    const frame = page.frameLocator('iframe.preview');
    await frame.getByText('Omar Haddad', { exact: true }).first().waitFor();
    await frame.getByText(XSS).filter({ visible: true }).first().waitFor();
    await shot('digest');
  });

  it('shows the openings and recruiters pages', async () => {
    await page.goto(`${running.url}/openings`);
    await shot('openings');
    await page.goto(`${running.url}/recruiters`);
    await shot('recruiters');
  });

  it('opened no dialog anywhere', () => {
    expect(dialogs).toEqual([]);
  });
});
