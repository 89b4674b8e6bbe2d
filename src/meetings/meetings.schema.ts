import * as z from 'zod';
import { codeSchema, isoDateSchema, monthKeySchema } from '../validation.js';

export const MEETING_KINDS = ['thuong_ky', 'mo_rong', 'chuyen_de', 'bat_thuong'] as const;

const line = z.string().trim().min(1).max(5000);

export const meetingInputSchema = z
  .object({
    unitCode: codeSchema,
    /** The body that meets: "Ban Chấp hành", "Ban Thường vụ", "UBND". */
    body: z.string().trim().min(1).max(200),
    kind: z.enum(MEETING_KINDS).default('thuong_ky'),
    sessionNumber: z.number().int().positive().max(1000).optional(),
    term: z.string().trim().max(50).optional(),
    title: z.string().trim().min(1).max(500),
    heldOn: isoDateSchema,
    place: z.string().trim().max(300).optional(),
    planCode: codeSchema.optional(),
    period: monthKeySchema.optional(),
    summary: z.string().max(100_000).optional(),
    conclusion: z.string().max(100_000).optional(),
    chairs: z
      .array(
        z
          .object({
            name: z.string().trim().min(2).max(200),
            positionTitle: z.string().trim().max(300).optional(),
          })
          .strict(),
      )
      .max(10)
      .default([]),
    attendees: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(200),
            positionTitle: z.string().trim().max(300).optional(),
            unitCode: codeSchema.optional(),
          })
          .strict(),
      )
      .max(2000)
      .default([]),
    agenda: z.array(line).max(200).default([]),
    opinions: z
      .array(
        z
          .object({
            speaker: z.string().trim().max(200).optional(),
            speakerPosition: z.string().trim().max(300).optional(),
            text: line,
          })
          .strict(),
      )
      .max(500)
      .default([]),
    conclusionItems: z
      .array(z.object({ text: line, key: z.boolean().default(false) }).strict())
      .max(500)
      .default([]),
  })
  .strict();
export type MeetingInput = z.input<typeof meetingInputSchema>;
export type MeetingData = z.output<typeof meetingInputSchema>;
