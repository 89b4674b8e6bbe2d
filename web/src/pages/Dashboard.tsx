import { Fragment, useState } from 'react';
import { api } from '../api';
import { PercentOfTarget, StatusBadge } from '../components/ProgressBar';
import { SelectionBar } from '../components/SelectionBar';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { fieldLabel, formatChange, formatNumber, formatPercent, statusLabel } from '../format';
import { useLang } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { useSelection } from '../selection';
import {
  type ChildrenProgress,
  childRows,
  type IndicatorProgress,
  type ProgressReport,
  type ProgressStatus,
} from '../types';
import { useApi } from '../use-api';

const STATUSES: ProgressStatus[] = ['at_risk', 'behind', 'on_track', 'achieved', 'no_data'];

/** What the article told its readers, in one look: each target, how far it got, what lags. */
export function Dashboard() {
  const { t, lang } = useLang();
  const s = useSelection();
  const { query } = useLocation();
  const field = query.get('field') ?? '';
  const status = (query.get('status') ?? '') as ProgressStatus | '';
  const [open, setOpen] = useState<string | null>(null);
  const ready = Boolean(s.planCode && s.period && s.unitCode);
  const report = useApi(
    () =>
      ready
        ? api.get<ProgressReport>('/progress', { plan: s.planCode, period: s.period, unit: s.unitCode })
        : Promise.resolve(undefined),
    [s.planCode, s.period, s.unitCode],
  );
  const children = useApi(
    () =>
      open && ready
        ? api.get<ChildrenProgress>('/progress/children', {
            plan: s.planCode,
            period: s.period,
            unit: s.unitCode,
          })
        : Promise.resolve(undefined),
    [open !== null, s.planCode, s.period, s.unitCode],
  );
  const r = report.data;
  const counts = new Map<ProgressStatus, number>();
  for (const i of r?.indicators ?? []) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const shown = (r?.indicators ?? []).filter(
    (i) => (!field || i.field === field) && (!status || i.status === status),
  );
  const fields = [...new Set((r?.indicators ?? []).map((i) => i.field))];
  const groups = fields
    .map((f) => ({ field: f, items: shown.filter((i) => i.field === f) }))
    .filter((g) => g.items.length > 0);
  const dp = (i: IndicatorProgress) => Math.max(i.decimals, 0);

  return (
    <>
      <PageTitle
        actions={
          r?.actions.recordFigures ? (
            <Link className="button" href={`/entry?plan=${s.planCode}&period=${s.period}&unit=${s.unitCode}`}>
              {t('Nhập số liệu tháng này', "Enter this month's figures")}
            </Link>
          ) : null
        }
      >
        {t('Tiến độ thực hiện nghị quyết', 'Progress against the resolution')}
      </PageTitle>
      <SelectionBar />
      <ErrorBanner error={report.error} />
      {!r && !report.error && <Loading />}
      {r && (
        <>
          <h2 className="report-title">
            {r.planName} — {r.unitName} — {r.periodLabel}
          </h2>
          <fieldset className="status-filter">
            <legend>{t('Đánh giá', 'Assessment')}</legend>
            <button type="button" aria-pressed={status === ''} onClick={() => setQuery({ status: null })}>
              {t('Tất cả', 'All')} <b>{r.indicators.length}</b>
            </button>
            {STATUSES.filter((st) => counts.get(st)).map((st) => (
              <button
                key={st}
                type="button"
                className={`chip chip-${st}`}
                aria-pressed={status === st}
                onClick={() => setQuery({ status: status === st ? null : st })}
              >
                {statusLabel(st, lang)} <b>{counts.get(st)}</b>
              </button>
            ))}
            <label className="inline">
              <span>{t('Lĩnh vực', 'Field')}</span>
              <select value={field} onChange={(e) => setQuery({ field: e.target.value || null })}>
                <option value="">{t('Tất cả lĩnh vực', 'All fields')}</option>
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {fieldLabel(f, lang)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <div className="table-wrap">
            <table className="progress">
              <caption className="sr-only">
                {r.planName} — {r.periodLabel}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('Chỉ tiêu', 'Indicator')}</th>
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
                  <th scope="col" className="num">
                    {t('Dự báo cả năm', 'Year forecast')}
                  </th>
                  <th scope="col">{t('Đánh giá', 'Assessment')}</th>
                </tr>
              </thead>
              {groups.map((g) => (
                <tbody key={g.field}>
                  <tr className="group">
                    <th colSpan={7} scope="colgroup">
                      {fieldLabel(g.field, lang)}
                    </th>
                  </tr>
                  {g.items.map((i) => (
                    <Fragment key={i.code}>
                      <tr className={`row-${i.status}`}>
                        <th scope="row" className="name">
                          <button
                            type="button"
                            className="expand"
                            aria-expanded={open === i.code}
                            onClick={() => setOpen(open === i.code ? null : i.code)}
                          >
                            <span aria-hidden="true">{open === i.code ? '▾' : '▸'}</span>
                            <span className="sr-only">
                              {t(`Xem theo đơn vị: ${i.name}`, `By unit: ${i.name}`)}
                            </span>
                          </button>
                          <Link
                            href={`/indicators/${encodeURIComponent(i.code)}?plan=${s.planCode}&period=${s.period}&unit=${s.unitCode}`}
                          >
                            {i.name}
                          </Link>{' '}
                          <span className="muted">({i.unit})</span>
                        </th>
                        <td className="num">
                          {formatNumber(i.target, lang, Math.max(dp(i), 2))}{' '}
                          <span className="muted">{i.basis}</span>
                        </td>
                        <td className="num strong">{formatNumber(i.actual, lang, dp(i))}</td>
                        <td className="bar-col">
                          <PercentOfTarget p={i} />
                          {i.otherTargets.map((o) => (
                            <div key={o.basis} className="muted small">
                              {formatPercent(o.percentOfTarget, lang)} {o.basis}
                            </div>
                          ))}
                        </td>
                        <td className={`num ${(i.changeVsSamePeriodPct ?? 0) < 0 ? 'down' : ''}`}>
                          {formatChange(i.changeVsSamePeriodPct, lang)}
                        </td>
                        <td className="num">{formatNumber(i.forecast, lang, dp(i))}</td>
                        <td>
                          <StatusBadge status={i.status} />
                        </td>
                      </tr>
                      {open === i.code && (
                        <ChildRows
                          indicator={i.code}
                          data={children.data}
                          loading={children.loading}
                          decimals={dp(i)}
                        />
                      )}
                    </Fragment>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
          {shown.length === 0 && (
            <p className="muted">{t('Không có chỉ tiêu nào khớp bộ lọc.', 'No indicator matches.')}</p>
          )}
        </>
      )}
    </>
  );
}

function ChildRows({
  indicator,
  data,
  loading,
  decimals,
}: {
  indicator: string;
  data: ChildrenProgress | undefined;
  loading: boolean;
  decimals: number;
}) {
  const { t, lang } = useLang();
  const s = useSelection();
  const rows = childRows(data, indicator);
  if (loading && !data)
    return (
      <tr className="child">
        <td colSpan={7}>
          <Loading />
        </td>
      </tr>
    );
  if (rows.length === 0)
    return (
      <tr className="child">
        <td colSpan={7} className="muted">
          {t(
            'Các đơn vị trực thuộc chưa có số liệu riêng cho chỉ tiêu này.',
            'No unit below has its own figures.',
          )}
        </td>
      </tr>
    );
  return (
    <>
      {rows.map(({ unit, unitName, p }) => (
        <tr key={unit} className="child">
          <th scope="row" className="name">
            <button type="button" className="link" onClick={() => s.select({ unit })}>
              {unitName}
            </button>
          </th>
          <td className="num">{formatNumber(p.target, lang, decimals)}</td>
          <td className="num">{formatNumber(p.actual, lang, decimals)}</td>
          <td className="bar-col">
            <PercentOfTarget p={p} />
          </td>
          <td className="num">{formatChange(p.changeVsSamePeriodPct, lang)}</td>
          <td className="num">{formatNumber(p.forecast, lang, decimals)}</td>
          <td>{p.target !== null && <StatusBadge status={p.status} />}</td>
        </tr>
      ))}
    </>
  );
}
