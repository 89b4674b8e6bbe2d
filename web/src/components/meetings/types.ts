/** The meeting shapes of /api/v1/meetings and /api/v1/people, as far as the pages read them. */

export const MEETING_KINDS = ['thuong_ky', 'mo_rong', 'chuyen_de', 'bat_thuong'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface MeetingSummary {
  id: number;
  unitId: number;
  unit: { code: string; name: string };
  body: string;
  kind: MeetingKind;
  sessionNumber: number | null;
  term: string | null;
  title: string;
  heldOn: string;
  place: string | null;
  planId: number | null;
  planCode: string | null;
  period: string | null;
  summary: string | null;
  conclusion: string | null;
  version: number;
}

export interface ConclusionItem {
  id: number;
  text: string;
  key: boolean;
}

export interface Meeting extends MeetingSummary {
  chairs: { personId: number; name: string; positionTitle: string | null }[];
  attendees: { name: string; positionTitle: string | null; unitId: number | null }[];
  agenda: string[];
  opinions: { speaker: string | null; speakerPosition: string | null; text: string }[];
  conclusionItems: ConclusionItem[];
  actions: { edit: boolean; createDirectives: boolean };
}

export interface Person {
  id: number;
  fullName: string;
  positions: {
    title: string;
    unitId: number | null;
    unitCode: string | null;
    validFrom: string | null;
    validTo: string | null;
  }[];
}

/** The positions a person held on `day` ("Bí thư Thành ủy, Chủ tịch HĐND thành phố"). */
export function positionsOn(person: Person, day: string): string {
  return person.positions
    .filter((p) => (!p.validFrom || p.validFrom <= day) && (!p.validTo || p.validTo >= day))
    .map((p) => p.title)
    .join(', ');
}

const KIND_LABELS: Record<MeetingKind, { vi: string; en: string }> = {
  thuong_ky: { vi: 'thường kỳ', en: 'regular' },
  mo_rong: { vi: 'mở rộng', en: 'extended' },
  chuyen_de: { vi: 'chuyên đề', en: 'thematic' },
  bat_thuong: { vi: 'bất thường', en: 'extraordinary' },
};

export function meetingKindLabel(kind: MeetingKind, lang: 'vi' | 'en'): string {
  return KIND_LABELS[kind]?.[lang] ?? kind;
}
