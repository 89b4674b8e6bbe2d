import * as z from 'zod';
import { codeSchema, monthKeySchema } from '../validation.js';

export const progressQuerySchema = z
  .object({
    planCode: codeSchema,
    period: monthKeySchema,
    unitCode: codeSchema.optional(),
  })
  .strict();
export type ProgressQuery = z.input<typeof progressQuerySchema>;
