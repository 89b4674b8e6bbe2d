import { describe, expect, it } from 'vitest';
import { writeTransaction } from '../audit/write.js';
import { systemContext } from '../context.js';
import { connect } from '../store/connect.js';
import { Memo } from './memo.js';

describe('Memo', () => {
  it('keeps a value until its time runs out', async () => {
    const memo = new Memo<number>(1000);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await memo.read('k', 0, compute)).toBe(1);
    expect(await memo.read('k', 999, compute)).toBe(1);
    expect(await memo.read('k', 1000, compute)).toBe(2);
    memo.delete('k');
    expect(await memo.read('k', 1001, compute)).toBe(3);
  });

  it('forgets everything after an audited write, including what was being computed during it', async () => {
    const store = await connect({ file: ':memory:' });
    const ctx = systemContext(store);
    const memo = new Memo<number>(60_000);
    let calls = 0;
    expect(await memo.read('k', 0, async () => ++calls)).toBe(1);
    await writeTransaction(ctx, async () => {});
    expect(await memo.read('k', 1, async () => ++calls)).toBe(2);
    // A value computed while a write commits belongs to the old data: it must not be kept.
    const during = memo.read('k2', 2, async () => {
      await writeTransaction(ctx, async () => {});
      return ++calls;
    });
    expect(await during).toBe(3);
    expect(await memo.read('k2', 3, async () => ++calls)).toBe(4);
    await store.close();
  });
});
