// Tests build MailFacts by hand for table cases; one default shape keeps each case to what it is about.
import type { MailFacts } from './mail-facts.js';

export function makeFacts(overrides: Partial<MailFacts> & { headerList?: readonly [string, string][] } = {}): MailFacts {
  const { headerList = [], ...rest } = overrides;
  const headers = new Map<string, string[]>();
  for (const [name, value] of headerList) {
    const key = name.toLowerCase();
    headers.set(key, [...(headers.get(key) ?? []), value]);
  }
  return {
    messageId: null,
    inReplyTo: null,
    references: [],
    from: [{ name: 'Jane Roe', address: 'jane@candidates.example' }],
    to: [{ name: 'Alice Smith', address: 'alice@agency.example' }],
    cc: [],
    date: new Date('2026-11-23T09:14:00Z'),
    subject: 'Re: Senior Sales Rep',
    headers,
    contentType: 'text/plain',
    contentTypeParams: {},
    text: 'Thanks Alice, talk soon.',
    attachments: [],
    ...rest,
  };
}
