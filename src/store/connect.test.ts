import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { describeStores } from '../test/stores.js';
import { connect, migrateToLatest } from './connect.js';

describeStores('store', (store) => {
  it('creates every table and migrates idempotently', async () => {
    const tables = (await store().db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['units', 'figures', 'directives', 'audit_log', 'plan_indicators']),
    );
    expect(await migrateToLatest(store())).toEqual([]);
  });

  it('refuses a database written by a newer version', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('9999-future', '2030-01-01')`.execute(
      store().db,
    );
    await expect(migrateToLatest(store())).rejects.toThrow(StoreError);
    await expect(migrateToLatest(store())).rejects.toMatchObject({
      text: { vi: expect.stringContaining('mới hơn') },
    });
    await sql`delete from kysely_migration where name = '9999-future'`.execute(store().db);
  });
});

describe('sqlite file', () => {
  it('refuses a file that is not SQLite, naming it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tiendo-')), 'not.db');
    writeFileSync(file, 'Đây không phải cơ sở dữ liệu, chỉ là văn bản. '.repeat(100));
    await expect(connect({ file })).rejects.toMatchObject({
      code: 'store',
      text: { vi: expect.stringContaining(file) },
    });
  });

  it('uses WAL and foreign keys', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tiendo-')), 'ok.db');
    const store = await connect({ file });
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await store.close();
  });
});
