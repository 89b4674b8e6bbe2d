import * as z from 'zod';
import { codeSchema, isoDateSchema, monthKeySchema } from '../validation.js';

export const MEETING_KINDS = ['thuong_ky', 'mo_rong', 'chuyen_de', 'bat_thuong'] as const;

const line = z.string().trim().min(1).max(5000);

// One definition per field, shared by the create and the edit schemas.
const field = {
  /** The body that meets: "Ban Chấp hành", "Ban Thường vụ", "UBND". */
  body: z.string().trim().min(1).max(200),
  kind: z.enum(MEETING_KINDS),
  sessionNumber: z.number().int().positive().max(1000),
  term: z.string().trim().max(50),
  title: z.string().trim().min(1).max(500),
  heldOn: isoDateSchema,
  place: z.string().trim().max(300),
  planCode: codeSchema,
  period: monthKeySchema,
  summary: z.string().max(100_000),
  conclusion: z.string().max(100_000),
};

const list = {
  chairs: z
    .array(
      z
        .object({
          name: z.string().trim().min(2).max(200),
          positionTitle: z.string().trim().max(300).optional(),
        })
        .strict(),
    )
    .max(10),
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
    .max(2000),
  agenda: z.array(line).max(200),
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
    .max(500),
};

const conclusionItem = z.object({ text: line, key: z.boolean().default(false) }).strict();

export const meetingInputSchema = z
  .object({
    unitCode: codeSchema,
    body: field.body,
    kind: field.kind.default('thuong_ky'),
    sessionNumber: field.sessionNumber.optional(),
    term: field.term.optional(),
    title: field.title,
    heldOn: field.heldOn,
    place: field.place.optional(),
    planCode: field.planCode.optional(),
    period: field.period.optional(),
    summary: field.summary.optional(),
    conclusion: field.conclusion.optional(),
    chairs: list.chairs.default([]),
    attendees: list.attendees.default([]),
    agenda: list.agenda.default([]),
    opinions: list.opinions.default([]),
    conclusionItems: z.array(conclusionItem).max(500).default([]),
  })
  .strict();
export type MeetingInput = z.input<typeof meetingInputSchema>;
export type MeetingData = z.output<typeof meetingInputSchema>;

/**
 * An edit: only the fields given change; `null` clears an optional one; a list given replaces
 * the stored list. Conclusion items keep their `id` so directives made from them stay linked;
 * an item without one is new. The organising unit is not editable: it decides who may edit.
 */
export const meetingPatchSchema = z
  .object({
    version: z.number().int().positive(),
    body: field.body.optional(),
    kind: field.kind.optional(),
    sessionNumber: field.sessionNumber.nullable().optional(),
    term: field.term.nullable().optional(),
    title: field.title.optional(),
    heldOn: field.heldOn.optional(),
    place: field.place.nullable().optional(),
    planCode: field.planCode.nullable().optional(),
    period: field.period.nullable().optional(),
    summary: field.summary.nullable().optional(),
    conclusion: field.conclusion.nullable().optional(),
    chairs: list.chairs.optional(),
    attendees: list.attendees.optional(),
    agenda: list.agenda.optional(),
    opinions: list.opinions.optional(),
    conclusionItems: z
      .array(conclusionItem.extend({ id: z.number().int().positive().optional() }))
      .max(500)
      .optional(),
  })
  .strict();
export type MeetingPatch = z.input<typeof meetingPatchSchema>;
export type MeetingPatchData = z.output<typeof meetingPatchSchema>;

export type MeetingLists = Pick<MeetingData, 'chairs' | 'attendees' | 'agenda' | 'opinions'>;
export type ConclusionItemData = MeetingPatchData['conclusionItems'] & {};
