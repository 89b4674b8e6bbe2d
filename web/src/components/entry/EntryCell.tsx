import type { ClipboardEvent, KeyboardEvent } from 'react';
import { formatDateTime, formatNumber } from '../../format';
import { useLang } from '../../i18n';
import type { Figure } from '../../types';
import type { Draft } from './grid-model';

/** One cell of the month sheet: what is stored, what was typed over it, and what is wrong. */
export function EntryCell({
  row,
  column,
  label,
  figure,
  draft,
  problem,
  conflict,
  writable,
  onType,
  onKeyDown,
  onPaste,
  onResolve,
}: {
  row: number;
  column: number;
  label: string;
  figure: Figure | undefined;
  draft: Draft | undefined;
  problem: string | null;
  /** Someone else changed the figure since the sheet was read. */
  conflict: boolean;
  writable: boolean;
  onType(text: string): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  onPaste(e: ClipboardEvent<HTMLInputElement>): void;
  /** Keep what was typed (and save over theirs), or take the stored value. */
  onResolve(keepMine: boolean): void;
}) {
  const { t, lang } = useLang();
  const stored = figure ? formatNumber(figure.value, lang, 6) : '';
  return (
    <td
      className={['cell', draft ? 'changed' : '', problem ? 'invalid' : '', writable ? '' : 'readonly'].join(
        ' ',
      )}
    >
      <input
        data-r={row}
        data-c={column}
        inputMode="decimal"
        aria-label={label}
        aria-invalid={Boolean(problem)}
        title={problem ?? (figure ? figureTitle(figure, lang) : undefined)}
        value={draft ? draft.text : stored}
        readOnly={!writable}
        onChange={(e) => onType(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      {figure?.status === 'official' && !draft && (
        <span className="tag" title={t('chính thức', 'official')}>
          {t('CT', 'off.')}
        </span>
      )}
      {problem && <span className="cell-problem">{problem}</span>}
      {conflict && figure && (
        <span className="cell-conflict">
          ⚠ {t('Trên máy chủ', 'Server')}: {stored}{' '}
          <button type="button" className="link" onClick={() => onResolve(true)}>
            {t('Giữ số tôi nhập', 'Keep mine')}
          </button>{' '}
          <button type="button" className="link" onClick={() => onResolve(false)}>
            {t('Lấy số trên máy chủ', 'Take theirs')}
          </button>
        </span>
      )}
    </td>
  );
}

function figureTitle(f: Figure, lang: 'vi' | 'en'): string {
  const status =
    f.status === 'official'
      ? lang === 'en'
        ? 'official'
        : 'chính thức'
      : lang === 'en'
        ? 'estimate'
        : 'ước';
  return `${status}, ${lang === 'en' ? 'revision' : 'lần'} ${f.revision}, ${formatDateTime(f.recordedAt, lang)}`;
}
