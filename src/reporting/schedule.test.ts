import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemContext } from '../context.js';
import { loadDemo } from '../demo/load-demo.js';
import { connect } from '../store/connect.js';
import { scheduleReminders } from './schedule.js';

describe('reminders raised by the server itself', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs shortly after start and then every interval, and stops cleanly', async () => {
    const store = await connect({ file: ':memory:' });
    const ctx = systemContext(store, () => new Date('2021-12-20T02:00:00Z'));
    await loadDemo(ctx);
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const schedule = scheduleReminders(ctx, {
      firstAfterMs: 10,
      everyMs: 1000,
      onError: (e) => errors.push(e),
    });
    const count = async () =>
      Number(
        (
          await store.db
            .selectFrom('reminders')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(0);
    await vi.advanceTimersByTimeAsync(10);
    await vi.waitFor(async () => expect(await count()).toBeGreaterThan(0));
    const first = await count();
    // Same day again: nothing new.
    await vi.advanceTimersByTimeAsync(1000);
    await schedule.stop();
    expect(await count()).toBe(first);
    expect(errors).toEqual([]);
    await store.close();
  });
});
