import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, knownMigrations, type Store, storeTarget } from '../store/connect.js';
import { backupDatabase } from './backup.js';
import { restoreDatabase } from './restore.js';
import { fillEveryTable, tableContents } from './test-data.js';

const dir = mkdtempSync(join(tmpdir(), 'tiendo-backup-'));
const at = (name: string) => join(dir, name);
const target = (file: string) => storeTarget({ file });
const yes = async () => true;

/** Every table, Kysely's and the sessions included: a backup is the whole file. */
async function everything(store: Store) {
  const migrations = await sql`select name from kysely_migration order by name`.execute(store.db);
  const sessions = await store.db.selectFrom('sessions').selectAll().orderBy('id').execute();
  return { ...(await tableContents(store)), migrations: migrations.rows, sessions };
}

async function contentsOf(file: string) {
  const store = await connect({ file });
  try {
    return await everything(store);
  } finally {
    await store.close();
  }
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const leftovers = () => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('backup and restore on SQLite', () => {
  const live = at('live.db');
  let atBackup: Awaited<ReturnType<typeof everything>>;

  beforeAll(async () => {
    const store = await connect({ file: live });
    await fillEveryTable(store);
    atBackup = await everything(store);
    // Backed up while the store is open, as under a running server.
    await backupDatabase(target(live), at('backup.db'));
    await store.db.deleteFrom('figures').where('id', '>', 100).execute();
    await store.db.updateTable('units').set({ name: 'Đổi sau khi sao lưu' }).execute();
    await store.close();
  }, 120_000);

  it('restores exactly the data of the moment of the backup, every table', async () => {
    expect(await contentsOf(live)).not.toEqual(atBackup);
    const done = await restoreDatabase(target(live), at('backup.db'), yes);
    expect(done).toMatchObject({ version: knownMigrations().at(-1), target: live, migrated: [] });
    expect(await contentsOf(live)).toEqual(atBackup);
    expect(existsSync(`${live}-journal`)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('restores into a database that does not exist yet', async () => {
    await restoreDatabase(target(at('new/fresh.db')), at('backup.db'), yes);
    expect(await contentsOf(at('new/fresh.db'))).toEqual(atBackup);
  });

  it('refuses while the database is open, and changes nothing', async () => {
    const store = await connect({ file: live });
    const before = await everything(store);
    try {
      await expect(restoreDatabase(target(live), at('backup.db'), yes)).rejects.toMatchObject({
        code: 'store',
        text: { vi: expect.stringContaining('đang được dùng') },
      });
      expect(await everything(store)).toEqual(before);
    } finally {
      await store.close();
    }
    expect(leftovers()).toEqual([]);
  });

  it('does nothing when the person declines', async () => {
    const before = digest(live);
    const asked: unknown[] = [];
    const done = await restoreDatabase(target(live), at('backup.db'), async (plan) => {
      asked.push(plan);
      return false;
    });
    expect(done).toBeNull();
    expect(asked).toEqual([{ version: knownMigrations().at(-1), target: live }]);
    expect(digest(live)).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  describe('refuses a bad backup before touching the database', () => {
    const refused = async (file: string, message: RegExp) => {
      const before = digest(live);
      await expect(restoreDatabase(target(live), file, yes)).rejects.toMatchObject({
        code: 'invalid',
        text: { vi: expect.stringMatching(message) },
      });
      expect(digest(live)).toBe(before);
      expect(leftovers()).toEqual([]);
    };

    it('a truncated backup', async () => {
      copyFileSync(at('backup.db'), at('cut.db'));
      truncateSync(at('cut.db'), Math.floor(readFileSync(at('cut.db')).length / 2));
      await refused(at('cut.db'), /cut\.db không dùng được: (tệp bị hỏng|kiểm tra toàn vẹn báo lỗi)/);
    });

    it('a backup with a damaged page', async () => {
      const bytes = readFileSync(at('backup.db'));
      bytes.fill(0x55, 4096 * 3, 4096 * 3 + 200);
      writeFileSync(at('damaged.db'), bytes);
      await refused(at('damaged.db'), /(tệp bị hỏng|kiểm tra toàn vẹn báo lỗi)/);
    });

    it('random bytes, and a text file', async () => {
      writeFileSync(at('random.db'), createHash('sha512').update('x').digest().toString('hex').repeat(200));
      await refused(at('random.db'), /không phải cơ sở dữ liệu SQLite/);
      writeFileSync(at('notes.txt'), 'Ghi chú họp giao ban\n');
      await refused(at('notes.txt'), /không phải cơ sở dữ liệu SQLite/);
    });

    it('an SQLite database of something else', async () => {
      const other = new SQLite(at('other.db'));
      other.exec('create table contacts (id integer primary key, name text)');
      other.close();
      await refused(at('other.db'), /không phải cơ sở dữ liệu của Tiến độ/);
    });

    it('a backup from a newer version', async () => {
      copyFileSync(at('backup.db'), at('newer.db'));
      const newer = new SQLite(at('newer.db'));
      newer.prepare(`insert into kysely_migration (name, timestamp) values ('9999-tuong-lai', 'x')`).run();
      newer.close();
      await refused(at('newer.db'), /phiên bản Tiến độ mới hơn \(9999-tuong-lai\)/);
    });

    it('a file that does not exist', async () => {
      await refused(at('khong-co.db'), /không tìm thấy tệp/);
    });
  });

  it('refuses to back up into the database itself, or from a database that does not exist', async () => {
    await expect(backupDatabase(target(live), live)).rejects.toMatchObject({ code: 'invalid' });
    await expect(backupDatabase(target(at('none.db')), at('x.db'))).rejects.toMatchObject({
      text: { vi: expect.stringContaining('Không có cơ sở dữ liệu') },
    });
    expect(existsSync(at('x.db'))).toBe(false);
  });

  it('copies in a worker thread: the server’s event loop keeps turning meanwhile', async () => {
    let turns = 0;
    let copying = true;
    const turn = () => {
      turns++;
      if (copying) setImmediate(turn);
    };
    setImmediate(turn);
    await backupDatabase(target(live), at('while-serving.db'));
    copying = false;
    // Copied on this thread, the whole file is one blocking step: two or three turns at most.
    expect(turns).toBeGreaterThan(20);
    expect(await contentsOf(at('while-serving.db'))).toEqual(await contentsOf(live));
  });
});

/**
 * A separate process writes pairs of rows in one transaction each, as fast as it can, while we
 * back up: every backup must pass the integrity check and hold only whole pairs.
 */
describe('online backup while another process writes', () => {
  const file = at('busy.db');
  let writer: ReturnType<typeof spawn>;

  beforeAll(async () => {
    const store = await connect({ file });
    await store.close();
    const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
    const script = `
      const SQLite = require(${JSON.stringify(sqlitePath)});
      const db = new SQLite(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
      const add = db.prepare("insert into audit_log (at, action, entity, entity_id, after) values (?, 'ghi', 'cap', ?, ?)");
      const pair = db.transaction((i) => { add.run(new Date().toISOString(), i, 'a'.repeat(500)); add.run(new Date().toISOString(), i, 'b'.repeat(500)); });
      let i = 0; process.stdout.write('ready\\n');
      const loop = () => { for (let k = 0; k < 50; k++) pair(i++); setImmediate(loop); };
      loop();`;
    writer = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => writer.stdout?.once('data', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  afterAll(() => {
    writer?.kill();
  });

  it('takes consistent backups that pass the integrity check', async () => {
    const counts: number[] = [];
    for (let n = 0; n < 3; n++) {
      const copy = at(`busy-${n}.db`);
      await backupDatabase(target(file), copy);
      const db = new SQLite(copy, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db
        .prepare(
          `select count(*) as n, count(distinct entity_id) as pairs from audit_log where entity = 'cap'`,
        )
        .get() as { n: number; pairs: number };
      db.close();
      expect(row.n).toBe(row.pairs * 2);
      counts.push(row.n);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[2]).toBeGreaterThan(counts[0] as number);
    expect(writer.exitCode).toBeNull();
  });
});
