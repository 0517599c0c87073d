/**
 * A real mail server bench for the integration tests.
 *
 * Why this file exists: keepwarm lives on real IMAP/SMTP behaviour (CONDSTORE/QRESYNC, IDLE, special-use
 * folders, real Postfix bounces, TLS certificate checks, servers going away and coming back) that mocks
 * get wrong. Each integration test file starts its own private Dovecot (IMAP + LMTP) and Postfix (SMTP,
 * delivering to Dovecot over LMTP) on 127.0.0.1, on free ports, with every file, queue and mailbox in a
 * fresh temporary folder, and tears it all down afterwards.
 *
 * Requirements: Linux, running as root, Debian packages dovecot-imapd, dovecot-lmtpd and postfix. When they
 * are missing and apt-get is available the bench installs them; otherwise it throws with the command to run.
 * It never skips silently.
 *
 * Side effect outside the temp folder: Postfix only runs from a private config directory that is listed in
 * `alternate_config_directories` of the system /etc/postfix/main.cf, so the bench adds its directory there
 * while running (creating main.cf if the package left none) and removes it on stop. Servers and folders
 * left behind by a killed test process are stopped and removed by the next startMailBench.
 *
 * Usage: `const bench = await startMailBench()` in beforeAll, `await bench.stop()` in afterAll; users log in
 * with their full address; mail sent to bench domains via smtpPort lands in their INBOX within a second.
 */
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface MailBench {
  host: '127.0.0.1';
  imapPort: number;
  smtpPort: number;
  lmtpPort: number;
  /** Implicit-TLS IMAP port, only when started with `{ tls: true }`. */
  imapsPort?: number;
  /** Self-signed certificate (PEM) Dovecot serves; pass it as `tls.ca` to trust the bench. Only with `{ tls: true }`. */
  caCertPath?: string;
  /** Virtual mail domains Postfix accepts and hands to Dovecot. */
  domains: string[];
  /** Temp folder holding configs, logs, queue and mailboxes. */
  dir: string;
  /** Adds an IMAP/LMTP user (full email address as login). Its maildir is created on first delivery/login. */
  addUser(email: string, password: string): Promise<void>;
  /** Changes the password of an existing user; takes effect for the next login. */
  setPassword(email: string, password: string): Promise<void>;
  /** Runs `doveadm -c <bench config> ...args` and returns stdout. */
  doveadm(...args: string[]): Promise<string>;
  /** Stores a raw message in a user's folder (created if missing) with IMAP APPEND over a preauthenticated
   * Dovecot imap process, so no password is needed. Flags like `\\Seen`. */
  appendMessage(email: string, folder: string, raw: string | Buffer, flags?: string[]): Promise<void>;
  /** Stops Dovecot (IMAP + LMTP); mail sent meanwhile stays queued in Postfix. Data is kept. */
  stopDovecot(): Promise<void>;
  /** Starts Dovecot again on the same ports with the same data and waits until it accepts connections. */
  startDovecot(): Promise<void>;
  /** Stops Postfix (SMTP refuses connections) and starts it again on the same port, for fault tests. */
  stopPostfix(): Promise<void>;
  startPostfix(): Promise<void>;
  /** Disconnects every IMAP session of a user (`doveadm kick`). */
  kick(email: string): Promise<void>;
  /** Last part of the Dovecot and Postfix logs, for assertion messages. */
  logs(): Promise<string>;
  /** Stops both servers, removes the alternate_config_directories entry and the temp folder. Idempotent, never throws. */
  stop(): Promise<void>;
}

export interface MailBenchOptions {
  /** Virtual domains; default agency.example, candidates.example, mail.example. */
  domains?: string[];
  /**
   * Serve IMAP with `ssl = required`: implicit TLS on imapsPort, STARTTLS on imapPort, with a self-signed
   * certificate for 127.0.0.1/localhost (caCertPath). Caveat: Dovecot counts a connection whose remote IP
   * equals its local IP (127.0.0.1 -> 127.0.0.1) as secured, so it still accepts a plaintext LOGIN without
   * STARTTLS here; tests can check what the client does, not that the server refuses.
   */
  tls?: boolean;
}

export const DEFAULT_DOMAINS = ['agency.example', 'candidates.example', 'mail.example'];
/** Debian packages the bench needs (openssl only for `{ tls: true }`; it is normally already installed). */
export const MAIL_BENCH_APT_PACKAGES = ['dovecot-imapd', 'dovecot-lmtpd', 'postfix', 'openssl'];
const INSTALL_COMMAND =
  'echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections && ' +
  `DEBIAN_FRONTEND=noninteractive apt-get install -y ${MAIL_BENCH_APT_PACKAGES.join(' ')}`;

const BIN = {
  dovecot: '/usr/sbin/dovecot',
  doveadm: '/usr/bin/doveadm',
  imap: '/usr/lib/dovecot/imap',
  lmtp: '/usr/lib/dovecot/lmtp',
  postfix: '/usr/sbin/postfix',
  openssl: '/usr/bin/openssl',
};
const SYSTEM_POSTFIX_DIR = '/etc/postfix';
const TEMP_PREFIX = 'keepwarm-mail-';
const STARTUP_TIMEOUT_MS = 20_000;
const COMMAND_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------------------
// Small helpers

/** Polls `predicate` until it returns a truthy value (which is returned) or the timeout expires. */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  {
    timeoutMs = 15_000,
    intervalMs = 200,
    message = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}${detail}`);
    }
    await sleep(intervalMs);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface RunOptions {
  input?: string | Buffer;
  timeoutMs?: number;
}

/** execFile with a timeout, optional stdin, and an error message that carries stdout/stderr. */
async function run(
  file: string,
  args: string[],
  { input, timeoutMs = COMMAND_TIMEOUT_MS }: RunOptions = {},
): Promise<string> {
  const promise = execFileAsync(file, args, {
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  const stdin = promise.child.stdin;
  if (stdin) {
    stdin.on('error', () => {}); // EPIPE when the process exits early; the exit code tells the story.
    stdin.end(input);
  }
  try {
    return (await promise).stdout;
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string; killed?: boolean };
    const output = [e.stderr, e.stdout].filter(Boolean).join('\n').trim();
    const reason = e.killed ? `timed out after ${timeoutMs} ms` : e.message.split('\n')[0];
    throw new Error(`${file} ${args.join(' ')}: ${reason}${output ? `\n${output}` : ''}`, { cause: error });
  }
}

/**
 * Starts a self-daemonizing server (dovecot, postfix start). Its stdout/stderr go to a file, not a pipe: the
 * daemon inherits them, and a pipe would stay open until the daemon exits. Resolves when the launcher exits.
 */
async function startDaemon(file: string, args: string[], outputFile: string, timeoutMs = 60_000): Promise<void> {
  const fd = openSync(outputFile, 'a');
  try {
    const child = spawn(file, args, { stdio: ['ignore', fd, fd], env: { ...process.env, LC_ALL: 'C' } });
    const code = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(`timed out after ${timeoutMs} ms`);
      }, timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        resolve(error.message);
      });
      child.once('exit', (exitCode, signal) => {
        clearTimeout(timer);
        resolve(exitCode ?? `killed by ${signal}`);
      });
    });
    if (code !== 0) {
      throw new Error(`${file} ${args.join(' ')}: exit ${code}\n${await tail(outputFile)}`);
    }
  } finally {
    closeSync(fd);
  }
}

function idOf(database: '/etc/passwd' | '/etc/group', name: string): number {
  const line = readFileSync(database, 'utf8')
    .split('\n')
    .find((l) => l.split(':')[0] === name);
  const id = line?.split(':')[2];
  if (id === undefined) throw new Error(`mail bench: ${database} has no entry "${name}" (is the package installed?)`);
  return Number(id);
}

/** Finds `count` distinct free TCP ports on 127.0.0.1 by binding port 0 (all held open until all are picked). */
async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      ports.push((server.address() as net.AddressInfo).port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

function canConnect(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await fs.readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // Daemons are reparented to PID 1, which in containers may reap late: a zombie counts as exited.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Waits for a daemon to exit, SIGKILLing it after the grace period. */
async function waitForExit(pid: number | undefined, graceMs = 10_000): Promise<void> {
  if (pid === undefined) return;
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    const killDeadline = Date.now() + 5_000;
    while (isAlive(pid) && Date.now() < killDeadline) await sleep(50);
  }
}

/** SIGTERM a daemon's master (read from its pid file) and wait for it to exit. */
async function terminate(pidFile: string): Promise<void> {
  const pid = await readPid(pidFile);
  if (pid === undefined || !isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // exited meanwhile
  }
  await waitForExit(pid);
}

async function tail(file: string, chars = 6000): Promise<string> {
  try {
    const text = await fs.readFile(file, 'utf8');
    return text.length > chars ? `...${text.slice(-chars)}` : text;
  } catch {
    return '(no log)';
  }
}

/** IMAP modified UTF-7 (RFC 3501 5.1.3) for mailbox names. */
function encodeMailboxName(name: string): string {
  let out = '';
  let pending = '';
  const flush = () => {
    if (!pending) return;
    const utf16 = Buffer.from(pending, 'utf16le').swap16();
    out += `&${utf16.toString('base64').replace(/=+$/, '').replace(/\//g, ',')}-`;
    pending = '';
  };
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) {
      flush();
      out += ch === '&' ? '&-' : ch;
    } else {
      pending += ch;
    }
  }
  flush();
  return out;
}

/** os.tmpdir(), unless some ancestor is not searchable by others (dovenull, dovecot, mail, postfix): then /tmp. */
function benchParentDir(): string {
  const tmp = path.resolve(os.tmpdir());
  for (let dir = tmp; ; dir = path.dirname(dir)) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) return '/tmp';
    } catch {
      return '/tmp';
    }
    if (path.dirname(dir) === dir) return tmp;
  }
}

function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!/^[^\s:@/]+@[^\s:@/]+$/.test(normalized) || normalized.startsWith('.') || normalized.includes('@.'))
    throw new Error(`mail bench: not a plain email address: ${JSON.stringify(email)}`);
  return normalized;
}

// ---------------------------------------------------------------------------------------------------------
// Installation and the system-wide Postfix main.cf

let installPromise: Promise<void> | undefined;

function missingBinaries(tls: boolean): string[] {
  const needed = [BIN.dovecot, BIN.doveadm, BIN.imap, BIN.lmtp, BIN.postfix];
  if (tls) needed.push(BIN.openssl);
  return needed.filter((file) => !existsSync(file));
}

async function ensureInstalled(tls: boolean): Promise<void> {
  const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
  const missing = missingBinaries(tls);
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((f) => existsSync(f));
  if (missing.length > 0 && (!isRoot || !aptGet)) {
    throw new Error(
      `mail bench: missing ${missing.join(', ')}. The integration tests need real Dovecot and Postfix servers; ` +
        `install them as root with:\n  ${INSTALL_COMMAND}`,
    );
  }
  if (!isRoot) {
    throw new Error(
      'mail bench: the integration tests start real Dovecot and Postfix servers and must run as root on Linux ' +
        `(current uid ${process.getuid?.() ?? 'unknown'}, platform ${process.platform}).`,
    );
  }
  if (missing.length === 0 || !aptGet) return;
  installPromise ??= (async () => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const aptInstall = ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', ...MAIL_BENCH_APT_PACKAGES];
    const exec = (file: string, args: string[], input?: string) => {
      const p = execFileAsync(file, args, {
        timeout: 600_000,
        killSignal: 'SIGKILL',
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      p.child.stdin?.end(input);
      return p;
    };
    try {
      await exec('/usr/bin/debconf-set-selections', [], 'postfix postfix/main_mailer_type select No configuration\n');
      try {
        await exec(aptGet, aptInstall);
      } catch {
        await exec(aptGet, ['-o', 'DPkg::Lock::Timeout=300', 'update']);
        await exec(aptGet, aptInstall);
      }
    } catch (error) {
      const e = error as Error & { stderr?: string };
      throw new Error(
        `mail bench: installing the mail servers failed. Run it by hand:\n  ${INSTALL_COMMAND}\n${e.stderr ?? e.message}`,
        { cause: error },
      );
    }
  })();
  try {
    await installPromise;
  } finally {
    installPromise = undefined;
  }
  const still = missingBinaries(tls);
  if (still.length > 0)
    throw new Error(`mail bench: still missing ${still.join(', ')} after install. Run:\n  ${INSTALL_COMMAND}`);
}

/** Serializes edits of /etc/postfix/main.cf between test processes (mkdir is atomic). */
async function withMainCfLock<T>(fn: () => Promise<T>): Promise<T> {
  const lockDir = path.join(SYSTEM_POSTFIX_DIR, '.keepwarm-mail-bench.lock');
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = await fs.stat(lockDir).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > 60_000) await fs.rm(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`mail bench: timed out waiting for lock ${lockDir}`);
      await sleep(50 + Math.random() * 100);
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}

/**
 * Postfix refuses to read a config file modified within the last second or so: it sleeps until the file is
 * "stable" (up to 2-3 s per start). Freshly written config files therefore get an mtime in the past.
 */
async function backdate(file: string): Promise<void> {
  const past = Date.now() / 1000 - 60;
  await fs.utimes(file, past, past);
}

/**
 * Adds and/or removes entries of alternate_config_directories in the system main.cf and drops entries of
 * bench folders that no longer exist. Edits the file directly (postconf would be the obvious tool, but it
 * stalls on a just-edited main.cf, see backdate).
 */
async function updateAlternateConfigDirectories({ add, remove }: { add?: string; remove?: string }): Promise<void> {
  await withMainCfLock(async () => {
    const mainCf = path.join(SYSTEM_POSTFIX_DIR, 'main.cf');
    let text: string;
    try {
      text = await fs.readFile(mainCf, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !add) return;
      // The package was installed with "No configuration"; postfix -c needs a main.cf to read the list from.
      text =
        '# Created by keepwarm test/support/mail-bench.ts so Postfix accepts `postfix -c <bench dir>`.\ncompatibility_level = 3.6\n';
    }
    // main.cf syntax: "name = value", continued on following lines that start with whitespace.
    const lines = text.split('\n');
    const kept: string[] = [];
    const entries: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const match = /^alternate_config_directories\s*=(.*)$/.exec(lines[i] ?? '');
      if (!match) {
        kept.push(lines[i] ?? '');
        continue;
      }
      let value = match[1] ?? '';
      while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1] ?? '')) value += ` ${lines[++i] ?? ''}`;
      entries.push(...value.split(/[\s,]+/).filter(Boolean));
    }
    const keep = entries.filter((entry) => {
      if (entry === remove) return false;
      const stale = path.basename(path.dirname(entry)).startsWith(TEMP_PREFIX) && !existsSync(entry);
      return !stale;
    });
    if (add && !keep.includes(add)) keep.push(add);
    if (keep.join(' ') === entries.join(' ') && existsSync(mainCf)) return;
    while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
    if (keep.length > 0) kept.push(`alternate_config_directories = ${keep.join(', ')}`);
    const tmp = `${mainCf}.keepwarm-${process.pid}.tmp`;
    await fs.writeFile(tmp, `${kept.join('\n')}\n`, { mode: 0o644 });
    await backdate(tmp);
    await fs.rename(tmp, mainCf);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Config files

interface Layout {
  dir: string;
  dovecotConf: string;
  usersDir: string;
  dovecotBase: string;
  dovecotLog: string;
  mailDir: string;
  postfixConfigDir: string;
  postfixQueue: string;
  postfixData: string;
  postfixLog: string;
  certPath: string;
  keyPath: string;
}

function layout(dir: string): Layout {
  return {
    dir,
    dovecotConf: path.join(dir, 'dovecot.conf'),
    usersDir: path.join(dir, 'users'),
    dovecotBase: path.join(dir, 'dovecot-run'),
    dovecotLog: path.join(dir, 'dovecot.log'),
    mailDir: path.join(dir, 'mail'),
    postfixConfigDir: path.join(dir, 'postfix'),
    postfixQueue: path.join(dir, 'postfix-queue'),
    postfixData: path.join(dir, 'postfix-data'),
    postfixLog: path.join(dir, 'postfix.log'),
    certPath: path.join(dir, 'tls', 'cert.pem'),
    keyPath: path.join(dir, 'tls', 'key.pem'),
  };
}

function dovecotConfig(
  l: Layout,
  ports: { imap: number; imaps: number; lmtp: number },
  tls: boolean,
  mailUid: number,
): string {
  return `# Generated by keepwarm test/support/mail-bench.ts
protocols = imap lmtp
listen = 127.0.0.1
instance_name = keepwarm-bench-${path.basename(l.dir)}
base_dir = ${l.dovecotBase}
state_dir = ${path.join(l.dir, 'dovecot-state')}
log_path = ${l.dovecotLog}
log_timestamp = "%Y-%m-%d %H:%M:%S "
auth_verbose = yes

# Login processes refuse to run as root; mail is stored as the system "mail" user.
default_login_user = dovenull
default_internal_user = dovecot
mail_uid = mail
mail_gid = mail
first_valid_uid = ${mailUid}
first_valid_gid = 1
mail_location = maildir:~/Maildir

ssl = ${tls ? 'required' : 'no'}
${tls ? `ssl_cert = <${l.certPath}\nssl_key = <${l.keyPath}\n` : ''}disable_plaintext_auth = ${tls ? 'yes' : 'no'}
auth_mechanisms = plain login
# Fast failures for wrong-password tests: no failure delay, and no anvil auth penalty (after a failed login
# it delays every later login from the same IP by 2 s, 4 s, ... up to 15 s). Without the anvil-auth-penalty
# socket (mode 0 = not created) the auth process runs with the penalty disabled.
auth_failure_delay = 0
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
auth_cache_size = 0
mail_max_userip_connections = 200
mailbox_idle_check_interval = 1 secs

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu ${l.usersDir}/%Ld/%Ln
}
# Static userdb: user existence (for LMTP) is checked through the passdb, so unknown users get 550.
userdb {
  driver = static
  args = uid=mail gid=mail home=${l.mailDir}/%Ld/%Ln
}

namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = no
  }
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${ports.imap}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${ports.imaps}
    ssl = yes
  }
}

service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${ports.lmtp}
  }
}

protocol lmtp {
  ssl = no
}
`;
}

function postfixMainCf(l: Layout, domains: string[], lmtpPort: number): string {
  return `# Generated by keepwarm test/support/mail-bench.ts
compatibility_level = 3.6
queue_directory = ${l.postfixQueue}
data_directory = ${l.postfixData}
mail_owner = postfix
setgid_group = postdrop
maillog_file = ${l.postfixLog}
maillog_file_prefixes = ${l.dir}
syslog_name = keepwarm-bench

myhostname = mx.keepwarm-bench.test
mydomain = keepwarm-bench.test
myorigin = $myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
append_dot_mydomain = no
biff = no
smtpd_banner = $myhostname ESMTP keepwarm mail bench

# Every bench domain is a virtual mailbox domain delivered to Dovecot over LMTP. No recipient maps, so
# Postfix accepts any local part and Dovecot's LMTP 550 for unknown users turns into a real DSN bounce.
virtual_mailbox_domains = ${domains.join(', ')}
virtual_mailbox_maps =
virtual_transport = lmtp:inet:127.0.0.1:${lmtpPort}
local_transport = error:5.1.1 local delivery is disabled in the mail bench
local_recipient_maps =
alias_maps =
alias_database =
relay_domains =
relayhost =
# Nothing leaves the machine: other domains bounce immediately.
default_transport = error:5.7.1 the mail bench delivers only to its own domains
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination

# Fast queue so retries (e.g. while Dovecot is stopped) happen within seconds.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
delay_warning_time = 0h
lmtp_connect_timeout = 5s
`;
}

function postfixMasterCf(smtpPort: number): string {
  // Like Debian's master.cf, minus chroot (column 5 = n) and with smtpd on the bench's loopback port.
  return `# Generated by keepwarm test/support/mail-bench.ts
# service type  private unpriv  chroot  wakeup  maxproc command
127.0.0.1:${smtpPort} inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
`;
}

// ---------------------------------------------------------------------------------------------------------
// Leftovers of crashed runs

const OWNER_FILE = 'owner.pid';

/**
 * A test process killed by a signal (Ctrl-C, CI timeout) skips stop() and the 'exit' hook. Each bench
 * folder records its owner PID; folders whose owner is gone get their servers stopped and are removed.
 */
async function reapStaleBenches(): Promise<void> {
  const tmp = benchParentDir();
  const names = await fs.readdir(tmp).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(TEMP_PREFIX))) {
    const dir = path.join(tmp, name);
    const owner = await readPid(path.join(dir, OWNER_FILE));
    if (
      owner !== undefined
        ? isAlive(owner)
        : Date.now() - ((await fs.stat(dir).catch(() => undefined))?.mtimeMs ?? 0) < 60_000
    )
      continue;
    const l = layout(dir);
    await terminate(path.join(l.postfixQueue, 'pid', 'master.pid')).catch(() => {});
    await terminate(path.join(l.dovecotBase, 'master.pid')).catch(() => {});
    await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------------
// The bench

const running = new Set<Bench>();
let exitHookInstalled = false;

/** Last-resort cleanup if a test process exits without calling stop() (synchronous, best effort). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const bench of running) bench.stopSync();
  });
}

class Bench implements MailBench {
  readonly host = '127.0.0.1' as const;
  readonly imapPort: number;
  readonly smtpPort: number;
  readonly lmtpPort: number;
  readonly imapsPort?: number;
  readonly caCertPath?: string;
  readonly dir: string;
  readonly domains: string[];
  private readonly l: Layout;
  private readonly userMtimes = new Map<string, number>();
  private stopping?: Promise<void>;

  constructor(
    l: Layout,
    ports: { imap: number; imaps: number; lmtp: number; smtp: number },
    domains: string[],
    tls: boolean,
  ) {
    this.l = l;
    this.dir = l.dir;
    this.domains = domains;
    this.imapPort = ports.imap;
    this.smtpPort = ports.smtp;
    this.lmtpPort = ports.lmtp;
    if (tls) {
      this.imapsPort = ports.imaps;
      this.caCertPath = l.certPath;
    }
  }

  async doveadm(...args: string[]): Promise<string> {
    return run(BIN.doveadm, ['-c', this.l.dovecotConf, ...args]);
  }

  async addUser(email: string, password: string): Promise<void> {
    const user = normalizeEmail(email);
    if (this.userMtimes.has(user)) throw new Error(`mail bench: user ${user} already exists`);
    await this.writeUser(user, password);
  }

  async setPassword(email: string, password: string): Promise<void> {
    const user = normalizeEmail(email);
    if (!this.userMtimes.has(user)) throw new Error(`mail bench: no such user ${user}`);
    await this.writeUser(user, password);
    // Dovecot's auth process stats a passwd-file at most once per second (per file), so a user who logged in
    // during this second could still get the old password. Once the next second has begun, it re-reads.
    await sleep(1000 - (Date.now() % 1000) + 20);
  }

  /**
   * One passwd-file per user (users/<domain>/<local part>): a new user's file is always read fresh, which
   * sidesteps Dovecot's once-per-second re-stat of an edited file.
   */
  private async writeUser(user: string, password: string): Promise<void> {
    const file = this.userFile(user);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
    // PLAIN.BASE64 lets passwords contain ':' or anything else the passwd-file format would choke on.
    const line = `${user}:{PLAIN.BASE64}${Buffer.from(password, 'utf8').toString('base64')}::::::\n`;
    const tmp = `${file}.tmp`;
    await fs.writeFile(tmp, line, { mode: 0o644 });
    // Dovecot re-reads when mtime or size changes; a same-length password written within the same second
    // would change neither, so force a strictly newer mtime.
    const mtime = Math.max(Math.floor(Date.now() / 1000), (this.userMtimes.get(user) ?? 0) + 1);
    await fs.utimes(tmp, mtime, mtime);
    await fs.rename(tmp, file);
    this.userMtimes.set(user, mtime);
  }

  private userFile(user: string): string {
    const [local = '', domain = ''] = user.split('@');
    return path.join(this.l.usersDir, domain, local);
  }

  async appendMessage(email: string, folder: string, raw: string | Buffer, flags: string[] = []): Promise<void> {
    const user = normalizeEmail(email);
    for (const flag of flags) {
      if (!/^\\?[^\s(){%*"\\\]]+$/.test(flag)) throw new Error(`mail bench: invalid IMAP flag ${JSON.stringify(flag)}`);
    }
    const message = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\r?\n/g, '\r\n'), 'utf8');
    const mailbox = Buffer.from(encodeMailboxName(folder), 'utf8');
    const literal = (data: Buffer) => Buffer.concat([Buffer.from(`{${data.length}+}\r\n`), data]);
    const script = Buffer.concat([
      Buffer.from('c CREATE '),
      literal(mailbox),
      Buffer.from('\r\na APPEND '),
      literal(mailbox),
      Buffer.from(` (${flags.join(' ')}) `),
      literal(message),
      Buffer.from('\r\nz LOGOUT\r\n'),
    ]);
    // A preauthenticated imap process on stdin/stdout: real IMAP APPEND semantics without knowing the password.
    // Its stdout must not be a socket (Node's pipes are socketpairs) or imap assumes inetd and refuses, so
    // pipe it through cat; success is judged from the tagged response, not the exit code.
    const output = await run(
      '/bin/sh',
      ['-c', '"$@" 2>&1 | cat', 'sh', BIN.imap, '-c', this.l.dovecotConf, '-u', user],
      { input: script },
    );
    const status = /^a (OK|NO|BAD)\b.*$/m.exec(output);
    if (status?.[1] !== 'OK') throw new Error(`mail bench: APPEND to ${folder} for ${user} failed:\n${output}`);
  }

  async kick(email: string): Promise<void> {
    try {
      await this.doveadm('kick', normalizeEmail(email));
    } catch (error) {
      // "no users kicked" (non-zero exit) just means the user had no open sessions.
      if (!/no users kicked/i.test((error as Error).message)) throw error;
    }
  }

  async logs(): Promise<string> {
    return `--- dovecot (${this.l.dovecotLog}) ---\n${await tail(this.l.dovecotLog)}\n--- postfix (${this.l.postfixLog}) ---\n${await tail(this.l.postfixLog)}`;
  }

  async startDovecot(): Promise<void> {
    try {
      await startDaemon(BIN.dovecot, ['-c', this.l.dovecotConf], path.join(this.dir, 'dovecot-start.out'));
    } catch (error) {
      throw new Error(
        `mail bench: dovecot failed to start: ${(error as Error).message}\n${await tail(this.l.dovecotLog)}`,
        { cause: error },
      );
    }
    const ports = [this.imapPort, this.lmtpPort, ...(this.imapsPort ? [this.imapsPort] : [])];
    await this.waitForPorts(ports, 'Dovecot');
  }

  async stopDovecot(): Promise<void> {
    // What `doveadm stop` does, minus its wait: it polls with kill(pid, 0), which keeps succeeding while PID 1
    // has not reaped the zombie master (2-3 s in containers).
    await terminate(path.join(this.l.dovecotBase, 'master.pid'));
    // A real restart (shutdown_clients = yes) ends every session; after a bare SIGTERM to the master its
    // imap/lmtp children would live on and keep serving, so end this instance's processes too.
    await run('/usr/bin/pkill', ['-KILL', '-f', `^dovecot-keepwarm-bench-${path.basename(this.l.dir)}/`]).catch(
      () => undefined,
    );
  }

  async startPostfix(): Promise<void> {
    try {
      await startDaemon(
        BIN.postfix,
        ['-c', this.l.postfixConfigDir, 'start'],
        path.join(this.dir, 'postfix-start.out'),
      );
    } catch (error) {
      throw new Error(
        `mail bench: postfix failed to start: ${(error as Error).message}\n${await tail(this.l.postfixLog)}`,
        { cause: error },
      );
    }
    await this.waitForPorts([this.smtpPort], 'Postfix');
  }

  async stopPostfix(): Promise<void> {
    // What `postfix stop` does (SIGTERM to master, which stops its children), without its 1 s polling.
    await terminate(path.join(this.l.postfixQueue, 'pid', 'master.pid'));
  }

  private async waitForPorts(ports: number[], what: string): Promise<void> {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (const port of ports) {
      while (!(await canConnect(port))) {
        if (Date.now() > deadline) {
          throw new Error(
            `mail bench: ${what} did not accept connections on 127.0.0.1:${port} within ${STARTUP_TIMEOUT_MS} ms\n${await this.logs()}`,
          );
        }
        await sleep(50);
      }
    }
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const attempt = async (fn: () => Promise<void>) => {
        try {
          await fn();
        } catch {
          // best effort: teardown must not mask the test result
        }
      };
      await attempt(() => this.stopPostfix());
      await attempt(() => this.stopDovecot());
      await attempt(() => updateAlternateConfigDirectories({ remove: this.l.postfixConfigDir }));
      await attempt(() => fs.rm(this.dir, { recursive: true, force: true, maxRetries: 3 }));
      running.delete(this);
    })();
    return this.stopping;
  }

  /** Synchronous variant for the process 'exit' hook: SIGTERM both masters, wait up to 5 s, remove the folder. */
  stopSync(): void {
    const pids: number[] = [];
    for (const pidFile of [
      path.join(this.l.postfixQueue, 'pid', 'master.pid'),
      path.join(this.l.dovecotBase, 'master.pid'),
    ]) {
      try {
        const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
        if (pid > 0 && isAlive(pid)) {
          process.kill(pid, 'SIGTERM');
          pids.push(pid);
        }
      } catch {
        // not running
      }
    }
    const deadline = Date.now() + 5_000;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    while (pids.some(isAlive) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 50);
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // the next startMailBench reaps the folder and its alternate_config_directories entry
    }
  }
}

/**
 * Starts a private Dovecot + Postfix pair. Always call `stop()` (e.g. in afterAll).
 * Typical start time is well under a few seconds; the first run may install packages.
 */
export async function startMailBench(options: MailBenchOptions = {}): Promise<MailBench> {
  const tls = options.tls ?? false;
  const domains = (options.domains ?? DEFAULT_DOMAINS).map((d) => d.trim().toLowerCase());
  for (const domain of domains) {
    if (!/^[a-z0-9.-]+$/.test(domain)) throw new Error(`mail bench: invalid domain ${JSON.stringify(domain)}`);
  }
  await ensureInstalled(tls);

  const mailUid = idOf('/etc/passwd', 'mail');
  const mailGid = idOf('/etc/group', 'mail');
  const postfixUid = idOf('/etc/passwd', 'postfix');
  const postfixGid = idOf('/etc/group', 'postfix');
  idOf('/etc/passwd', 'dovenull');
  idOf('/etc/passwd', 'dovecot');

  await reapStaleBenches();
  const dir = await fs.mkdtemp(path.join(benchParentDir(), TEMP_PREFIX));
  await fs.writeFile(path.join(dir, OWNER_FILE), `${process.pid}\n`);
  const l = layout(dir);
  const [imap, imaps, lmtp, smtp] = (await freePorts(4)) as [number, number, number, number];
  const bench = new Bench(l, { imap, imaps, lmtp, smtp }, domains, tls);
  running.add(bench);
  installExitHook();

  try {
    // dovenull/dovecot/mail/postfix must be able to traverse the folder.
    await fs.chmod(dir, 0o755);
    await fs.mkdir(l.mailDir, { mode: 0o770 });
    await fs.chown(l.mailDir, mailUid, mailGid);
    await fs.mkdir(l.postfixConfigDir, { mode: 0o755 });
    await fs.mkdir(l.postfixQueue, { mode: 0o755 });
    await fs.mkdir(l.postfixData, { mode: 0o700 });
    await fs.chown(l.postfixData, postfixUid, postfixGid);
    await fs.mkdir(l.usersDir, { mode: 0o755 });

    if (tls) {
      await fs.mkdir(path.dirname(l.certPath), { mode: 0o755 });
      await run(BIN.openssl, [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        l.keyPath,
        '-out',
        l.certPath,
        '-days',
        '7',
        '-subj',
        '/CN=keepwarm mail bench',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ]);
      await fs.chmod(l.keyPath, 0o600);
    }

    await fs.writeFile(l.dovecotConf, dovecotConfig(l, { imap, imaps: tls ? imaps : 0, lmtp }, tls, mailUid), {
      mode: 0o644,
    });
    await fs.writeFile(path.join(l.postfixConfigDir, 'main.cf'), postfixMainCf(l, domains, lmtp), { mode: 0o644 });
    await fs.writeFile(path.join(l.postfixConfigDir, 'master.cf'), postfixMasterCf(smtp), { mode: 0o644 });
    await backdate(path.join(l.postfixConfigDir, 'main.cf'));
    await backdate(path.join(l.postfixConfigDir, 'master.cf'));
    await updateAlternateConfigDirectories({ add: l.postfixConfigDir });

    await bench.startDovecot();
    await bench.startPostfix();
    return bench;
  } catch (error) {
    await bench.stop();
    throw error;
  }
}
