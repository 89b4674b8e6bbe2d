import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidError } from '../errors.js';
import { text } from '../i18n.js';
import type { StoreTarget } from '../store/connect.js';
import { moveIntoPlace, viaTemp } from './files.js';
import { runPgTool } from './pg-tools.js';
import { backupSqlite } from './sqlite-file.js';

export interface BackupDone {
  file: string;
  bytes: number;
  ms: number;
}

const realPath = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));

/**
 * A copy of the whole database in `dest`, taken while the server may be running: SQLite's
 * online backup, or `pg_dump` in its custom format (restored with `pg_restore`). The copy is
 * written beside `dest` and renamed into place, so `dest` is never half written.
 */
export async function backupDatabase(target: StoreTarget, dest: string): Promise<BackupDone> {
  const started = Date.now();
  if (target.dialect === 'sqlite' && realPath(target.file) === realPath(dest)) {
    const message = text(
      `Tệp sao lưu ${dest} chính là cơ sở dữ liệu đang dùng; hãy chọn tệp khác`,
      `The backup file ${dest} is the database itself; choose another file`,
    );
    throw new InvalidError(message, [{ field: 'file', message }]);
  }
  mkdirSync(dirname(dest), { recursive: true });
  await viaTemp(dest, async (temp) => {
    if (target.dialect === 'sqlite') await backupSqlite(target.file, temp);
    else await runPgTool({ tool: 'pg_dump', args: ['--format=custom', `--file=${temp}`], url: target.url });
    moveIntoPlace(temp, dest);
  });
  return { file: dest, bytes: statSync(dest).size, ms: Date.now() - started };
}
