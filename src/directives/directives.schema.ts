import * as z from 'zod';
import { codeSchema, isoDateSchema } from '../validation.js';

export const DIRECTIVE_STATUSES = [
  'in_progress_on_time',
  'in_progress_overdue',
  'done_on_time',
  'done_late',
  'ongoing',
] as const;

export const directiveInputSchema = z
  .object({
    title: z.string().trim().min(1).max(5000),
    meetingId: z.number().int().positive().optional(),
    conclusionItemId: z.number().int().positive().optional(),
    /** A document the directive comes from when no meeting is recorded ("Số 445-KL/TU"). */
    sourceDocument: z.string().trim().max(200).optional(),
    leadUnitCode: codeSchema,
    coUnitCodes: z.array(codeSchema).max(100).default([]),
    deadline: isoDateSchema.optional(),
    key: z.boolean().default(false),
  })
  .strict();
export type DirectiveInput = z.input<typeof directiveInputSchema>;

export const directiveUpdateInputSchema = z
  .object({
    directiveId: z.number().int().positive(),
    reportedOn: isoDateSchema,
    text: z.string().trim().min(1).max(20_000),
    evidence: z.string().trim().max(2000).optional(),
    /** Set to mark the directive done on `reportedOn`. */
    completed: z.boolean().default(false),
    /** The version the reporter saw; required when completing. */
    version: z.number().int().positive().optional(),
  })
  .strict();
export type DirectiveUpdateInput = z.input<typeof directiveUpdateInputSchema>;

export const directiveFilterSchema = z
  .object({
    meetingId: z.number().int().positive().optional(),
    status: z.enum(DIRECTIVE_STATUSES).optional(),
    unitCode: codeSchema.optional(),
    key: z.boolean().optional(),
  })
  .strict();
export type DirectiveFilter = z.input<typeof directiveFilterSchema>;

/**
 * An edit: only the fields given change; `deadline: null` makes it a standing task. A completed
 * directive's deadline may still be corrected: its status is computed, never stored.
 */
export const directivePatchSchema = z
  .object({
    version: z.number().int().positive(),
    title: directiveInputSchema.shape.title.optional(),
    deadline: isoDateSchema.nullable().optional(),
    leadUnitCode: codeSchema.optional(),
    coUnitCodes: directiveInputSchema.shape.coUnitCodes.unwrap().optional(),
    key: z.boolean().optional(),
  })
  .strict();
export type DirectivePatch = z.input<typeof directivePatchSchema>;
