import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../src/store/connect.js';
import type { Database } from '../src/store/schema.js';
import type { Target } from './target.js';

export interface QueryEvent {
  sql: string;
  params: readonly unknown[];
  ms: number;
}

/**
 * A second store on the same data whose Kysely logs every query with its time: it shows where
 * the service spends its time and hands the service's own SQL to EXPLAIN. The timed runs use
 * the plain store from connect(), so logging costs nothing there.
 */
export function loggedStore(target: Target): { store: Store; events: QueryEvent[] } {
  const events: QueryEvent[] = [];
  const log = (e: {
    level: string;
    query: { sql: string; parameters: readonly unknown[] };
    queryDurationMillis: number;
  }) => {
    events.push({ sql: e.query.sql, params: e.query.parameters, ms: e.queryDurationMillis });
  };
  const dialect =
    target.kind === 'sqlite'
      ? new SqliteDialect({ database: new SQLite(target.file, { readonly: true }) })
      : new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 10 }) });
  const db = new Kysely<Database>({ dialect, log });
  const location = target.kind === 'sqlite' ? target.file : 'postgres';
  return { store: { db, dialect: target.kind, location, close: () => db.destroy() }, events };
}

/** The slowest query of a run: the aggregate, on any data worth benchmarking. */
export function slowest(events: readonly QueryEvent[]): QueryEvent | undefined {
  return events.reduce<QueryEvent | undefined>((a, e) => (a && a.ms >= e.ms ? a : e), undefined);
}
