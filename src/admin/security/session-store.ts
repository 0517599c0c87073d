// Admin sessions, kept in memory: a random id the browser holds in a cookie, signed with a key derived from
// admin.token, so a forged or guessed cookie is refused before any lookup and changing the token logs
// everyone out. A restart logs everyone out too, which is fine for a one-admin tool. Each session carries
// its CSRF token (synchronizer pattern), a one-shot flash message and imports staged by a dry run.
import crypto from 'node:crypto';
import { secretsEqual } from './secret-compare.js';

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
  details?: readonly string[];
}

export interface StagedImport {
  kind: 'candidates' | 'openings';
  fileName: string;
  text: string;
  stagedAt: number;
}

export interface Session {
  id: string;
  csrf: string;
  createdAt: number;
  seenAt: number;
  flash: Flash | null;
  staged: Map<string, StagedImport>;
}

export interface SessionStoreOptions {
  /** Key material for the cookie signature (admin.token); random when there is none. */
  secret: string | null;
  now: () => Date;
  randomBytes?: (size: number) => Buffer;
  idleMs?: number;
  maxAgeMs?: number;
  maxSessions?: number;
}

export interface SessionStore {
  create(): { session: Session; cookie: string };
  fromCookie(cookie: string | undefined): Session | null;
  destroy(id: string): void;
  randomToken(): string;
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const random = options.randomBytes ?? crypto.randomBytes;
  const key = crypto
    .createHmac('sha256', options.secret ?? random(32).toString('hex'))
    .update('keepwarm admin session v1')
    .digest();
  const idleMs = options.idleMs ?? 12 * 3600_000;
  const maxAgeMs = options.maxAgeMs ?? 7 * 24 * 3600_000;
  const maxSessions = options.maxSessions ?? 1000;
  const sessions = new Map<string, Session>();
  const now = (): number => options.now().getTime();
  const sign = (id: string): string => crypto.createHmac('sha256', key).update(id).digest('base64url');
  const token = (): string => random(32).toString('base64url');
  const expired = (s: Session): boolean => now() - s.seenAt > idleMs || now() - s.createdAt > maxAgeMs;

  return {
    create() {
      for (const [id, s] of sessions) if (expired(s)) sessions.delete(id);
      if (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value as string);
      const session: Session = {
        id: token(),
        csrf: token(),
        createdAt: now(),
        seenAt: now(),
        flash: null,
        staged: new Map(),
      };
      sessions.set(session.id, session);
      return { session, cookie: `${session.id}.${sign(session.id)}` };
    },
    fromCookie(cookie) {
      const [id, signature, extra] = (cookie ?? '').split('.');
      if (!id || !signature || extra !== undefined || !secretsEqual(signature, sign(id))) return null;
      const session = sessions.get(id);
      if (!session) return null;
      if (expired(session)) {
        sessions.delete(id);
        return null;
      }
      session.seenAt = now();
      return session;
    },
    destroy(id) {
      sessions.delete(id);
    },
    randomToken: token,
  };
}
