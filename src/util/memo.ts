import { dataGeneration } from '../audit/write.js';

/**
 * A small per-process memo for read paths hit on every request (sessions, dashboards). An entry
 * lives until any audited write in this process (the data generation moves) or its time to live
 * runs out, whichever comes first; the time to live bounds how stale a reading can be when
 * several server processes share one PostgreSQL.
 */
export class Memo<V> {
  private readonly entries = new Map<string, { value: V; generation: number; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  /**
   * The remembered value, or a fresh one. The generation is read before computing: a write that
   * commits meanwhile moves it, so a value computed from older data is never kept as current.
   */
  async read(key: string, nowMs: number, compute: () => Promise<V>): Promise<V> {
    const e = this.entries.get(key);
    if (e && e.generation === dataGeneration() && e.until > nowMs) return e.value;
    const generation = dataGeneration();
    const value = await compute();
    // Dropping everything at the cap is crude but bounded; the working set is a few hundred keys.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, generation, until: nowMs + this.ttlMs });
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
