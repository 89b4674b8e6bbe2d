import { lazy, Suspense, useId } from 'react';
import { api } from '../api';
import { ChildUnits } from '../components/indicator/ChildUnits';
import { FigureHistory } from '../components/indicator/FigureHistory';
import { MonthTable } from '../components/indicator/MonthTable';
import type { ProgressSeries } from '../components/indicator/types';
import { PercentOfTarget, StatusBadge } from '../components/ProgressBar';
import { SelectionBar } from '../components/SelectionBar';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { fieldLabel, formatChange, formatNumber, formatPercent, monthLabel } from '../format';
import { type Lang, useLang } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { useSelection } from '../selection';
import type { IndicatorProgress, ProgressReport } from '../types';
import { useApi } from '../use-api';
import '../components/indicator/indicator.css';

// The chart library is the biggest thing the app loads; only this page asks for it, when shown.
const IndicatorChart = lazy(() => import('../components/indicator/IndicatorChart'));

/** One indicator of one unit: how far it got, month by month, who recorded what, and the units below. */
export function IndicatorPage({ code }: { code: string }) {
  const { t, lang } = useLang();
  const s = useSelection();
  const { query } = useLocation();
  const ready = Boolean(s.planCode && s.period && s.unitCode);
  const where = { plan: s.planCode, period: s.period, unit: s.unitCode };
  const report = useApi(
    () => (ready ? api.get<ProgressReport>('/progress', where) : Promise.resolve(undefined)),
    [s.planCode, s.period, s.unitCode],
  );
  const series = useApi(
    () =>
      ready
        ? api.get<ProgressSeries>('/progress/series', { ...where, indicator: code })
        : Promise.resolve(undefined),
    [s.planCode, s.period, s.unitCode, code],
  );
  const captionId = useId();
  const progress = report.data?.indicators.find((i) => i.code === code);
  const data = series.data?.indicator.code === code ? series.data : undefined;
  const throughMonth = Number(s.period?.slice(5, 7)) || 12;
  const month = Number(query.get('month')) || throughMonth;
  const dp = Math.max(data?.indicator.decimals ?? progress?.decimals ?? 0, 0);
  const dashboard = `/?plan=${s.planCode ?? ''}&period=${s.period ?? ''}&unit=${s.unitCode ?? ''}`;

  return (
    <>
      <p className="back-link">
        <Link href={dashboard}>← {t('Tổng quan', 'Dashboard')}</Link>
      </p>
      <PageTitle>{data?.indicator.name ?? progress?.name ?? code}</PageTitle>
      <SelectionBar />
      <ErrorBanner error={report.error ?? series.error} />
      {!report.data && !report.error && <Loading />}
      {report.data && progress && <Summary report={report.data} p={progress} />}
      {data && (
        <>
          <figure className="card chart-card">
            <Suspense fallback={<Loading />}>
              <IndicatorChart series={data} labelledBy={captionId} />
            </Suspense>
            <figcaption id={captionId}>{chartSummary(data, lang, t)}</figcaption>
          </figure>
          <MonthTable
            series={data}
            month={month}
            onMonth={(m) => setQuery({ month: m === throughMonth ? null : String(m) }, { replace: true })}
          />
          {s.planCode && s.unitCode && (
            <FigureHistory
              plan={s.planCode}
              indicator={code}
              unit={s.unitCode}
              period={`${data.year}-${String(month).padStart(2, '0')}`}
              flow={data.indicator.kind === 'flow'}
              decimals={dp}
            />
          )}
          <ChildUnits indicator={code} decimals={dp} />
        </>
      )}
    </>
  );
}

/** The figures the dashboard row shows, said in full. */
function Summary({ report, p }: { report: ProgressReport; p: IndicatorProgress }) {
  const { t, lang } = useLang();
  const dp = Math.max(p.decimals, 0);
  return (
    <section className="card indicator-summary" aria-labelledby="summary-title">
      <h2 id="summary-title" className="report-title">
        {report.unitName} — {report.periodLabel}{' '}
        <span className="muted small">({fieldLabel(p.field, lang)})</span>
      </h2>
      <dl className="indicator-facts">
        <div>
          <dt>{t('Thực hiện', 'Actual')}</dt>
          <dd className="strong">
            {formatNumber(p.actual, lang, dp)} {p.unit}
          </dd>
        </div>
        <div>
          <dt>
            {t('Kế hoạch', 'Target')} {p.basis ?? ''}
          </dt>
          <dd>
            {formatNumber(p.target, lang, Math.max(dp, 2))} {p.unit}
          </dd>
        </div>
        <div className="fact-bar">
          <dt>{t('% kế hoạch', '% of target')}</dt>
          <dd>
            <PercentOfTarget p={p} strong />
            <span className="muted small">
              {t('dự kiến đến kỳ này', 'expected by now')} {formatPercent(p.expectedPercent, lang)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('Đánh giá', 'Assessment')}</dt>
          <dd>
            <StatusBadge status={p.status} />
          </dd>
        </div>
        <div>
          <dt>{t('So cùng kỳ', 'vs last year')}</dt>
          <dd className={(p.changeVsSamePeriodPct ?? 0) < 0 ? 'down' : undefined}>
            {formatChange(p.changeVsSamePeriodPct, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('Dự báo cả năm', 'Year forecast')}</dt>
          <dd>
            {formatNumber(p.forecast, lang, dp)} {p.unit}
          </dd>
        </div>
      </dl>
      {p.otherTargets.length > 0 && (
        <ul className="other-targets small">
          {p.otherTargets.map((o) => (
            <li key={o.basis}>
              {formatPercent(o.percentOfTarget, lang)} {t('so với', 'of')} {o.basis}
              {o.issuingBody ? ` (${o.issuingBody})` : ''}: {formatNumber(o.value, lang, Math.max(dp, 2))}{' '}
              {p.unit}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the chart shows at the last reported month, in a sentence: its caption and its name. */
function chartSummary(s: ProgressSeries, lang: Lang, t: (vi: string, en: string) => string): string {
  const last = s.months[s.throughMonth - 1];
  const dp = Math.max(s.indicator.decimals, 0);
  const n = (v: number | null | undefined) => `${formatNumber(v, lang, dp)} ${s.indicator.unit}`;
  const through = monthLabel(`${s.year}-${String(s.throughMonth).padStart(2, '0')}`, lang);
  const flow = s.indicator.kind === 'flow';
  return [
    `${flow ? t('Lũy kế đến', 'Cumulative through') : t('Thực hiện', 'Actual in')} ${through}: ${n(last?.actual)}`,
    ...(last?.expectedValue != null
      ? [`${t('tiến độ dự kiến', 'expected pace')} ${n(last.expectedValue)}`]
      : []),
    `${t('cùng kỳ năm trước', 'same period last year')} ${n(last?.lastYearActual)}`,
    ...(s.target !== null
      ? [
          `${t('chỉ tiêu', 'target')} ${s.basis ?? ''} ${formatNumber(s.target, lang, Math.max(dp, 2))} ${s.indicator.unit}`,
        ]
      : []),
  ].join('; ');
}
