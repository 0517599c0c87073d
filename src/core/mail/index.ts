// The public face of the mail core: what a message is, what it says, and whether its sender is vouched for.
export type { MailAddress, MailAttachment, MailFacts } from './mail-facts.js';
export { factsFromParsedMail } from './facts-from-parsed.js';
export { messageKey, normaliseMessageId } from './message-identity.js';
export { normaliseSubject } from './subject-prefix.js';
export {
  classifyKind,
  MAX_PERSONAL_CANDIDATE_RECIPIENTS,
  type ClassifyOptions,
  type KindVerdict,
  type MessageKind,
} from './classify-kind.js';
export { bounceReason, type BounceReason } from './bounce-detection.js';
export { parseDeliveryStatus, type DeliveryStatusRecipient, type DeliveryStatusReport } from './delivery-status.js';
export { extractNewText, snippet } from './new-text.js';
export {
  detectLifeEvents,
  detectOptOut,
  detectPlacedElsewhere,
  detectPromises,
  type LifeEventSignal,
  type PhraseSignal,
} from './phrase-detection.js';
export { LIFE_EVENT_CATEGORIES, type LifeEventCategory } from './default-phrases.js';
export { isOutOfOfficeSubject } from './out-of-office-subject.js';
export { returnDateFromAutoReply, snoozeUntilAfterReturn } from './out-of-office.js';
export {
  findAttachedMessage,
  isForwardSubject,
  parseInlineForward,
  type ForwardedOriginal,
  type InlineForward,
} from './forward.js';
export { parseForwardDate } from './forward-date.js';
export { verifySender, type SenderTrust, type TrustOptions } from './sender-trust.js';
