import { useState } from 'react';
import { api } from '../api';
import '../components/directives/directives.css';
import { EditDirective } from '../components/directives/EditDirective';
import { ReportProgress } from '../components/directives/ReportProgress';
import {
  type DirectiveDetail,
  DirectiveStatusBadge,
  KeyMark,
  OverdueDays,
} from '../components/directives/Status';
import '../components/meetings/meetings.css';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { useLang } from '../i18n';
import { Link } from '../router';
import { useApi } from '../use-api';

/** Evidence is often a link to the report on the office's portal; anything else is shown as typed. */
function Evidence({ value }: { value: string }) {
  return /^https?:\/\/\S+$/.test(value) ? (
    <a href={value} target="_blank" rel="noreferrer">
      {value}
    </a>
  ) : (
    value
  );
}

/** One directive: who carries it out, by when, how it stands, its reports, and completion. */
export function DirectivePage({ id }: { id: string }) {
  const { t, lang } = useLang();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string>();
  const loaded = useApi(() => api.get<DirectiveDetail>(`/directives/${encodeURIComponent(id)}`), [id]);
  const [fresh, setFresh] = useState<DirectiveDetail>();
  // The answer of a save is newer than the last load, until the next load.
  const d = fresh && fresh.version >= (loaded.data?.version ?? 0) ? fresh : loaded.data;
  if (loaded.error) return <ErrorBanner error={loaded.error} />;
  if (!d) return <Loading />;
  const saved = (next: DirectiveDetail, message: string) => {
    setFresh(next);
    setNotice(message);
  };

  return (
    <>
      <p className="small">
        <Link href="/directives">← {t('Bảng theo dõi nhiệm vụ', 'Directives board')}</Link>
      </p>
      <PageTitle
        actions={
          d.actions.edit &&
          !editing && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('Sửa nhiệm vụ', 'Edit directive')}
            </button>
          )
        }
      >
        {d.title}
      </PageTitle>
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      <section className="card" aria-label={t('Thông tin nhiệm vụ', 'Directive facts')}>
        <dl className="facts">
          <div>
            <dt>{t('Tình trạng', 'Status')}</dt>
            <dd>
              <DirectiveStatusBadge status={d.status} /> {d.key && <KeyMark />}
              <OverdueDays directive={d} />
            </dd>
          </div>
          <div>
            <dt>{t('Đơn vị chủ trì', 'Lead unit')}</dt>
            <dd>{d.leadUnit.name}</dd>
          </div>
          <div>
            <dt>{t('Đơn vị phối hợp', 'Co-units')}</dt>
            <dd>{d.coUnits.map((u) => u.name).join('; ') || '–'}</dd>
          </div>
          <div>
            <dt>{t('Thời hạn', 'Deadline')}</dt>
            <dd>{d.deadline ? formatDate(d.deadline) : t('thường xuyên', 'standing task')}</dd>
          </div>
          <div>
            <dt>{t('Ngày hoàn thành', 'Done on')}</dt>
            <dd>{formatDate(d.completedOn)}</dd>
          </div>
          <div>
            <dt>{t('Nguồn', 'Source')}</dt>
            <dd>
              {d.meetingId ? (
                <Link href={`/meetings/${d.meetingId}`}>
                  {t('Kết luận hội nghị', 'Conference conclusion')}
                </Link>
              ) : (
                (d.sourceDocument ?? '–')
              )}
            </dd>
          </div>
        </dl>
      </section>
      {editing && (
        <EditDirective
          directive={d}
          onSaved={(next) => {
            setEditing(false);
            saved(next, t('Đã lưu nhiệm vụ.', 'Directive saved.'));
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <section className="card">
        <h2>{t('Quá trình thực hiện', 'Progress reports')}</h2>
        {d.updates.length === 0 ? (
          <p className="muted">{t('Chưa có báo cáo nào.', 'No report yet.')}</p>
        ) : (
          <ol className="updates">
            {d.updates.map((u) => (
              <li key={u.id}>
                <b>{formatDate(u.reportedOn)}</b>: {u.text}
                {u.evidence && (
                  <div className="small">
                    {t('Minh chứng', 'Evidence')}: <Evidence value={u.evidence} />
                  </div>
                )}
                <div className="muted small">
                  {t('ghi lúc', 'recorded')} {formatDateTime(u.recordedAt, lang)}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      {d.actions.report && (
        <ReportProgress
          directive={d}
          onStale={loaded.reload}
          onSaved={(next, completed) =>
            saved(
              next,
              completed
                ? t('Đã báo hoàn thành nhiệm vụ.', 'The directive is marked done.')
                : t('Đã ghi báo cáo tiến độ.', 'Progress recorded.'),
            )
          }
        />
      )}
    </>
  );
}
