import type { Writable } from 'node:stream';
import * as z from 'zod';
import type { ServiceContext } from '../context.js';
import { PROGRESS_STATUS_LABELS } from '../core/labels.js';
import { parseMonthKey } from '../core/periods.js';
import { invalidField } from '../errors.js';
import { listSubtreeFigures, type PeriodFigure } from '../figures/figures.repo.js';
import { text } from '../i18n.js';
import { listPlanIndicators, listTargets, type Plan, type PlanIndicator } from '../plans/plans.repo.js';
import { TARGET_BASES } from '../plans/plans.schema.js';
import { getPlanDetail, type PlanDetail, requirePlan } from '../plans/plans.service.js';
import { progressFor } from '../progress/progress.service.js';
import { findUnitById, findUnitsByIds, listSubtree, type Unit } from '../units/units.repo.js';
import { getUnit, unitValidInMonth } from '../units/units.service.js';
import { codeSchema, monthKeySchema, parseInput } from '../validation.js';
import type { Cell } from './cells.js';
import { FIGURE_COLUMNS } from './figure-columns.js';
import { type OutColumn, type OutTable, writeCsv, writeXlsx } from './sheet-writer.js';
import { TARGET_COLUMNS } from './target-columns.js';
import { STATUS_WORDS } from './values.js';

export const sheetQuerySchema = z
  .object({
    planCode: codeSchema,
    period: monthKeySchema.optional(),
    /** Default: the plan's unit; its whole subtree is included. */
    unitCode: codeSchema.optional(),
  })
  .strict();
export type SheetQuery = z.input<typeof sheetQuerySchema>;

export type SheetKind = 'figures' | 'targets' | 'progress';
export type SheetFormat = 'xlsx' | 'csv';

/** A table ready to write, and the Vietnamese file name it is offered under. */
export interface Sheet {
  table: OutTable;
  fileName: string;
}

interface Scope {
  plan: Plan;
  unit: Unit;
  indicators: PlanIndicator[];
  period?: { key: string; year: number; month: number };
}

async function scope(ctx: ServiceContext, query: SheetQuery, needPeriod: boolean): Promise<Scope> {
  const q = parseInput(sheetQuerySchema, query);
  const db = ctx.store.db;
  const plan = await requirePlan(db, q.planCode);
  const unit = q.unitCode ? await getUnit(ctx, q.unitCode) : ((await findUnitById(db, plan.unitId)) as Unit);
  if (needPeriod && !q.period) {
    throw invalidField('period', text('Cần chọn kỳ báo cáo (YYYY-MM)', 'A period (YYYY-MM) is required'));
  }
  const indicators = await listPlanIndicators(db, plan.id);
  return {
    plan,
    unit,
    indicators,
    ...(q.period ? { period: { key: q.period, ...parseMonthKey(q.period) } } : {}),
  };
}

const label = (field: string, columns: readonly { field: string; label: { vi: string } }[]) =>
  columns.find((c) => c.field === field)?.label.vi ?? field;
const fig = (field: string) => label(field, FIGURE_COLUMNS);

const YES_NO = ['có', 'không'];
const STATUSES = [STATUS_WORDS.estimate, STATUS_WORDS.official];

function figureRow(unit: Unit, indicator: PlanIndicator, period: string, f?: PeriodFigure): Cell[] {
  return [
    unit.code,
    unit.name,
    indicator.code,
    indicator.name,
    indicator.measureUnit,
    period,
    f?.cumulative ? 'có' : 'không',
    f ? f.value : '',
    f ? STATUS_WORDS[f.status] : '',
    f?.note ?? '',
  ];
}

/**
 * The figures of a month for the unit and the units below it. As a template it has a line for
 * every unit × indicator (blank where nothing is recorded yet); as an export, the current
 * figures only. Either imports back to the same data.
 */
export async function figuresSheet(
  ctx: ServiceContext,
  query: SheetQuery,
  mode: 'template' | 'export',
): Promise<Sheet> {
  const s = await scope(ctx, query, true);
  const period = s.period as NonNullable<Scope['period']>;
  const db = ctx.store.db;
  const units = (await listSubtree(db, s.unit)).filter((u) => unitValidInMonth(u, period.year, period.month));
  const figures = await listSubtreeFigures(db, {
    indicatorIds: s.indicators.map((i) => i.id),
    unitPath: s.unit.path,
    year: period.year,
    month: period.month,
  });
  const byKey = new Map<string, PeriodFigure[]>();
  for (const f of figures) {
    const key = `${f.unitId}:${f.indicatorId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  function* rows(): Generator<Cell[]> {
    for (const unit of units) {
      for (const indicator of s.indicators) {
        const stored = byKey.get(`${unit.id}:${indicator.id}`) ?? [];
        if (mode === 'template' && !stored.some((f) => !f.cumulative)) {
          yield figureRow(unit, indicator, period.key);
        }
        for (const f of stored) yield figureRow(unit, indicator, period.key, f);
      }
    }
  }
  const columns: OutColumn[] = [
    { header: fig('unitCode'), width: 16, list: units.map((u) => u.code) },
    { header: 'Tên đơn vị', width: 28 },
    { header: fig('indicatorCode'), width: 16, list: s.indicators.map((i) => i.code) },
    { header: 'Tên chỉ tiêu', width: 48 },
    { header: fig('measureUnit'), width: 14 },
    { header: fig('period'), width: 10 },
    { header: fig('cumulative'), width: 9, list: YES_NO },
    { header: fig('value'), width: 16, decimals: 2 },
    { header: fig('status'), width: 13, list: STATUSES },
    { header: fig('note'), width: 30 },
  ];
  const monthLabel = `tháng ${period.month}/${period.year}`;
  const title = [
    `${mode === 'template' ? 'MẪU NHẬP SỐ LIỆU' : 'SỐ LIỆU'} ${monthLabel.toUpperCase()}`,
    `Kế hoạch: ${s.plan.code} – ${s.plan.name}; đơn vị: ${s.unit.name}`,
    ...(mode === 'template'
      ? [
          'Điền cột "Giá trị" (2.404 hoặc 99,273); để trống nếu chưa có số liệu. "Tình trạng": ước hoặc chính thức. "Lũy kế": có nếu là số cộng dồn từ đầu năm.',
        ]
      : []),
  ];
  const name = mode === 'template' ? 'Mẫu nhập số liệu' : 'Số liệu';
  return {
    table: { sheetName: 'Số liệu', title, columns, rows: rows(), spareRows: mode === 'template' ? 200 : 0 },
    fileName: `${name} ${s.plan.code} ${period.key}`,
  };
}

/** The targets of a plan; as a template, a blank line for each indicator that has none. */
export async function targetsSheet(
  ctx: ServiceContext,
  query: SheetQuery,
  mode: 'template' | 'export',
): Promise<Sheet> {
  const s = await scope(ctx, query, false);
  const db = ctx.store.db;
  const targets = await listTargets(db, s.plan.id);
  const units = await findUnitsByIds(db, [...new Set([s.plan.unitId, ...targets.map((t) => t.unitId)])]);
  const unitCode = (id: number) => units.find((u) => u.id === id)?.code ?? '';
  function* rows(): Generator<Cell[]> {
    for (const i of s.indicators) {
      const own = targets.filter((t) => t.indicatorId === i.id);
      if (mode === 'template' && own.length === 0) {
        yield [
          i.code,
          i.name,
          unitCode(s.plan.unitId),
          s.plan.defaultBasis,
          s.plan.issuingBody,
          '',
          i.measureUnit,
        ];
      }
      for (const t of own)
        yield [i.code, i.name, unitCode(t.unitId), t.basis, t.issuingBody, t.value, i.measureUnit];
    }
  }
  const tgt = (field: string) => label(field, TARGET_COLUMNS);
  const columns: OutColumn[] = [
    { header: tgt('indicatorCode'), width: 16, list: s.indicators.map((i) => i.code) },
    { header: 'Tên chỉ tiêu', width: 48 },
    { header: tgt('unitCode'), width: 16 },
    { header: tgt('basis'), width: 12, list: TARGET_BASES },
    { header: tgt('issuingBody'), width: 24 },
    { header: tgt('value'), width: 16, decimals: 2 },
    { header: tgt('measureUnit'), width: 14 },
  ];
  const title = [
    `${mode === 'template' ? 'MẪU NHẬP CHỈ TIÊU KẾ HOẠCH' : 'CHỈ TIÊU KẾ HOẠCH'} NĂM ${s.plan.year}`,
    `Kế hoạch: ${s.plan.code} – ${s.plan.name}${s.plan.documentNumber ? ` (${s.plan.documentNumber})` : ''}`,
  ];
  return {
    table: { sheetName: 'Chỉ tiêu', title, columns, rows: rows(), spareRows: mode === 'template' ? 100 : 0 },
    fileName: `${mode === 'template' ? 'Mẫu nhập chỉ tiêu' : 'Chỉ tiêu'} ${s.plan.code}`,
  };
}

/** The progress table of a plan through a month, numbers unrounded. */
export async function progressSheet(ctx: ServiceContext, query: SheetQuery): Promise<Sheet> {
  const s = await scope(ctx, query, true);
  const period = s.period as NonNullable<Scope['period']>;
  const report = await progressFor(ctx, { planCode: s.plan.code, period: period.key, unitCode: s.unit.code });
  const columns: OutColumn[] = [
    { header: 'STT', width: 6 },
    { header: fig('indicatorCode'), width: 16 },
    { header: 'Chỉ tiêu', width: 48 },
    { header: 'ĐVT', width: 12 },
    { header: 'Căn cứ', width: 10 },
    { header: 'Kế hoạch', width: 14, decimals: 2 },
    { header: `Thực hiện ${report.periodLabel}`, width: 16, decimals: 2 },
    { header: '% kế hoạch', width: 12, decimals: 2 },
    { header: '% kỳ vọng', width: 12, decimals: 2 },
    { header: 'Cùng kỳ năm trước', width: 16, decimals: 2 },
    { header: 'So cùng kỳ (%)', width: 14, decimals: 2 },
    { header: 'Tình trạng', width: 18 },
    { header: 'Dự báo cả năm', width: 16, decimals: 2 },
  ];
  const num = (v: number | null) => v ?? '';
  const rows = report.indicators.map((i, k): Cell[] => [
    k + 1,
    i.code,
    i.name,
    i.unit,
    i.basis ?? '',
    num(i.target),
    num(i.actual),
    num(i.percentOfTarget),
    num(i.expectedPercent),
    num(i.samePeriodActual),
    num(i.changeVsSamePeriodPct),
    PROGRESS_STATUS_LABELS[i.status].vi,
    num(i.forecast),
  ]);
  return {
    table: {
      sheetName: 'Tiến độ',
      title: [
        `TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU ${report.periodLabel.toUpperCase()}`,
        `Kế hoạch: ${report.plan} – ${report.planName}; đơn vị: ${report.unitName}`,
      ],
      columns,
      rows,
    },
    fileName: `Tiến độ ${report.plan} ${report.period}`,
  };
}

export function writeSheet(sheet: Sheet, format: SheetFormat, out: Writable): Promise<void> {
  return format === 'xlsx' ? writeXlsx(sheet.table, out) : writeCsv(sheet.table, out);
}

/** A plan with its indicators and targets, for another installation or a script. */
export async function planJson(
  ctx: ServiceContext,
  planCode: string,
): Promise<PlanDetail & { exportedAt: string }> {
  const detail = await getPlanDetail(ctx, parseInput(codeSchema, planCode));
  return { ...detail, exportedAt: ctx.now().toISOString() };
}
