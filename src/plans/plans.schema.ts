import * as z from 'zod';
import { FREQUENCIES } from '../core/periods.js';
import { codeSchema, isoDateSchema } from '../validation.js';

export const TARGET_BASES = ['NQ', 'KH', 'dự toán', 'chỉ tiêu'] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

const versionSchema = z.number().int().positive();

/** The fields of a plan that stay editable after it is made. */
const planEditable = {
  name: z.string().trim().min(1).max(300),
  documentNumber: z.string().trim().max(100),
  adoptedOn: isoDateSchema,
  defaultBasis: z.enum(TARGET_BASES),
};

export const planInputSchema = z
  .object({
    code: codeSchema,
    name: planEditable.name,
    year: z.number().int().min(1990).max(2100),
    unitCode: codeSchema,
    issuingBody: z.string().trim().min(1).max(200),
    documentNumber: planEditable.documentNumber.optional(),
    adoptedOn: planEditable.adoptedOn.optional(),
    defaultBasis: planEditable.defaultBasis.default('NQ'),
  })
  .strict();
export type PlanInput = z.input<typeof planInputSchema>;

/**
 * Year, unit and issuing body stay: figures are read by the plan's year and unit, and targets
 * are keyed by the issuing body. `null` clears the document number or adoption date.
 */
export const planUpdateSchema = z
  .object({
    ...planEditable,
    documentNumber: planEditable.documentNumber.nullable(),
    adoptedOn: planEditable.adoptedOn.nullable(),
  })
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type PlanUpdate = z.input<typeof planUpdateSchema>;

/** The fields of an indicator that stay editable after it is made. */
const indicatorEditable = {
  name: z.string().trim().min(1).max(300),
  field: codeSchema,
  measureUnit: z.string().trim().min(1).max(50),
  allowNegative: z.boolean(),
  decimals: z.number().int().min(0).max(6),
  // How often it is reported changes which months are owed, not how figures add up: editable.
  frequency: z.enum(FREQUENCIES),
  aliases: z.array(z.string().trim().min(1).max(300)).max(50),
};

export const indicatorInputSchema = z
  .object({
    ownerUnitCode: codeSchema,
    code: codeSchema,
    name: indicatorEditable.name,
    field: indicatorEditable.field.default('kinh_te'),
    measureUnit: indicatorEditable.measureUnit,
    kind: z.enum(['flow', 'level']),
    direction: z.enum(['increase', 'decrease']).default('increase'),
    rollup: z.enum(['sum', 'mean', 'weighted', 'none']).default('sum'),
    weightIndicatorCode: codeSchema.optional(),
    allowNegative: indicatorEditable.allowNegative.default(false),
    decimals: indicatorEditable.decimals.default(2),
    frequency: indicatorEditable.frequency.default('monthly'),
    aliases: indicatorEditable.aliases.default([]),
  })
  .strict()
  .refine((i) => i.rollup !== 'weighted' || i.weightIndicatorCode, {
    path: ['weightIndicatorCode'],
    error: 'Cần chỉ tiêu làm trọng số khi tổng hợp có trọng số',
  });
export type IndicatorInput = z.input<typeof indicatorInputSchema>;

/**
 * Kind, direction and rollup stay: they decide how stored figures add up and compare, so
 * changing them would silently rewrite every report made from them.
 */
export const indicatorUpdateSchema = z
  .object(indicatorEditable)
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type IndicatorUpdate = z.input<typeof indicatorUpdateSchema>;

export const planIndicatorInputSchema = z
  .object({
    planCode: codeSchema,
    indicatorCode: codeSchema,
    sortOrder: z.number().int().min(0).optional(),
    baseline: z.number().finite().optional(),
  })
  .strict();
export type PlanIndicatorInput = z.input<typeof planIndicatorInputSchema>;

export const targetInputSchema = z
  .object({
    planCode: codeSchema,
    indicatorCode: codeSchema,
    unitCode: codeSchema.optional(),
    basis: z.enum(TARGET_BASES),
    issuingBody: z.string().trim().max(200).optional(),
    value: z.number().finite(),
    /** The version the caller saw; omit to create. */
    version: versionSchema.optional(),
  })
  .strict();
export type TargetInput = z.input<typeof targetInputSchema>;
