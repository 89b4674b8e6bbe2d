import { api } from '../api';
import { INBOX_CHANGED } from '../components/Layout';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { formatDate } from '../format';
import { useLang } from '../i18n';
import { Link } from '../router';
import { useApi } from '../use-api';
import type { Reminder } from './reporting.types';

/** Reminders for the signed-in person: reports not sent, directives overdue or due soon. */
export function Inbox() {
  const { t, lang } = useLang();
  const box = useApi(
    () => api.get<{ items: Reminder[]; unread: number; total: number }>('/inbox', { limit: 100 }),
    [],
  );
  const markAll = async () => {
    await api.post('/inbox/read', {});
    box.reload();
    window.dispatchEvent(new Event(INBOX_CHANGED));
  };
  const link = (r: Reminder) =>
    r.directiveId
      ? `/directives/${r.directiveId}`
      : r.planCode && r.period
        ? `/entry?plan=${r.planCode}&period=${r.period}`
        : '/';
  return (
    <>
      <PageTitle
        actions={
          (box.data?.unread ?? 0) > 0 ? (
            <button type="button" onClick={markAll}>
              {t('Đánh dấu đã đọc tất cả', 'Mark all read')}
            </button>
          ) : null
        }
      >
        {t('Nhắc việc', 'Reminders')}
      </PageTitle>
      <ErrorBanner error={box.error} />
      {!box.data && !box.error && <Loading />}
      {box.data?.items.length === 0 && (
        <p className="muted">{t('Không có nhắc việc nào.', 'No reminders.')}</p>
      )}
      <ul className="inbox">
        {box.data?.items.map((r) => (
          <li key={r.id} className={r.readAt ? 'read' : 'unread'}>
            <span className="muted small">{formatDate(r.day)}</span>{' '}
            {!r.readAt && <strong>{t('Mới', 'New')} · </strong>}
            <Link href={link(r)}>{r.message[lang]}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
