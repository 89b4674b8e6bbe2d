import * as z from 'zod';
import { codeSchema, monthKeySchema } from '../validation.js';

/** 10 MB of text is the most anyone pastes; the extractor is linear, so this bounds the time. */
export const MAX_TEXT_LENGTH = 10 * 1024 * 1024;

export const extractInputSchema = z
  .object({
    text: z.string().max(MAX_TEXT_LENGTH),
    /** The year of the document, when the text does not say it. */
    year: z.number().int().min(1990).max(2100).optional(),
  })
  .strict();

export const reviewInputSchema = z
  .object({
    text: z.string().min(1).max(MAX_TEXT_LENGTH),
    planCode: codeSchema,
    period: monthKeySchema,
    /** Whose figures the text reports; default the plan's unit. */
    unitCode: codeSchema.optional(),
  })
  .strict();
export type ReviewInput = z.input<typeof reviewInputSchema>;
