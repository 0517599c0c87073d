// MIME parsing runs in a worker with a deadline: a message that takes too long fails alone and the
// next one parses on a fresh worker; the event loop stays free meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { createParsePool, type ParsePool } from '../../../src/sync/parse-pool.js';

let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
});

const simple =
  'From: Jane <jane@candidates.example>\r\nTo: alice@agency.example\r\nSubject: Hi\r\nMessage-ID: <p1@x.example>\r\n\r\nHello there\r\n';

function manyParts(count: number): string {
  const parts = Array.from({ length: count }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join(
    '',
  );
  return `From: jane@candidates.example\r\nTo: alice@agency.example\r\nSubject: Parts\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--\r\n`;
}

describe('parse pool', () => {
  it('parses a message into MailFacts in a worker', async () => {
    pool = createParsePool();
    const facts = await pool.parse(Buffer.from(simple));
    expect(facts).toMatchObject({
      messageId: '<p1@x.example>',
      subject: 'Hi',
      from: [{ address: 'jane@candidates.example' }],
    });
    expect(facts.headers.get('subject')).toEqual(['Hi']);
    expect(facts.text?.trim()).toBe('Hello there');
  });

  it('starts its worker at once when asked, and parses with it', async () => {
    pool = createParsePool({ startNow: true });
    expect((await pool.parse(Buffer.from(simple))).subject).toBe('Hi');
  });

  it('gives up on a message that takes too long, keeps the event loop free, and recovers for the next one', async () => {
    pool = createParsePool({ timeoutMs: 50 });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = Date.now();
    await expect(pool.parse(Buffer.from(manyParts(10_000)))).rejects.toThrow(/longer than 50 ms/);
    clearInterval(ticker);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ticks).toBeGreaterThan(0);
    const again = await pool.parse(Buffer.from(simple)).catch((e: Error) => e);
    // The short deadline may or may not fit a fresh worker's start; either way it is an answer, not a hang.
    expect(again).toBeDefined();
    const fresh = createParsePool();
    try {
      expect((await fresh.parse(Buffer.from(simple))).subject).toBe('Hi');
    } finally {
      await fresh.close();
    }
  });
});
