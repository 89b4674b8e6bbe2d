import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { ServiceContext } from '../context.js';
import { listSubtreeFigures } from '../figures/figures.repo.js';
import { recordFigures } from '../figures/figures.service.js';
import { listPlanIndicators, listTargets } from '../plans/plans.repo.js';
import {
  createIndicator,
  createPlan,
  includeIndicator,
  requirePlan,
  setTarget,
} from '../plans/plans.service.js';
import type { Store } from '../store/connect.js';
import { testContext } from '../test/factories.js';
import { createTestStore, describeStores } from '../test/stores.js';
import { findUnitByCode, type Unit } from '../units/units.repo.js';
import { createUnit } from '../units/units.service.js';
import { importFigures, importTargets } from './import.service.js';
import { toBuffer } from './sheet-writer.js';
import { figuresSheet, type SheetFormat, targetsSheet, writeSheet } from './sheets.service.js';
import { memoryFile } from './test-files.js';

const PLAN = 'rt-2021';

/** The same units, plan and indicators in any store, with fixed codes. */
async function world(ctx: ServiceContext) {
  await createUnit(ctx, { code: 'rt-tinh', name: 'Tỉnh Khứ Hồi', level: 'tinh' });
  await createUnit(ctx, {
    code: 'rt-tp',
    name: 'Thành phố "Khứ Hồi"',
    level: 'thanh_pho',
    parentCode: 'rt-tinh',
  });
  for (const w of ['rt-p1', 'rt-p2']) {
    await createUnit(ctx, { code: w, name: `=Phường ${w}`, level: 'phuong', parentCode: 'rt-tp' });
  }
  await createPlan(ctx, {
    code: PLAN,
    name: 'Kế hoạch; khứ hồi',
    year: 2021,
    unitCode: 'rt-tp',
    issuingBody: 'Thành ủy',
  });
  const specs = [
    { code: 'rt-thu', measureUnit: 'tỷ đồng', kind: 'flow' as const },
    {
      code: 'rt-ngheo',
      measureUnit: '%',
      kind: 'level' as const,
      direction: 'decrease' as const,
      allowNegative: true,
    },
  ];
  for (const s of specs) {
    await createIndicator(ctx, { ...s, name: `+Chỉ tiêu ${s.code}`, ownerUnitCode: 'rt-tp' });
    await includeIndicator(ctx, { planCode: PLAN, indicatorCode: s.code });
  }
}

async function data(ctx: ServiceContext) {
  const f = (unitCode: string, indicatorCode: string, value: number, extra = {}) => ({
    planCode: PLAN,
    indicatorCode,
    unitCode,
    period: '2021-09',
    value,
    ...extra,
  });
  await recordFigures(ctx, [
    f('rt-tp', 'rt-thu', 2404, { status: 'official', note: '=HYPERLINK("http://x";"bấm")' }),
    f('rt-tp', 'rt-thu', 3800019.25, { cumulative: true, note: '-ghi chú; có "ngoặc"\nhai dòng' }),
    f('rt-p1', 'rt-thu', 99.273, { note: '@sum' }),
    f('rt-p2', 'rt-thu', 0.000001),
    f('rt-p1', 'rt-ngheo', -1.5, { status: 'official' }),
    f('rt-p2', 'rt-ngheo', 73.96),
  ]);
  await setTarget(ctx, { planCode: PLAN, indicatorCode: 'rt-thu', basis: 'NQ', value: 3250.5 });
  await setTarget(ctx, {
    planCode: PLAN,
    indicatorCode: 'rt-thu',
    basis: 'dự toán',
    issuingBody: 'HĐND tỉnh',
    value: 3000,
  });
  await setTarget(ctx, {
    planCode: PLAN,
    indicatorCode: 'rt-ngheo',
    unitCode: 'rt-p1',
    basis: 'KH',
    value: 1.2,
  });
}

/** Everything an import may set, without ids, times or who. */
async function snapshot(store: Store) {
  const db = store.db;
  const plan = await requirePlan(db, PLAN);
  const city = (await findUnitByCode(db, 'rt-tp')) as Unit;
  const indicators = await listPlanIndicators(db, plan.id);
  const figures = await listSubtreeFigures(db, {
    indicatorIds: indicators.map((i) => i.id),
    unitPath: city.path,
    year: 2021,
    month: 9,
  });
  const targets = await listTargets(db, plan.id);
  const code = (id: number) => indicators.find((i) => i.id === id)?.code;
  return {
    figures: figures.map((x) => [
      x.unitCode,
      x.indicatorCode,
      x.cumulative,
      x.value,
      x.status,
      x.note,
      x.revision,
    ]),
    targets: targets.map((t) => [code(t.indicatorId), t.basis, t.issuingBody, t.value]).sort(),
  };
}

describeStores('export → import round trip', (store) => {
  for (const format of ['xlsx', 'csv'] as SheetFormat[]) {
    it(`gives identical figures and targets through ${format.toUpperCase()}`, async () => {
      const ctx = testContext(store());
      if (!(await findUnitByCode(store().db, 'rt-tp'))) {
        await world(ctx);
        await data(ctx);
      }
      const query = { planCode: PLAN, period: '2021-09' };
      const figures = await toBuffer(async (out) =>
        writeSheet(await figuresSheet(ctx, query, 'export'), format, out),
      );
      const targets = await toBuffer(async (out) =>
        writeSheet(await targetsSheet(ctx, query, 'export'), format, out),
      );
      const other = await createTestStore(store().dialect);
      try {
        const there = testContext(other);
        await world(there);
        const a = await importFigures(there, memoryFile(figures, `so-lieu.${format}`), {
          planCode: PLAN,
          period: '2021-09',
        });
        expect(a).toMatchObject({ recorded: 6, problemCount: 0 });
        expect(
          await importTargets(there, memoryFile(targets, `chi-tieu.${format}`), { planCode: PLAN }),
        ).toMatchObject({
          recorded: 3,
          problemCount: 0,
        });
        expect(await snapshot(other)).toEqual(await snapshot(store()));
        // And back home, the same file changes nothing.
        const home = await importFigures(ctx, memoryFile(figures, `so-lieu.${format}`), { planCode: PLAN });
        expect(home).toMatchObject({ recorded: 0, corrected: 0, unchanged: 6 });
      } finally {
        await other.close();
      }
    });
  }

  it('neutralises formulas in exported text while numbers stay numbers', async () => {
    const ctx = testContext(store());
    if (!(await findUnitByCode(store().db, 'rt-tp'))) {
      await world(ctx);
      await data(ctx);
    }
    const query = { planCode: PLAN, period: '2021-09' };
    const csv = (
      await toBuffer(async (out) => writeSheet(await figuresSheet(ctx, query, 'export'), 'csv', out))
    ).toString('utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain(
      `rt-p1;'=Phường rt-p1;rt-thu;'+Chỉ tiêu rt-thu;tỷ đồng;2021-09;không;99,273;ước;'@sum\r\n`,
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"";""bấm"")"`);
    expect(csv).toContain(';-1,5;chính thức;');
    const xlsx = await toBuffer(async (out) =>
      writeSheet(await figuresSheet(ctx, query, 'export'), 'xlsx', out),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const cells: unknown[] = [];
    ws.eachRow((row) => {
      row.eachCell((c) => {
        cells.push(c.value);
      });
    });
    expect(cells.filter((v) => typeof v === 'object' && v !== null && 'formula' in v)).toEqual([]);
    expect(cells).toContain('\'=HYPERLINK("http://x";"bấm")');
    expect(cells).toContain(-1.5);
    expect(cells).toContain(3800019.25);
  });
});
