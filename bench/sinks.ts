import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * Bulk writers for generated figures. The figures service validates, looks up and audits each
 * row, which is right for people and far too slow for ten million; these write the very
 * columns the service writes (revision 1, current, a month's own value, official, imported),
 * in big statements inside big transactions.
 */
export interface FigureRow {
  indicatorId: number;
  unitId: number;
  provinceId: number;
  unitDepth: number;
  year: number;
  month: number;
  value: number;
  recordedAt: string;
}

export interface FigureSink {
  /** Buffers a row; true when the buffer is full and `flush` should be awaited. */
  add(row: FigureRow): boolean;
  flush(): Promise<void>;
  /** Flushes, commits and disconnects. */
  close(): Promise<void>;
}

const COLUMNS =
  'indicator_id, unit_id, province_id, unit_depth, year, month, value, recorded_at, cumulative, status, source, revision, is_current';
const CONSTANTS = `0, 'official', 'import', 1, 1`;
/** Parameters per row: the columns before CONSTANTS. */
const WIDTH = 8;
/** Rows per transaction: large enough to amortise commits, small enough to keep the WAL small. */
const ROWS_PER_TRANSACTION = 250_000;

/** 500 rows × 8 parameters per statement, prepared once; the last partial batch row by row. */
export function sqliteSink(file: string): FigureSink {
  const BATCH = 500;
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  // A generator may lose its work on a power cut; it is rerun, not recovered.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  const tuple = `(?, ?, ?, ?, ?, ?, ?, ?, ${CONSTANTS})`;
  const many = db.prepare(`insert into figures (${COLUMNS}) values ${Array(BATCH).fill(tuple).join(', ')}`);
  const one = db.prepare(`insert into figures (${COLUMNS}) values ${tuple}`);
  const params: (number | string)[] = [];
  let inTransaction = 0;

  const write = () => {
    if (inTransaction === 0) db.exec('begin');
    if (params.length === BATCH * WIDTH) many.run(params);
    else for (let i = 0; i < params.length; i += WIDTH) one.run(params.slice(i, i + WIDTH));
    inTransaction += params.length / WIDTH;
    params.length = 0;
    if (inTransaction >= ROWS_PER_TRANSACTION) {
      db.exec('commit');
      inTransaction = 0;
    }
  };
  return {
    add(r) {
      params.push(r.indicatorId, r.unitId, r.provinceId, r.unitDepth, r.year, r.month, r.value, r.recordedAt);
      return params.length === BATCH * WIDTH;
    },
    async flush() {
      if (params.length > 0) write();
    },
    async close() {
      if (params.length > 0) write();
      if (inTransaction > 0) db.exec('commit');
      db.close();
    },
  };
}

/**
 * PostgreSQL: one array per column through unnest, 5,000 rows a statement. A VALUES list
 * binds every value as its own parameter (8 × 500 already), each a protocol field the server
 * parses; eight arrays are eight fields, and 5,000 rows stay under 1 MB a statement.
 */
export async function postgresSink(url: string, log: (line: string) => void): Promise<FigureSink> {
  const BATCH = 5000;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  try {
    // Foreign keys are checked by a trigger per row, which costs two thirds of the load time
    // (23k against 79k rows/s measured). The ids come from rows the services have just made, so
    // the checks can prove nothing; the replica role skips them, for this session only.
    await client.query('set session_replication_role = replica');
  } catch {
    log('không đủ quyền bỏ kiểm tra khóa ngoại; nạp chậm hơn / no superuser: foreign keys checked per row');
  }
  const text = `insert into figures (${COLUMNS})
    select i, u, p, d, y, m, v, r, ${CONSTANTS}
    from unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::float8[], $8::text[])
      as t(i, u, p, d, y, m, v, r)`;
  const cols: [number[], number[], number[], number[], number[], number[], number[], string[]] = [
    [],
    [],
    [],
    [],
    [],
    [],
    [],
    [],
  ];
  let inTransaction = 0;

  const write = async () => {
    if (inTransaction === 0) await client.query('begin');
    await client.query(text, cols);
    inTransaction += cols[0].length;
    for (const c of cols) c.length = 0;
    if (inTransaction >= ROWS_PER_TRANSACTION) {
      await client.query('commit');
      inTransaction = 0;
    }
  };
  return {
    add(r) {
      cols[0].push(r.indicatorId);
      cols[1].push(r.unitId);
      cols[2].push(r.provinceId);
      cols[3].push(r.unitDepth);
      cols[4].push(r.year);
      cols[5].push(r.month);
      cols[6].push(r.value);
      cols[7].push(r.recordedAt);
      return cols[0].length >= BATCH;
    },
    async flush() {
      if (cols[0].length > 0) await write();
    },
    async close() {
      if (cols[0].length > 0) await write();
      if (inTransaction > 0) await client.query('commit');
      await client.end();
    },
  };
}
