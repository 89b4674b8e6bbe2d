import { updateVersioned } from '../audit/versioned.js';
import { writeTransaction } from '../audit/write.js';
import { type ServiceContext, todayIso } from '../context.js';
import { parseInput } from '../validation.js';
import {
  type DirectiveDetail,
  directiveNotFound,
  loadDirective,
  unitsByCode,
  writeCoUnits,
} from './directives.present.js';
import { type DirectivePatch, directivePatchSchema } from './directives.schema.js';

/**
 * Edits a directive the editor saw at `version`. A new lead unit leaves the co-units; the
 * co-units given replace the stored ones.
 */
export async function updateDirective(
  ctx: ServiceContext,
  id: number,
  input: DirectivePatch,
): Promise<DirectiveDetail> {
  const data = parseInput(directivePatchSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const [lead] = data.leadUnitCode ? await unitsByCode(trx, [data.leadUnitCode], 'leadUnitCode') : [];
    const coUnits = data.coUnitCodes ? await unitsByCode(trx, data.coUnitCodes, 'coUnitCodes') : undefined;
    const set: Record<string, unknown> = {};
    if (data.title !== undefined) set.title = data.title;
    if (data.deadline !== undefined) set.deadline = data.deadline;
    if (data.key !== undefined) set.is_key = data.key ? 1 : 0;
    if (lead) Object.assign(set, { lead_unit_id: lead.id, province_id: lead.provinceId });
    return updateVersioned(trx, {
      table: 'directives',
      id,
      version: data.version,
      set,
      load: (t) => loadDirective(t, id, todayIso(ctx)),
      notFound: () => directiveNotFound(id),
      audit,
      action: 'directive.edit',
      entity: 'directive',
      writeChildren: async (before) => {
        if (!lead && !coUnits) return;
        const leadId = lead?.id ?? before.leadUnitId;
        const co = coUnits ?? before.coUnitIds.map((unitId) => ({ id: unitId }));
        await writeCoUnits(trx, id, leadId, co);
      },
    });
  });
}
