import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { type ApiError, api } from '../api';
import { mayRecord } from '../components/entry/grid-model';
import { ProposalTable, type RowOutcome } from '../components/extraction/ProposalTable';
import { type Choice, initialChoices, inputFor } from '../components/extraction/review-model';
import type { FigureInput, Review } from '../components/extraction/types';
import { SelectionBar } from '../components/SelectionBar';
import { ErrorBanner, Field, PageTitle } from '../components/ui';
import { monthLabel } from '../format';
import { useLang } from '../i18n';
import { Link } from '../router';
import { flattenUnits, useSelection } from '../selection';
import { useSession } from '../session';
// The warning banner's look is shared with the documents page.
import '../components/documents/documents.css';
import '../components/extraction/extraction.css';

/**
 * A report pasted as text becomes figures: the server reads it and proposes a figure per number
 * it understood, matched to an indicator; the person checks each, changes a wrong match, and
 * records the chosen ones as estimates of the chosen month, all at once.
 */
export function Extraction() {
  const { t, lang } = useLang();
  const s = useSelection();
  const { session, hasRole } = useSession();
  const [text, setText] = useState('');
  const [review, setReview] = useState<{ data: Review; text: string }>();
  const [choices, setChoices] = useState<Choice[]>([]);
  const [outcomes, setOutcomes] = useState(new Map<number, RowOutcome>());
  const [error, setError] = useState<ApiError>();
  const [recorded, setRecorded] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const all = useMemo(() => flattenUnits(s.units), [s.units]);
  const unit = all.find((u) => u.code === s.unitCode);
  const mayWrite = unit !== undefined && mayRecord(unit, session?.roles ?? [], all);
  const indicators = s.plan?.indicators ?? [];

  // A review belongs to the plan, unit and month it was made for; another choice needs a new one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset exactly when the selection changes.
  useEffect(() => {
    setReview(undefined);
    setOutcomes(new Map());
    setRecorded(null);
    setError(undefined);
  }, [s.planCode, s.period, s.unitCode]);

  async function read(e: FormEvent) {
    e.preventDefault();
    if (!s.planCode || !s.period) return;
    setBusy(true);
    setError(undefined);
    setRecorded(null);
    setOutcomes(new Map());
    try {
      const data = await api.post<Review>('/extract/review', {
        text,
        planCode: s.planCode,
        period: s.period,
        unitCode: s.unitCode,
      });
      setReview({ data, text });
      setChoices(initialChoices(data));
    } catch (err) {
      setError(err as ApiError);
      setReview(undefined);
    } finally {
      setBusy(false);
    }
  }

  const chosen = review
    ? review.data.proposals.flatMap((p, i) => {
        const input = outcomes.get(i)?.recorded
          ? null
          : inputFor(
              p,
              choices[i] ?? { accept: false, indicatorCode: '' },
              review.data,
              review.text,
              indicators,
            );
        return input ? [{ index: i, input }] : [];
      })
    : [];

  async function record() {
    if (chosen.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.post<{ recorded: number }>('/figures/bulk', {
        figures: chosen.map((c): FigureInput => c.input),
      });
      setOutcomes((o) => new Map([...o, ...chosen.map((c) => [c.index, { recorded: true }] as const)]));
      setRecorded(answer.recorded);
    } catch (err) {
      const e = err as ApiError;
      // The batch is all or nothing; each problem names its row of the batch, 1-based.
      const problems = new Map<number, RowOutcome>();
      for (const f of e.fields) {
        const row = f.row === undefined ? undefined : chosen[f.row - 1];
        if (row && !problems.has(row.index)) problems.set(row.index, { recorded: false, problem: f.message });
      }
      setOutcomes((o) => new Map([...[...o].filter(([, x]) => x.recorded), ...problems]));
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (!hasRole('reporter'))
    return (
      <>
        <PageTitle>{t('Trích số liệu từ văn bản', 'Figures from a text')}</PageTitle>
        <p>
          {t('Trang này dành cho người được nhập số liệu.', 'This page is for people who record figures.')}
        </p>
      </>
    );

  const textWindow = review?.data.result.periodWindow;
  const periodMonth = Number(s.period?.slice(5, 7));
  const periodDiffers =
    textWindow &&
    s.period &&
    (textWindow.toMonth !== periodMonth || String(textWindow.year) !== s.period.slice(0, 4));
  const rowFields = error?.fields.filter((f) => f.row !== undefined).map((f) => f.field) ?? [];

  return (
    <>
      <PageTitle>{t('Trích số liệu từ văn bản', 'Figures from a text')}</PageTitle>
      <SelectionBar />
      <form className="card extract-form" onSubmit={read}>
        <Field
          label={t('Văn bản báo cáo', 'Report text')}
          error={review ? undefined : error?.field('text')}
          hint={t(
            'Dán nội dung báo cáo, tin bài hoặc thông báo; máy đọc các câu có số liệu và đối chiếu với chỉ tiêu của kế hoạch. Chưa ghi gì cho đến khi bạn chọn.',
            'Paste a report, article or notice; the figures in it are matched to the plan. Nothing is recorded until you choose.',
          )}
        >
          {(p) => <textarea {...p} rows={8} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={busy || text.trim() === '' || !s.period}>
          {t('Đọc và đối chiếu', 'Read and match')}
        </button>
      </form>
      {!review && <ErrorBanner error={error} shownFields={['text']} />}
      {review && (
        <section aria-labelledby="proposals-title">
          <h2 id="proposals-title">
            {t('Số liệu đọc được', 'Figures found')}: {review.data.proposals.length}
            {review.data.result.period
              ? ` — ${t('kỳ trong văn bản', 'period in the text')}: ${review.data.result.period}`
              : ''}
          </h2>
          {periodDiffers && (
            <div className="banner banner-warn" role="status">
              {t(
                `Văn bản nói về ${review.data.result.period}, nhưng số liệu sẽ được ghi vào ${monthLabel(s.period ?? '', lang)}. Chọn lại kỳ ở trên nếu cần.`,
                `The text is about ${review.data.result.period}, but figures will be recorded for ${monthLabel(s.period ?? '', lang)}. Choose another month above if needed.`,
              )}
            </div>
          )}
          {review.data.proposals.length === 0 ? (
            <p className="muted">
              {t('Không tìm thấy số liệu nào trong văn bản.', 'No figure was found in the text.')}
            </p>
          ) : (
            <ProposalTable
              review={review.data}
              text={review.text}
              choices={choices}
              outcomes={outcomes}
              indicators={indicators}
              onChange={(i, c) => setChoices((cs) => cs.map((x, j) => (j === i ? c : x)))}
            />
          )}
          <ErrorBanner error={error} shownFields={rowFields} />
          {recorded !== null && (
            <div className="banner banner-ok" role="status">
              {t(
                `Đã ghi ${recorded} số liệu ước tính vào ${monthLabel(review.data.period, lang)}.`,
                `Recorded ${recorded} estimates for ${monthLabel(review.data.period, lang)}.`,
              )}{' '}
              <Link href={`/?plan=${review.data.plan}&period=${review.data.period}&unit=${review.data.unit}`}>
                {t('Xem trên trang tổng quan', 'See the dashboard')}
              </Link>
            </div>
          )}
          {mayWrite ? (
            review.data.proposals.length > 0 && (
              <div className="apply-bar">
                <button
                  type="button"
                  className="primary"
                  disabled={busy || chosen.length === 0}
                  onClick={() => void record()}
                >
                  {t(
                    `Ghi ${chosen.length} số liệu đã chọn (số ước tính)`,
                    `Record ${chosen.length} chosen figures (as estimates)`,
                  )}
                </button>
                <span className="muted small">
                  {unit?.name}, {monthLabel(review.data.period, lang)}
                </span>
              </div>
            )
          ) : (
            <p className="muted">
              {t(
                `Bạn không được nhập số liệu cho ${unit?.name ?? s.unitCode}; chọn đơn vị của mình ở trên.`,
                `You may not record figures for ${unit?.name ?? s.unitCode}; choose your own unit above.`,
              )}
            </p>
          )}
        </section>
      )}
    </>
  );
}
