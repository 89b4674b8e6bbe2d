import { writeTransaction } from '../audit/write.js';
import type { ServiceContext } from '../context.js';
import { convertUnit, normalizeUnit, UnitMismatchError } from '../core/numbers.js';
import { AppError, type FieldProblem } from '../errors.js';
import { rowsProblemError } from '../figures/figures.service.js';
import {
  type FigureStreamResult,
  MAX_LISTED,
  recordFigureStream,
  rowProblems,
  type StreamedFigure,
} from '../figures/figures.stream.js';
import { listPlanIndicators, listTargets, type Plan, type Target } from '../plans/plans.repo.js';
import { TARGET_BASES } from '../plans/plans.schema.js';
import { requirePlan, setTargetIn } from '../plans/plans.service.js';
import { findUnitById, findUnitsByIds, type Unit } from '../units/units.repo.js';
import { cellText, normalizeLabel } from './cells.js';
import { cellProblem, columnRef, fieldCell, locateHeader } from './columns.js';
import { FIGURE_COLUMNS } from './figure-columns.js';
import { figureFromLine } from './figure-rows.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './file-errors.js';
import { type ImportFile, openSheet, type SheetFormat } from './source.js';
import { TARGET_COLUMNS, type TargetField } from './target-columns.js';
import { cellNumber } from './values.js';

export interface ImportOptions {
  planCode: string;
  period?: string | undefined;
  dryRun?: boolean | undefined;
  limits?: ImportLimits;
  /** Throws for a unit the caller may not write for (API); asked once per unit. */
  authorizeUnit?: (unit: Unit) => void;
  /** Called as lines are read, for a progress bar. */
  onProgress?: (lines: number) => void;
}

export interface ImportSummary extends FigureStreamResult {
  format: SheetFormat;
  /** Lines with an empty value: slots left blank in a template, not written and not a problem. */
  blank: number;
}

/** Counts lines for the progress bar, every 1,000 and at the end. */
async function* counted<T>(lines: AsyncIterable<T>, onProgress?: (n: number) => void): AsyncGenerator<T> {
  let n = 0;
  for await (const line of lines) {
    n++;
    if (onProgress && n % 1000 === 0) onProgress(n);
    yield line;
  }
  onProgress?.(n);
}

/**
 * Imports the figures of an XLSX or CSV file into a plan: the whole file or nothing, in one
 * transaction, streamed. A dry run reports what would be recorded, corrected or left unchanged
 * and every problem by row, and writes nothing.
 */
export async function importFigures(
  ctx: ServiceContext,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportSummary> {
  const sheet = await openSheet(file, options.limits ?? DEFAULT_IMPORT_LIMITS);
  const { header, data } = await locateHeader(sheet.rows, FIGURE_COLUMNS);
  let blank = 0;
  async function* figures(): AsyncGenerator<StreamedFigure> {
    for await (const line of counted(data, options.onProgress)) {
      const figure = figureFromLine(header, line, {
        planCode: options.planCode,
        period: options.period,
        fileName: file.name,
      });
      if (figure) yield figure;
      else blank++;
    }
  }
  const result = await recordFigureStream(ctx, figures(), {
    dryRun: options.dryRun ?? false,
    ...(options.authorizeUnit ? { authorizeUnit: options.authorizeUnit } : {}),
  });
  return { ...result, format: sheet.format, blank };
}

const BASES = new Map(TARGET_BASES.map((b) => [normalizeLabel(b), b]));

class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/** Codes of what a plan's targets point at, so a file's lines can be matched with them. */
async function targetIndex(trx: Parameters<typeof listTargets>[0], plan: Plan) {
  const [indicators, targets] = await Promise.all([
    listPlanIndicators(trx, plan.id),
    listTargets(trx, plan.id),
  ]);
  const units = await findUnitsByIds(
    trx,
    targets.map((t) => t.unitId),
  );
  const code = (list: { id: number; code: string }[], id: number) => list.find((x) => x.id === id)?.code;
  const existing = new Map<string, Target>();
  for (const t of targets) {
    existing.set(
      targetKey(code(indicators, t.indicatorId), code(units, t.unitId), t.basis, t.issuingBody),
      t,
    );
  }
  return { indicators, existing };
}

function targetKey(...parts: (string | undefined)[]) {
  return parts.join('\u0001');
}

/**
 * Imports the targets of a plan from an XLSX or CSV file, all or nothing: a new target is
 * created, a different value updates the stored one (its current version is taken), the same
 * value is left alone. Targets are few, so each line goes through `setTarget`'s own checks.
 */
export async function importTargets(
  ctx: ServiceContext,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportSummary> {
  const dryRun = options.dryRun ?? false;
  const sheet = await openSheet(file, options.limits ?? DEFAULT_IMPORT_LIMITS);
  const { header, data } = await locateHeader(sheet.rows, TARGET_COLUMNS);
  const summary: ImportSummary = {
    format: sheet.format,
    read: 0,
    blank: 0,
    recorded: 0,
    corrected: 0,
    unchanged: 0,
    problemCount: 0,
    problems: [],
    dryRun,
  };
  const add = (problems: FieldProblem[]) => {
    summary.problemCount += problems.length;
    summary.problems.push(...problems.slice(0, MAX_LISTED - summary.problems.length));
  };
  try {
    return await writeTransaction(ctx, async (trx, audit) => {
      const plan = await requirePlan(trx, options.planCode);
      const planUnit = (await findUnitById(trx, plan.unitId)) as Unit;
      const { indicators, existing } = await targetIndex(trx, plan);
      const seen = new Map<string, number>();
      for await (const line of counted(data, options.onProgress)) {
        const cell = (f: TargetField) => cellText(fieldCell(header, line, f));
        if (cell('value') === '') {
          summary.blank++;
          continue;
        }
        summary.read++;
        const where = (field: string) => columnRef(header, line, field as TargetField);
        const problem = (field: TargetField, vi: string, en: string) =>
          add([cellProblem(header, line, field, vi, en)]);
        try {
          const row = targetFromLine(cell, plan, planUnit, indicators, problem);
          if (!row) continue;
          const key = targetKey(row.indicatorCode, row.unitCode, row.basis, row.issuingBody);
          const first = seen.get(key);
          if (first !== undefined) {
            problem('indicatorCode', `trùng với dòng ${first}`, `duplicates row ${first}`);
            continue;
          }
          seen.set(key, line.row);
          const stored = existing.get(key);
          if (stored && stored.value === row.value) {
            summary.unchanged++;
            continue;
          }
          await setTargetIn(trx, audit, { ...row, ...(stored ? { version: stored.version } : {}) }, line.row);
          if (stored) summary.corrected++;
          else summary.recorded++;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          add(rowProblems(error, line.row, where));
        }
      }
      if (summary.problemCount > 0 && !dryRun) throw rowsProblemError(summary.problems, summary.problemCount);
      // A dry run did its writes to see every check through; they are rolled back here.
      if (dryRun) throw new DryRunDone(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.summary;
    throw error;
  }
}

/** A line of a targets file as `setTarget` input, with the plan's defaults for empty cells. */
function targetFromLine(
  cell: (f: TargetField) => string,
  plan: Plan,
  planUnit: Unit,
  indicators: { code: string; measureUnit: string; name: string }[],
  problem: (field: TargetField, vi: string, en: string) => void,
) {
  let failed = false;
  const fail = (field: TargetField, vi: string, en: string) => {
    failed = true;
    problem(field, vi, en);
  };
  let value = cellNumber(cell('value'));
  if (value === null) fail('value', 'không phải là số', 'is not a number');
  if (cell('indicatorCode') === '') fail('indicatorCode', 'bỏ trống', 'is empty');
  const basisText = cell('basis');
  const basis = basisText === '' ? plan.defaultBasis : BASES.get(normalizeLabel(basisText));
  if (!basis)
    fail('basis', `cần một trong: ${TARGET_BASES.join(', ')}`, `must be one of: ${TARGET_BASES.join(', ')}`);
  const indicator = indicators.find((i) => i.code === cell('indicatorCode'));
  const measure = cell('measureUnit');
  if (
    value !== null &&
    indicator &&
    measure &&
    normalizeUnit(measure) !== normalizeUnit(indicator.measureUnit)
  ) {
    try {
      value = convertUnit(value, measure, indicator.measureUnit);
    } catch (error) {
      if (!(error instanceof UnitMismatchError)) throw error;
      fail(
        'measureUnit',
        `không đổi được sang "${indicator.measureUnit}" của chỉ tiêu "${indicator.name}"`,
        `cannot be converted to "${indicator.measureUnit}"`,
      );
    }
  }
  if (failed) return null;
  return {
    planCode: plan.code,
    indicatorCode: cell('indicatorCode'),
    unitCode: cell('unitCode') || planUnit.code,
    basis: basis as (typeof TARGET_BASES)[number],
    issuingBody: cell('issuingBody') || plan.issuingBody,
    value: value as number,
  };
}
