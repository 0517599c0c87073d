import { describe, expect, it } from 'vitest';
import { routeMessage, type Directory, type RoutableMessage, type Where } from './route-message.js';

const directory: Directory = {
  logAddressKey: 'log@agency.example',
  recruiterIdByKey: new Map([
    ['alice@agency.example', 1],
    ['a.smith@agency.example', 1], // alias
    ['bob@agency.example', 2],
  ]),
  candidateIdByKey: new Map([
    ['jane@candidates.example', 10],
    ['janeroe@gmail.com', 10],
    ['omar@candidates.example', 11],
  ]),
  candidateIdsByMessageKey: new Map([
    ['thread-1@agency.example', [10]],
    ['thread-both@agency.example', [10, 11]],
  ]),
  ignoredKeys: new Set(['lawyer@firm.example', 'erased@candidates.example']),
};

const log: Where = { mailboxRole: 'log', folderRole: 'inbox', ownerRecruiterId: null };
const aliceInbox: Where = { mailboxRole: 'recruiter', folderRole: 'inbox', ownerRecruiterId: 1 };
const aliceSent: Where = { mailboxRole: 'recruiter', folderRole: 'sent', ownerRecruiterId: 1 };

function mail(from: string, to: string[], cc: string[] = [], extra: Partial<RoutableMessage> = {}): RoutableMessage {
  const p = (address: string) => ({ name: '', address });
  return { from: [p(from)], to: to.map(p), cc: cc.map(p), bcc: [], referencedKeys: [], ...extra };
}

describe('routeMessage', () => {
  it('logs a BCC copy as outbound from the recruiter to every library candidate in To and Cc', () => {
    const route = routeMessage(
      mail('alice@agency.example', ['jane@candidates.example'], ['omar@candidates.example']),
      log,
      directory,
    );
    expect(route).toMatchObject({
      action: 'log',
      entries: [
        { candidateId: 10, recruiterId: 1, direction: 'outbound' },
        { candidateId: 11, recruiterId: 1, direction: 'outbound' },
      ],
      senderClaimsRecruiter: true,
    });
  });

  it('knows a recruiter by alias and a candidate by any normalised address', () => {
    const route = routeMessage(mail('A.Smith@agency.example', ['Jane.Roe+jobs@googlemail.com']), log, directory);
    expect(route).toMatchObject({ action: 'log', entries: [{ candidateId: 10, recruiterId: 1 }] });
  });

  it('logs a candidate reply-all to the log address as inbound to the recruiter among the recipients', () => {
    const route = routeMessage(
      mail('jane@candidates.example', ['bob@agency.example'], ['log@agency.example']),
      log,
      directory,
    );
    expect(route).toMatchObject({
      action: 'log',
      entries: [{ candidateId: 10, recruiterId: 2, direction: 'inbound' }],
      senderClaimsRecruiter: false,
    });
  });

  it('treats mail in a recruiter INBOX from a candidate as inbound to that recruiter', () => {
    const route = routeMessage(mail('jane@candidates.example', ['alice@agency.example']), aliceInbox, directory);
    expect(route).toMatchObject({
      action: 'log',
      entries: [{ candidateId: 10, recruiterId: 1, direction: 'inbound' }],
    });
  });

  it('treats the Sent folder as outbound from its owner, including Bcc, and trusts it', () => {
    const route = routeMessage(
      { ...mail('alice-old@agency.example', []), bcc: [{ name: '', address: 'omar@candidates.example' }] },
      aliceSent,
      directory,
    );
    expect(route).toMatchObject({
      action: 'log',
      entries: [{ candidateId: 11, recruiterId: 1, direction: 'outbound' }],
      senderClaimsRecruiter: false,
    });
  });

  it('ignores mail among recruiters only', () => {
    expect(
      routeMessage(mail('alice@agency.example', ['bob@agency.example'], ['log@agency.example']), log, directory),
    ).toEqual({
      action: 'ignore',
      reason: 'recruiters_only',
    });
  });

  it('ignores mail whose other party is on the never-log list or was erased', () => {
    expect(routeMessage(mail('lawyer@firm.example', ['alice@agency.example']), aliceInbox, directory)).toMatchObject({
      reason: 'never_log',
    });
    expect(
      routeMessage(mail('alice@agency.example', ['erased@candidates.example']), aliceSent, directory),
    ).toMatchObject({ reason: 'never_log' });
  });

  it('sends a stranger writing to a recruiter to the unmatched triage list, not the log', () => {
    expect(routeMessage(mail('new.person@example.org', ['alice@agency.example']), aliceInbox, directory)).toEqual({
      action: 'unmatched',
      unmatched: [
        { party: { name: '', address: 'new.person@example.org' }, key: 'new.person@example.org', recruiterId: 1 },
      ],
    });
  });

  it('ignores a stranger writing to the log mailbox with no recruiter involved', () => {
    expect(routeMessage(mail('spam@example.org', ['log@agency.example']), log, directory)).toMatchObject({
      action: 'ignore',
      reason: 'not_involving_library',
    });
  });

  it('matches a reply from an unknown address by thread when the thread has exactly one candidate', () => {
    const reply = mail('jane.new@work.example', ['alice@agency.example'], [], {
      referencedKeys: ['thread-1@agency.example'],
    });
    expect(routeMessage(reply, aliceInbox, directory)).toMatchObject({
      action: 'log',
      entries: [{ candidateId: 10, matchedBy: 'thread' }],
    });
    const ambiguous = mail('jane.new@work.example', ['alice@agency.example'], [], {
      referencedKeys: ['thread-both@agency.example'],
    });
    expect(routeMessage(ambiguous, aliceInbox, directory)).toMatchObject({ action: 'unmatched' });
  });

  it('logs known candidates and lists the unknown recipients of the same mail for triage', () => {
    const route = routeMessage(
      mail('alice@agency.example', ['jane@candidates.example', 'stranger@example.org']),
      aliceSent,
      directory,
    );
    expect(route).toMatchObject({
      action: 'log',
      entries: [{ candidateId: 10 }],
      unmatched: [{ key: 'stranger@example.org', recruiterId: 1 }],
    });
  });

  it('logs one entry per candidate even when a candidate appears under two addresses', () => {
    const route = routeMessage(
      mail('alice@agency.example', ['jane@candidates.example', 'janeroe@gmail.com']),
      aliceSent,
      directory,
    );
    expect(route).toMatchObject({ action: 'log', entries: [{ candidateId: 10 }] });
    if (route.action === 'log') expect(route.entries).toHaveLength(1);
  });
});
