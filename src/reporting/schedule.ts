import type { ServiceContext } from '../context.js';
import { generateReminders } from './reminders.js';

export interface ReminderSchedule {
  /** Resolves when the run in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Raises reminders from inside the server, so the inbox fills without a cron job: once shortly
 * after start, then every `everyMs` (an hour by default). A run is idempotent for its day, so
 * running hourly only picks up the day change and whatever became overdue; a failed run is
 * logged and the next one tries again.
 */
export function scheduleReminders(
  ctx: ServiceContext,
  options: { everyMs?: number; firstAfterMs?: number; onError(error: unknown): void },
): ReminderSchedule {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(() => generateReminders(ctx).then(() => {}, options.onError));
  };
  const first = setTimeout(run, options.firstAfterMs ?? 5_000);
  const timer = setInterval(run, options.everyMs ?? 60 * 60 * 1000);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
      return running;
    },
  };
}
