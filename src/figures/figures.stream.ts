import { writeTransaction } from '../audit/write.js';
import type { ServiceContext } from '../context.js';
import { AppError, ConflictError, type FieldProblem, ForbiddenError } from '../errors.js';
import { type Text, text } from '../i18n.js';
import type { Unit } from '../units/units.repo.js';
import { parseInput } from '../validation.js';
import {
  type Figure,
  type FigureSlot,
  findCurrentFigures,
  insertRevisions,
  type NewRevision,
  slotKey,
  supersedeFigures,
} from './figures.repo.js';
import { type FigureInput, figureInputSchema } from './figures.schema.js';
import {
  auditRevision,
  BatchLookups,
  newRevision,
  type Resolved,
  resolve,
  rowsProblemError,
} from './figures.service.js';

/** One line of a file: a figure to record, or what was already wrong with the line. */
export type StreamedFigure =
  | {
      row: number;
      input: FigureInput;
      /** Where a field sits in the file ("Cột "Giá trị" = "abc""), put before its problems. */
      where?: (field: string) => Text | undefined;
    }
  | { row: number; problems: FieldProblem[] };

export interface FigureStreamOptions {
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Throws for a unit the caller may not report for; asked once per unit. */
  authorizeUnit?: (unit: Unit) => void;
  /** Rows checked and written together: one read of current values, one insert. */
  chunkSize?: number;
}

export interface FigureStreamResult {
  read: number;
  /** First values of their slot. */
  recorded: number;
  /** New revisions of a slot that had a different value or status. */
  corrected: number;
  /** Rows equal to the current figure: nothing to write. */
  unchanged: number;
  problemCount: number;
  /** The first `MAX_LISTED` problems, by row. */
  problems: FieldProblem[];
  dryRun: boolean;
}

/** A report of ten thousand problems is already more than anyone reads; the count stays exact. */
export const MAX_LISTED = 10_000;

interface Pending {
  row: number;
  data: ReturnType<typeof figureInputSchema.parse>;
  resolved: Resolved;
  key: string;
}

class DryRunDone extends Error {
  constructor(readonly result: FigureStreamResult) {
    super('dry run');
  }
}

function duplicate(firstRow: number): AppError {
  const message = text(
    `Trùng với dòng ${firstRow} (cùng chỉ tiêu, đơn vị, kỳ và lũy kế)`,
    `Duplicates row ${firstRow} (same indicator, unit, period and cumulative flag)`,
  );
  return new ConflictError(message, [{ field: 'row', message }]);
}

/**
 * The slot as one number (indicator, unit, month, cumulative flag in 53 bits), so a million
 * remembered slots take a number each rather than a string; undefined when an id is too large.
 */
function compactKey(s: FigureSlot): number | undefined {
  if (s.indicatorId >= 2 ** 20 || s.unitId >= 2 ** 20 || s.year < 1900 || s.year > 2200) return undefined;
  const month = (s.year - 1900) * 12 + s.month - 1;
  return ((s.indicatorId * 2 ** 20 + s.unitId) * 2 ** 12 + month) * 2 + (s.cumulative ? 1 : 0);
}

/** A refusal is about the unit the row names, so it is reported under that column. */
function authorize(check: (unit: Unit) => void, unit: Unit) {
  try {
    check(unit);
  } catch (error) {
    if (!(error instanceof AppError) || error.fields.length > 0) throw error;
    throw new ForbiddenError(error.text, [{ field: 'unitCode', message: error.text }]);
  }
}

/**
 * The problems of one line of a file, each with its row and, when known, where it sits in the
 * file ("Cột "Mã đơn vị" = "X": …"). An error naming no field is reported for the whole line.
 */
export function rowProblems(
  error: AppError,
  row: number,
  where?: (field: string) => Text | undefined,
): FieldProblem[] {
  const fields = error.fields.length > 0 ? error.fields : [{ field: 'row', message: error.text }];
  return fields.map((f) => {
    const at = where?.(f.field);
    const message = at ? text(`${at.vi}: ${f.message.vi}`, `${at.en}: ${f.message.en}`) : f.message;
    return { ...f, message, row };
  });
}

const conflict = () =>
  new ConflictError(
    text(
      'Số liệu vừa được người khác sửa trong lúc nhập; chưa ghi gì, hãy nhập lại',
      'Figures were changed by someone else during the import; nothing was written, try again',
    ),
  );

/**
 * Records the figures of a whole file in ONE transaction, all or nothing, reading the rows as
 * they come (a million never sit in memory: only a chunk and one key per slot, to find
 * duplicates). Each row goes through the same checks as `recordFigure`. A row equal to the
 * current figure changes nothing; a different one becomes its next revision (a correction,
 * never an overwrite). Any problem: nothing is written and every problem is reported.
 */
export async function recordFigureStream(
  ctx: ServiceContext,
  rows: AsyncIterable<StreamedFigure>,
  options: FigureStreamOptions = {},
): Promise<FigureStreamResult> {
  const dryRun = options.dryRun ?? false;
  const chunkSize = options.chunkSize ?? 500;
  const result: FigureStreamResult = {
    read: 0,
    recorded: 0,
    corrected: 0,
    unchanged: 0,
    problemCount: 0,
    problems: [],
    dryRun,
  };
  const add = (problems: readonly FieldProblem[]) => {
    result.problemCount += problems.length;
    for (const p of problems) if (result.problems.length < MAX_LISTED) result.problems.push(p);
  };
  try {
    return await writeTransaction(ctx, async (trx, audit) => {
      const lookups = new BatchLookups(trx);
      const authorized = new Set<number>();
      let refused = false;
      const seen = new Map<number | string, number>();
      let pending: Pending[] = [];

      const flush = async () => {
        const current = await findCurrentFigures(
          trx,
          pending.map((p) => p.resolved.slot),
        );
        const writes: { p: Pending; previous: Figure | undefined; fig: NewRevision }[] = [];
        for (const p of pending) {
          const previous = current.get(p.key);
          if (previous && previous.value === p.resolved.value && previous.status === p.data.status) {
            result.unchanged++;
            continue;
          }
          if (previous) result.corrected++;
          else result.recorded++;
          writes.push({ p, previous, fig: newRevision(ctx, p.data, p.resolved) });
        }
        pending = [];
        // After the first problem nothing will be kept, so only the checks go on.
        if (dryRun || result.problemCount > 0 || writes.length === 0) return;
        const superseded = writes.flatMap((w) => (w.previous ? [w.previous.id] : []));
        if ((await supersedeFigures(trx, superseded)) !== superseded.length) throw conflict();
        const inserted = await insertRevisions(
          trx,
          writes.map((w) => ({ fig: w.fig, revision: (w.previous?.revision ?? 0) + 1 })),
        );
        const byKey = new Map(inserted.map((f) => [slotKey(f), f]));
        for (const w of writes) {
          await auditRevision(audit, byKey.get(w.p.key) as Figure, w.previous);
        }
      };

      for await (const item of rows) {
        result.read++;
        if ('problems' in item) {
          add(item.problems);
          continue;
        }
        try {
          const data = parseInput(figureInputSchema, item.input, item.row);
          const resolved = await resolve(lookups, data);
          if (options.authorizeUnit && !authorized.has(resolved.unit.id)) {
            try {
              authorize(options.authorizeUnit, resolved.unit);
            } catch (error) {
              refused ||= error instanceof ForbiddenError;
              throw error;
            }
            authorized.add(resolved.unit.id);
          }
          const key = slotKey(resolved.slot);
          const compact = compactKey(resolved.slot) ?? key;
          const first = seen.get(compact);
          if (first !== undefined) throw duplicate(first);
          seen.set(compact, item.row);
          pending.push({ row: item.row, data, resolved, key });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          add(rowProblems(error, item.row, item.where));
        }
        if (pending.length >= chunkSize) await flush();
      }
      await flush();
      if (result.problemCount > 0 && !dryRun) {
        const error = rowsProblemError(result.problems, result.problemCount);
        // Lines for units the caller may not report for make the whole file a refusal (403).
        throw refused ? new ForbiddenError(error.text, error.fields) : error;
      }
      if (dryRun) throw new DryRunDone(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}
