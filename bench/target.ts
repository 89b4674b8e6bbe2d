import { statSync } from 'node:fs';
import { connect, type Store } from '../src/store/connect.js';

export const DEFAULT_BENCH_FILE = '/tmp/tiendo-bench.db';

/** Where benchmark data lives: an SQLite file or a PostgreSQL database. */
export type Target = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** `--db FILE` wins; then a postgres:// DATABASE_URL; then the default file. */
export function resolveTarget(db: string | undefined): Target {
  const url = process.env.DATABASE_URL;
  if (db) return { kind: 'sqlite', file: db };
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return { kind: 'sqlite', file: DEFAULT_BENCH_FILE };
}

/**
 * connect() reads DATABASE_URL when no url is given; a `sqlite:` url keeps an explicit
 * --db file from being overridden by a postgres DATABASE_URL in the environment.
 */
export function openTarget(target: Target): Promise<Store> {
  return target.kind === 'postgres'
    ? connect({ url: target.url })
    : connect({ url: `sqlite:${target.file}`, file: target.file });
}

export function describeTarget(target: Target): string {
  return target.kind === 'postgres' ? target.url.replace(/\/\/[^@/]*@/, '//') : target.file;
}

/** Database, WAL and shared-memory files together, in MB. */
export function sqliteSizeMb(file: string): number {
  let bytes = 0;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      bytes += statSync(f).size;
    } catch {
      // Absent WAL or shm files are normal after a checkpoint.
    }
  }
  return bytes / 1024 / 1024;
}

/** A numeric command-line option, refused with both languages when out of range. */
export function numberOption(value: string | undefined, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new Error(`--${name} phải từ ${min} đến ${max} / must be between ${min} and ${max} (got ${value})`);
  }
  return n;
}
