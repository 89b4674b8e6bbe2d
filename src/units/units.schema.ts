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

const unitName = z.string().trim().min(1).max(200);

export const unitInputSchema = z
  .object({
    code: codeSchema,
    name: unitName,
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
    name: unitName,
    level: z.enum(UNIT_LEVELS),
    parentCode: codeSchema,
    predecessorCodes: z.array(codeSchema).min(1),
    on: isoDateSchema,
  })
  .strict();
export type MergeInput = z.input<typeof mergeInputSchema>;

/**
 * What may change on a unit that exists. Its code, level and place in the tree stay: figures,
 * plans and roles hang on them, and a reorganisation is a merger, not an edit.
 * `validTo: null` reopens a unit ended by mistake.
 */
export const unitUpdateSchema = z
  .object({
    name: unitName.optional(),
    validTo: isoDateSchema.nullable().optional(),
    version: z.number().int().positive(),
  })
  .strict();
export type UnitUpdate = z.input<typeof unitUpdateSchema>;
