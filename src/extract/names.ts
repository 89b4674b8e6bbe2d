/**
 * Person names in reports: a family name from the closed list of Vietnamese surnames followed by
 * capitalised syllables ("Cù Ngọc Cường", "Nguyễn Thị Thu Hằng"). A title that runs on without
 * punctuation ("Trần Quốc Bảo Tỉnh ủy viên") ends the name; two syllables right after a place
 * word ("thành phố Hà Nội") are a place.
 */
import type { Token } from './tokenizer.js';

const SURNAMES = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh lâm trịnh đào mai cao ' +
    'lương tạ hà cù giàng vương trương lục triệu nông lò quàng hứa chu đoàn tô la thái lưu phùng kiều âu ' +
    'tăng thân khổng lã mạc quách tôn từ diệp tống châu ninh nghiêm kim doãn khúc hầu đàm vi sầm hán ' +
    'bế ma mã lộc vàng sùng thào mùa hờ giáp chẩu đường thạch danh bạch phương lại quan tiêu ứng kha lạc ' +
    'lỗ mẫn nhâm phí thi trà trình viên vưu đới đèo lường lầu cầm vì lừ tòng bàn sa hoàng mông lăng'
  ).split(' '),
);

/** Capitalised words that start a title or an organisation when a lower-case word follows. */
const TITLE_HEADS = new Set(
  (
    'tỉnh huyện thành quận thị xã phường bí phó chủ ủy giám trưởng chánh thủ bộ đại thượng trung thiếu ' +
    'tổng ban chính tư hội đồng nhà ủy viên'
  ).split(' '),
);

const PLACE_WORDS = new Set([
  'phố',
  'tỉnh',
  'huyện',
  'xã',
  'quận',
  'phường',
  'trấn',
  'thôn',
  'bản',
  'xóm',
  'ấp',
]);

export interface PersonName {
  readonly text: string;
  /** Token range [from, to). */
  readonly from: number;
  readonly to: number;
}

function allCaps(t: Token): boolean {
  return t.text.length > 1 && t.text === t.text.toUpperCase();
}

/** The person name starting at token i, if any. */
export function nameAt(tokens: readonly Token[], i: number): PersonName | null {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word' || !t.upper || allCaps(t) || !SURNAMES.has(t.key)) return null;
  let j = i + 1;
  while (j < i + 4) {
    const u = tokens[j];
    if (u === undefined || u.kind !== 'word' || !u.upper || !u.space || u.lines > 0 || allCaps(u)) break;
    const next = tokens[j + 1];
    if (TITLE_HEADS.has(u.key) && next?.kind === 'word' && !next.upper) break;
    j++;
  }
  if (j - i < 2) return null;
  if (j - i === 2 && PLACE_WORDS.has(tokens[i - 1]?.key ?? '')) return null;
  const text = tokens
    .slice(i, j)
    .map((x) => x.text)
    .join(' ')
    .normalize('NFC');
  return { text, from: i, to: j };
}

/** All person names in tokens [from, to). */
export function namesIn(tokens: readonly Token[], from: number, to: number): PersonName[] {
  const out: PersonName[] = [];
  for (let i = from; i < to; i++) {
    const n = nameAt(tokens, i);
    if (n !== null && n.to <= to) {
      out.push(n);
      i = n.to - 1;
    }
  }
  return out;
}
