import { useId } from 'react';
import { api } from '../api';
import '../components/directives/directives.css';
import {
  type Directive,
  DirectiveStatusBadge,
  KeyMark,
  OverdueDays,
  STATUS_ORDER,
} from '../components/directives/Status';
import { UnitSelect } from '../components/directives/UnitPickers';
import type { MeetingSummary } from '../components/meetings/types';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { directiveStatusLabel, formatDate, formatNumber } from '../format';
import { useLang } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { flattenUnits, useSelection } from '../selection';
import type { DirectiveStatus, Page } from '../types';
import { useApi } from '../use-api';

/** Every directive the filters the server knows (meeting, unit, key) leave, page by page. */
async function allDirectives(query: Record<string, string | undefined>): Promise<Directive[]> {
  const out: Directive[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await api.get<Page<Directive>>('/directives', { ...query, limit: 500, offset });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

// The Government Office's 2×2: done or not × within the deadline or not.
const GRID: { row: [string, string]; cells: [DirectiveStatus, DirectiveStatus] }[] = [
  { row: ['Đang thực hiện', 'In progress'], cells: ['in_progress_on_time', 'in_progress_overdue'] },
  { row: ['Đã hoàn thành', 'Done'], cells: ['done_on_time', 'done_late'] },
];

/**
 * The directives board: counts in the 2×2 of done or not × on time or not (plus standing tasks),
 * filtered by unit (lead or co-unit), meeting, deadline range and key tasks; the overdue first.
 */
export function Directives() {
  const { t, lang } = useLang();
  const s = useSelection();
  const { query } = useLocation();
  const unitId = useId();
  const status = (query.get('status') ?? '') as DirectiveStatus | '';
  const unit = query.get('unit') ?? '';
  const meeting = query.get('meeting') ?? '';
  const key = query.get('key') === 'true';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const list = useApi(
    () =>
      allDirectives({
        unit: unit || undefined,
        meeting: meeting || undefined,
        key: key ? 'true' : undefined,
      }),
    [unit, meeting, key],
  );
  const meetings = useApi(() => api.get<Page<MeetingSummary>>('/meetings', { limit: 500 }), []);
  // A deadline range leaves out standing tasks, which have none.
  const inRange = (d: Directive) =>
    (!from || (d.deadline !== null && d.deadline >= from)) &&
    (!to || (d.deadline !== null && d.deadline <= to));
  const ranged = (list.data ?? []).filter(inRange);
  const counts = new Map<DirectiveStatus, number>();
  for (const d of ranged) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);
  const shown = ranged
    .filter((d) => !status || d.status === status)
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
        a.id - b.id,
    );
  const toggle = (st: DirectiveStatus) => setQuery({ status: status === st ? null : st });
  const cell = (st: DirectiveStatus) => (
    <button key={st} type="button" aria-pressed={status === st} onClick={() => toggle(st)}>
      <DirectiveStatusBadge status={st} /> <b>{formatNumber(counts.get(st) ?? 0, lang)}</b>
    </button>
  );

  return (
    <>
      <PageTitle>{t('Theo dõi nhiệm vụ', 'Directives')}</PageTitle>
      <form className="filters board-filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={unitId}>
          <span>{t('Đơn vị (chủ trì hoặc phối hợp)', 'Unit (lead or co-unit)')}</span>
          <UnitSelect
            id={unitId}
            units={flattenUnits(s.units)}
            empty={t('Tất cả đơn vị', 'All units')}
            value={unit}
            onChange={(code) => setQuery({ unit: code || null })}
          />
        </label>
        <label>
          <span>{t('Hội nghị', 'Conference')}</span>
          <select value={meeting} onChange={(e) => setQuery({ meeting: e.target.value || null })}>
            <option value="">{t('Tất cả hội nghị', 'All conferences')}</option>
            {meetings.data?.items.map((m) => (
              <option key={m.id} value={m.id}>
                {formatDate(m.heldOn)} — {m.title}
              </option>
            ))}
          </select>
        </label>
        <label className="date">
          <span>{t('Thời hạn từ ngày', 'Deadline from')}</span>
          <input type="date" value={from} onChange={(e) => setQuery({ from: e.target.value || null })} />
        </label>
        <label className="date">
          <span>{t('đến ngày', 'to')}</span>
          <input type="date" value={to} onChange={(e) => setQuery({ to: e.target.value || null })} />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={key}
            onChange={(e) => setQuery({ key: e.target.checked ? 'true' : null })}
          />
          {t('Chỉ nhiệm vụ trọng tâm', 'Key tasks only')}
        </label>
      </form>
      <ErrorBanner error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <fieldset className="status-grid">
            <legend>{t('Tình trạng', 'Status')}</legend>
            <span />
            <span className="axis">{t('Trong hạn', 'On time')}</span>
            <span className="axis">{t('Quá hạn', 'Late')}</span>
            {GRID.map((g) => [
              <span key={g.row[0]} className="axis">
                {lang === 'en' ? g.row[1] : g.row[0]}
              </span>,
              ...g.cells.map(cell),
            ])}
            <span className="axis">{t('Không thời hạn', 'No deadline')}</span>
            {cell('ongoing')}
            <button type="button" aria-pressed={status === ''} onClick={() => setQuery({ status: null })}>
              {t('Tất cả', 'All')} <b>{formatNumber(ranged.length, lang)}</b>
            </button>
          </fieldset>
          <p className="muted small" aria-live="polite">
            {status
              ? t(
                  `${shown.length} nhiệm vụ ${directiveStatusLabel(status, lang)}`,
                  `${shown.length} directives ${directiveStatusLabel(status, lang)}`,
                )
              : t(`${shown.length} nhiệm vụ`, `${shown.length} directives`)}
          </p>
          {shown.length > 0 ? (
            <div className="table-wrap">
              <table className="directives">
                <caption className="sr-only">{t('Danh sách nhiệm vụ', 'Directives')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="title-cell">
                      {t('Nhiệm vụ', 'Directive')}
                    </th>
                    <th scope="col">{t('Tình trạng', 'Status')}</th>
                    <th scope="col">{t('Thời hạn', 'Deadline')}</th>
                    <th scope="col">{t('Chủ trì', 'Lead')}</th>
                    <th scope="col">{t('Phối hợp', 'Co-units')}</th>
                    <th scope="col">{t('Hoàn thành', 'Done on')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((d) => (
                    <tr key={d.id} className={d.status === 'in_progress_overdue' ? 'row-overdue' : undefined}>
                      <th scope="row" className="title-cell">
                        <Link href={`/directives/${d.id}`}>{d.title}</Link> {d.key && <KeyMark />}
                      </th>
                      <td>
                        <DirectiveStatusBadge status={d.status} />
                        <OverdueDays directive={d} />
                      </td>
                      <td className="num">
                        {d.deadline ? formatDate(d.deadline) : t('thường xuyên', 'standing')}
                      </td>
                      <td>{d.leadUnit.name}</td>
                      <td>{d.coUnits.map((u) => u.name).join('; ') || '–'}</td>
                      <td className="num">{formatDate(d.completedOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t('Không có nhiệm vụ nào khớp bộ lọc.', 'No directive matches.')}</p>
          )}
        </>
      )}
    </>
  );
}
