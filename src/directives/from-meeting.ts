import * as z from 'zod';
import type { ServiceContext } from '../context.js';
import { InvalidError } from '../errors.js';
import { text } from '../i18n.js';
import type { Meeting } from '../meetings/meetings.repo.js';
import { parseInput } from '../validation.js';
import { directiveInputSchema } from './directives.schema.js';
import { createDirectives, type Directive } from './directives.service.js';

const field = directiveInputSchema.shape;

export const conclusionDirectivesSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            conclusionItemId: z.number().int().positive(),
            /** The conclusion item's text when left out. */
            title: field.title.optional(),
            leadUnitCode: field.leadUnitCode,
            coUnitCodes: field.coUnitCodes,
            deadline: field.deadline,
            /** The conclusion item's "trọng tâm" flag when left out. */
            key: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type ConclusionDirectives = z.input<typeof conclusionDirectivesSchema>;

/** Turns conclusion items of `meeting` into directives, all in one transaction or none. */
export function directivesFromConclusions(
  ctx: ServiceContext,
  meeting: Meeting,
  input: ConclusionDirectives,
): Promise<Directive[]> {
  const { items } = parseInput(conclusionDirectivesSchema, input);
  const inputs = items.map(({ conclusionItemId, title, key, ...rest }, i) => {
    const source = meeting.conclusionItems.find((c) => c.id === conclusionItemId);
    if (!source) {
      const message = text(
        `Dòng ${i + 1}: mục kết luận số ${conclusionItemId} không thuộc hội nghị này`,
        `Row ${i + 1}: conclusion item ${conclusionItemId} is not from this meeting`,
      );
      throw new InvalidError(message, [{ field: 'conclusionItemId', message, row: i + 1 }]);
    }
    return {
      ...rest,
      title: title ?? source.text,
      key: key ?? source.key,
      meetingId: meeting.id,
      conclusionItemId,
    };
  });
  return createDirectives(ctx, inputs);
}
