import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { StoreError } from '../errors.js';
import { text } from '../i18n.js';

export type PgTool = 'pg_dump' | 'pg_restore';

const DEBIAN_ROOT = '/usr/lib/postgresql';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The tool on PATH, else the newest one of Debian's versioned directories (which PATH often lacks). */
export function findPgTool(tool: PgTool): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, tool))) return join(dir, tool);
  }
  const versions = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const path = join(DEBIAN_ROOT, v, 'bin', tool);
    if (executable(path)) return path;
  }
  const message = text(
    `Không tìm thấy ${tool} (cần cho sao lưu và khôi phục PostgreSQL): hãy cài gói postgresql-client cùng phiên bản với máy chủ, hoặc thêm thư mục chứa ${tool} vào PATH`,
    `${tool} not found (PostgreSQL backup and restore need it): install postgresql-client of the server's version, or add its directory to PATH`,
  );
  throw new StoreError(message, [{ field: tool, message }]);
}

/** The URL as shown to people: without its password. */
export function shownUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

/**
 * The URL without its password, and the password in PGPASSWORD: a password on the command line
 * would be readable by every user of the machine through the process list.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  };
}

export interface PgRun {
  tool: PgTool;
  args: string[];
  /** Passed as --dbname, its password through the environment. */
  url?: string;
  /** Called with each line the tool writes to standard output. */
  onLine?: (line: string) => void;
}

/** Runs a PostgreSQL client tool; a failure carries what the tool said. */
export async function runPgTool({ tool, args, url, onLine }: PgRun): Promise<void> {
  const conn = url ? connection(url) : { dbname: undefined, env: process.env };
  const child = spawn(findPgTool(tool), conn.dbname ? [...args, `--dbname=${conn.dbname}`] : args, {
    env: conn.env,
    stdio: ['ignore', onLine ? 'pipe' : 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const lines =
    onLine && child.stdout
      ? createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY })
      : null;
  lines?.on('line', (line) => onLine?.(line));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    const said = stderr.join('').trim().split('\n').slice(0, 5).join(' / ');
    const message = text(`${tool} thất bại: ${said}`, `${tool} failed: ${said}`);
    throw new StoreError(message, [{ field: tool, message }]);
  }
}
