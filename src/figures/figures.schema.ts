import * as z from 'zod';
import { codeSchema, monthKeySchema } from '../validation.js';

export const FIGURE_STATUSES = ['estimate', 'official'] as const;
export const FIGURE_SOURCES = ['manual', 'import', 'extract', 'demo', 'api'] as const;

export const figureInputSchema = z
  .object({
    planCode: codeSchema,
    indicatorCode: codeSchema,
    unitCode: codeSchema,
    period: monthKeySchema,
    value: z.number().finite(),
    /** The unit the value is written in, when it differs from the indicator's ("triệu đồng"). */
    measureUnit: z.string().trim().min(1).max(50).optional(),
    /** True when the value is the total from January ("lũy kế", "9 tháng ước đạt"). */
    cumulative: z.boolean().default(false),
    status: z.enum(FIGURE_STATUSES).default('estimate'),
    source: z.enum(FIGURE_SOURCES).default('manual'),
    sourceRef: z.string().max(2000).optional(),
    note: z.string().max(2000).optional(),
    /** The revision being corrected; omit when recording a first value. */
    revision: z.number().int().positive().optional(),
  })
  .strict();
export type FigureInput = z.input<typeof figureInputSchema>;

export const figureKeySchema = z
  .object({
    planCode: codeSchema,
    indicatorCode: codeSchema,
    unitCode: codeSchema,
    period: monthKeySchema,
    cumulative: z.boolean().default(false),
  })
  .strict();
export type FigureKey = z.input<typeof figureKeySchema>;

export const figureListQuerySchema = z
  .object({
    planCode: codeSchema,
    period: monthKeySchema,
    /** Default: the plan's unit. */
    unitCode: codeSchema.optional(),
  })
  .strict();
export type FigureListQuery = z.input<typeof figureListQuerySchema>;
