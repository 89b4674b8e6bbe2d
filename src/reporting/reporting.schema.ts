import * as z from 'zod';
import { codeSchema, isoDateSchema, monthKeySchema } from '../validation.js';

export const DUE_MONTHS = ['same', 'next'] as const;

export const settingsInputSchema = z
  .object({
    planCode: codeSchema,
    /** Day of the month the figures are due; 31 means the last day of any month. */
    dueDay: z.number().int().min(1).max(31).optional(),
    /** "same": month M is due in M (the default); "next": in M + 1. */
    dueMonth: z.enum(DUE_MONTHS).optional(),
    /** Where the daily digest is e-mailed. */
    recipients: z.array(z.email().max(254)).max(50).optional(),
    /** The version the editor saw; 0 while the plan still uses the defaults. */
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type SettingsInput = z.input<typeof settingsInputSchema>;

export const lockInputSchema = z
  .object({
    planCode: codeSchema,
    period: monthKeySchema,
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type LockInput = z.input<typeof lockInputSchema>;

export const unlockInputSchema = z
  .object({
    planCode: codeSchema,
    period: monthKeySchema,
    /** Reopening a reviewed month must say why: the audit keeps it. */
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();
export type UnlockInput = z.input<typeof unlockInputSchema>;

export const missingQuerySchema = z
  .object({
    planCode: codeSchema,
    period: monthKeySchema,
    /** Only units of this subtree (default: the whole plan). */
    unitCode: codeSchema.optional(),
    /** The day overdue days are counted to (default: today). */
    date: isoDateSchema.optional(),
  })
  .strict();
export type MissingQuery = z.input<typeof missingQuerySchema>;

export const digestQuerySchema = z
  .object({
    planCode: codeSchema,
    unitCode: codeSchema.optional(),
    /** The month whose missing reports are listed (default: the latest month already due). */
    period: monthKeySchema.optional(),
    date: isoDateSchema.optional(),
  })
  .strict();
export type DigestQuery = z.input<typeof digestQuerySchema>;
