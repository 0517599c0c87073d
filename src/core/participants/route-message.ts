// Who a message is between, and so what (if anything) to log: the participant-matching rules of the
// mail issue as one pure function. The sync and `import mail` both call it, on header facts first
// (to decide whether the body is worth downloading) and again on the full message.
import { addressKey } from '../email-address.js';

export interface Party {
  name: string;
  address: string;
}

export interface RoutableMessage {
  from: readonly Party[];
  to: readonly Party[];
  cc: readonly Party[];
  bcc: readonly Party[];
  /** Normalised Message-IDs this message answers (In-Reply-To first, then References). */
  referencedKeys: readonly string[];
}

export type FolderRole = 'inbox' | 'sent';

export interface Directory {
  logAddressKey: string | null;
  recruiterIdByKey: ReadonlyMap<string, number>;
  candidateIdByKey: ReadonlyMap<string, number>;
  /** Candidates of already-logged messages, by message key: for matching a reply by thread. */
  candidateIdsByMessageKey: ReadonlyMap<string, readonly number[]>;
  /** Never-log addresses and erased people: mail with them as the other party is not kept. */
  ignoredKeys: ReadonlySet<string>;
}

export interface Where {
  mailboxRole: 'log' | 'recruiter' | 'file';
  folderRole: FolderRole;
  /** Whose mailbox (recruiter role, or `import mail --as`). */
  ownerRecruiterId: number | null;
}

export interface LogEntry {
  candidateId: number;
  recruiterId: number | null;
  direction: 'outbound' | 'inbound';
  matchedBy: 'address' | 'thread';
}

export interface UnmatchedParty {
  party: Party;
  key: string;
  recruiterId: number | null;
}

export type Route =
  | { action: 'ignore'; reason: 'no_sender' | 'recruiters_only' | 'never_log' | 'not_involving_library' }
  | { action: 'unmatched'; unmatched: UnmatchedParty[] }
  | {
      action: 'log';
      entries: LogEntry[];
      /** Other people on the same mail who are not in the library yet (for the triage list). */
      unmatched: UnmatchedParty[];
      /** The sender claims to be a recruiter in a place an outsider can write to: verify it. */
      senderClaimsRecruiter: boolean;
      candidateRecipientCount: number;
    };

interface Keyed {
  party: Party;
  key: string;
}

function keyed(parties: readonly Party[]): Keyed[] {
  const out: Keyed[] = [];
  const seen = new Set<string>();
  for (const party of parties) {
    const key = addressKey(party.address);
    if (key && !seen.has(key)) {
      seen.add(key);
      out.push({ party, key });
    }
  }
  return out;
}

function threadCandidate(message: RoutableMessage, directory: Directory): number | null {
  const found = new Set<number>();
  for (const ref of message.referencedKeys) {
    for (const id of directory.candidateIdsByMessageKey.get(ref) ?? []) found.add(id);
  }
  // Only an unambiguous thread names a person; a thread with several candidates names nobody.
  return found.size === 1 ? [...found][0]! : null;
}

export function routeMessage(message: RoutableMessage, where: Where, directory: Directory): Route {
  const sender = keyed(message.from)[0];
  if (!sender) return { action: 'ignore', reason: 'no_sender' };
  const recipients = keyed([...message.to, ...message.cc, ...(where.folderRole === 'sent' ? message.bcc : [])]).filter(
    (r) => r.key !== directory.logAddressKey && r.key !== sender.key,
  );
  const isRecruiter = (k: Keyed): boolean => directory.recruiterIdByKey.has(k.key);
  const senderRecruiterId =
    directory.recruiterIdByKey.get(sender.key) ?? (where.folderRole === 'sent' ? where.ownerRecruiterId : null);

  if (senderRecruiterId !== null && senderRecruiterId !== undefined) {
    return routeOutbound(message, where, directory, senderRecruiterId, sender, recipients);
  }
  if (directory.ignoredKeys.has(sender.key)) return { action: 'ignore', reason: 'never_log' };

  const recipientRecruiters = recipients.filter(isRecruiter).map((r) => directory.recruiterIdByKey.get(r.key)!);
  const recruiterId = pickRecruiter(where.ownerRecruiterId, recipientRecruiters);
  const byAddress = directory.candidateIdByKey.get(sender.key);
  const candidateId = byAddress ?? threadCandidate(message, directory);
  if (candidateId !== null && candidateId !== undefined) {
    return {
      action: 'log',
      entries: [
        { candidateId, recruiterId, direction: 'inbound', matchedBy: byAddress === undefined ? 'thread' : 'address' },
      ],
      unmatched: [],
      senderClaimsRecruiter: false,
      candidateRecipientCount: 0,
    };
  }
  if (recruiterId === null) return { action: 'ignore', reason: 'not_involving_library' };
  return { action: 'unmatched', unmatched: [{ party: sender.party, key: sender.key, recruiterId }] };
}

function routeOutbound(
  message: RoutableMessage,
  where: Where,
  directory: Directory,
  recruiterId: number,
  sender: Keyed,
  recipients: Keyed[],
): Route {
  const others = recipients.filter((r) => !directory.recruiterIdByKey.has(r.key));
  if (others.length === 0) return { action: 'ignore', reason: 'recruiters_only' };
  const kept = others.filter((r) => !directory.ignoredKeys.has(r.key));
  if (kept.length === 0) return { action: 'ignore', reason: 'never_log' };

  const entries: LogEntry[] = [];
  const unmatched: UnmatchedParty[] = [];
  const seen = new Set<number>();
  for (const r of kept) {
    const candidateId = directory.candidateIdByKey.get(r.key);
    if (candidateId === undefined) unmatched.push({ party: r.party, key: r.key, recruiterId });
    else if (!seen.has(candidateId)) {
      seen.add(candidateId);
      entries.push({ candidateId, recruiterId, direction: 'outbound', matchedBy: 'address' });
    }
  }
  if (entries.length === 0 && kept.length === 1) {
    const byThread = threadCandidate(message, directory);
    if (byThread !== null)
      entries.push({ candidateId: byThread, recruiterId, direction: 'outbound', matchedBy: 'thread' });
  }
  if (entries.length === 0) return { action: 'unmatched', unmatched };
  const claimedRecruiter = directory.recruiterIdByKey.has(sender.key);
  return {
    action: 'log',
    entries,
    unmatched,
    // In the recruiter's own Sent folder only the account owner writes; anywhere else a From is a claim.
    senderClaimsRecruiter: claimedRecruiter && where.folderRole !== 'sent',
    candidateRecipientCount: entries.length,
  };
}

function pickRecruiter(owner: number | null, recipientRecruiters: readonly number[]): number | null {
  if (owner !== null && (recipientRecruiters.length === 0 || recipientRecruiters.includes(owner))) return owner;
  return recipientRecruiters[0] ?? owner;
}
