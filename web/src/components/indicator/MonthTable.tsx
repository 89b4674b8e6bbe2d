import { formatNumber, formatPercent, monthLabel } from '../../format';
import { useLang } from '../../i18n';
import type { ProgressSeries } from './types';

/**
 * The chart's numbers as a table: its text alternative, and what an office worker copies into a
 * report. Each month opens that month's figure history below.
 */
export function MonthTable({
  series,
  month,
  onMonth,
}: {
  series: ProgressSeries;
  month: number;
  onMonth(month: number): void;
}) {
  const { t, lang } = useLang();
  const dp = Math.max(series.indicator.decimals, 0);
  const flow = series.indicator.kind === 'flow';
  const n = (v: number | null) => formatNumber(v, lang, dp);
  return (
    <div className="table-wrap">
      <table className="month-table">
        <caption>
          {t('Số liệu từng tháng', 'Month by month')} ({series.indicator.unit}) —{' '}
          {t('chọn một tháng để xem lịch sử ghi', 'choose a month to see its history')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('Tháng', 'Month')}</th>
            {flow && (
              <th scope="col" className="num">
                {t('Trong tháng', 'In the month')}
              </th>
            )}
            <th scope="col" className="num">
              {flow ? t('Lũy kế', 'Cumulative') : t('Thực hiện', 'Actual')}
            </th>
            <th scope="col" className="num">
              {t('Dự kiến', 'Expected')}
            </th>
            <th scope="col" className="num">
              {t('% kế hoạch', '% of target')}
            </th>
            <th scope="col" className="num">
              {flow ? t('Lũy kế cùng kỳ', 'Last year, cumulative') : t('Cùng kỳ', 'Last year')}
            </th>
          </tr>
        </thead>
        <tbody>
          {series.months.map((m) => (
            <tr key={m.month} className={m.month === month ? 'chosen' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-pressed={m.month === month}
                  onClick={() => onMonth(m.month)}
                >
                  {monthLabel(`${series.year}-${String(m.month).padStart(2, '0')}`, lang)}
                </button>
              </th>
              {flow && <td className="num">{n(m.value)}</td>}
              <td className="num strong">{n(m.actual)}</td>
              <td className="num">{n(m.expectedValue)}</td>
              <td className="num">{formatPercent(m.percentOfTarget, lang)}</td>
              <td className="num">{n(m.lastYearActual)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
