/**
 * The parts every administrative document shares (issuer, number, place and date, signer,
 * recipients), resolved from the options a person gave and what the data say. Whatever is
 * still unknown prints as a "[chưa có …]" placeholder and is listed in `missing`.
 */
import { assertIsoDate } from '../core/dates.js';
import { oneLine, placeholder, upperVi } from './safe-text.js';
import {
  type DocFormat,
  type DocumentOptions,
  documentNumber,
  type FormatStyle,
  formatFor,
  headerName,
  issuerCodeFor,
  placeOf,
  resolveStyle,
} from './settings.js';

export interface Letterhead {
  format: DocFormat;
  style: FormatStyle;
  parentBody: string | null;
  issuer: string;
  /** The issuer as a sentence names it: "Thành ủy Bắc Kạn". */
  issuerName: string;
  number: string;
  place: string;
  date: string;
  signer: { authority: string; title: string; name: string };
  recipients: string[];
  /** What the document had to print as a placeholder, for the person who asked for it. */
  missing: string[];
}

export interface LetterheadFacts {
  /** The body issuing the document ("Thành ủy Bắc Kạn"), when the data name one. */
  issuingBody: string | null;
  /** The unit above the issuer's unit ("Tỉnh Bắc Kạn"). */
  parentUnitName: string | null;
  unitName: string;
  date: string;
  /** "BC" for a report, "TB" for a notice. */
  docType: string;
  signer?: { name?: string | undefined; title?: string | undefined };
  recipients: string[];
}

const DEFAULT_SIGNER: Record<DocFormat, { authority: string; title: string }> = {
  party: { authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ' },
  state: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' },
};

export function resolveLetterhead(o: DocumentOptions, facts: LetterheadFacts): Letterhead {
  const missing: string[] = [];
  const need = (value: string | null | undefined, what: string): string => {
    const v = value ? oneLine(value) : '';
    if (v) return v;
    missing.push(what);
    return placeholder(what);
  };
  const issuingBody = o.issuer ?? facts.issuingBody;
  const format = o.format ?? (issuingBody ? formatFor(issuingBody) : 'party');
  const issuer = issuingBody ? headerName(issuingBody) : need(null, 'tên cơ quan ban hành');
  let parentBody: string | null;
  if (o.parentBody !== undefined) parentBody = o.parentBody === null ? null : upperVi(o.parentBody);
  else if (format === 'party' && facts.parentUnitName)
    parentBody = `ĐẢNG BỘ ${upperVi(facts.parentUnitName)}`;
  else parentBody = null;
  const code = need(o.issuerCode ?? (issuingBody ? issuerCodeFor(issuingBody) : null), 'ký hiệu cơ quan');
  const date = assertIsoDate(o.date ?? facts.date);
  const defaults = DEFAULT_SIGNER[format];
  return {
    format,
    style: resolveStyle(format, o.style),
    parentBody,
    issuer,
    issuerName: issuingBody ? oneLine(issuingBody) : issuer,
    number: documentNumber(format, o.number, facts.docType, code),
    place: need(o.place ?? placeOf(facts.unitName), 'địa danh'),
    date,
    signer: {
      authority: upperVi(o.signer?.authority ?? defaults.authority),
      title: upperVi(o.signer?.title ?? facts.signer?.title ?? defaults.title),
      name: need(o.signer?.name ?? facts.signer?.name, 'họ tên người ký'),
    },
    recipients: (o.recipients ?? facts.recipients).map(oneLine).filter((r) => r !== ''),
    missing,
  };
}

/**
 * The chair of a meeting signs for the body when one of their posts is the body's head
 * ("Bí thư Thành ủy" for a Party committee, "Chủ tịch UBND" for a People's Committee).
 */
export function signerFromChair(
  chair: { name: string; positionTitle: string | null } | undefined,
  format: DocFormat,
): { name: string; title: string } | undefined {
  if (!chair?.positionTitle) return undefined;
  const parts = chair.positionTitle.split(/[,;]/).map((p) => p.trim());
  const wanted = format === 'party' ? /^(phó )?bí thư/iu : /^(phó )?chủ tịch (ubnd|ủy ban|uỷ ban)/iu;
  const hit = parts.find((p) => wanted.test(p));
  if (!hit) return undefined;
  const deputy = /^phó/iu.test(hit);
  const title =
    format === 'party' ? (deputy ? 'PHÓ BÍ THƯ' : 'BÍ THƯ') : deputy ? 'PHÓ CHỦ TỊCH' : 'CHỦ TỊCH';
  return { name: chair.name, title };
}
