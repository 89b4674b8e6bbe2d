import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tiendo } from './test-run.js';

// Sentences written for this test in the style of a conference report.
const REPORT =
  'Ngày 12/7/2021, Ban Thường vụ Thành ủy tổ chức hội nghị sơ kết 6 tháng đầu năm 2021. Đồng chí Nguyễn Văn An, Bí thư Thành ủy chủ trì hội nghị. ' +
  'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 1.630 tỷ đồng, bằng 50,15% NQ, tăng 6,2% so với cùng kỳ; thu ngân sách đạt 70,4 tỷ đồng, bằng 45,4% NQ.';

describe('tiendo extract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-extract-'));
  const db = join(dir, 'demo.db');
  const file = join(dir, 'bao-cao.txt');
  beforeAll(async () => {
    writeFileSync(file, REPORT);
    expect((await tiendo('demo', '--db', db)).code).toBe(0);
  });

  it('prints what it read as JSON and as a table', async () => {
    const json = JSON.parse((await tiendo('extract', file, '--json')).out);
    expect(json).toMatchObject({
      period: '6 tháng 2021',
      meeting: { date: '2021-07-12', chair: 'Nguyễn Văn An' },
    });
    expect(json.figures[0]).toMatchObject({
      value: 1630,
      unit: 'tỷ đồng',
      percentOfTarget: 50.15,
      targetBasis: 'NQ',
      changeVsSamePeriodPct: 6.2,
    });
    const table = (await tiendo('extract', file)).out;
    expect(table).toContain('6 tháng 2021');
    expect(table).toMatch(/1\.630\s+tỷ đồng\s+50,15%/);
  });

  it('reads JSON lines in order, one result per line', async () => {
    const lines = join(dir, 'lines.jsonl');
    writeFileSync(
      lines,
      [
        JSON.stringify({ text: REPORT }),
        JSON.stringify({ text: '' }),
        JSON.stringify({ text: 'Không có số liệu nào.' }),
      ].join('\n'),
    );
    const out = (await tiendo('extract', '--jsonl', lines)).out.split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].figures).toHaveLength(2);
    expect(out[1].figures).toEqual([]);
    expect(out[2]).toMatchObject({ figures: [], period: null });
  });

  it('shows the matches, records them only with --apply --yes, and not twice', async () => {
    const dry = await tiendo('extract', file, '--db', db, '--plan', 'bac-kan-2021', '--period', '2021-06');
    expect(dry.out).toContain('Tổng mức bán lẻ hàng hóa');
    // The demo has every month to September, so June is not new: nothing would be recorded.
    expect(dry.out).toContain('đã có số liệu');
    const unconfirmed = await tiendo(
      'extract',
      file,
      '--db',
      db,
      '--plan',
      'bac-kan-2021',
      '--period',
      '2021-06',
      '--apply',
    );
    expect(unconfirmed).toMatchObject({ code: 1, err: expect.stringContaining('--yes') });
    const progress = JSON.parse(
      (await tiendo('progress', '--db', db, '--plan', 'bac-kan-2021', '--period', '2021-06', '--json')).out,
    );
    const retail = progress.indicators.find((i: { code: string }) => i.code === 'ban-le');
    expect(retail.actual).not.toBe(1630);
    const october = join(dir, 'thang-10.txt');
    writeFileSync(
      october,
      'Lũy kế 10 tháng năm 2021, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 2.690 tỷ đồng, bằng 82,76% NQ.',
    );
    const args = [
      'extract',
      october,
      '--db',
      db,
      '--plan',
      'bac-kan-2021',
      '--period',
      '2021-10',
      '--apply',
      '--yes',
    ];
    expect((await tiendo(...args)).out).toContain('Đã ghi 1 số liệu');
    expect((await tiendo(...args)).out).toContain('Đã ghi 0 số liệu');
    const after = JSON.parse(
      (await tiendo('progress', '--db', db, '--plan', 'bac-kan-2021', '--period', '2021-10', '--json')).out,
    );
    expect(after.indicators.find((i: { code: string }) => i.code === 'ban-le').actual).toBe(2690);
  });

  it('needs a period with a plan', async () => {
    const r = await tiendo('extract', file, '--db', db, '--plan', 'bac-kan-2021');
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('--period') });
  });
});
