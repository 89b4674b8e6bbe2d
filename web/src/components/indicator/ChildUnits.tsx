import { api } from '../../api';
import { formatChange, formatNumber } from '../../format';
import { useLang } from '../../i18n';
import { useSelection } from '../../selection';
import { type ChildrenProgress, childRows } from '../../types';
import { useApi } from '../../use-api';
import { PercentOfTarget, StatusBadge } from '../ProgressBar';
import { ErrorBanner, Loading } from '../ui';

/** The indicator in each unit directly under the chosen one; a unit's name opens its own view. */
export function ChildUnits({ indicator, decimals }: { indicator: string; decimals: number }) {
  const { t, lang } = useLang();
  const s = useSelection();
  const children = useApi(
    () =>
      api.get<ChildrenProgress>('/progress/children', {
        plan: s.planCode,
        period: s.period,
        unit: s.unitCode,
      }),
    [s.planCode, s.period, s.unitCode],
  );
  const rows = childRows(children.data, indicator);
  const n = (v: number | null) => formatNumber(v, lang, decimals);
  return (
    <section aria-labelledby="children-title">
      <h2 id="children-title">{t('Các đơn vị trực thuộc', 'Units below')}</h2>
      <ErrorBanner error={children.error} />
      {children.loading && !children.data && <Loading />}
      {children.data && rows.length === 0 && (
        <p className="muted">
          {t(
            'Các đơn vị trực thuộc chưa có số liệu riêng cho chỉ tiêu này.',
            'No unit below has its own figures for this indicator.',
          )}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="children-table">
            <thead>
              <tr>
                <th scope="col">{t('Đơn vị', 'Unit')}</th>
                <th scope="col" className="num">
                  {t('Kế hoạch', 'Target')}
                </th>
                <th scope="col" className="num">
                  {t('Thực hiện', 'Actual')}
                </th>
                <th scope="col" className="bar-col">
                  {t('% kế hoạch', '% of target')}
                </th>
                <th scope="col" className="num">
                  {t('So cùng kỳ', 'vs last year')}
                </th>
                <th scope="col">{t('Đánh giá', 'Assessment')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ unit, unitName, p }) => (
                <tr key={unit}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => s.select({ unit })}>
                      {unitName}
                    </button>
                  </th>
                  <td className="num">{n(p.target)}</td>
                  <td className="num strong">{n(p.actual)}</td>
                  <td className="bar-col">
                    <PercentOfTarget p={p} />
                  </td>
                  <td className="num">{formatChange(p.changeVsSamePeriodPct, lang)}</td>
                  <td>{p.target !== null && <StatusBadge status={p.status} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
