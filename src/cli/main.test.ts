import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../store/connect.js';
import { tiendo } from './test-run.js';

describe('tiendo command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-cli-'));
  const db = join(dir, 'demo.db');

  beforeAll(async () => {
    expect((await tiendo('init', '--db', db)).code).toBe(0);
    expect((await tiendo('demo', '--db', db)).code).toBe(0);
  });

  it('loads the demo once: a second run says so and changes nothing', async () => {
    const again = await tiendo('demo', '--db', db);
    expect(again).toMatchObject({ code: 0, out: expect.stringContaining('không thay đổi gì') });
  });

  it('prints the article’s figures as JSON', async () => {
    const r = await tiendo('progress', '--db', db, '--plan', 'bac-kan-2021', '--period', '2021-09', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ plan: 'bac-kan-2021', period: '2021-09', unit: 'tp-bac-kan' });
    const by = Object.fromEntries(json.indicators.map((i: { code: string }) => [i.code, i]));
    expect(by['ban-le']).toMatchObject({
      actual: 2404,
      basis: 'NQ',
      unit: 'tỷ đồng',
      kind: 'flow',
      direction: 'increase',
    });
    expect(by['ban-le'].percentOfTarget.toFixed(2)).toBe('73.96');
    expect(by['thu-ngan-sach'].actual).toBe(99.273);
    expect(Math.round(by['thu-ngan-sach'].percentOfTarget)).toBe(64);
    for (const code of ['thu-ngan-sach', 'giai-ngan', 'ket-nap-dang-vien']) {
      expect(['behind', 'at_risk']).toContain(by[code].status);
    }
  });

  it('prints a Vietnamese table by default and English with --lang en', async () => {
    const vi = await tiendo('progress', '--db', db, '--plan', 'bac-kan-2021', '--period', '2021-09');
    expect(vi.out).toContain('9 tháng năm 2021');
    expect(vi.out).toMatch(/Tổng mức bán lẻ.*2\.404\s+73,96%/);
    expect(vi.out).toMatch(/Thu ngân sách.*99,273\s+64,01%/);
    expect(vi.out).toContain('nguy cơ không đạt');
    const en = await tiendo(
      'progress',
      '--db',
      db,
      '--plan',
      'bac-kan-2021',
      '--period',
      '2021-09',
      '--lang',
      'en',
    );
    expect(en.out).toContain('at risk');
    expect(en.out).toContain('Indicator');
  });

  it('lists meetings and directives by status', async () => {
    const meetings = JSON.parse(
      (await tiendo('meetings', '--db', db, '--plan', 'bac-kan-2021', '--json')).out,
    );
    expect(meetings[0]).toMatchObject({ heldOn: '2021-10-06', sessionNumber: 6 });
    const late = await tiendo(
      'directives',
      '--db',
      db,
      '--meeting',
      String(meetings[0].id),
      '--status',
      'done_late',
    );
    expect(late.out).toContain('lịch sử đảng bộ');
    expect(late.out).toContain('hoàn thành quá hạn');
  });

  it.each([
    [['progress', '--plan', 'khong-co', '--period', '2021-09'], 'Không tìm thấy kế hoạch có mã "khong-co"'],
    [['progress', '--plan', 'bac-kan-2021', '--period', '2021-13'], 'kỳ báo cáo'],
    [
      ['progress', '--plan', 'bac-kan-2021', '--period', '2021-09', '--unit', 'khong-co'],
      'Không tìm thấy đơn vị',
    ],
  ])('refuses %j with a Vietnamese message and exit code 1', async (args, words) => {
    const r = await tiendo(...args, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain(words);
  });

  it('speaks English with --lang en', async () => {
    const r = await tiendo(
      'progress',
      '--db',
      db,
      '--plan',
      'khong-co',
      '--period',
      '2021-09',
      '--lang',
      'en',
    );
    expect(r.err).toContain('No plan with code "khong-co"');
  });

  it('refuses a file that is not a database, and a database from a newer version', async () => {
    const bogus = join(dir, 'bang-tinh.xlsx');
    writeFileSync(bogus, 'PK'.padEnd(4096, 'x'));
    const r = await tiendo('init', '--db', bogus);
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('không phải là cơ sở dữ liệu SQLite') });
    const newer = join(dir, 'newer.db');
    const store = await connect({ file: newer });
    await sql`insert into kysely_migration (name, timestamp) values ('9999-tuong-lai', '2099-01-01')`.execute(
      store.db,
    );
    await store.close();
    const r2 = await tiendo('demo', '--db', newer);
    expect(r2).toMatchObject({ code: 1, err: expect.stringContaining('phiên bản Tiến độ mới hơn') });
  });

  it('gives help on every command, and exit code 2 for a wrong option', async () => {
    for (const cmd of ['init', 'demo', 'progress', 'meetings', 'directives', 'start']) {
      const r = await tiendo(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain('--db');
    }
    expect((await tiendo('progress', '--khong-co')).code).toBe(2);
  });

  it('runs as bin/tiendo from the build', () => {
    const out = execFileSync('node', ['bin/tiendo', 'meetings', '--db', db], { encoding: 'utf8' });
    expect(out).toContain('06/10/2021');
  });
});
