import { useState } from 'react';
import { api } from '../api';
import { type Directive, DirectiveStatusBadge, KeyMark } from '../components/directives/Status';
import '../components/directives/directives.css';
import { AssignDirectives } from '../components/meetings/AssignDirectives';
import { MeetingForm } from '../components/meetings/MeetingForm';
import '../components/meetings/meetings.css';
import { type Meeting, meetingKindLabel } from '../components/meetings/types';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { formatDate, monthLabel } from '../format';
import { useLang } from '../i18n';
import { Link, navigate } from '../router';
import { useSelection } from '../selection';
import type { Page } from '../types';
import { useApi } from '../use-api';

export function NewMeeting() {
  const { t } = useLang();
  return (
    <>
      <PageTitle>{t('Ghi hội nghị mới', 'Record a conference')}</PageTitle>
      <MeetingForm onSaved={(m) => navigate(`/meetings/${m.id}`)} onCancel={() => navigate('/meetings')} />
    </>
  );
}

/** One conference as recorded, its conclusion items and the directives made from them. */
export function MeetingPage({ id }: { id: string }) {
  const { t, lang } = useLang();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string>();
  const { plans } = useSelection();
  const meeting = useApi(() => api.get<Meeting>(`/meetings/${encodeURIComponent(id)}`), [id]);
  const directives = useApi(() => api.get<Page<Directive>>('/directives', { meeting: id, limit: 500 }), [id]);
  const m = meeting.data;
  if (meeting.error) return <ErrorBanner error={meeting.error} />;
  if (!m) return <Loading />;
  const byItem = new Map<number, Directive[]>();
  for (const d of directives.data?.items ?? []) {
    if (d.conclusionItemId !== null)
      byItem.set(d.conclusionItemId, [...(byItem.get(d.conclusionItemId) ?? []), d]);
  }

  if (editing) {
    return (
      <>
        <PageTitle>{t('Sửa hội nghị', 'Edit conference')}</PageTitle>
        <MeetingForm
          initial={m}
          onSaved={() => {
            setEditing(false);
            setNotice(t('Đã lưu hội nghị.', 'Conference saved.'));
            meeting.reload();
          }}
          onCancel={() => setEditing(false)}
        />
      </>
    );
  }
  const facts: [string, string][] = [
    [t('Đơn vị tổ chức', 'Organising unit'), m.unit.name],
    [t('Cơ quan họp', 'Body'), m.body],
    [t('Loại', 'Kind'), meetingKindLabel(m.kind, lang)],
    [
      t('Phiên họp', 'Session'),
      m.sessionNumber ? t(`lần thứ ${m.sessionNumber}`, `no. ${m.sessionNumber}`) : '–',
    ],
    [t('Nhiệm kỳ', 'Term'), m.term ?? '–'],
    [t('Ngày họp', 'Date'), formatDate(m.heldOn)],
    [t('Địa điểm', 'Place'), m.place ?? '–'],
    [
      t('Kiểm điểm', 'Reviews'),
      [
        plans.find((p) => p.code === m.planCode)?.name ?? m.planCode,
        m.period ? t(`đến hết ${monthLabel(m.period, lang)}`, `through ${monthLabel(m.period, lang)}`) : '',
      ]
        .filter(Boolean)
        .join(', ') || '–',
    ],
  ];

  return (
    <>
      <p className="small">
        <Link href="/meetings">← {t('Danh sách hội nghị', 'All conferences')}</Link>
      </p>
      <PageTitle
        actions={
          m.actions.edit && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('Sửa hội nghị', 'Edit conference')}
            </button>
          )
        }
      >
        {m.title}
      </PageTitle>
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      <div className="grid-2">
        <section className="card">
          <h2>{t('Thông tin chung', 'General')}</h2>
          <dl className="facts">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {m.summary && <p>{m.summary}</p>}
        </section>
        <section className="card">
          <h2>{t('Chủ trì và thành phần', 'Chairs and attendees')}</h2>
          <ul>
            {m.chairs.map((c) => (
              <li key={c.personId}>
                <b>{c.name}</b>
                {c.positionTitle && `, ${c.positionTitle}`}{' '}
                <span className="muted">({t('chủ trì', 'chair')})</span>
              </li>
            ))}
            {m.attendees.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: attendees have no id and may repeat a name.
              <li key={i}>
                {a.name}
                {a.positionTitle && `, ${a.positionTitle}`}
              </li>
            ))}
          </ul>
          {m.chairs.length + m.attendees.length === 0 && (
            <p className="muted">{t('Chưa ghi.', 'Not recorded.')}</p>
          )}
        </section>
      </div>
      {m.agenda.length > 0 && (
        <section className="card">
          <h2>{t('Chương trình', 'Agenda')}</h2>
          <ol>
            {m.agenda.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: agenda lines are kept in order, without ids.
              <li key={i}>{a}</li>
            ))}
          </ol>
        </section>
      )}
      {m.opinions.length > 0 && (
        <section className="card">
          <h2>{t('Ý kiến phát biểu', 'Opinions')}</h2>
          <ul>
            {m.opinions.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: opinions are kept in order, without ids.
              <li key={i}>
                {o.speaker && (
                  <b>
                    {o.speaker}
                    {o.speakerPosition && ` (${o.speakerPosition})`}:{' '}
                  </b>
                )}
                {o.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card">
        <h2>{t('Kết luận', 'Conclusion')}</h2>
        {m.conclusion ? (
          <p>{m.conclusion}</p>
        ) : (
          <p className="muted">{t('Chưa ghi kết luận.', 'No conclusion yet.')}</p>
        )}
        {m.conclusionItems.length > 0 && (
          <ol className="conclusion-items">
            {m.conclusionItems.map((c) => (
              <li key={c.id}>
                {c.text} {c.key && <KeyMark />}
                <ul className="assigned">
                  {(byItem.get(c.id) ?? []).map((d) => (
                    <li key={d.id}>
                      →{' '}
                      <Link href={`/directives/${d.id}`}>
                        {t(`Nhiệm vụ số ${d.id}`, `Directive ${d.id}`)}
                      </Link>
                      : {d.leadUnit.name}
                      {d.deadline && `, ${t('hạn', 'due')} ${formatDate(d.deadline)}`} —{' '}
                      <DirectiveStatusBadge status={d.status} />
                    </li>
                  ))}
                  {!byItem.has(c.id) && directives.data && (
                    <li className="muted">{t('Chưa giao nhiệm vụ', 'Not assigned yet')}</li>
                  )}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
      {m.actions.createDirectives && directives.data && (
        <AssignDirectives
          key={[...byItem.keys()].join(',')}
          meeting={m}
          assigned={new Set(byItem.keys())}
          onDone={(created) => {
            setNotice(t(`Đã giao ${created.length} nhiệm vụ.`, `${created.length} directives assigned.`));
            directives.reload();
          }}
        />
      )}
    </>
  );
}
