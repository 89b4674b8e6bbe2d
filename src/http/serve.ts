import type { FastifyInstance } from 'fastify';
import { systemContext } from '../context.js';
import { loadDemo } from '../demo/load-demo.js';
import { scheduleReminders } from '../reporting/schedule.js';
import type { Store } from '../store/connect.js';
import { buildApp, LOG_REDACT, type ServerSettings } from './app.js';

export interface ServeOptions {
  port: number;
  host: string;
  /** Load the demo when the database holds no plan yet (first start). */
  demoOnFirstStart: boolean;
  settings?: Partial<ServerSettings>;
}

/** True when the demo was loaded now. */
async function firstStartDemo(store: Store): Promise<boolean> {
  const any = await store.db.selectFrom('plans').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await loadDemo(systemContext(store));
  return true;
}

/**
 * Starts the server and stops it cleanly on SIGINT/SIGTERM: no new connections, in-flight
 * requests finish, then the database closes.
 */
export async function serve(
  store: Store,
  options: ServeOptions,
): Promise<{ app: FastifyInstance; url: string; demoLoaded: boolean }> {
  const demoLoaded = options.demoOnFirstStart ? await firstStartDemo(store) : false;
  const app = await buildApp(store, {
    logger: { level: process.env.LOG_LEVEL ?? 'info', redact: LOG_REDACT },
    ...options.settings,
  });
  const url = await app.listen({ port: options.port, host: options.host });
  const reminders = scheduleReminders(systemContext(store), {
    onError: (error) => app.log.error({ err: error }, 'reminders failed'),
  });
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await reminders.stop();
    await app.close();
    await store.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return { app, url, demoLoaded };
}
