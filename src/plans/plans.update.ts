import { updateVersioned } from '../audit/versioned.js';
import { writeTransaction } from '../audit/write.js';
import type { Db, ServiceContext } from '../context.js';
import { normalizeUnit } from '../core/numbers.js';
import { invalidField, NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { parseInput } from '../validation.js';
import { findPlanByCode, type Indicator, type Plan, toIndicator } from './plans.repo.js';
import {
  type IndicatorUpdate,
  indicatorUpdateSchema,
  type PlanUpdate,
  planUpdateSchema,
} from './plans.schema.js';
import { planNotFound, requirePlan } from './plans.service.js';

/** Changes a plan's name, document number, adoption date or default basis. */
export async function updatePlan(ctx: ServiceContext, code: string, input: PlanUpdate): Promise<Plan> {
  const data = parseInput(planUpdateSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const plan = await requirePlan(trx, code, 'code');
    return updateVersioned(trx, {
      table: 'plans',
      id: plan.id,
      version: data.version,
      // Kysely leaves undefined columns out, so only what the editor sent changes.
      set: {
        name: data.name,
        document_number: data.documentNumber,
        adopted_on: data.adoptedOn,
        default_basis: data.defaultBasis,
      },
      load: (db) => findPlanByCode(db, code),
      notFound: () => planNotFound(code, 'code'),
      audit,
      action: 'plan.update',
      entity: 'plan',
    });
  });
}

function indicatorNotFoundById(id: number): NotFoundError {
  const message = text(`Không tìm thấy chỉ tiêu có số hiệu ${id}`, `No indicator with id ${id}`);
  return new NotFoundError(message, [{ field: 'id', message }]);
}

async function findIndicatorById(db: Db, id: number): Promise<Indicator | undefined> {
  const row = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toIndicator(row);
}

export async function getIndicator(ctx: ServiceContext, id: number): Promise<Indicator> {
  const indicator = await findIndicatorById(ctx.store.db, id);
  if (!indicator) throw indicatorNotFoundById(id);
  return indicator;
}

/**
 * Figures are stored in the indicator's unit of measure without one of their own, so once any
 * exists a new unit would silently rescale them all ("tỷ đồng" read as "triệu đồng").
 * Respelling the same unit ("Tỷ đồng", "tỷ") is fine.
 */
async function refuseUnitChangeWithFigures(db: Db, indicator: Indicator, measureUnit: string) {
  if (normalizeUnit(measureUnit) === normalizeUnit(indicator.measureUnit)) return;
  const figure = await db
    .selectFrom('figures')
    .select('id')
    .where('indicator_id', '=', indicator.id)
    .limit(1)
    .executeTakeFirst();
  if (!figure) return;
  throw invalidField(
    'measureUnit',
    text(
      `Không đổi được đơn vị tính của chỉ tiêu "${indicator.name}" từ "${indicator.measureUnit}" sang "${measureUnit}": đã có số liệu lưu theo "${indicator.measureUnit}"`,
      `Cannot change the unit of measure of "${indicator.name}" from "${indicator.measureUnit}" to "${measureUnit}": figures are stored in "${indicator.measureUnit}"`,
    ),
  );
}

/** Changes what an indicator is called and how it is shown, from the version the editor saw. */
export async function updateIndicator(
  ctx: ServiceContext,
  id: number,
  input: IndicatorUpdate,
): Promise<Indicator> {
  const data = parseInput(indicatorUpdateSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const indicator = await findIndicatorById(trx, id);
    if (!indicator) throw indicatorNotFoundById(id);
    if (data.measureUnit !== undefined) await refuseUnitChangeWithFigures(trx, indicator, data.measureUnit);
    return updateVersioned(trx, {
      table: 'indicators',
      id,
      version: data.version,
      set: {
        name: data.name,
        field: data.field,
        measure_unit: data.measureUnit,
        decimals: data.decimals,
        frequency: data.frequency,
        aliases: data.aliases && JSON.stringify(data.aliases),
        allow_negative: data.allowNegative === undefined ? undefined : Number(data.allowNegative),
      },
      load: (db) => findIndicatorById(db, id),
      notFound: () => indicatorNotFoundById(id),
      audit,
      action: 'indicator.update',
      entity: 'indicator',
    });
  });
}
