import * as z from 'zod';
import { codeSchema, isoDateSchema } from '../validation.js';

export const UNIT_LEVELS = [
  'quoc_gia',
  'tinh',
  'thanh_pho',
  'huyen',
  'thi_xa',
  'xa',
  'phuong',
  'thi_tran',
  'dang_bo',
  'chi_bo',
  'phong_ban',
] as const;

export const unitInputSchema = z
  .object({
    code: codeSchema,
    name: z.string().trim().min(1).max(200),
    level: z.enum(UNIT_LEVELS),
    parentCode: codeSchema.optional(),
    validFrom: isoDateSchema.optional(),
    validTo: isoDateSchema.optional(),
  })
  .strict();
export type UnitInput = z.input<typeof unitInputSchema>;

/** A merger: the new unit takes over from its predecessors on `on`; history stays as it was. */
export const mergeInputSchema = z
  .object({
    code: codeSchema,
    name: z.string().trim().min(1).max(200),
    level: z.enum(UNIT_LEVELS),
    parentCode: codeSchema,
    predecessorCodes: z.array(codeSchema).min(1),
    on: isoDateSchema,
  })
  .strict();
export type MergeInput = z.input<typeof mergeInputSchema>;
