import { createInterface } from 'node:readline';
import { CompiledQuery, sql } from 'kysely';
import { ConflictError, InvalidError } from '../errors.js';
import { type Text, text } from '../i18n.js';
import { knownMigrations, type Store } from '../store/connect.js';
import type { DialectName } from '../store/dialect.js';
import { NDJSON_FORMAT, native, type Transferred } from './ndjson.js';
import { type AnyDb, type ColumnInfo, describeTables, schemaVersion, type TableInfo } from './tables.js';

/** Reading a file written by exportAll back into an empty store of the same version. */

/** Problems with the file name its line, so the person can open it there. */
function badLine(lineNo: number, message: Text): InvalidError {
  return new InvalidError(message, [{ field: 'file', message, row: lineNo }]);
}

function parseLine(n: number, line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw badLine(
      n,
      text(`Dòng ${n} không phải JSON hợp lệ: ${line.slice(0, 80)}`, `Line ${n} is not valid JSON`),
    );
  }
}

async function* parsedLines(input: NodeJS.ReadableStream): AsyncGenerator<[number, unknown]> {
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  try {
    for (let n = 1; ; n++) {
      const next = await reader.next().catch((error: Error) => {
        const message = text(
          `Không đọc được tệp: ${error.message}`,
          `Cannot read the file: ${error.message}`,
        );
        throw new InvalidError(message, [{ field: 'file', message }]);
      });
      if (next.done) return;
      const line = next.value.trim();
      if (line) yield [n, parseLine(n, line)];
    }
  } finally {
    await reader.return?.();
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkHeader(first: [number, unknown] | undefined, version: string | null): void {
  const header = first?.[1];
  if (!isObject(header) || header.format !== NDJSON_FORMAT) {
    throw badLine(
      first?.[0] ?? 1,
      text(
        'Tệp không phải tệp xuất toàn bộ dữ liệu của Tiến độ (thiếu dòng đầu "tiendo-ndjson")',
        'This is not a Tiến độ full export (no "tiendo-ndjson" header line)',
      ),
    );
  }
  if (header.version === version) return;
  const from = String(header.version);
  const newer = !knownMigrations().includes(from);
  throw badLine(
    first?.[0] ?? 1,
    newer
      ? text(
          `Tệp được xuất từ phiên bản Tiến độ mới hơn (cơ sở dữ liệu ${from}); hãy cập nhật phần mềm rồi nhập lại`,
          `The file comes from a newer Tiến độ (database ${from}); please upgrade, then import again`,
        )
      : text(
          `Tệp được xuất ở phiên bản cơ sở dữ liệu ${from}, cơ sở dữ liệu đích ở phiên bản ${version}; hãy chạy "tiendo init" trên cơ sở dữ liệu nguồn bằng phiên bản này rồi xuất lại`,
          `The file was exported at database version ${from}, the target is at ${version}; run "tiendo init" on the source with this version, then export again`,
        ),
  );
}

async function refuseData(store: Store, db: AnyDb, tables: TableInfo[]): Promise<void> {
  for (const t of tables) {
    const { rows } = await sql`select 1 as one from ${sql.table(t.name)} limit 1`.execute(db);
    if (rows.length === 0) continue;
    const message = text(
      `Cơ sở dữ liệu ${store.location} đã có dữ liệu (bảng ${t.name}); chỉ nhập toàn bộ vào một cơ sở dữ liệu mới, còn trống (tạo bằng "tiendo init")`,
      `Database ${store.location} already holds data (table ${t.name}); a full import goes only into a new, empty database (made with "tiendo init")`,
    );
    throw new ConflictError(message, [{ field: 'db', message }]);
  }
}

/** Large enough to be fast, small enough for either engine's limit on query parameters. */
const batchSize = (columns: number) => Math.max(1, Math.min(500, Math.floor(30_000 / columns)));

interface Patch {
  key: unknown[];
  column: string;
  value: unknown;
}

/** Loads one table's rows in batches, in the order of the file. */
class TableLoad {
  rows = 0;
  private batch: unknown[][] = [];
  private batchStart = 0;
  private readonly columns: ColumnInfo[];
  /** Ids already inserted, per column a row of this table may point to (a unit's parent). */
  private readonly seen = new Map<string, Set<unknown>>();
  /** Pointers to rows further down the file, set once the whole table is in. */
  private readonly patches: Patch[] = [];
  /** The insert's SQL per batch length, built once: building it for every batch costs a fifth of the time. */
  private readonly inserts = new Map<number, string>();

  constructor(
    private readonly db: AnyDb,
    private readonly dialect: DialectName,
    private readonly table: TableInfo,
    private readonly names: string[],
  ) {
    this.columns = names.map((n) => table.columns.find((c) => c.name === n) as ColumnInfo);
    for (const k of table.foreignKeys) if (k.table === table.name) this.seen.set(k.references, new Set());
  }

  async add(lineNo: number, row: unknown): Promise<void> {
    if (!Array.isArray(row) || row.length !== this.columns.length) {
      throw badLine(
        lineNo,
        text(
          `Dòng ${lineNo} (bảng ${this.table.name}) phải là một mảng ${this.columns.length} giá trị`,
          `Line ${lineNo} (table ${this.table.name}) must be an array of ${this.columns.length} values`,
        ),
      );
    }
    const values = row.map((v, i) => native(this.dialect, this.columns[i] as ColumnInfo, v));
    for (const [column, ids] of this.seen) ids.add(values[this.names.indexOf(column)]);
    for (const k of this.table.foreignKeys) {
      if (k.table !== this.table.name) continue;
      const i = this.names.indexOf(k.column);
      const value = values[i];
      if (value === null || this.seen.get(k.references)?.has(value)) continue;
      this.patches.push({
        key: this.table.primaryKey.map((c) => values[this.names.indexOf(c)]),
        column: k.column,
        value,
      });
      values[i] = null;
    }
    if (this.batch.length === 0) this.batchStart = lineNo;
    this.batch.push(values);
    this.rows++;
    if (this.batch.length >= batchSize(this.columns.length)) await this.flush(lineNo);
  }

  async flush(lineNo: number): Promise<void> {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    let insert = this.inserts.get(rows.length);
    if (!insert) {
      insert = sql`insert into ${sql.table(this.table.name)} (${sql.join(this.names.map((n) => sql.ref(n)))})
        values ${sql.join(rows.map((r) => sql`(${sql.join(r)})`))}`.compile(this.db).sql;
      this.inserts.set(rows.length, insert);
    }
    const params: unknown[] = [];
    for (const row of rows) for (const value of row) params.push(value);
    try {
      await this.db.executeQuery(CompiledQuery.raw(insert, params));
    } catch (error) {
      throw badLine(
        this.batchStart,
        text(
          `Không ghi được các dòng ${this.batchStart}–${lineNo} vào bảng ${this.table.name}: ${(error as Error).message}`,
          `Cannot write lines ${this.batchStart}–${lineNo} into table ${this.table.name}: ${(error as Error).message}`,
        ),
      );
    }
  }

  async finish(lineNo: number): Promise<void> {
    await this.flush(lineNo);
    for (const p of this.patches) {
      const match = sql.join(
        this.table.primaryKey.map((c, i) => sql`${sql.ref(c)} = ${p.key[i]}`),
        sql` and `,
      );
      await sql`update ${sql.table(this.table.name)} set ${sql.ref(p.column)} = ${p.value} where ${match}`.execute(
        this.db,
      );
    }
  }
}

function tableStart(lineNo: number, value: Record<string, unknown>, tables: Map<string, TableInfo>) {
  const table = tables.get(String(value.table));
  const names = value.columns;
  if (!table) {
    throw badLine(
      lineNo,
      text(
        `Dòng ${lineNo}: cơ sở dữ liệu đích không có bảng "${value.table}", hoặc bảng này có hai lần trong tệp`,
        `Line ${lineNo}: the target database has no table "${value.table}", or the table comes twice`,
      ),
    );
  }
  const expected = table.columns.map((c) => c.name);
  const same =
    Array.isArray(names) && names.length === expected.length && expected.every((n) => names.includes(n));
  if (!same) {
    throw badLine(
      lineNo,
      text(
        `Dòng ${lineNo}: các cột của bảng ${table.name} trong tệp khác với cơ sở dữ liệu đích (cần ${expected.join(', ')})`,
        `Line ${lineNo}: the columns of table ${table.name} differ from the target database (expected ${expected.join(', ')})`,
      ),
    );
  }
  tables.delete(table.name);
  return { table, names: names as string[] };
}

/**
 * Loads a file written by exportAll into an empty, migrated store of the same schema version,
 * in one transaction: any problem (a bad line, a missing end, a broken reference) leaves the
 * database as empty as it was. Ids are kept, so every reference between rows holds.
 */
export async function importAll(store: Store, input: NodeJS.ReadableStream): Promise<Transferred> {
  const lines = parsedLines(input);
  const result = await loadAll(store, lines).finally(() => lines.return(undefined));
  // New rows need statistics before the planner trusts the indexes.
  await sql`analyze`.execute(store.db);
  return result;
}

function loadAll(store: Store, lines: AsyncGenerator<[number, unknown]>): Promise<Transferred> {
  return store.db.transaction().execute(async (t) => {
    const db = t as unknown as AnyDb;
    const described = await describeTables(db, store.dialect);
    checkHeader((await lines.next()).value || undefined, await schemaVersion(db));
    await refuseData(store, db, described);
    const pending = new Map(described.map((d) => [d.name, d]));
    let load: TableLoad | null = null;
    let tables = 0;
    let rows = 0;
    let lastLine = 1;
    for await (const [lineNo, value] of lines) {
      lastLine = lineNo;
      if (Array.isArray(value) && load) {
        await load.add(lineNo, value);
        continue;
      }
      await load?.finish(lineNo - 1);
      rows += load?.rows ?? 0;
      load = null;
      if (isObject(value) && typeof value.table === 'string') {
        const { table, names } = tableStart(lineNo, value, pending);
        load = new TableLoad(db, store.dialect, table, names);
        tables++;
      } else if (isObject(value) && value.end === true) {
        checkEnd(lineNo, value, { tables, rows }, pending);
        if (store.dialect === 'postgres') await moveSequences(db, described);
        return { tables, rows };
      } else {
        throw badLine(
          lineNo,
          text(`Dòng ${lineNo} không thuộc bảng nào`, `Line ${lineNo} belongs to no table`),
        );
      }
    }
    throw badLine(
      lastLine,
      text(
        'Tệp bị cắt ngang (thiếu dòng kết thúc); không có gì được ghi',
        'The file is cut short (no end line); nothing was written',
      ),
    );
  });
}

function checkEnd(
  lineNo: number,
  end: Record<string, unknown>,
  read: Transferred,
  missing: Map<string, TableInfo>,
): void {
  if (end.tables !== read.tables || end.rows !== read.rows || missing.size > 0) {
    throw badLine(
      lineNo,
      text(
        `Tệp không đầy đủ: dòng kết thúc ghi ${end.tables} bảng, ${end.rows} dòng, đọc được ${read.tables} bảng, ${read.rows} dòng${missing.size ? `; thiếu bảng ${[...missing.keys()].join(', ')}` : ''}`,
        `The file is incomplete: its end line says ${end.tables} tables, ${end.rows} rows, read ${read.tables} tables, ${read.rows} rows${missing.size ? `; missing ${[...missing.keys()].join(', ')}` : ''}`,
      ),
    );
  }
}

/** Inserting explicit ids leaves PostgreSQL's sequences behind: the next new row would collide. */
async function moveSequences(db: AnyDb, tables: TableInfo[]): Promise<void> {
  for (const t of tables) {
    for (const c of t.columns.filter((col) => col.sequenced)) {
      await sql`select setval(pg_get_serial_sequence(quote_ident(${t.name}), ${c.name}),
        coalesce(max(${sql.ref(c.name)}), 0) + 1, false) from ${sql.table(t.name)}`.execute(db);
    }
  }
}
