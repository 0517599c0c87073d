// Counts the IMAP commands a client sends, through ImapFlow's own logger (entries with src 'c'): how the
// idle-poll test and benchmark prove a poll costs one STATUS.
export function imapCommandLog(): {
  commands: string[];
  logger: { debug(entry: { src?: string; msg?: string }): void; info(): void; warn(): void; error(): void };
} {
  const commands: string[] = [];
  return {
    commands,
    logger: {
      debug: (entry) => {
        if (entry.src === 'c' && entry.msg) commands.push(entry.msg.split(' ')[1] ?? entry.msg);
      },
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
  };
}
