import { type FormEvent, useState } from 'react';
import { type ApiError, api, asApiError } from '../api';
import { SelectionBar } from '../components/SelectionBar';
import { ErrorBanner, Field, Loading, PageTitle } from '../components/ui';
import { formatDate, formatDateTime, monthLabel } from '../format';
import { useLang } from '../i18n';
import { useSelection } from '../selection';
import { useApi } from '../use-api';
import type { MissingReports, ReportingCalendar } from './reporting.types';

/**
 * The office's month: who has not reported and how late, the digest to send them, the due
 * day, and the lock that closes a month once its review is held.
 */
export function Reporting() {
  const { t, lang } = useLang();
  const s = useSelection();
  const ready = Boolean(s.planCode && s.period);
  const missing = useApi(
    () =>
      ready
        ? api.get<MissingReports>('/reporting/missing', {
            plan: s.planCode,
            period: s.period,
            unit: s.unitCode,
          })
        : Promise.resolve(undefined),
    [s.planCode, s.period, s.unitCode],
  );
  const calendar = useApi(
    () =>
      s.planCode
        ? api.get<ReportingCalendar>(`/plans/${encodeURIComponent(s.planCode)}/reporting`)
        : Promise.resolve(undefined),
    [s.planCode],
  );
  const digest = useApi(
    () =>
      ready
        ? api.get<{ subject: string; text: string }>('/reporting/digest', {
            plan: s.planCode,
            period: s.period,
            unit: s.unitCode,
          })
        : Promise.resolve(undefined),
    [s.planCode, s.period, s.unitCode, lang],
  );
  const m = missing.data;
  const late = m?.units.filter((u) => u.missing.length > 0) ?? [];
  const lock = calendar.data?.locks.find((l) => l.period === s.period);
  const reload = () => {
    missing.reload();
    calendar.reload();
  };

  return (
    <>
      <PageTitle>{t('Theo dõi báo cáo', 'Reporting')}</PageTitle>
      <SelectionBar />
      <ErrorBanner error={missing.error ?? calendar.error} />
      {!m && !missing.error && <Loading />}
      {m && (
        <section className="card" aria-labelledby="missing-title">
          <h2 id="missing-title">
            {t('Đơn vị chưa báo cáo', 'Units that have not reported')} — {monthLabel(m.period, lang)}
          </h2>
          <p>
            {t('Hạn nộp', 'Due')} {formatDate(m.dueDate)}
            {m.daysPastDue > 0 && (
              <strong className="down">
                {' '}
                · {t(`quá hạn ${m.daysPastDue} ngày`, `${m.daysPastDue} days past due`)}
              </strong>
            )}{' '}
            ·{' '}
            {t(
              `${m.completeUnits}/${m.expectedUnits} đơn vị đã đủ số liệu`,
              `${m.completeUnits} of ${m.expectedUnits} units complete`,
            )}
          </p>
          {late.length === 0 ? (
            <p className="banner banner-ok">
              {t('Tất cả đơn vị đã báo cáo đủ.', 'Every unit has reported.')}
            </p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('Đơn vị', 'Unit')}</th>
                    <th scope="col" className="num">
                      {t('Còn thiếu', 'Missing')}
                    </th>
                    <th scope="col">{t('Chỉ tiêu chưa có số liệu', 'Indicators without figures')}</th>
                  </tr>
                </thead>
                <tbody>
                  {late.map((u) => (
                    <tr key={u.code}>
                      <th scope="row">
                        {u.name}
                        {u.nothingReported && (
                          <span className="badge badge-at_risk"> · {t('chưa gửi gì', 'nothing sent')}</span>
                        )}
                      </th>
                      <td className="num">
                        {u.missing.length}/{u.expected}
                      </td>
                      <td className="small">{u.missing.map((i) => i.name).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <div className="grid-2">
        {calendar.data && s.planCode && s.period && (
          <LockCard
            planCode={s.planCode}
            period={s.period}
            lock={lock}
            calendar={calendar.data}
            onChange={reload}
          />
        )}
        {digest.data && (
          <section className="card" aria-labelledby="digest-title">
            <h2 id="digest-title">{t('Tin nhắc việc hôm nay', "Today's digest")}</h2>
            <p className="muted small">
              {t('Sao chép để gửi qua Zalo hoặc thư.', 'Copy it into a chat or an e-mail.')}
            </p>
            <textarea
              readOnly
              className="digest"
              value={`${digest.data.subject}\n\n${digest.data.text}`}
              aria-label={t('Nội dung tin nhắc việc', 'Digest text')}
              rows={12}
            />
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard?.writeText(`${digest.data?.subject}\n\n${digest.data?.text}`)
              }
            >
              {t('Sao chép', 'Copy')}
            </button>
          </section>
        )}
      </div>
      {calendar.data && s.planCode && (
        <SettingsCard planCode={s.planCode} calendar={calendar.data} onChange={reload} />
      )}
      {calendar.data && calendar.data.locks.length > 0 && (
        <section className="card">
          <h2>{t('Các tháng đã khóa', 'Locked months')}</h2>
          <ul>
            {calendar.data.locks.map((l) => (
              <li key={l.id}>
                {monthLabel(l.period, lang)} — {l.lockedByName ?? '?'}, {formatDateTime(l.lockedAt, lang)}
                {l.note ? ` — ${l.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function LockCard({
  planCode,
  period,
  lock,
  calendar,
  onChange,
}: {
  planCode: string;
  period: string;
  lock: ReportingCalendar['locks'][number] | undefined;
  calendar: ReportingCalendar;
  onChange(): void;
}) {
  const { t, lang } = useLang();
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      if (lock) await api.post(`/plans/${encodeURIComponent(planCode)}/unlock`, { period, reason: text });
      else
        await api.post(`/plans/${encodeURIComponent(planCode)}/locks`, {
          period,
          ...(text ? { note: text } : {}),
        });
      setText('');
      onChange();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const allowed = lock ? calendar.actions.unlock : calendar.actions.lock;
  return (
    <section className="card" aria-labelledby="lock-title">
      <h2 id="lock-title">{t('Khóa số liệu tháng', 'Month lock')}</h2>
      <p>
        {lock
          ? t(
              `${monthLabel(period, lang)} đã khóa: không ai ghi hoặc sửa số liệu tháng này được nữa.`,
              `${monthLabel(period, lang)} is locked: its figures can no longer be recorded or corrected.`,
            )
          : t(
              `${monthLabel(period, lang)} đang mở. Khóa sau khi hội nghị kiểm điểm đã dùng số liệu tháng này.`,
              `${monthLabel(period, lang)} is open. Lock it once the review has used its figures.`,
            )}
      </p>
      {allowed ? (
        <form onSubmit={submit}>
          <Field
            label={lock ? t('Lý do mở lại', 'Why reopen') : t('Ghi chú', 'Note')}
            error={error?.field(lock ? 'reason' : 'note')}
          >
            {(p) => <input {...p} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <ErrorBanner error={error} shownFields={['reason', 'note']} />
          <button type="submit" className={lock ? 'danger' : 'primary'}>
            {lock ? t('Mở lại tháng này', 'Reopen this month') : t('Khóa tháng này', 'Lock this month')}
          </button>
        </form>
      ) : (
        lock && (
          <p className="muted small">
            {t('Chỉ quản trị viên mở lại được.', 'Only an administrator can reopen it.')}
          </p>
        )
      )}
    </section>
  );
}

function SettingsCard({
  planCode,
  calendar,
  onChange,
}: {
  planCode: string;
  calendar: ReportingCalendar;
  onChange(): void;
}) {
  const { t } = useLang();
  const [dueDay, setDueDay] = useState(String(calendar.settings.dueDay));
  const [dueMonth, setDueMonth] = useState(calendar.settings.dueMonth);
  const [recipients, setRecipients] = useState(calendar.settings.recipients.join(', '));
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  if (!calendar.actions.editSettings) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      await api.put(`/plans/${encodeURIComponent(planCode)}/reporting`, {
        dueDay: Number(dueDay),
        dueMonth,
        recipients: recipients.split(/[,;\s]+/).filter(Boolean),
        version: calendar.settings.version,
      });
      setDone(true);
      onChange();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('Lịch báo cáo', 'Reporting calendar')}</h2>
      <form onSubmit={submit} className="filters">
        <Field label={t('Hạn nộp: ngày', 'Due on day')} error={error?.field('dueDay')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={31}
              value={dueDay}
              onChange={(e) => setDueDay(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('của', 'of')} error={error?.field('dueMonth')}>
          {(p) => (
            <select {...p} value={dueMonth} onChange={(e) => setDueMonth(e.target.value as 'same' | 'next')}>
              <option value="same">{t('chính tháng báo cáo', 'the month reported')}</option>
              <option value="next">{t('tháng sau', 'the month after')}</option>
            </select>
          )}
        </Field>
        <Field
          label={t('Gửi tin nhắc việc tới (thư điện tử)', 'Send the digest to (e-mail)')}
          error={error?.field('recipients')}
        >
          {(p) => <input {...p} value={recipients} onChange={(e) => setRecipients(e.target.value)} />}
        </Field>
        <button type="submit" className="primary">
          {t('Lưu lịch', 'Save')}
        </button>
      </form>
      <ErrorBanner error={error} shownFields={['dueDay', 'dueMonth', 'recipients']} />
      {done && <p className="banner banner-ok">{t('Đã lưu.', 'Saved.')}</p>}
    </section>
  );
}
