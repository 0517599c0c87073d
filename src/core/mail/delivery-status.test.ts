import { describe, expect, it } from 'vitest';
import { parseDeliveryStatus } from './delivery-status.js';
import { makeFacts } from '../../../test/fixtures/mail/make-facts.js';
import { loadFixture } from '../../../test/fixtures/mail/load-fixture.js';

const report = (content: string) =>
  makeFacts({
    contentType: 'multipart/report',
    contentTypeParams: { 'report-type': 'delivery-status' },
    attachments: [{ filename: null, contentType: 'message/delivery-status', size: content.length, content }],
  });

const PER_MESSAGE = 'Reporting-MTA: dns; mx.agency.example\r\nArrival-Date: Mon, 23 Nov 2026 09:15:01 +0000\r\n\r\n';

describe('parseDeliveryStatus on fixtures', () => {
  it('names the dead address of a Postfix bounce', async () => {
    expect(parseDeliveryStatus(await loadFixture('postfix-bounce.eml'))).toEqual({
      recipients: [
        {
          address: 'jane.old@candidates.example',
          originalAddress: 'jane.old@candidates.example',
          action: 'failed',
          status: '5.1.1',
          diagnostic:
            'smtp; 550 5.1.1 <jane.old@candidates.example>: Recipient address rejected: User unknown in virtual mailbox table',
          dead: true,
        },
      ],
    });
  });

  it('reads the report also when mailparser folded the delivery-status part into the text', async () => {
    const facts = await loadFixture('postfix-bounce.eml', { keepDeliveryStatus: false });
    expect(facts.attachments.some((a) => a.contentType === 'message/delivery-status')).toBe(false);
    expect(parseDeliveryStatus(facts)?.recipients.map((r) => [r.address, r.dead])).toEqual([
      ['jane.old@candidates.example', true],
    ]);
  });

  it('does not call a delayed delivery dead', async () => {
    const recipients = parseDeliveryStatus(await loadFixture('postfix-delay.eml'))?.recipients;
    expect(recipients).toEqual([
      expect.objectContaining({ address: 'sam@slow.example', action: 'delayed', status: '4.4.1', dead: false }),
    ]);
  });

  it('reads nothing from a forwarded bounce', async () => {
    expect(parseDeliveryStatus(await loadFixture('forwarded-bounce.eml'))).toBeNull();
  });

  it('reads nothing from a personal message', async () => {
    expect(parseDeliveryStatus(await loadFixture('gmail-reply.eml'))).toBeNull();
  });
});

describe('parseDeliveryStatus fields', () => {
  it.each([
    ['failed 5.x.x', 'Final-Recipient: rfc822; a@x.example\r\nAction: failed\r\nStatus: 5.2.1', 'a@x.example', true],
    [
      'failed 4.x.x (retries gave up)',
      'Final-Recipient: rfc822; a@x.example\r\nAction: failed\r\nStatus: 4.4.7',
      'a@x.example',
      false,
    ],
    ['delivered', 'Final-Recipient: rfc822; a@x.example\r\nAction: delivered\r\nStatus: 2.0.0', 'a@x.example', false],
    ['delayed 4.x.x', 'Final-Recipient: rfc822; a@x.example\r\nAction: delayed\r\nStatus: 4.4.1', 'a@x.example', false],
    [
      'upper case, brackets',
      'FINAL-RECIPIENT: RFC822; <A@X.Example>\r\nACTION: Failed\r\nSTATUS: 5.1.1 (bad mailbox)',
      'a@x.example',
      true,
    ],
    [
      'utf-8 address type (RFC 6533)',
      'Final-Recipient: utf-8; a@x.example\r\nAction: failed\r\nStatus: 5.1.1',
      'a@x.example',
      true,
    ],
    [
      'Original-Recipient when Final-Recipient is not an address',
      'Original-Recipient: rfc822; a@x.example\r\nFinal-Recipient: x400; /C=US/O=X/\r\nAction: failed\r\nStatus: 5.1.1',
      'a@x.example',
      true,
    ],
    [
      'Original-Recipient when Final-Recipient is missing',
      'Original-Recipient: rfc822;a@x.example\r\nAction: failed\r\nStatus: 5.1.1',
      'a@x.example',
      true,
    ],
    ['no status', 'Final-Recipient: rfc822; a@x.example\r\nAction: failed', 'a@x.example', false],
  ])('%s', (_what, block, address, dead) => {
    const recipients = parseDeliveryStatus(report(PER_MESSAGE + block))?.recipients;
    expect(recipients).toHaveLength(1);
    expect(recipients?.[0]).toMatchObject({ address, dead });
  });

  it('keeps the address the sender wrote when it differs from where delivery failed', () => {
    const block =
      'Final-Recipient: rfc822; jane@isp.example\r\nOriginal-Recipient: rfc822; jane@old-job.example\r\nAction: failed\r\nStatus: 5.1.1';
    expect(parseDeliveryStatus(report(PER_MESSAGE + block))?.recipients[0]).toMatchObject({
      address: 'jane@isp.example',
      originalAddress: 'jane@old-job.example',
    });
  });

  it('reads every recipient of a report with several', () => {
    const blocks = [
      'Final-Recipient: rfc822; a@x.example\r\nAction: failed\r\nStatus: 5.1.1',
      'Final-Recipient: rfc822; b@x.example\r\nAction: delayed\r\nStatus: 4.2.2\r\nDiagnostic-Code: smtp; 452 4.2.2 Mailbox full,\r\n  try later',
    ];
    const recipients = parseDeliveryStatus(report(PER_MESSAGE + blocks.join('\r\n\r\n')))?.recipients;
    expect(recipients?.map((r) => [r.address, r.dead, r.diagnostic])).toEqual([
      ['a@x.example', true, null],
      ['b@x.example', false, 'smtp; 452 4.2.2 Mailbox full, try later'],
    ]);
  });

  it('is null for a report without recipient fields', () => {
    expect(parseDeliveryStatus(report(PER_MESSAGE))).toBeNull();
  });
});
