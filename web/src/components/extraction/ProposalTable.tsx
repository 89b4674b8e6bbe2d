import { useId } from 'react';
import { formatChange, formatNumber, formatPercent } from '../../format';
import { useLang } from '../../i18n';
import type { PlanIndicator } from '../../types';
import { type Choice, confidence, isCumulative, sentenceAround } from './review-model';
import type { Review } from './types';

/** What happened to a row when the chosen ones were recorded. */
export type RowOutcome = { recorded: true } | { recorded: false; problem: string };

/**
 * The figures read from the text, one per row: the words they came from (marked), the value, the
 * indicator it would be recorded as (changeable), how sure the match is and why it may not be.
 */
export function ProposalTable({
  review,
  text,
  choices,
  outcomes,
  indicators,
  onChange,
}: {
  review: Review;
  text: string;
  choices: Choice[];
  outcomes: Map<number, RowOutcome>;
  indicators: readonly PlanIndicator[];
  onChange(index: number, choice: Choice): void;
}) {
  const { t, lang } = useLang();
  const id = useId();
  const levels: Record<string, string> = {
    high: t('cao', 'high'),
    medium: t('trung bình', 'medium'),
    low: t('thấp', 'low'),
  };
  return (
    <div className="table-wrap">
      <table className="proposals">
        <caption className="sr-only">
          {t('Số liệu đọc được từ văn bản', 'Figures read from the text')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('Ghi', 'Record')}</th>
            <th scope="col">{t('Câu trong văn bản', 'Where in the text')}</th>
            <th scope="col" className="num">
              {t('Giá trị', 'Value')}
            </th>
            <th scope="col">{t('Kỳ', 'Period')}</th>
            <th scope="col" id={`${id}-indicator-col`}>
              {t('Chỉ tiêu khớp', 'Matched indicator')}
            </th>
            <th scope="col">{t('Độ tin cậy, lý do', 'Confidence, why')}</th>
          </tr>
        </thead>
        <tbody>
          {review.proposals.map((p, i) => {
            const choice = choices[i] ?? { accept: false, indicatorCode: '' };
            const indicator = indicators.find((x) => x.code === choice.indicatorCode);
            const outcome = outcomes.get(i);
            const s = sentenceAround(text, p.figure.span);
            const phraseId = `${id}-phrase-${i}`;
            const changed = choice.indicatorCode !== (p.indicator?.code ?? '');
            // The server's reason to skip (a figure already stored, a unit that does not convert) holds
            // until the person picks another indicator.
            const recordable =
              p.figure.value !== null &&
              indicator !== undefined &&
              !outcome?.recorded &&
              !(p.skip && !changed);
            const cumulative = indicator ? isCumulative(p.figure, review, indicator.kind) : false;
            const level = confidence(p.score);
            return (
              <tr
                key={`${p.figure.span[0]}-${p.figure.span[1]}`}
                className={outcome?.recorded ? 'recorded' : undefined}
              >
                <td>
                  <input
                    type="checkbox"
                    checked={choice.accept && recordable}
                    disabled={!recordable}
                    aria-labelledby={phraseId}
                    onChange={(e) => onChange(i, { ...choice, accept: e.target.checked })}
                  />
                </td>
                <td className="sentence">
                  <span id={phraseId} className="phrase">
                    {p.figure.indicator}
                  </span>
                  <blockquote>
                    {s.before}
                    <mark>{s.figure}</mark>
                    {s.after}
                  </blockquote>
                </td>
                <td className="num">
                  <strong>{formatNumber(p.figure.value, lang, 3)}</strong> {p.figure.unit ?? ''}
                  {p.input && !changed && p.input.value !== p.figure.value && (
                    <div className="small muted">
                      = {formatNumber(p.input.value, lang, 3)} {p.indicator?.unit}
                    </div>
                  )}
                  {p.figure.percentOfTarget !== null && (
                    <div className="small muted">
                      {formatPercent(p.figure.percentOfTarget, lang)} {p.figure.targetBasis ?? ''}
                    </div>
                  )}
                  {p.figure.changeVsSamePeriodPct !== null && (
                    <div className="small muted">
                      {formatChange(p.figure.changeVsSamePeriodPct, lang)} {t('so cùng kỳ', 'vs last year')}
                    </div>
                  )}
                </td>
                <td>
                  {!indicator
                    ? '–'
                    : indicator.kind === 'level'
                      ? t('tại cuối tháng', 'at month end')
                      : cumulative
                        ? t('lũy kế từ đầu năm', 'cumulative')
                        : t('trong tháng', 'month')}
                </td>
                <td>
                  <select
                    aria-labelledby={`${id}-indicator-col ${phraseId}`}
                    value={choice.indicatorCode}
                    disabled={outcome?.recorded}
                    onChange={(e) =>
                      onChange(i, { accept: e.target.value !== '', indicatorCode: e.target.value })
                    }
                  >
                    <option value="">{t('— không ghi —', '— none —')}</option>
                    {indicators.map((x) => (
                      <option key={x.code} value={x.code}>
                        {x.name} ({x.measureUnit})
                      </option>
                    ))}
                  </select>
                  {changed && (
                    <div className="small muted">
                      {t('đã đổi, máy đề xuất:', 'changed; proposed:')}{' '}
                      {p.indicator?.name ?? t('không có', 'none')}
                    </div>
                  )}
                </td>
                <td className="why">
                  {p.indicator && (
                    <span className={`confidence confidence-${level}`}>
                      {levels[level]} ({formatPercent(p.score * 100, lang, 0)})
                    </span>
                  )}
                  {p.skip && !changed && <div>{p.skip[lang]}</div>}
                  {p.consistency && p.consistency.status !== 'not_applicable' && (
                    <div className="small">
                      {lang === 'en' ? p.consistency.messageEn : p.consistency.message}
                    </div>
                  )}
                  {outcome?.recorded && <div className="outcome-ok">{t('Đã ghi', 'Recorded')}</div>}
                  {outcome && !outcome.recorded && (
                    <div className="outcome-error" role="alert">
                      {outcome.problem}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
