import type { Db, ServiceContext } from '../context.js';
import { convertUnit, normalizeUnit, UnitMismatchError } from '../core/numbers.js';
import { parseMonthKey } from '../core/periods.js';
import {
  type ConsistencyResult,
  checkConsistency,
  type ExtractedFigure,
  type ExtractResult,
  extract,
  matchIndicators,
} from '../extract/index.js';
import { findCurrentFigure } from '../figures/figures.repo.js';
import type { FigureInput } from '../figures/figures.schema.js';
import { recordFigures } from '../figures/figures.service.js';
import { type Text, text as t } from '../i18n.js';
import { listPlanIndicators, listTargets, type PlanIndicator, type Target } from '../plans/plans.repo.js';
import { requirePlan } from '../plans/plans.service.js';
import { findUnitById, type Unit } from '../units/units.repo.js';
import { getUnit } from '../units/units.service.js';
import { parseInput } from '../validation.js';
import { type ReviewInput, reviewInputSchema } from './extraction.schema.js';

export interface ProposedFigure {
  figure: ExtractedFigure;
  indicator: { code: string; name: string; unit: string } | null;
  score: number;
  /** What would be recorded, or null with the reason in `skip`. */
  input: FigureInput | null;
  skip: Text | null;
  /** The target the text implies against the stored one ("bằng 64% NQ" of 99,273 → 155,1). */
  consistency: ConsistencyResult | null;
}

export interface Review {
  plan: string;
  period: string;
  unit: string;
  result: ExtractResult;
  proposals: ProposedFigure[];
}

/**
 * A running total ("9 tháng", "lũy kế") is stored as cumulative for flows; a month's own figure as
 * the month's value. Without a word either way, the text's period decides.
 */
function isCumulative(f: ExtractedFigure, result: ExtractResult, indicator: PlanIndicator): boolean {
  if (indicator.kind === 'level') return false;
  if (f.scope) return f.scope === 'cumulative';
  const w = result.periodWindow;
  return w !== null && w.fromMonth === 1 && w.toMonth > 1;
}

function valueIn(f: ExtractedFigure, indicator: PlanIndicator): number | Text {
  if (f.value === null) return t('chỉ có tỷ lệ, không có giá trị', 'a percentage only, no value');
  if (!f.unit || normalizeUnit(f.unit) === normalizeUnit(indicator.measureUnit)) return f.value;
  try {
    return convertUnit(f.value, f.unit, indicator.measureUnit);
  } catch (error) {
    if (!(error instanceof UnitMismatchError)) throw error;
    return t(
      `đơn vị "${f.unit}" khác "${indicator.measureUnit}" của chỉ tiêu`,
      `unit "${f.unit}" differs from "${indicator.measureUnit}"`,
    );
  }
}

/**
 * Counts often carry the indicator's noun in their unit ("kết nạp được 61 đảng viên mới"), so a
 * figure is matched by its phrase and by its phrase with the unit, whichever fits better.
 */
function bestMatches(figures: readonly ExtractedFigure[], indicators: readonly PlanIndicator[]) {
  const plain = matchIndicators(figures, indicators);
  const withUnit = matchIndicators(
    figures.map((f) => ({ indicator: `${f.indicator} ${f.unit ?? ''}` })),
    indicators,
  );
  return plain.map((m, i) => {
    const other = withUnit[i];
    return other && other.score > m.score ? { ...m, indicator: other.indicator, score: other.score } : m;
  });
}

interface Context {
  db: Db;
  planCode: string;
  unit: Unit;
  period: string;
  year: number;
  month: number;
  text: string;
  result: ExtractResult;
  targets: readonly Target[];
  /** Indicator and kind of figure already proposed from this text. */
  taken: Set<string>;
}

/** Why a matched figure cannot be recorded, or null when it can. */
async function obstacle(
  c: Context,
  indicator: PlanIndicator,
  value: number | Text,
  cumulative: boolean,
): Promise<Text | null> {
  if (typeof value !== 'number') return value;
  const slot = `${indicator.id}:${cumulative}`;
  if (c.taken.has(slot))
    return t('chỉ tiêu đã có số liệu khác trong văn bản', 'the text gives this indicator twice');
  c.taken.add(slot);
  // A month's value and a running total through that month describe the same period: either
  // already stored means the text is not new, and the grid is where to correct it.
  for (const kind of [false, true]) {
    const slotKey = {
      indicatorId: indicator.id,
      unitId: c.unit.id,
      year: c.year,
      month: c.month,
      cumulative: kind,
    };
    if (await findCurrentFigure(c.db, slotKey)) {
      return t(
        'đã có số liệu cho kỳ này; sửa trong bảng nhập liệu',
        'a figure exists for this period; correct it in the grid',
      );
    }
  }
  return null;
}

async function propose(
  c: Context,
  m: { figure: ExtractedFigure; indicator: PlanIndicator | null; score: number },
): Promise<ProposedFigure> {
  const { figure, indicator, score } = m;
  if (!indicator) {
    return {
      figure,
      score,
      indicator: null,
      consistency: null,
      input: null,
      skip: t('không khớp chỉ tiêu nào của kế hoạch', 'matches no indicator of the plan'),
    };
  }
  const target = c.targets.find(
    (x) => x.indicatorId === indicator.id && (figure.targetBasis === null || x.basis === figure.targetBasis),
  );
  const value = valueIn(figure, indicator);
  const cumulative = isCumulative(figure, c.result, indicator);
  const skip = await obstacle(c, indicator, value, cumulative);
  return {
    figure,
    score,
    indicator: { code: indicator.code, name: indicator.name, unit: indicator.measureUnit },
    consistency: target ? checkConsistency(figure, target.value, indicator.measureUnit) : null,
    skip,
    input:
      skip || typeof value !== 'number'
        ? null
        : {
            planCode: c.planCode,
            indicatorCode: indicator.code,
            unitCode: c.unit.code,
            period: c.period,
            value,
            cumulative,
            status: 'estimate',
            source: 'extract',
            sourceRef: c.text.slice(figure.span[0], figure.span[1]).slice(0, 2000),
          },
  };
}

/**
 * Reads a text, matches its figures to the plan's indicators and says what would be recorded
 * for the unit and month, and why not where not. Nothing is written.
 */
export async function reviewText(ctx: ServiceContext, input: ReviewInput): Promise<Review> {
  const q = parseInput(reviewInputSchema, input);
  const db = ctx.store.db;
  const plan = await requirePlan(db, q.planCode);
  const unit: Unit = q.unitCode
    ? await getUnit(ctx, q.unitCode)
    : ((await findUnitById(db, plan.unitId)) as Unit);
  const { year, month } = parseMonthKey(q.period);
  const result = extract(q.text, { year });
  const [indicators, targets] = await Promise.all([
    listPlanIndicators(db, plan.id),
    listTargets(db, plan.id, unit.id),
  ]);
  const c: Context = {
    db,
    planCode: plan.code,
    unit,
    period: q.period,
    year,
    month,
    text: q.text,
    result,
    targets,
    taken: new Set(),
  };
  const proposals: ProposedFigure[] = [];
  for (const m of bestMatches(result.figures, indicators)) proposals.push(await propose(c, m));
  return { plan: plan.code, period: q.period, unit: unit.code, result, proposals };
}

/** Records a review's recordable proposals, as estimates whose source is the text, all at once. */
export async function applyReview(ctx: ServiceContext, review: Review): Promise<number> {
  const inputs = review.proposals.flatMap((p) => (p.input ? [p.input] : []));
  return inputs.length ? (await recordFigures(ctx, inputs)).length : 0;
}
