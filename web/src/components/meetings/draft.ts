import type { Unit } from '../../types';
import type { Meeting, MeetingKind } from './types';

/** Rows carry a key of their own so React keeps focus in the right input as rows come and go. */
let nextKey = 1;
export const rowKey = () => nextKey++;

export interface ChairRow {
  rowKey: number;
  name: string;
  positionTitle: string;
}
export interface AttendeeRow extends ChairRow {
  unitCode: string;
}
export interface AgendaRow {
  rowKey: number;
  text: string;
}
export interface OpinionRow {
  rowKey: number;
  speaker: string;
  speakerPosition: string;
  text: string;
}
export interface ConclusionRow {
  rowKey: number;
  /** Kept from the stored item so the directives made from it stay linked. */
  id?: number;
  text: string;
  key: boolean;
}

/** The meeting as the form holds it: text as typed, lists as rows. */
export interface MeetingDraft {
  unitCode: string;
  body: string;
  kind: MeetingKind;
  sessionNumber: string;
  term: string;
  title: string;
  heldOn: string;
  place: string;
  planCode: string;
  period: string;
  summary: string;
  conclusion: string;
  chairs: ChairRow[];
  attendees: AttendeeRow[];
  agenda: AgendaRow[];
  opinions: OpinionRow[];
  conclusionItems: ConclusionRow[];
}

export type ListName = 'chairs' | 'attendees' | 'agenda' | 'opinions' | 'conclusionItems';

export const BLANK_ROWS: { [K in ListName]: () => MeetingDraft[K][number] } = {
  chairs: () => ({ rowKey: rowKey(), name: '', positionTitle: '' }),
  attendees: () => ({ rowKey: rowKey(), name: '', positionTitle: '', unitCode: '' }),
  agenda: () => ({ rowKey: rowKey(), text: '' }),
  opinions: () => ({ rowKey: rowKey(), speaker: '', speakerPosition: '', text: '' }),
  conclusionItems: () => ({ rowKey: rowKey(), text: '', key: false }),
};

export function newDraft(unitCode: string, planCode: string): MeetingDraft {
  return {
    unitCode,
    body: '',
    kind: 'thuong_ky',
    sessionNumber: '',
    term: '',
    title: '',
    heldOn: '',
    place: '',
    planCode,
    period: '',
    summary: '',
    conclusion: '',
    chairs: [BLANK_ROWS.chairs()],
    attendees: [BLANK_ROWS.attendees()],
    agenda: [BLANK_ROWS.agenda()],
    opinions: [BLANK_ROWS.opinions()],
    conclusionItems: [BLANK_ROWS.conclusionItems()],
  };
}

export function draftOf(m: Meeting, units: Unit[]): MeetingDraft {
  const codeOf = (id: number | null) => units.find((u) => u.id === id)?.code ?? '';
  return {
    unitCode: m.unit.code,
    body: m.body,
    kind: m.kind,
    sessionNumber: m.sessionNumber === null ? '' : String(m.sessionNumber),
    term: m.term ?? '',
    title: m.title,
    heldOn: m.heldOn,
    place: m.place ?? '',
    planCode: m.planCode ?? '',
    period: m.period ?? '',
    summary: m.summary ?? '',
    conclusion: m.conclusion ?? '',
    chairs: m.chairs.map((c) => ({ rowKey: rowKey(), name: c.name, positionTitle: c.positionTitle ?? '' })),
    attendees: m.attendees.map((a) => ({
      rowKey: rowKey(),
      name: a.name,
      positionTitle: a.positionTitle ?? '',
      unitCode: codeOf(a.unitId),
    })),
    agenda: m.agenda.map((text) => ({ rowKey: rowKey(), text })),
    opinions: m.opinions.map((o) => ({
      rowKey: rowKey(),
      speaker: o.speaker ?? '',
      speakerPosition: o.speakerPosition ?? '',
      text: o.text,
    })),
    conclusionItems: m.conclusionItems.map((c) => ({ rowKey: rowKey(), id: c.id, text: c.text, key: c.key })),
  };
}

/** A row left with nothing typed in it is not meant to be sent. */
function blank(row: object): boolean {
  return Object.entries(row).every(
    ([k, v]) => k === 'rowKey' || k === 'id' || typeof v !== 'string' || !v.trim(),
  );
}

/** The draft without empty rows: what is sent. The rows stay on screen for the person to fill. */
export function pruned(d: MeetingDraft): MeetingDraft {
  const keep = <T extends object>(rows: T[]) => rows.filter((r) => !blank(r) || ('id' in r && r.id));
  return {
    ...d,
    chairs: keep(d.chairs),
    attendees: keep(d.attendees),
    agenda: keep(d.agenda),
    opinions: keep(d.opinions),
    conclusionItems: keep(d.conclusionItems),
  };
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/**
 * The request body. A new meeting leaves out what is empty; an edit sends `null` to clear it.
 * A session number that is not a whole number goes as typed, for the server to name the problem.
 */
export function meetingBody(d: MeetingDraft, edit: boolean): Record<string, unknown> {
  const clear = (s: string) => opt(s) ?? (edit ? null : undefined);
  const session = d.sessionNumber.trim();
  return {
    ...(edit ? {} : { unitCode: d.unitCode }),
    body: d.body,
    kind: d.kind,
    sessionNumber:
      session === '' ? (edit ? null : undefined) : /^\d+$/.test(session) ? Number(session) : session,
    term: clear(d.term),
    title: d.title,
    heldOn: d.heldOn,
    place: clear(d.place),
    planCode: clear(d.planCode),
    period: clear(d.period),
    summary: clear(d.summary),
    conclusion: clear(d.conclusion),
    chairs: d.chairs.map((c) => ({ name: c.name, positionTitle: opt(c.positionTitle) })),
    attendees: d.attendees.map((a) => ({
      name: a.name,
      positionTitle: opt(a.positionTitle),
      unitCode: opt(a.unitCode),
    })),
    agenda: d.agenda.map((a) => a.text),
    opinions: d.opinions.map((o) => ({
      speaker: opt(o.speaker),
      speakerPosition: opt(o.speakerPosition),
      text: o.text,
    })),
    conclusionItems: d.conclusionItems.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      text: c.text,
      key: c.key,
    })),
  };
}

/** The server's message for a field of one row, found by the row's place in what was sent. */
export type RowError = (list: ListName, rowKey: number, part?: string) => string | undefined;
