// The composition root of the long-running service: opens the library, migrates it, and starts every
// configured part: the admin page and /healthz, the mailbox pollers and the digest scheduler. stop()
// undoes it all, in reverse, for a graceful SIGINT/SIGTERM.
import { Hono } from 'hono';
import type { LoadedConfig } from '../config/load-config.js';
import { openDatabase, parseDatabaseUrl } from '../db/open-database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createHealthRoutes } from '../http/health-routes.js';
import { serveHttp } from '../http/serve-http.js';
import type { Logger } from '../log/logger.js';
import { KeepwarmError } from '../errors.js';
import { VERSION } from './version.js';
import { createSyncService } from '../sync/sync-service.js';
import { createMailboxPoller } from '../sync/mailbox-poller.js';
import { createSmtpSender } from '../mail-out/smtp-transport.js';
import { createDigestScheduler } from '../mail-out/digest-scheduler.js';
import { createDigestRenderer } from '../digest/render-digest.js';
import { sendDigest, type SendDigestDeps } from '../mail-out/send-digest.js';
import { createAdminApp } from '../admin/admin-app.js';
import { backfillNewAddresses, describeBackfill } from '../sync/backfill-new-addresses.js';
import os from 'node:os';

export interface StartOptions {
  loaded: LoadedConfig;
  logger: Logger;
  now: () => Date;
  /** Overrides admin.listen (tests use port 0). */
  listen?: string;
}

export interface RunningKeepwarm {
  url: string;
  stop(): Promise<void>;
}

export async function startKeepwarm(options: StartOptions): Promise<RunningKeepwarm> {
  const { config, baseDir } = options.loaded;
  const location = parseDatabaseUrl(config.database, baseDir);
  if (!location) throw new KeepwarmError('config_invalid', 'database: expected sqlite:PATH');
  const opened = openDatabase(location);
  const stops: (() => Promise<void>)[] = [() => opened.close()];
  const stop = async (): Promise<void> => {
    for (const undo of stops.reverse()) {
      try {
        await undo();
      } catch (error) {
        options.logger.error({ err: error }, 'error while stopping');
      }
    }
  };
  try {
    const results = await migrateToLatest(opened.db);
    for (const result of results) options.logger.info({ migration: result.migrationName }, 'migrated');

    const app = new Hono();
    app.route('/', createHealthRoutes({ db: opened.db, version: VERSION }));
    // The admin page sends through the same deps as the scheduler (set below once SMTP is up).
    let digestDeps: SendDigestDeps | null = null;
    const backfillDeps = { db: opened.db, loaded: options.loaded, logger: options.logger, now: options.now };
    app.route(
      '/',
      createAdminApp({
        db: opened.db,
        config,
        now: options.now,
        logger: options.logger,
        ...(config.mailboxes.length > 0
          ? {
              backfill: async (keys: readonly string[]) => {
                const found = await backfillNewAddresses(backfillDeps, keys);
                return found ? describeBackfill(found) : null;
              },
            }
          : {}),
        ...(config.smtp
          ? {
              sendDigest: (recruiterId: number, o: { now: Date }) =>
                digestDeps
                  ? sendDigest(digestDeps, recruiterId, o)
                  : Promise.reject(new KeepwarmError('internal', 'SMTP is not ready yet')),
            }
          : {}),
      }),
    );
    const server = await serveHttp(app, options.listen ?? config.admin.listen, {
      hasToken: Boolean(config.admin.token),
    });
    stops.push(() => server.close());
    if (config.mailboxes.length > 0) {
      const service = createSyncService({
        db: opened.db,
        loaded: options.loaded,
        logger: options.logger,
        now: options.now,
      });
      stops.push(() => service.close());
      for (const mailbox of config.mailboxes) {
        const poller = createMailboxPoller({
          mailbox,
          service,
          deps: { db: opened.db, logger: options.logger, now: options.now, baseDir },
          pollIntervalMs: config.sync.pollIntervalSeconds * 1000,
          idle: config.sync.idle,
        });
        poller.start();
        stops.push(() => poller.stop());
      }
    }
    if (config.smtp) {
      const sender = createSmtpSender(config.smtp, baseDir);
      stops.push(() => Promise.resolve(sender.close()));
      digestDeps = {
        db: opened.db,
        config,
        renderer: createDigestRenderer(),
        sender,
        owner: `${os.hostname()}:${process.pid}`,
      };
      const scheduler = createDigestScheduler({
        deps: digestDeps,
        logger: options.logger,
        now: options.now,
      });
      scheduler.start();
      stops.push(() => scheduler.stop());
    } else {
      options.logger.warn('smtp is not configured: weekly digests will not be sent');
    }
    options.logger.info({ url: server.url, mailboxes: config.mailboxes.length }, 'keepwarm started');
    return { url: server.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
