import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../context.js';
import { connect } from '../../store/connect.js';
import { importWorld, writeFiguresCsv } from '../../transfer/test-world.js';
import { tiendo } from '../test-run.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('tiendo template / import / export', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tiendo-transfer-'));
    db = join(dir, 'tiendo.db');
    expect((await tiendo('demo', '--db', db)).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a template that imports back once filled in, with a dry run first', async () => {
    const template = join(dir, 'mau.xlsx');
    const made = await tiendo(
      'template',
      'figures',
      '--plan',
      'bac-kan-2021',
      '--period',
      '2021-12',
      '--unit',
      'bk-duc-xuan',
      '--out',
      template,
      '--db',
      db,
    );
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain(`Đã ghi ${template}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.getWorksheet('Số liệu') as ExcelJS.Worksheet;
    const valueCol = (ws.getRow(5).values as unknown[]).indexOf('Giá trị');
    ws.getCell(6, valueCol).value = 1234.5;
    ws.getCell(7, valueCol).value = '2.404';
    await wb.xlsx.writeFile(template);

    const dry = await tiendo(
      'import',
      'figures',
      template,
      '--plan',
      'bac-kan-2021',
      '--dry-run',
      '--db',
      db,
    );
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(
      /^Chạy thử \(không ghi gì\): đọc \d+ dòng XLSX: ghi mới 2, sửa 0 \(thành bản ghi mới\), không đổi 0, để trống \d+, lỗi 0\.$/,
    );
    const done = await tiendo('import', 'figures', template, '--plan', 'bac-kan-2021', '--db', db);
    expect(done.out).toContain('ghi mới 2,');
    const again = await tiendo(
      'import',
      'figures',
      template,
      '--plan',
      'bac-kan-2021',
      '--db',
      db,
      '--lang',
      'en',
    );
    expect(again.out).toContain('recorded 0, corrected 0 (as new revisions), unchanged 2');
  });

  it('fails a dry run with problems, listing each row in Vietnamese', async () => {
    const csv = join(dir, 'sai.csv');
    writeFileSync(csv, 'Mã đơn vị;Mã chỉ tiêu;Kỳ;Giá trị\nbk-duc-xuan;viec-lam;2021-12;mười\n');
    const r = await tiendo('import', 'figures', csv, '--plan', 'bac-kan-2021', '--dry-run', '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('dòng 2: Cột "Giá trị" = "mười": không phải là số');
    expect(r.err).toContain('Lỗi: Tệp có 1 lỗi; chưa ghi gì.');
  });

  it('exports progress, figures, a plan and everything', async () => {
    const progress = join(dir, 'tien-do.csv');
    expect(
      (
        await tiendo(
          'export',
          'progress',
          '--plan',
          'bac-kan-2021',
          '--period',
          '2021-09',
          '--out',
          progress,
          '--db',
          db,
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(progress, 'utf8')).toMatch(/^\ufeffTIẾN ĐỘ THỰC HIỆN CHỈ TIÊU 9 THÁNG/);
    const figures = join(dir, 'so-lieu.xlsx');
    expect(
      (
        await tiendo(
          'export',
          'figures',
          '--plan',
          'bac-kan-2021',
          '--period',
          '2021-09',
          '--out',
          figures,
          '--db',
          db,
        )
      ).code,
    ).toBe(0);
    const back = await tiendo(
      'import',
      'figures',
      figures,
      '--plan',
      'bac-kan-2021',
      '--dry-run',
      '--db',
      db,
    );
    expect(back.out).toMatch(/ghi mới 0, sửa 0 \(thành bản ghi mới\), không đổi [1-9]\d*, để trống 0, lỗi 0/);
    const plan = join(dir, 'ke-hoach.json');
    expect((await tiendo('export', 'plan', '--plan', 'bac-kan-2021', '--out', plan, '--db', db)).code).toBe(
      0,
    );
    expect(JSON.parse(readFileSync(plan, 'utf8'))).toMatchObject({ plan: { code: 'bac-kan-2021' } });
    const wrong = await tiendo(
      'export',
      'figures',
      '--plan',
      'bac-kan-2021',
      '--period',
      '2021-09',
      '--out',
      join(dir, 'x.pdf'),
      '--db',
      db,
    );
    expect(wrong.err).toContain('Cần --out là tệp .xlsx, .csv');
    const all = join(dir, 'tat-ca.ndjson');
    const exported = await tiendo('export', '--all', '--out', all, '--db', db);
    expect(exported.code, exported.err).toBe(0);
    const copy = join(dir, 'ban-sao.db');
    const imported = await tiendo('import', '--all', all, '--db', copy);
    expect(imported.code, imported.err).toBe(0);
    const count = (file: string) =>
      (
        new Database(file, { readonly: true }).prepare('select count(*) as n from figures').get() as {
          n: number;
        }
      ).n;
    expect(count(copy)).toBe(count(db));
  });
});

describe('an import killed half-way', () => {
  const bin = join(ROOT, 'bin', 'tiendo');
  it('leaves the database as it was, and usable', async () => {
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js')), 'run "npm run build" first').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-kill-'));
    try {
      const file = join(dir, 'tiendo.db');
      const store = await connect({ file });
      const world = await importWorld(systemContext(store), 200, 50);
      await store.close();
      const csv = join(dir, 'lon.csv');
      await writeFiguresCsv(csv, world, 300_000);
      const counts = () => {
        const s = new Database(file);
        const n = (t: string) => (s.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
        const out = {
          figures: n('figures'),
          audit: n('audit_log'),
          check: s.pragma('integrity_check', { simple: true }),
        };
        s.close();
        return out;
      };
      const before = counts();
      const child = spawn(
        process.execPath,
        [bin, 'import', 'figures', csv, '--plan', world.plan, '--db', file],
        {
          stdio: 'ignore',
        },
      );
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_c, signal) => resolve(signal)),
      );
      // Killed once the transaction has written megabytes to the write-ahead log: mid-import.
      const wal = `${file}-wal`;
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && !(existsSync(wal) && statSync(wal).size > 8 * 1024 * 1024)) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(child.exitCode, 'the import ended before it could be killed').toBeNull();
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(counts()).toEqual({ ...before, check: 'ok' });
      const small = join(dir, 'nho.csv');
      await writeFiguresCsv(small, world, 10);
      expect((await tiendo('import', 'figures', small, '--plan', world.plan, '--db', file)).out).toContain(
        'ghi mới 10,',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
