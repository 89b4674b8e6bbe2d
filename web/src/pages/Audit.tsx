import { Fragment, useState } from 'react';
import { api } from '../api';
import '../components/plans/admin.css';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { formatDateTime, formatNumber } from '../format';
import { type Lang, useLang } from '../i18n';
import { setQuery, useLocation } from '../router';
import type { Page } from '../types';
import { useApi } from '../use-api';

interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

const PAGE = 50;

/** What each recorded action means, for people who never saw the code names. */
const ACTIONS: Record<string, { vi: string; en: string }> = {
  'plan.create': { vi: 'Tạo kế hoạch', en: 'Plan created' },
  'plan.update': { vi: 'Sửa kế hoạch', en: 'Plan edited' },
  'plan.include_indicator': { vi: 'Đưa chỉ tiêu vào kế hoạch', en: 'Indicator added to plan' },
  'indicator.create': { vi: 'Tạo chỉ tiêu', en: 'Indicator created' },
  'indicator.update': { vi: 'Sửa chỉ tiêu', en: 'Indicator edited' },
  'target.create': { vi: 'Giao chỉ tiêu', en: 'Target set' },
  'target.update': { vi: 'Sửa giá trị chỉ tiêu', en: 'Target changed' },
  'figure.record': { vi: 'Nhập số liệu', en: 'Figure recorded' },
  'figure.correct': { vi: 'Sửa số liệu', en: 'Figure corrected' },
  'period.lock': { vi: 'Khóa kỳ báo cáo', en: 'Period locked' },
  'period.unlock': { vi: 'Mở khóa kỳ báo cáo', en: 'Period unlocked' },
  'reporting.settings': { vi: 'Đặt lịch báo cáo', en: 'Reporting settings' },
  'reminders.generate': { vi: 'Tạo nhắc nhở', en: 'Reminders made' },
  'reminder.read': { vi: 'Đọc nhắc nhở', en: 'Reminder read' },
  'meeting.create': { vi: 'Tạo hội nghị', en: 'Conference created' },
  'meeting.update': { vi: 'Sửa hội nghị', en: 'Conference edited' },
  'person.create': { vi: 'Thêm cán bộ', en: 'Person added' },
  'directive.create': { vi: 'Giao nhiệm vụ', en: 'Directive created' },
  'directive.edit': { vi: 'Sửa nhiệm vụ', en: 'Directive edited' },
  'directive.update': { vi: 'Báo cáo tiến độ nhiệm vụ', en: 'Directive update' },
  'directive.complete': { vi: 'Hoàn thành nhiệm vụ', en: 'Directive completed' },
  'unit.create': { vi: 'Thêm đơn vị', en: 'Unit added' },
  'unit.update': { vi: 'Sửa đơn vị', en: 'Unit edited' },
  'unit.merge': { vi: 'Hợp nhất đơn vị', en: 'Units merged' },
  'user.create': { vi: 'Tạo tài khoản', en: 'Account created' },
  'user.update': { vi: 'Sửa tài khoản', en: 'Account edited' },
  'token.create': { vi: 'Tạo mã truy cập', en: 'Token created' },
  'token.revoke': { vi: 'Thu hồi mã truy cập', en: 'Token revoked' },
};

const ENTITIES: Record<string, { vi: string; en: string }> = {
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  target: { vi: 'Giá trị chỉ tiêu', en: 'Target' },
  figure: { vi: 'Số liệu', en: 'Figure' },
  period_lock: { vi: 'Khóa kỳ', en: 'Period lock' },
  reminder: { vi: 'Nhắc nhở', en: 'Reminder' },
  meeting: { vi: 'Hội nghị', en: 'Conference' },
  person: { vi: 'Cán bộ', en: 'Person' },
  directive: { vi: 'Nhiệm vụ', en: 'Directive' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  user: { vi: 'Tài khoản', en: 'Account' },
  api_token: { vi: 'Mã truy cập', en: 'API token' },
};

/** Field names as the forms call them; nested paths use their last part ("unit.name"). */
const FIELDS: Record<string, { vi: string; en: string }> = {
  name: { vi: 'Tên', en: 'Name' },
  title: { vi: 'Nội dung', en: 'Title' },
  code: { vi: 'Mã', en: 'Code' },
  value: { vi: 'Giá trị', en: 'Value' },
  basis: { vi: 'Căn cứ', en: 'Basis' },
  issuingBody: { vi: 'Cơ quan ban hành, giao', en: 'Issuing body' },
  documentNumber: { vi: 'Số văn bản', en: 'Document number' },
  adoptedOn: { vi: 'Ngày ban hành', en: 'Adopted on' },
  defaultBasis: { vi: 'Căn cứ mặc định', en: 'Default basis' },
  validFrom: { vi: 'Hiệu lực từ', en: 'Valid from' },
  validTo: { vi: 'Hết hiệu lực từ', en: 'Ends on' },
  predecessors: { vi: 'Đơn vị hợp nhất', en: 'Merged units' },
  on: { vi: 'Ngày hợp nhất', en: 'Merger date' },
  displayName: { vi: 'Tên hiển thị', en: 'Display name' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  deadline: { vi: 'Thời hạn', en: 'Deadline' },
  completedOn: { vi: 'Ngày hoàn thành', en: 'Completed on' },
  status: { vi: 'Trạng thái', en: 'Status' },
  version: { vi: 'Phiên bản', en: 'Version' },
  month: { vi: 'Tháng', en: 'Month' },
  year: { vi: 'Năm', en: 'Year' },
  note: { vi: 'Ghi chú', en: 'Note' },
};

const word = (table: Record<string, { vi: string; en: string }>, key: string, lang: Lang) =>
  table[key]?.[lang] ?? key;

/** Who changed what and when, newest first; each entry opens to what it was before and after. */
export function Audit() {
  const { t, lang } = useLang();
  const { query } = useLocation();
  const entity = query.get('entity') ?? '';
  const action = query.get('action') ?? '';
  const userId = query.get('user') ?? '';
  const entityId = query.get('id') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const page = Math.max(Number(query.get('page') ?? '1') || 1, 1);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const log = useApi(
    () =>
      api.get<Page<AuditEntry>>('/audit', {
        entity,
        action,
        userId,
        entityId,
        from,
        to,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    [entity, action, userId, entityId, from, to, page],
  );
  const users = useApi(
    () => api.get<Page<{ id: number; username: string; displayName: string }>>('/users', { limit: 500 }),
    [],
  );
  const userName = (id: number | null) => {
    if (id === null) return t('Hệ thống', 'System');
    const u = users.data?.items.find((x) => x.id === id);
    return u ? `${u.displayName} (${u.username})` : `#${id}`;
  };
  const filter = (changes: Record<string, string | null>) => setQuery({ ...changes, page: null });
  const actions = Object.keys(ACTIONS).filter(
    (a) => !entity || a.startsWith(`${entity === 'api_token' ? 'token' : entity}.`),
  );
  const total = log.data?.total ?? 0;
  const pages = Math.max(Math.ceil(total / PAGE), 1);
  const toggle = (id: number) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageTitle>{t('Nhật ký thay đổi', 'Audit log')}</PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('Đối tượng', 'Entity')}</span>
          <select value={entity} onChange={(e) => filter({ entity: e.target.value || null, action: null })}>
            <option value="">{t('Tất cả', 'All')}</option>
            {Object.keys(ENTITIES).map((k) => (
              <option key={k} value={k}>
                {word(ENTITIES, k, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('Thao tác', 'Action')}</span>
          <select value={action} onChange={(e) => filter({ action: e.target.value || null })}>
            <option value="">{t('Tất cả', 'All')}</option>
            {actions.map((k) => (
              <option key={k} value={k}>
                {word(ACTIONS, k, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('Người thực hiện', 'By')}</span>
          <select value={userId} onChange={(e) => filter({ user: e.target.value || null })}>
            <option value="">{t('Tất cả', 'All')}</option>
            {users.data?.items.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.username})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('Số hiệu bản ghi', 'Record id')}</span>
          <input
            inputMode="numeric"
            size={6}
            value={entityId}
            onChange={(e) => filter({ id: e.target.value.replace(/\D/g, '') || null })}
          />
        </label>
        <label>
          <span>{t('Từ ngày', 'From')}</span>
          <input type="date" value={from} onChange={(e) => filter({ from: e.target.value || null })} />
        </label>
        <label>
          <span>{t('Đến ngày', 'To')}</span>
          <input type="date" value={to} onChange={(e) => filter({ to: e.target.value || null })} />
        </label>
      </form>
      <ErrorBanner error={log.error} />
      {log.loading && !log.data && <Loading />}
      {log.data && (
        <>
          <p className="muted" aria-live="polite">
            {t(`${formatNumber(total, lang)} bản ghi`, `${formatNumber(total, lang)} entries`)}
          </p>
          <div className="table-wrap">
            <table className="audit-table">
              <caption className="sr-only">{t('Nhật ký thay đổi', 'Audit log')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Thời điểm', 'When')}</th>
                  <th scope="col">{t('Thao tác', 'Action')}</th>
                  <th scope="col">{t('Đối tượng', 'Record')}</th>
                  <th scope="col">{t('Người thực hiện', 'By')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((e) => (
                  <Fragment key={e.id}>
                    <tr>
                      <td className="nowrap">{formatDateTime(e.at, lang)}</td>
                      <th scope="row" className="name">
                        <button
                          type="button"
                          className="expand"
                          aria-expanded={open.has(e.id)}
                          aria-controls={`audit-${e.id}`}
                          onClick={() => toggle(e.id)}
                        >
                          <span aria-hidden="true">{open.has(e.id) ? '▾ ' : '▸ '}</span>
                          {word(ACTIONS, e.action, lang)}
                        </button>
                      </th>
                      <td>
                        {word(ENTITIES, e.entity, lang)} {e.entityId !== null && `#${e.entityId}`}{' '}
                        <span className="muted small">{summary(e)}</span>
                      </td>
                      <td>{userName(e.userId)}</td>
                    </tr>
                    {open.has(e.id) && (
                      <tr className="audit-detail" id={`audit-${e.id}`}>
                        <td colSpan={4}>
                          <Diff before={e.before} after={e.after} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('Phân trang', 'Pages')}>
            <button type="button" disabled={page <= 1} onClick={() => setQuery({ page: String(page - 1) })}>
              {t('‹ Mới hơn', '‹ Newer')}
            </button>
            <span>{t(`Trang ${page}/${pages}`, `Page ${page} of ${pages}`)}</span>
            <button
              type="button"
              disabled={page >= pages}
              onClick={() => setQuery({ page: String(page + 1) })}
            >
              {t('Cũ hơn ›', 'Older ›')}
            </button>
          </nav>
        </>
      )}
    </>
  );
}

/** A short name for the record, so the list reads without opening every entry. */
function summary(e: AuditEntry): string {
  const o = (e.after ?? e.before) as Record<string, unknown> | null;
  if (!o || typeof o !== 'object') return '';
  const inner = (o.unit ?? o) as Record<string, unknown>;
  for (const k of ['name', 'title', 'displayName', 'code', 'indicatorCode']) {
    const v = inner[k];
    if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 77)}…` : v;
  }
  return '';
}

/** Nested objects become dotted paths ("leadUnit.name") so a change deep inside is one row. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, value);
  return out;
}

function show(v: unknown, lang: Lang): string {
  if (v === undefined) return '';
  if (v === null) return '–';
  if (typeof v === 'number') return formatNumber(v, lang, 6);
  if (typeof v === 'boolean') return v ? (lang === 'en' ? 'yes' : 'có') : lang === 'en' ? 'no' : 'không';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(', ');
  return JSON.stringify(v);
}

/** Before and after side by side, changed fields marked in words as well as colour. */
function Diff({ before, after }: { before: unknown; after: unknown }) {
  const { t, lang } = useLang();
  const [all, setAll] = useState(false);
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  const changed = (k: string) => show(b.get(k), lang) !== show(a.get(k), lang);
  const both = before !== null && after !== null;
  const rows = both && !all ? keys.filter(changed) : keys;
  if (keys.length === 0) return <p className="muted">{t('Không có chi tiết.', 'No details recorded.')}</p>;
  return (
    <>
      <table className="diff">
        <caption className="sr-only">{t('Trước và sau thay đổi', 'Before and after')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Trường', 'Field')}</th>
            <th scope="col">{t('Trước', 'Before')}</th>
            <th scope="col">{t('Sau', 'After')}</th>
            <th scope="col">{t('Thay đổi', 'Changed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((k) => {
            const c = both && changed(k);
            return (
              <tr key={k} className={c ? 'changed' : ''}>
                <th scope="row">
                  {FIELDS[k.split('.').pop() ?? k]?.[lang]} <span className="muted small">{k}</span>
                </th>
                <td>{c ? <del>{show(b.get(k), lang)}</del> : show(b.get(k), lang)}</td>
                <td>{c ? <ins>{show(a.get(k), lang)}</ins> : show(a.get(k), lang)}</td>
                <td>{c ? t('đã đổi', 'changed') : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {both && (
        <button type="button" className="link" onClick={() => setAll(!all)}>
          {all
            ? t('Chỉ hiện trường đã đổi', 'Show changed fields only')
            : t(
                `Hiện cả các trường không đổi (${keys.length - rows.length})`,
                `Show unchanged fields too (${keys.length - rows.length})`,
              )}
        </button>
      )}
      <details>
        <summary>{t('Dữ liệu gốc (JSON)', 'Raw data (JSON)')}</summary>
        <pre className="small">{JSON.stringify({ before, after }, null, 2)}</pre>
      </details>
    </>
  );
}
