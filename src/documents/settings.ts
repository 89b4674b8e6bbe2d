/**
 * Formats of administrative documents. Party bodies follow Hướng dẫn 36-HD/VPTW (2018), State
 * bodies Nghị định 30/2020/NĐ-CP; provinces publish handbooks that differ slightly, so every
 * number below is a default that options may change.
 */

export type DocFormat = 'party' | 'state';

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Font sizes in points. */
export interface FontSizes {
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" / "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". */
  national: number;
  /** "Độc lập - Tự do - Hạnh phúc" (State only). */
  motto: number;
  parent: number;
  issuer: number;
  number: number;
  placeDate: number;
  docType: number;
  subject: number;
  body: number;
  table: number;
  recipientsLabel: number;
  recipients: number;
  signature: number;
  pageNumber: number;
}

export interface FormatStyle {
  font: string;
  /** Millimetres. */
  margins: Margins;
  sizes: FontSizes;
  firstLineIndentCm: number;
  paragraphAfterPt: number;
  /** Line spacing as a multiple of single. */
  lineSpacing: number;
}

export const FORMAT_STYLES: Record<DocFormat, FormatStyle> = {
  party: {
    font: 'Times New Roman',
    margins: { top: 25, bottom: 25, left: 35, right: 15 },
    sizes: {
      national: 15,
      motto: 14,
      parent: 14,
      issuer: 14,
      number: 14,
      placeDate: 14,
      docType: 16,
      subject: 14,
      body: 14,
      table: 12,
      recipientsLabel: 14,
      recipients: 12,
      signature: 14,
      pageNumber: 14,
    },
    firstLineIndentCm: 1.27,
    paragraphAfterPt: 6,
    lineSpacing: 1.1,
  },
  state: {
    font: 'Times New Roman',
    margins: { top: 20, bottom: 20, left: 30, right: 15 },
    sizes: {
      national: 13,
      motto: 14,
      parent: 13,
      issuer: 13,
      number: 13,
      placeDate: 14,
      docType: 14,
      subject: 14,
      body: 14,
      table: 12,
      recipientsLabel: 12,
      recipients: 11,
      signature: 14,
      pageNumber: 13,
    },
    firstLineIndentCm: 1.27,
    paragraphAfterPt: 6,
    lineSpacing: 1.1,
  },
};

export interface StyleOverrides {
  font?: string;
  margins?: Partial<Margins>;
  sizes?: Partial<FontSizes>;
  firstLineIndentCm?: number;
  paragraphAfterPt?: number;
  lineSpacing?: number;
}

export function resolveStyle(format: DocFormat, o: StyleOverrides = {}): FormatStyle {
  const base = FORMAT_STYLES[format];
  return {
    font: o.font ?? base.font,
    margins: { ...base.margins, ...o.margins },
    sizes: { ...base.sizes, ...o.sizes },
    firstLineIndentCm: o.firstLineIndentCm ?? base.firstLineIndentCm,
    paragraphAfterPt: o.paragraphAfterPt ?? base.paragraphAfterPt,
    lineSpacing: o.lineSpacing ?? base.lineSpacing,
  };
}

export interface SignerOptions {
  /** "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN". */
  authority?: string;
  /** "BÍ THƯ", "CHỦ TỊCH". */
  title?: string;
  name?: string;
}

/**
 * What a person may set on any document. Everything is optional: what is left out is derived
 * from the plan or the meeting, and what cannot be derived prints as "[chưa có …]".
 */
export interface DocumentOptions {
  format?: DocFormat;
  /** "THÀNH ỦY BẮC KẠN"; default from the plan's issuing body. */
  issuer?: string;
  /** "ĐẢNG BỘ TỈNH BẮC KẠN"; null for none. Default from the unit's parent. */
  parentBody?: string | null;
  /** The issuer's abbreviation in the number: "TU", "UBND". */
  issuerCode?: string;
  /** The document's number, "123"; drafts leave it to the office that issues them. */
  number?: string;
  /** "Bắc Kạn"; default from the unit's name. */
  place?: string;
  /** ISO date of the document. */
  date?: string;
  signer?: SignerOptions;
  /** The "Nơi nhận" lines, without the leading dash. */
  recipients?: string[];
  /** Replaces the default subject line under "BÁO CÁO" / "THÔNG BÁO". */
  subject?: string;
  style?: StyleOverrides;
}

const STATE_BODY = /(ủy|uỷ) ban nhân dân|\bubnd\b|hội đồng nhân dân|\bhđnd\b/iu;
const PARTY_BODY =
  /(^|\s)(thành|tỉnh|huyện|quận|thị|đảng) (ủy|uỷ)|ban thường vụ|ban chấp hành|chi bộ|đảng bộ/iu;

/** Party format for a Party body, State format for anything else (People's Committees first). */
export function formatFor(issuingBody: string): DocFormat {
  if (STATE_BODY.test(issuingBody)) return 'state';
  return PARTY_BODY.test(issuingBody) ? 'party' : 'state';
}

/** Headers spell bodies in full: "UBND thành phố Bắc Kạn" → "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN". */
export function headerName(body: string): string {
  return body
    .replace(/\bUBND\b/gu, 'Ủy ban nhân dân')
    .replace(/\bHĐND\b/gu, 'Hội đồng nhân dân')
    .toLocaleUpperCase('vi')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The abbreviation in document numbers (Hướng dẫn 36: TU, HU, ĐU; Nghị định 30: UBND). */
export function issuerCodeFor(issuingBody: string): string | null {
  const s = issuingBody.toLocaleLowerCase('vi');
  if (/^(thành|tỉnh|thị) (ủy|uỷ)/u.test(s)) return 'TU';
  if (/^(huyện) (ủy|uỷ)/u.test(s)) return 'HU';
  if (/^(quận) (ủy|uỷ)/u.test(s)) return 'QU';
  if (/^đảng (ủy|uỷ)/u.test(s)) return 'ĐU';
  if (STATE_BODY.test(s) && /(ủy|uỷ) ban|ubnd/u.test(s)) return 'UBND';
  if (/hội đồng nhân dân|hđnd/u.test(s)) return 'HĐND';
  return null;
}

const LEVEL_PREFIX = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/iu;

/** "Thành phố Bắc Kạn" → "Bắc Kạn": the place name a document is dated from. */
export function placeOf(unitName: string): string {
  return unitName.replace(LEVEL_PREFIX, '').trim();
}

/** "Số 123-BC/TU" (Party) or "Số: 123/BC-UBND" (State); a blank stays visibly blank. */
export function documentNumber(format: DocFormat, number: string | undefined, type: string, code: string) {
  const n = number?.trim() ? number.trim() : '     ';
  return format === 'party' ? `Số ${n}-${type}/${code}` : `Số: ${n}/${type}-${code}`;
}
