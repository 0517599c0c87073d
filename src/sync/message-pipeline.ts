// The seam between fetching mail and deciding about it. The IMAP folder sync and `import mail` both
// hand messages to a pipeline: first header facts (to learn which bodies are worth downloading), then
// full sources; it returns decisions that the caller writes with the position, in one transaction.
import type { MailAddress, MailFacts } from '../core/mail/mail-facts.js';
import type { MessageDecision } from '../core/message-record.js';
import type { FolderRole } from '../core/participants/route-message.js';

export interface HeaderItem {
  uid: string;
  facts: MailFacts;
  bcc: MailAddress[];
  size: number;
  internalDate: Date | null;
  /** Lines end in a bare CR: the server's envelope is garbage, only a re-read of the source is right. */
  bareCarriageReturns?: boolean;
}

export interface FullItem extends HeaderItem {
  /** The raw message, possibly cut at maxMessageBytes; null when only headers were fetched. */
  source: Buffer | null;
  truncated: boolean;
}

export interface PipelineWhere {
  mailbox: string;
  mailboxRole: 'log' | 'recruiter' | 'file';
  folder: string;
  folderRole: FolderRole;
  ownerRecruiterId: number | null;
}

export interface HeaderVerdict {
  uid: string;
  /** Download the body: it concerns a candidate, is a forward/CC copy to the log, or a delivery report. */
  needsSource: boolean;
  /** Decided already (ignored, or unmatched only) when the body is not needed. */
  decision: MessageDecision | null;
}

export interface MessagePipeline {
  screen(items: readonly HeaderItem[], where: PipelineWhere): Promise<HeaderVerdict[]>;
  decide(items: readonly FullItem[], where: PipelineWhere): Promise<Map<string, MessageDecision>>;
}
