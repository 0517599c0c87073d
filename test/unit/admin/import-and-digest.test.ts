// Import (dry run, then import; bad lines numbered and nothing written; uploads over 5 MB refused with 413) and
// the digest preview (the email's exact HTML under its own CSP; send now through the once-a-week guard).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendDigestNow } from '../../../src/admin/admin-context.js';
import { seedAdminWorld, XSS } from '../../support/admin-world.js';
import { createHarness, visibleText, type Client, type Harness } from './admin-harness.js';

let h: Harness;
let c: Client;
const sent: number[] = [];
const sendDigest: SendDigestNow = async (recruiterId) => {
  sent.push(recruiterId);
  return sent.filter((id) => id === recruiterId).length === 1
    ? { status: 'sent', recruiter: 'alice@agency.example', isoWeek: '2024-W23', messageId: '<m@x>' }
    : { status: 'already_claimed', recruiter: 'alice@agency.example', isoWeek: '2024-W23' };
};

beforeEach(async () => {
  sent.length = 0;
  h = await createHarness({ deps: { sendDigest } });
  await seedAdminWorld(h.library.db);
  c = h.client();
  await c.login();
  await c.open('/import');
});
afterEach(async () => h.remove());

const upload = (name: string, text: string | Uint8Array, kind = 'candidates'): FormData => {
  const form = new FormData();
  form.set('_csrf', c.csrf ?? '');
  form.set('kind', kind);
  form.set('file', new File([text], name, { type: 'text/csv' }));
  return form;
};
const countCandidates = async (): Promise<number> =>
  (await h.library.db.selectFrom('candidates').select('id').execute()).length;

describe('import', () => {
  it('checks a file first (nothing written), then imports what it showed', async () => {
    const csv =
      'name,email,skills,owner\nNina Park,nina.park@example.com,Oncology;CRM,alice@agency.example\nJane Roe,jane.roe@example.com,Oncology;CRM;Key accounts;Leadership,\n';
    const check = await c.postMultipart('/import', upload('library.csv', csv));
    expect(check.status).toBe(200);
    const text = visibleText(await check.text());
    expect(text).toContain('Dry run of library.csv: nothing written yet');
    expect(text).toContain('Would create 1, update 1; 0 candidates unchanged; 0 new opening(s).');
    expect(text).toContain('2 new Nina Park name, owner, email, skills 3 update Jane Roe skills');
    expect(await countCandidates()).toBe(12);
    const page = await c.open('/import');
    expect(page).not.toContain('name="staged"');
    const again = await (await c.postMultipart('/import', upload('library.csv', csv))).text();
    const staged = /name="staged" value="([^"]+)"/.exec(again)?.[1] ?? '';
    const apply = await c.post('/import/apply', { staged });
    expect(apply.headers.get('location')).toBe('/candidates');
    expect(visibleText(await c.open('/candidates'))).toContain('Imported library.csv: 1 created, 1 updated.');
    expect(await countCandidates()).toBe(13);
    await c.post('/import/apply', { staged });
    expect(visibleText(await c.open('/import'))).toContain('That checked file has expired');
  });

  it('lists every bad line by number and writes nothing', async () => {
    const csv =
      'name,email,status\nGood One,good.one@example.com,runner_up\nBad Status,bad@example.com,superstar\n,missing.name@example.com,\nBad Mail,not-an-address,\n';
    const response = await c.postMultipart('/import', upload(`${XSS}.csv`, csv));
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = visibleText(html);
    expect(text).toContain('line 3: unknown status "superstar"');
    expect(text).toMatch(/line 4: .*name/);
    expect(text).toMatch(/line 5: .*not-an-address/);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.csv: nothing was imported');
    expect(await countCandidates()).toBe(12);
  });

  it('imports openings the same way', async () => {
    const response = await c.postMultipart(
      '/import',
      upload(
        'openings.csv',
        'title,client,skills,status\nRegional Manager,Contoso Health,Leadership;CRM,open\n',
        'openings',
      ),
    );
    expect(visibleText(await response.text())).toContain('Would create 1, update 0; 0 openings unchanged');
  });

  it('refuses a file that is not UTF-8, and an empty upload', async () => {
    const latin1 = new Uint8Array([...Buffer.from('name,email\nJos'), 0xe9, ...Buffer.from(',jose@example.com\n')]);
    const response = await c.postMultipart('/import', upload('legacy.csv', latin1));
    expect(response.status).toBe(422);
    expect(visibleText(await response.text())).toContain('is not UTF-8 text');
    expect((await c.postMultipart('/import', upload('empty.csv', ''))).status).toBe(400);
  });

  it('refuses a 50 MB upload with 413 before reading it, and writes nothing', async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const response = await c.postMultipart('/import', upload('huge.csv', big));
    expect(response.status).toBe(413);
    expect(visibleText(await response.text())).toContain('The limit is 5 MB per file');
    expect(await countCandidates()).toBe(12);
    const declared = await h.app.request('/import', {
      method: 'POST',
      headers: {
        cookie: c.cookie ?? '',
        origin: 'http://localhost',
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(50 * 1024 * 1024),
      },
      body: 'x',
    });
    expect(declared.status).toBe(413);
    const form = await c.post('/openings', { title: 'x'.repeat(300 * 1024), client: 'Acme', status: 'open' });
    expect(form.status).toBe(413);
  });
});

describe('digest preview', () => {
  it("shows the recruiter's digest as of a date, framing the email from its own route", async () => {
    const html = await c.open('/digest?recruiter=1&at=2024-06-03');
    expect(visibleText(html)).toMatch(/keepwarm: \d+ people to contact \(week of Mon 3 Jun\)/);
    expect(html).toContain(
      '<iframe class="preview" sandbox="" src="/digest/preview?recruiter=1&amp;at=2024-06-03T08%3A00"',
    );
    const page = await c.get('/digest?recruiter=1');
    expect(page.headers.get('content-security-policy')).toContain("frame-src 'self'");
  });

  it('serves the exact email HTML under its own CSP: inline styles only, sandboxed, framed only by us', async () => {
    const response = await c.get('/digest/preview?recruiter=1');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox",
    );
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const html = await response.text();
    expect(html).toContain('Omar Haddad');
    expect(html).not.toContain('<img');
    expect(html).toContain('Question about &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('answers 400 for a bad date and 404 for an unknown recruiter', async () => {
    for (const at of ['2024-02-30', 'yesterday', '2024-06-03T25:00', "2024-06-03' or 1=1"]) {
      expect((await c.get(`/digest?at=${encodeURIComponent(at)}`)).status, at).toBe(400);
    }
    expect((await c.get('/digest?recruiter=999')).status).toBe(404);
    expect((await c.get('/digest?recruiter=abc')).status).toBe(400);
  });

  it('sends now through the once-a-week guard', async () => {
    await c.open('/digest?recruiter=1');
    await c.post('/digest/send', { recruiter: '1' });
    expect(visibleText(await c.open('/digest?recruiter=1'))).toContain('Sent to alice@agency.example (week 2024-W23).');
    await c.post('/digest/send', { recruiter: '1' });
    expect(visibleText(await c.open('/digest?recruiter=1'))).toContain(
      'already went to alice@agency.example; nothing was sent again',
    );
    expect(sent).toEqual([1, 1]);
  });

  it('says sending needs SMTP when no sender is wired', async () => {
    const quiet = await createHarness();
    await seedAdminWorld(quiet.library.db);
    const q = quiet.client();
    await q.login();
    const html = await q.open('/digest');
    expect(visibleText(html)).toContain('Sending needs smtp in the configuration.');
    expect(html).not.toContain('action="/digest/send"');
    await quiet.remove();
  });
});
