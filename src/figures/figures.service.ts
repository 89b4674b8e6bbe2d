import type { Transaction } from 'kysely';
import { type Audit, writeTransaction } from '../audit/write.js';
import type { Db, ServiceContext } from '../context.js';
import { convertUnit, normalizeUnit, UnitMismatchError } from '../core/numbers.js';
import { parseMonthKey } from '../core/periods.js';
import { AppError, ConflictError, type FieldProblem, InvalidError, invalidField } from '../errors.js';
import { text } from '../i18n.js';
import { findIndicator, type Indicator, listPlanIndicators, type Plan } from '../plans/plans.repo.js';
import { requirePlan, requirePlanIndicator } from '../plans/plans.service.js';
import { locksOfMonth, type MonthLock, refuseLocked } from '../reporting/locks.js';
import type { Database } from '../store/schema.js';
import { findUnitByCode, findUnitById, type Unit } from '../units/units.repo.js';
import { unitNotFound, unitValidInMonth } from '../units/units.service.js';
import { getOrCreate } from '../util/get-or-create.js';
import { parseInput } from '../validation.js';
import {
  appendRevision,
  type Figure,
  type FigureSlot,
  findCurrentFigure,
  listPeriodFigures,
  listRevisions,
  type NewRevision,
  type PeriodFigure,
  type Revision,
} from './figures.repo.js';
import {
  type FigureInput,
  type FigureKey,
  type FigureListQuery,
  figureInputSchema,
  figureKeySchema,
  figureListQuerySchema,
} from './figures.schema.js';

/** Lookups shared by the rows of one batch, so a 5,000-row import asks once per code. */
export class BatchLookups {
  private plans = new Map<string, Promise<Plan>>();
  private indicators = new Map<string, Promise<Indicator>>();
  private units = new Map<string, Promise<Unit>>();
  private locks = new Map<string, Promise<MonthLock[]>>();
  constructor(private readonly db: Db) {}

  /** The month's period locks (src/reporting), read once per batch. */
  monthLocks(year: number, month: number) {
    return getOrCreate(this.locks, `${year}-${month}`, () => locksOfMonth(this.db, year, month));
  }

  plan(code: string) {
    return getOrCreate(this.plans, code, () => requirePlan(this.db, code));
  }
  /** An indicator of the plan, or of its unit's catalogue (a weight such as population). */
  indicator(plan: Plan, code: string) {
    return getOrCreate(this.indicators, `${plan.id}:${code}`, async () => {
      return (await findIndicator(this.db, plan.unitId, code)) ?? requirePlanIndicator(this.db, plan, code);
    });
  }
  unitById(id: number) {
    return getOrCreate(this.units, `#${id}`, async () => {
      const unit = await findUnitById(this.db, id);
      if (!unit) throw new Error(`unit ${id} vanished`);
      return unit;
    });
  }
  unit(code: string) {
    return getOrCreate(this.units, code, async () => {
      const unit = await findUnitByCode(this.db, code);
      if (!unit) throw unitNotFound(code);
      return unit;
    });
  }
}

export interface Resolved {
  slot: FigureSlot;
  unit: Unit;
  value: number;
}

/** Checks one figure against its plan, indicator and unit; throws the first problem found. */
export async function resolve(
  lookups: BatchLookups,
  data: ReturnType<typeof figureInputSchema.parse>,
): Promise<Resolved> {
  const { year, month } = parseMonthKey(data.period);
  const plan = await lookups.plan(data.planCode);
  const indicator = await lookups.indicator(plan, data.indicatorCode);
  const unit = await lookups.unit(data.unitCode);
  const planUnit = await lookups.unitById(plan.unitId);
  if (!unit.path.startsWith(planUnit.path)) {
    throw invalidField(
      'unitCode',
      text(
        `Đơn vị "${unit.code}" không thuộc phạm vi kế hoạch "${plan.code}" (${planUnit.name})`,
        `Unit "${unit.code}" is outside plan "${plan.code}" (${planUnit.name})`,
      ),
    );
  }
  if (year > plan.year) {
    throw invalidField(
      'period',
      text(
        `Kỳ ${data.period} sau năm của kế hoạch (${plan.year})`,
        `Period ${data.period} is after the plan year`,
      ),
    );
  }
  if (!unitValidInMonth(unit, year, month)) {
    throw invalidField(
      'period',
      text(
        `Đơn vị "${unit.code}" không tồn tại trong tháng ${data.period}`,
        `Unit "${unit.code}" did not exist in ${data.period}`,
      ),
    );
  }
  refuseLocked(await lookups.monthLocks(year, month), indicator.id, unit, data.period);
  if (data.cumulative && indicator.kind === 'level') {
    throw invalidField(
      'cumulative',
      text(
        `Chỉ tiêu "${indicator.name}" là số thời điểm, không có lũy kế`,
        `Indicator "${indicator.name}" is a level`,
      ),
    );
  }
  let value = data.value;
  if (data.measureUnit && normalizeUnit(data.measureUnit) !== normalizeUnit(indicator.measureUnit)) {
    try {
      value = convertUnit(value, data.measureUnit, indicator.measureUnit);
    } catch (error) {
      if (!(error instanceof UnitMismatchError)) throw error;
      throw invalidField(
        'measureUnit',
        text(
          `Không đổi được "${data.measureUnit}" sang "${indicator.measureUnit}" của chỉ tiêu "${indicator.name}"`,
          `Cannot convert "${data.measureUnit}" to "${indicator.measureUnit}"`,
        ),
      );
    }
  }
  if (value < 0 && !indicator.allowNegative) {
    throw invalidField(
      'value',
      text(
        `Chỉ tiêu "${indicator.name}" không nhận giá trị âm (${data.value})`,
        `"${indicator.name}" takes no negative value`,
      ),
    );
  }
  const slot = { indicatorId: indicator.id, unitId: unit.id, year, month, cumulative: data.cumulative };
  return { slot, unit, value };
}

async function recordOne(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  audit: Audit,
  lookups: BatchLookups,
  input: FigureInput,
  row?: number,
): Promise<Figure> {
  const data = parseInput(figureInputSchema, input, row);
  const { slot, unit, value } = await resolve(lookups, data);
  const previous = await findCurrentFigure(trx, slot);
  const stale = () => {
    const message = previous
      ? text(
          `Số liệu đã có bản ghi lần ${previous.revision}; hãy ghi rõ lần sửa`,
          `The figure already has revision ${previous.revision}; give the revision you correct`,
        )
      : text('Số liệu chưa có để sửa', 'There is no figure to correct');
    return new ConflictError(
      message,
      [{ field: 'revision', message, ...(row === undefined ? {} : { row }) }],
      previous,
    );
  };
  if ((previous?.revision ?? undefined) !== data.revision) throw stale();
  const figure = await appendRevision(trx, newRevision(ctx, data, { slot, unit, value }), previous);
  if (!figure) throw stale();
  await auditRevision(audit, figure, previous);
  return figure;
}

/** The revision a checked figure becomes: the same columns for one figure or a whole file. */
export function newRevision(
  ctx: ServiceContext,
  data: ReturnType<typeof figureInputSchema.parse>,
  { slot, unit, value }: Resolved,
): NewRevision {
  return {
    slot,
    provinceId: unit.provinceId,
    unitDepth: unit.depth,
    value,
    status: data.status,
    source: data.source,
    sourceRef: data.sourceRef ?? null,
    note: data.note ?? null,
    recordedBy: ctx.actor.userId,
    recordedAt: ctx.now().toISOString(),
  };
}

export function auditRevision(audit: Audit, figure: Figure, previous: Figure | undefined): Promise<void> {
  return audit({
    action: previous ? 'figure.correct' : 'figure.record',
    entity: 'figure',
    entityId: figure.id,
    before: previous,
    after: figure,
  });
}

/** Problems of many rows as one error: the count, the first in words, and that nothing was written. */
export function rowsProblemError(problems: readonly FieldProblem[], total = problems.length): InvalidError {
  const first = problems[0] as FieldProblem;
  return new InvalidError(
    text(
      `${total} lỗi; dòng ${first.row}: ${first.message.vi}. Chưa ghi số liệu nào.`,
      `${total} problems; row ${first.row}: ${first.message.en}. Nothing was recorded.`,
    ),
    [...problems],
  );
}

/** Records a first value, or a correction when `revision` names the current one. */
export async function recordFigure(ctx: ServiceContext, input: FigureInput): Promise<Figure> {
  return writeTransaction(ctx, (trx, audit) => recordOne(ctx, trx, audit, new BatchLookups(trx), input));
}

/**
 * Records many figures all-or-nothing. Every row is checked; the problems of all rows are
 * reported together, numbered from 1, and nothing is written if any row fails.
 */
export async function recordFigures(ctx: ServiceContext, inputs: readonly FigureInput[]): Promise<Figure[]> {
  return writeTransaction(ctx, async (trx, audit) => {
    const lookups = new BatchLookups(trx);
    const out: Figure[] = [];
    const problems: FieldProblem[] = [];
    for (const [i, input] of inputs.entries()) {
      try {
        out.push(await recordOne(ctx, trx, audit, lookups, input, i + 1));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problems.push(...error.fields.map((f) => ({ ...f, row: i + 1 })));
        if (problems.length >= 1000) break;
      }
    }
    if (problems.length > 0) throw rowsProblemError(problems);
    return out;
  });
}

/** Every revision of one figure, newest first: what was recorded, by whom and when. */
export async function figureHistory(ctx: ServiceContext, key: FigureKey): Promise<Revision[]> {
  const data = parseInput(figureKeySchema, key);
  const db = ctx.store.db;
  const lookups = new BatchLookups(db);
  const plan = await lookups.plan(data.planCode);
  const indicator = await lookups.indicator(plan, data.indicatorCode);
  const unit = await lookups.unit(data.unitCode);
  const { year, month } = parseMonthKey(data.period);
  return listRevisions(db, {
    indicatorId: indicator.id,
    unitId: unit.id,
    year,
    month,
    cumulative: data.cumulative,
  });
}

/** What the data-entry grid shows for a month: current figures of the unit and its children. */
export async function figuresForPeriod(ctx: ServiceContext, query: FigureListQuery): Promise<PeriodFigure[]> {
  const q = parseInput(figureListQuerySchema, query);
  const db = ctx.store.db;
  const plan = await requirePlan(db, q.planCode);
  const unit = q.unitCode
    ? await new BatchLookups(db).unit(q.unitCode)
    : ((await findUnitById(db, plan.unitId)) as Unit);
  const { year, month } = parseMonthKey(q.period);
  const indicators = await listPlanIndicators(db, plan.id);
  return listPeriodFigures(db, { indicatorIds: indicators.map((i) => i.id), unitId: unit.id, year, month });
}
