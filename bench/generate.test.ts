import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { generate } from './generator.js';
import { benchProgress } from './progress.bench.js';
import type { Target } from './target.js';

describe('bench generator and progress benchmark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-bench-'));
  const target = (name: string): Target => ({ kind: 'sqlite', file: join(dir, name) });
  const tiny = { scale: 0.002, years: 2, indicators: 5 };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the country through the services and the figures in bulk', async () => {
    const summary = await generate({ target: target('a.db'), ...tiny });
    // 0.2% of 3,321 communes; one full year and the last through September.
    expect(summary).toMatchObject({ units: 1 + 34 + 7, indicators: 5, figures: 7 * 5 * (12 + 9) });
    const db = new SQLite(join(dir, 'a.db'), { readonly: true });
    const count = (q: string) => (db.prepare(q).get() as { n: number }).n;
    expect(count(`select count(*) as n from units where level in ('xa', 'phuong')`)).toBe(7);
    expect(count(`select count(*) as n from figures where is_current = 1 and revision = 1`)).toBe(
      summary.figures,
    );
    expect(count(`select count(distinct province_id) as n from figures`)).toBe(
      count(`select count(distinct province_id) as n from units where level = 'xa' or level = 'phuong'`),
    );
    // Targets for the country and every province that has communes, as setTarget wrote them.
    expect(count('select count(*) as n from targets')).toBe(summary.targets);
    expect(count(`select count(*) as n from audit_log where action = 'target.create'`)).toBe(summary.targets);
    db.close();
  });

  it('gives the same figures for the same seed', async () => {
    await generate({ target: target('b.db'), ...tiny });
    const rows = (name: string) => {
      const db = new SQLite(join(dir, name), { readonly: true });
      const out = db
        .prepare('select indicator_id, unit_id, year, month, value from figures order by id')
        .all();
      db.close();
      return out;
    };
    expect(rows('b.db')).toEqual(rows('a.db'));
  });

  it('refuses to write a second country over the first', async () => {
    await expect(generate({ target: target('a.db'), ...tiny })).rejects.toThrow(/already generated/);
  });

  async function expectSameTotals(t: Target) {
    const results = await benchProgress(t, { runs: 1 });
    expect(results.map((r) => r.label.split(' ')[0])).toEqual([expect.stringMatching(/^T\d\d$/), 'VN']);
    for (const r of results) {
      expect(r.scanned).toBeGreaterThan(0);
      // Against the figures and against the month sums the database keeps.
      expect(r.checks.length).toBeGreaterThanOrEqual(20);
      expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    }
  }

  it('finds the service totals equal to the hand-written sums', async () => {
    await expectSameTotals(target('a.db'));
  });

  it('finds them equal on PostgreSQL too, where figures are loaded as a replica', async () => {
    const admin = inject('pgUrl');
    const name = `bench_${process.pid}_${Date.now()}`;
    const run = async (sqlText: string) => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(sqlText);
      await client.end();
    };
    await run(`create database ${name}`);
    try {
      const t: Target = { kind: 'postgres', url: admin.replace(/\/[^/]*$/, `/${name}`) };
      await generate({ target: t, ...tiny });
      await expectSameTotals(t);
    } finally {
      await run(`drop database if exists ${name}`);
    }
  });
});
