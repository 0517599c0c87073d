// Crash tests need the real process to die at an exact point: between fetching a batch and committing
// it. KEEPWARM_TEST_KILL_BEFORE_COMMIT=N kills the process with SIGKILL just before the Nth commit.
// Read once by the CLI's composition; nothing else looks at it.

export function killBeforeCommitHook(env: Readonly<Record<string, string | undefined>>): (() => void) | undefined {
  const n = Number(env.KEEPWARM_TEST_KILL_BEFORE_COMMIT);
  if (!Number.isInteger(n) || n < 1) return undefined;
  let commits = 0;
  return () => {
    commits++;
    if (commits === n) process.kill(process.pid, 'SIGKILL');
  };
}
