import * as z from 'zod';
import { isoDateSchema } from '../validation.js';

/** Document settings as a person writes them (an --options JSON file, or query parameters). */
const text = (max: number) => z.string().trim().min(1).max(max);
const mm = z.number().min(0).max(80);
const pt = z.number().min(6).max(40);

export const documentOptionsSchema = z
  .object({
    format: z.enum(['party', 'state']).optional(),
    issuer: text(200).optional(),
    parentBody: text(200).nullable().optional(),
    issuerCode: text(20).optional(),
    number: text(20).optional(),
    place: text(100).optional(),
    date: isoDateSchema.optional(),
    subject: text(1000).optional(),
    signer: z
      .object({ authority: text(100).optional(), title: text(100).optional(), name: text(100).optional() })
      .strict()
      .optional(),
    recipients: z.array(text(300)).max(100).optional(),
    keyTasks: z.array(text(2000)).max(100).optional(),
    style: z
      .object({
        font: text(64).optional(),
        margins: z.object({ top: mm, bottom: mm, left: mm, right: mm }).partial().strict().optional(),
        sizes: z
          .object({
            national: pt,
            motto: pt,
            parent: pt,
            issuer: pt,
            number: pt,
            placeDate: pt,
            docType: pt,
            subject: pt,
            body: pt,
            table: pt,
            recipientsLabel: pt,
            recipients: pt,
            signature: pt,
            pageNumber: pt,
          })
          .partial()
          .strict()
          .optional(),
        firstLineIndentCm: z.number().min(0).max(5).optional(),
        paragraphAfterPt: z.number().min(0).max(48).optional(),
        lineSpacing: z.number().min(0.8).max(3).optional(),
      })
      .strict()
      .optional(),
    /** Article only: percentages within this distance of a whole number print whole. */
    percentTolerance: z.number().min(0).max(0.5).optional(),
    /** Article only: indicator codes quoted first. */
    headline: z.array(text(64)).max(20).optional(),
  })
  .strict();

export type DocumentOptionsInput = z.input<typeof documentOptionsSchema>;
export type DocumentOptionsData = z.output<typeof documentOptionsSchema>;
