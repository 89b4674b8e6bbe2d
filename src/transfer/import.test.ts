import { expect, it } from 'vitest';
import { countAudit } from '../audit/audit.repo.js';
import { InvalidError } from '../errors.js';
import { figureHistory } from '../figures/figures.service.js';
import { listTargets } from '../plans/plans.repo.js';
import { requirePlan } from '../plans/plans.service.js';
import { lockPeriod } from '../reporting/locks.js';
import { makePlan, makeTree, testContext } from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { MB } from './file-errors.js';
import { importFigures, importTargets } from './import.service.js';
import { memoryFile, xlsxBuffer, zipWith } from './test-files.js';

describeStores('transfer import', (store) => {
  async function setup() {
    const ctx = testContext(store());
    const t = await makeTree(ctx, 2);
    const { plan, indicators } = await makePlan(ctx, t.city, [
      { target: 100 },
      { kind: 'level', measureUnit: '%' },
    ]);
    return { ctx, t, plan, flow: indicators[0] as string, level: indicators[1] as string };
  }
  const count = async () =>
    Number(
      (
        await store()
          .db.selectFrom('figures')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('records a real-world CSV, leaves an identical re-import alone and records a correction as a revision', async () => {
    const { ctx, t, plan, flow, level } = await setup();
    const [w1, w2] = t.wards as [string, string];
    const csv = [
      '\ufeffBÁO CÁO SỐ LIỆU THÁNG 9 NĂM 2021;;;;;',
      ';;;;;',
      'Mã đơn vị;Mã chỉ tiêu;Tháng;Giá trị;ĐVT;Lũy kế;Tình trạng;Cột thêm',
      `${w1};${flow};09/2021;2.404;;không;ước;x`,
      `${w2};${flow};tháng 9/2021;99.273;triệu đồng;;chính thức;y`,
      `${w1};${flow};2021-09;"3.800,5";;có;;`,
      '',
      `${w1};${level};2021-09;73,96;%;;chính thức;`,
      `${w2};${level};2021-09;;;;;`,
    ].join('\r\n');
    const file = memoryFile(csv);
    const first = await importFigures(ctx, file, { planCode: plan, period: '2021-09' });
    expect(first).toMatchObject({
      format: 'csv',
      recorded: 4,
      corrected: 0,
      unchanged: 0,
      blank: 1,
      problemCount: 0,
    });
    const key = { planCode: plan, indicatorCode: flow, unitCode: w2, period: '2021-09' };
    expect((await figureHistory(ctx, key))[0]).toMatchObject({
      value: 99.273, // "99.273" triệu đồng is 99,273 million: 99.273 tỷ đồng
      status: 'official',
      source: 'import',
      sourceRef: 'so-lieu.csv',
    });
    const cumulative = await figureHistory(ctx, { ...key, unitCode: w1, cumulative: true });
    expect(cumulative[0]?.value).toBe(3800.5);

    const again = await importFigures(ctx, file, { planCode: plan, period: '2021-09' });
    expect(again).toMatchObject({ recorded: 0, corrected: 0, unchanged: 4 });

    const fixed = memoryFile(csv.replace('2.404;', '2.405;'));
    expect(await importFigures(ctx, fixed, { planCode: plan })).toMatchObject({ corrected: 1, unchanged: 3 });
    const history = await figureHistory(ctx, { ...key, unitCode: w1 });
    expect(history.map((f) => [f.revision, f.value, f.isCurrent])).toEqual([
      [2, 2405, true],
      [1, 2404, false],
    ]);
  });

  it('dry run: counts what would happen and writes nothing', async () => {
    const { ctx, t, plan, flow } = await setup();
    const csv = `Mã đơn vị,Mã chỉ tiêu,Kỳ,Giá trị\n${t.city},${flow},2021-08,12\n`;
    const before = [await count(), await countAudit(store().db)];
    const result = await importFigures(ctx, memoryFile(csv), { planCode: plan, dryRun: true });
    expect(result).toMatchObject({ dryRun: true, recorded: 1, problemCount: 0 });
    expect([await count(), await countAudit(store().db)]).toEqual(before);
  });

  it('reports every problem by row, column, value and reason, and writes nothing', async () => {
    const { ctx, t, plan, flow, level } = await setup();
    const other = await makeTree(ctx, 0);
    const [w1, w2] = t.wards as [string, string];
    const lines = [
      'Mã đơn vị,Mã chỉ tiêu,Kỳ,Giá trị,Lũy kế',
      `${w1},${flow},2021-09,abc,`, // 2: not a number
      `${w1},${flow},13/2021,5,`, // 3: not a period
      `KHONG-CO,${flow},2021-09,5,`, // 4: unknown unit
      `${w1},CT-LA,2021-09,5,`, // 5: unknown indicator
      `${w2},${flow},2021-09,5,`, // 6: fine
      `${w2},${flow},2021-09,6,`, // 7: duplicate of 6
      `${other.city},${flow},2021-09,5,`, // 8: outside the plan
      `${w1},${level},2021-09,5,có`, // 9: a level has no cumulative
      `${w1},${flow},2021-09,5,có lẽ`, // 10: not yes/no
      `${w1},${flow},2021-08,5,`, // 11: another period than the one imported
    ];
    const before = await count();
    const file = memoryFile(lines.join('\n'));
    const report = await importFigures(ctx, file, { planCode: plan, period: '2021-09', dryRun: true });
    const byRow = Object.fromEntries(report.problems.map((p) => [p.row, p.message.vi]));
    expect(byRow).toEqual({
      2: 'Cột "Giá trị" = "abc": không phải là số',
      3: expect.stringMatching(/^Cột "Kỳ" = "13\/2021": không phải kỳ báo cáo/),
      4: 'Cột "Mã đơn vị" = "KHONG-CO": Không tìm thấy đơn vị có mã "KHONG-CO"',
      5: expect.stringMatching(/^Cột "Mã chỉ tiêu" = "CT-LA": Kế hoạch .* không có chỉ tiêu mã "CT-LA"/),
      7: expect.stringMatching(/Trùng với dòng 6/),
      8: expect.stringMatching(/^Cột "Mã đơn vị" = ".*": Đơn vị .* không thuộc phạm vi kế hoạch/),
      9: expect.stringMatching(/^Cột "Lũy kế" = "có": .*không có lũy kế/),
      10: 'Cột "Lũy kế" = "có lẽ": cần "có" hoặc "không"',
      11: 'Cột "Kỳ" = "2021-08": khác kỳ đang nhập (2021-09)',
    });
    expect(report).toMatchObject({ problemCount: 9, recorded: 1 });
    await expect(importFigures(ctx, file, { planCode: plan, period: '2021-09' })).rejects.toMatchObject({
      constructor: InvalidError,
      text: { vi: expect.stringMatching(/^9 lỗi; dòng 2: .*Chưa ghi số liệu nào\.$/) },
    });
    expect(await count()).toBe(before);
  });

  it('refuses a period that was locked after its review', async () => {
    const { ctx, t, plan, flow } = await setup();
    await lockPeriod(ctx, { planCode: plan, period: '2021-07' });
    const csv = `Mã đơn vị,Mã chỉ tiêu,Kỳ,Giá trị\n${t.city},${flow},2021-06,1\n${t.city},${flow},2021-07,2\n`;
    const before = await count();
    await expect(importFigures(ctx, memoryFile(csv), { planCode: plan })).rejects.toMatchObject({
      fields: [
        { row: 3, field: 'period', message: { vi: expect.stringMatching(/^Cột "Kỳ" = "2021-07": .*khóa/) } },
      ],
    });
    expect(await count()).toBe(before);
  });

  it('names a missing column, and refuses files that are not spreadsheets, too big or zip bombs', async () => {
    const { ctx, plan } = await setup();
    const opts = { planCode: plan, period: '2021-09' };
    await expect(
      importFigures(ctx, memoryFile('Đơn vị,Chỉ tiêu,Số tiền\nP,C,1\n'), opts),
    ).rejects.toMatchObject({
      fields: [{ field: 'value', message: { vi: expect.stringContaining('Thiếu cột "Giá trị"') } }],
    });
    const pdf = memoryFile(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'bao-cao.xlsx');
    await expect(importFigures(ctx, pdf, opts)).rejects.toMatchObject({
      text: { vi: 'Tệp "bao-cao.xlsx" là tệp PDF, không phải bảng tính XLSX hay CSV' },
    });
    const binary = memoryFile(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04]));
    await expect(importFigures(ctx, binary, opts)).rejects.toMatchObject({
      text: { vi: expect.stringContaining('không phải bảng tính') },
    });
    const limits = {
      maxFileBytes: 1 * MB,
      maxUnzippedBytes: 50 * MB,
      maxRatio: 100,
      ratioFloorBytes: 1 * MB,
    };
    const big = memoryFile(Buffer.alloc(2 * MB, 'a'));
    await expect(importFigures(ctx, big, { ...opts, limits })).rejects.toMatchObject({
      text: { vi: expect.stringContaining('vượt giới hạn 1 MB') },
    });
    // 64 MB of zeros deflate to ~64 KB: over the total, and far over the ratio.
    const zeros = Buffer.alloc(64 * MB);
    const honest = await zipWith('xl/worksheets/sheet1.xml', zeros);
    await expect(
      importFigures(ctx, memoryFile(honest, 'bom.xlsx'), { ...opts, limits }),
    ).rejects.toMatchObject({
      text: { vi: expect.stringContaining('giải nén ra') },
    });
    // The same bomb declaring a harmless size: caught while inflating, not trusted.
    const liar = await zipWith('xl/worksheets/sheet1.xml', zeros, 1000);
    await expect(importFigures(ctx, memoryFile(liar, 'bom.xlsx'), { ...opts, limits })).rejects.toMatchObject(
      {
        text: { vi: expect.stringContaining('nghi là "bom nén"') },
      },
    );
  });

  it('imports an XLSX with numbers as numbers and a merged two-line header', async () => {
    const { ctx, t, plan, flow } = await setup();
    const buffer = await xlsxBuffer((ws) => {
      ws.addRow(['SỐ LIỆU THÁNG 9']);
      ws.addRow(['Đơn vị', 'Chỉ tiêu', 'Số liệu', null, 'Ước/Chính thức']);
      ws.addRow([null, null, 'Tháng', 'Giá trị', null]);
      ws.mergeCells('A2:A3');
      ws.mergeCells('B2:B3');
      ws.mergeCells('C2:D2');
      ws.mergeCells('E2:E3');
      ws.addRow([t.city, flow, '2021-09', 1234.5678, 'chính thức']);
    });
    const result = await importFigures(ctx, memoryFile(buffer, 'so-lieu.xlsx'), { planCode: plan });
    expect(result).toMatchObject({ format: 'xlsx', recorded: 1 });
    const [f] = await figureHistory(ctx, {
      planCode: plan,
      indicatorCode: flow,
      unitCode: t.city,
      period: '2021-09',
    });
    expect(f).toMatchObject({ value: 1234.5678, status: 'official' });
  });

  it('imports targets: creates, leaves equal ones, updates a changed one, all or nothing', async () => {
    const { ctx, t, plan, flow, level } = await setup();
    const p = await requirePlan(store().db, plan);
    const csv = (value: string) =>
      `Mã chỉ tiêu;Mã đơn vị;Căn cứ;Giá trị;ĐVT\n${flow};;NQ;${value};\n${level};;dự toán;40;\n${flow};${t.wards[0]};KH;500;triệu đồng\n`;
    const first = await importTargets(ctx, memoryFile(csv('100')), { planCode: plan });
    expect(first).toMatchObject({ recorded: 2, unchanged: 1, problemCount: 0 });
    const second = await importTargets(ctx, memoryFile(csv('2.404')), { planCode: plan });
    expect(second).toMatchObject({ recorded: 0, corrected: 1, unchanged: 2 });
    const targets = await listTargets(store().db, p.id);
    expect(targets.map((x) => [x.basis, x.value]).sort()).toEqual([
      ['KH', 0.5],
      ['NQ', 2404],
      ['dự toán', 40],
    ]);
    const bad = `Mã chỉ tiêu;Căn cứ;Giá trị\n${flow};NQ;1\n${flow};nghị định;2\nKHONG;NQ;3\n`;
    const before = await listTargets(store().db, p.id);
    await expect(importTargets(ctx, memoryFile(bad), { planCode: plan })).rejects.toMatchObject({
      fields: [
        { row: 3, field: 'basis', message: { vi: expect.stringContaining('Cột "Căn cứ" = "nghị định"') } },
        { row: 4, field: 'indicatorCode' },
      ],
    });
    expect(await listTargets(store().db, p.id)).toEqual(before);
  });
});
