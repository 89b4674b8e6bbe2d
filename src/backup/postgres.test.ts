import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, knownMigrations, storeTarget } from '../store/connect.js';
import { backupDatabase } from './backup.js';
import { restoreDatabase } from './restore.js';
import { fillEveryTable, tableContents } from './test-data.js';

const dir = mkdtempSync(join(tmpdir(), 'tiendo-pg-backup-'));
const at = (name: string) => join(dir, name);
const yes = async () => true;

/** A database of its own on the suite's cluster, with the full URL pg_dump needs. */
async function newDatabase(made: string[]): Promise<string> {
  const admin = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  made.push(name);
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

async function contentsOf(url: string) {
  const store = await connect({ url });
  try {
    return await tableContents(store);
  } finally {
    await store.close();
  }
}

describe('backup and restore on PostgreSQL (pg_dump, pg_restore)', () => {
  const made: string[] = [];
  let url: string;
  let atBackup: Awaited<ReturnType<typeof tableContents>>;

  beforeAll(async () => {
    url = await newDatabase(made);
    const store = await connect({ url });
    await fillEveryTable(store);
    atBackup = await tableContents(store);
    await backupDatabase(storeTarget({ url }), at('tiendo.dump'));
    await store.db.deleteFrom('audit_log').execute();
    await store.db.updateTable('units').set({ name: 'Đổi sau khi sao lưu' }).execute();
    await store.close();
  }, 120_000);

  afterAll(async () => {
    const client = new pg.Client({ connectionString: inject('pgUrl') });
    await client.connect();
    for (const name of made) await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });

  it('writes a custom-format dump and restores every table as it was', async () => {
    expect(readFileSync(at('tiendo.dump')).subarray(0, 5).toString()).toBe('PGDMP');
    expect(await contentsOf(url)).not.toEqual(atBackup);
    const done = await restoreDatabase(storeTarget({ url }), at('tiendo.dump'), yes);
    expect(done).toMatchObject({ version: knownMigrations().at(-1), migrated: [] });
    expect(await contentsOf(url)).toEqual(atBackup);
  });

  it('restores into another, empty database', async () => {
    const other = await newDatabase(made);
    await restoreDatabase(storeTarget({ url: other }), at('tiendo.dump'), yes);
    expect(await contentsOf(other)).toEqual(atBackup);
  });

  it('refuses while someone is connected to the database', async () => {
    const store = await connect({ url });
    try {
      await expect(restoreDatabase(storeTarget({ url }), at('tiendo.dump'), yes)).rejects.toMatchObject({
        code: 'store',
        text: { vi: expect.stringContaining('đang được dùng') },
      });
    } finally {
      await store.close();
    }
  });

  it('refuses a cut or foreign file, and a dump of another database, before touching anything', async () => {
    const before = await contentsOf(url);
    const bytes = readFileSync(at('tiendo.dump'));
    writeFileSync(at('cut.dump'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    writeFileSync(at('random.dump'), randomBytes(20_000));
    const empty = await newDatabase(made);
    await backupDatabase(storeTarget({ url: empty }), at('empty.dump'));
    for (const [file, message] of [
      ['cut.dump', /pg_restore không đọc được tệp/],
      ['random.dump', /pg_restore không đọc được tệp/],
      ['empty.dump', /không phải cơ sở dữ liệu của Tiến độ/],
    ] as const) {
      await expect(restoreDatabase(storeTarget({ url }), at(file), yes), file).rejects.toMatchObject({
        code: 'invalid',
        text: { vi: expect.stringMatching(message) },
      });
    }
    expect(await contentsOf(url)).toEqual(before);
  });
});
