/**
 * Text going into a document. XML 1.0 forbids most control characters and lone UTF-16
 * surrogates: one of them in a figure's note or a pasted conclusion would make Word refuse
 * the whole file, so every string is cleaned on its way in, never rejected.
 */

// Tab, line feed and carriage return are legal XML; every other C0 control, DEL..C1 controls
// that Word chokes on, and the two non-characters U+FFFE/U+FFFF are not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text, NFC-normalised, with characters XML cannot carry removed. */
export function xmlSafe(value: string): string {
  return value.replace(LONE_SURROGATE, '\ufffd').replace(INVALID_XML, '').normalize('NFC');
}

/** One line: runs of whitespace (including line breaks) become one space. */
export function oneLine(value: string): string {
  return xmlSafe(value).replace(/\s+/g, ' ').trim();
}

/** Paragraphs of a longer text: split on blank or single line breaks, empty ones dropped. */
export function paragraphsOf(value: string): string[] {
  return xmlSafe(value)
    .split(/\r?\n|\r/)
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** What a document prints where a detail is missing: visible, bracketed, impossible to miss. */
export function placeholder(what: string): string {
  return `[chưa có ${what}]`;
}

export function isPlaceholder(value: string): boolean {
  return /\[chưa có [^\]]+\]/.test(value);
}

export function upperVi(value: string): string {
  return oneLine(value).toLocaleUpperCase('vi');
}

/** Words that start a proper name, kept capitalised when a sentence is continued. */
const PROPER_STARTS =
  /^(Ban|Đảng|Ủy ban|Uỷ ban|UBND|HĐND|MTTQ|Mặt trận|Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Nhà nước|Chính phủ|Quốc hội|Hội đồng|Văn phòng|Bộ|Sở|Phòng|Công an|Đoàn|Hội|Trung ương|Bác Hồ|Chủ tịch Hồ Chí Minh|Hồ Chí Minh|Covid|[A-ZĐ]{2,})/u;

/** "Ghi nhận kết quả…" → "ghi nhận kết quả…", but "Ban Thường vụ…" and "UBND…" stay as they are. */
export function lowerFirst(value: string): string {
  if (value === '' || PROPER_STARTS.test(value)) return value;
  return value.charAt(0).toLocaleLowerCase('vi') + value.slice(1);
}

export function upperFirst(value: string): string {
  return value === '' ? value : value.charAt(0).toLocaleUpperCase('vi') + value.slice(1);
}

/** Drops a sentence's final punctuation, so it can be joined into a list. */
export function withoutFinalStop(value: string): string {
  return value.replace(/[\s.;,:]+$/u, '').replace(/\/\.$/, '');
}
