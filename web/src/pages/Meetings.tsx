import { useId } from 'react';
import { api } from '../api';
import { UnitSelect } from '../components/directives/UnitPickers';
import '../components/directives/directives.css';
import '../components/meetings/meetings.css';
import { type MeetingSummary, meetingKindLabel } from '../components/meetings/types';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { formatDate, monthLabel } from '../format';
import { useLang } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { flattenUnits, useSelection } from '../selection';
import { useSession } from '../session';
import type { Page } from '../types';
import { useApi } from '../use-api';

const PAGE_SIZE = 50;

/** Conferences of the units the person may read, newest first, by unit and plan. */
export function Meetings() {
  const { t, lang } = useLang();
  const { hasRole } = useSession();
  const s = useSelection();
  const { query } = useLocation();
  const unitId = useId();
  const unit = query.get('unit') ?? '';
  const plan = query.get('plan') ?? '';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const list = useApi(
    () =>
      api.get<Page<MeetingSummary>>('/meetings', {
        unit,
        plan,
        limit: PAGE_SIZE,
        offset,
      }),
    [unit, plan, offset],
  );
  const page = list.data;
  const units = flattenUnits(s.units);

  return (
    <>
      <PageTitle
        actions={
          hasRole('editor') && (
            <Link href="/meetings/new" className="button primary">
              {t('Ghi hội nghị mới', 'Record a conference')}
            </Link>
          )
        }
      >
        {t('Hội nghị', 'Conferences')}
      </PageTitle>
      <form className="filters board-filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={unitId}>
          <span>{t('Đơn vị', 'Unit')}</span>
          <UnitSelect
            id={unitId}
            units={units}
            empty={t('Tất cả đơn vị', 'All units')}
            value={unit}
            onChange={(code) => setQuery({ unit: code || null, offset: null })}
          />
        </label>
        <label>
          <span>{t('Kế hoạch được kiểm điểm', 'Plan reviewed')}</span>
          <select value={plan} onChange={(e) => setQuery({ plan: e.target.value || null, offset: null })}>
            <option value="">{t('Tất cả', 'All')}</option>
            {s.plans.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.unitName}, {p.year})
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorBanner error={list.error} />
      {!page && !list.error && <Loading />}
      {page && page.items.length === 0 && (
        <p className="muted">{t('Chưa có hội nghị nào được ghi.', 'No conference recorded yet.')}</p>
      )}
      {page && page.items.length > 0 && (
        <div className="table-wrap">
          <table className="meeting-list">
            <caption className="sr-only">{t('Danh sách hội nghị', 'Conferences')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Ngày họp', 'Date')}</th>
                <th scope="col" className="title-cell">
                  {t('Hội nghị', 'Conference')}
                </th>
                <th scope="col">{t('Cơ quan họp', 'Body')}</th>
                <th scope="col">{t('Đơn vị', 'Unit')}</th>
                <th scope="col">{t('Kiểm điểm', 'Reviewed')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((m) => (
                <tr key={m.id}>
                  <td className="num">{formatDate(m.heldOn)}</td>
                  <th scope="row" className="title-cell name">
                    <Link href={`/meetings/${m.id}`}>{m.title}</Link>
                    <div className="muted small">
                      {[
                        meetingKindLabel(m.kind, lang),
                        m.sessionNumber ? t(`lần thứ ${m.sessionNumber}`, `session ${m.sessionNumber}`) : '',
                        m.term ? t(`nhiệm kỳ ${m.term}`, `term ${m.term}`) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </th>
                  <td>{m.body}</td>
                  <td>{m.unit.name}</td>
                  <td>{m.period ? monthLabel(m.period, lang) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && page.total > PAGE_SIZE && (
        <nav className="form-actions" aria-label={t('Trang', 'Pages')}>
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => setQuery({ offset: String(Math.max(offset - PAGE_SIZE, 0)) })}
          >
            {t('Trang trước', 'Previous')}
          </button>
          <span>
            {offset + 1}–{Math.min(offset + PAGE_SIZE, page.total)} / {page.total}
          </span>
          <button
            type="button"
            disabled={offset + PAGE_SIZE >= page.total}
            onClick={() => setQuery({ offset: String(offset + PAGE_SIZE) })}
          >
            {t('Trang sau', 'Next')}
          </button>
        </nav>
      )}
    </>
  );
}
