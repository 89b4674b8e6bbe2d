import { sql } from 'kysely';
import { type Db, type ServiceContext, todayIso } from '../context.js';
import { closesReportingPeriod, type Month, monthKey, parseMonthKey } from '../core/periods.js';
import { invalidField } from '../errors.js';
import { text } from '../i18n.js';
import { listPlanIndicators, type Plan } from '../plans/plans.repo.js';
import { requirePlan } from '../plans/plans.service.js';
import { findUnitById, listSubtree, type Unit } from '../units/units.repo.js';
import { getUnit, unitValidInMonth } from '../units/units.service.js';
import { getOrCreate } from '../util/get-or-create.js';
import { parseInput } from '../validation.js';
import { daysPastDue, dueDate } from './due.js';
import { isLocked } from './locks.js';
import { type MissingQuery, missingQuerySchema } from './reporting.schema.js';
import { settingsOf } from './settings.js';

export interface MissingUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  /** Indicators the unit is expected to report this month. */
  expected: number;
  missing: { code: string; name: string }[];
  /** Nothing at all for the month, rather than a partial report. */
  nothingReported: boolean;
}

export interface MissingReport {
  planCode: string;
  planName: string;
  unitCode: string;
  unitName: string;
  period: string;
  dueDate: string;
  today: string;
  /** Days past the due date; 0 on the day, negative before it. */
  daysPastDue: number;
  locked: boolean;
  /** Units expected to report, and how many of them reported everything expected. */
  expectedUnits: number;
  completeUnits: number;
  units: MissingUnit[];
}

/** "unit:indicator", the key of what is expected and what was reported. */
const pairKey = (unitId: number, indicatorId: number) => `${unitId}:${indicatorId}`;

/** Month number counted from year 0, so twelve months back is one subtraction. */
const ordinal = (m: Month) => m.year * 12 + m.month - 1;

/** Units per query: well inside both engines' limits on bound parameters. */
const UNITS_PER_QUERY = 5000;

/**
 * (unit, indicator) pairs with a current figure in months [from, to] (ordinals), cumulative or
 * not. The units are named by id, so both engines seek the figures' unique index per unit and
 * indicator instead of scanning every figure of the indicators.
 */
async function reportedPairs(db: Db, unitIds: number[], indicatorIds: number[], from: number, to: number) {
  const out: { unit_id: number; indicator_id: number }[] = [];
  if (indicatorIds.length === 0) return out;
  for (let i = 0; i < unitIds.length; i += UNITS_PER_QUERY) {
    const rows = await db
      .selectFrom('figures as f')
      .select(['f.unit_id', 'f.indicator_id'])
      .distinct()
      .where('f.indicator_id', 'in', indicatorIds)
      .where('f.unit_id', 'in', unitIds.slice(i, i + UNITS_PER_QUERY))
      .where('f.year', '>=', Math.floor(from / 12))
      .where('f.year', '<=', Math.floor(to / 12))
      .where(sql<number>`f.year * 12 + f.month - 1`, '>=', from)
      .where(sql<number>`f.year * 12 + f.month - 1`, '<=', to)
      .where('f.is_current', '=', 1)
      .execute();
    out.push(...rows);
  }
  return out;
}

/**
 * Who has not reported a plan's month. Only indicators whose reporting period ends with the month
 * are owed (a quarterly one in March, June, September and December; a yearly one in December).
 * A unit of the plan's branch that exists in the month is expected to report such an indicator
 * when
 *  - it (or a unit it was merged from) reported that indicator in any of the 12 months before, or
 *  - it holds a target for it in the plan and has no sub-units that month (its figure cannot
 *    come from a rollup).
 * A unit owing any expected indicator with no current figure for the month (a month value or a
 * running total) is listed, with what it owes. Merged and ended units are never expected.
 */
export async function missingReports(ctx: ServiceContext, query: MissingQuery): Promise<MissingReport> {
  const q = parseInput(missingQuerySchema, query);
  const db = ctx.store.db;
  const plan = await requirePlan(db, q.planCode);
  const period = parseMonthKey(q.period);
  if (period.year !== plan.year) {
    throw invalidField(
      'period',
      text(
        `Kỳ ${q.period} không thuộc năm của kế hoạch "${plan.code}" (${plan.year})`,
        `Period ${q.period} is outside the year of plan "${plan.code}" (${plan.year})`,
      ),
    );
  }
  const planUnit = (await findUnitById(db, plan.unitId)) as Unit;
  const root = q.unitCode ? await getUnit(ctx, q.unitCode) : planUnit;
  if (!root.path.startsWith(planUnit.path)) {
    throw invalidField(
      'unitCode',
      text(
        `Đơn vị "${root.code}" không thuộc phạm vi kế hoạch "${plan.code}"`,
        `Unit "${root.code}" is outside plan "${plan.code}"`,
      ),
    );
  }
  const today = q.date ?? todayIso(ctx);
  const rule = await settingsOf(db, plan);
  const units = await expectedUnits(db, plan, root, period);
  const expectedIds = units.expected.map((e) => e.unit.id);
  const reported = new Set(
    (await reportedPairs(db, expectedIds, units.indicatorIds, ordinal(period), ordinal(period))).map((r) =>
      pairKey(r.unit_id, r.indicator_id),
    ),
  );
  const out: MissingUnit[] = [];
  for (const { unit, indicators } of units.expected) {
    const missing = indicators.filter((i) => !reported.has(pairKey(unit.id, i.id)));
    if (missing.length === 0) continue;
    out.push({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      level: unit.level,
      expected: indicators.length,
      missing: missing.map((i) => ({ code: i.code, name: i.name })),
      nothingReported: missing.length === indicators.length,
    });
  }
  out.sort((a, b) => b.missing.length - a.missing.length || a.name.localeCompare(b.name, 'vi'));
  return {
    planCode: plan.code,
    planName: plan.name,
    unitCode: root.code,
    unitName: root.name,
    period: monthKey(period),
    dueDate: dueDate(rule, period),
    today,
    daysPastDue: daysPastDue(rule, period, today),
    locked: await isLocked(db, plan, period),
    expectedUnits: units.expected.length,
    completeUnits: units.expected.length - out.length,
    units: out,
  };
}

interface Expected {
  indicatorIds: number[];
  expected: { unit: Unit; indicators: { id: number; code: string; name: string }[] }[];
}

/** The units of the branch expected to report the month, each with its indicators (see above). */
async function expectedUnits(db: Db, plan: Plan, root: Unit, period: Month): Promise<Expected> {
  const indicators = (await listPlanIndicators(db, plan.id)).filter((i) =>
    closesReportingPeriod(i.frequency, period.month),
  );
  const indicatorIds = indicators.map((i) => i.id);
  const subtree = await listSubtree(db, root);
  const live = subtree.filter((u) => unitValidInMonth(u, period.year, period.month));
  const hasLiveChild = new Set(live.map((u) => u.parentId));
  const liveIds = live.map((u) => u.id);
  const [history, links, targets] = await Promise.all([
    reportedPairs(
      db,
      subtree.map((u) => u.id),
      indicatorIds,
      ordinal(period) - 12,
      ordinal(period) - 1,
    ),
    liveIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('unit_predecessors')
          .select(['unit_id', 'predecessor_id'])
          .where('unit_id', 'in', liveIds)
          .execute(),
    db.selectFrom('targets').select(['unit_id', 'indicator_id']).where('plan_id', '=', plan.id).execute(),
  ]);
  const byUnit = new Map<number, Set<number>>();
  const expect = (unitId: number, indicatorId: number) =>
    getOrCreate(byUnit, unitId, () => new Set<number>()).add(indicatorId);
  const successors = new Map<number, number[]>();
  for (const l of links) getOrCreate(successors, l.predecessor_id, () => []).push(l.unit_id);
  for (const h of history) {
    expect(h.unit_id, h.indicator_id);
    for (const s of successors.get(h.unit_id) ?? []) expect(s, h.indicator_id);
  }
  for (const t of targets) if (!hasLiveChild.has(t.unit_id)) expect(t.unit_id, t.indicator_id);
  const expected: Expected['expected'] = [];
  for (const unit of live) {
    const ids = byUnit.get(unit.id);
    if (!ids) continue;
    expected.push({ unit, indicators: indicators.filter((i) => ids.has(i.id)) });
  }
  return { indicatorIds, expected };
}
