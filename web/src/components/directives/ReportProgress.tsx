import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api';
import { useLang } from '../../i18n';
import { ErrorBanner, Field } from '../ui';
import type { DirectiveDetail } from './Status';
import { todayIso } from './units';

/**
 * A progress report on a directive, with its evidence (a document number or a link); the lead
 * unit may mark it done on the report's date, sent with the version it saw.
 */
export function ReportProgress({
  directive,
  onSaved,
  onStale,
}: {
  directive: DirectiveDetail;
  onSaved(d: DirectiveDetail, completed: boolean): void;
  /** Someone changed the directive meanwhile: the page loads it again. */
  onStale(): void;
}) {
  const { t } = useLang();
  const [reportedOn, setReportedOn] = useState(todayIso);
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState('');
  const [completed, setCompleted] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const err = (name: string) => error?.field(name);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.post<DirectiveDetail>(`/directives/${directive.id}/updates`, {
        reportedOn,
        text,
        ...(evidence.trim() ? { evidence } : {}),
        ...(completed ? { completed: true, version: directive.version } : {}),
      });
      setText('');
      setEvidence('');
      setCompleted(false);
      onSaved(saved, completed);
    } catch (problem) {
      const failure = problem instanceof ApiError ? problem : new ApiError(0, 'error', String(problem));
      setError(failure);
      if (failure.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('Báo cáo tiến độ', 'Report progress')}</h2>
      <ErrorBanner
        error={error}
        shownFields={['reportedOn', 'text', 'evidence', ...(error?.status === 409 ? [] : ['completed'])]}
      />
      {error?.status === 409 && (
        <p className="muted">
          {t(
            'Trang đã được tải lại với bản mới nhất; nội dung bạn nhập vẫn còn, hãy xem lại rồi gửi lại.',
            'The page now shows the latest version; what you typed is kept: review it and send again.',
          )}
        </p>
      )}
      <div className="row-fields">
        <Field
          label={completed ? t('Ngày hoàn thành', 'Completion date') : t('Ngày báo cáo', 'Report date')}
          error={err('reportedOn')}
        >
          {(p) => (
            <input {...p} type="date" value={reportedOn} onChange={(e) => setReportedOn(e.target.value)} />
          )}
        </Field>
        <Field
          label={t('Minh chứng', 'Evidence')}
          error={err('evidence')}
          hint={t('Số văn bản hoặc đường dẫn', 'Document number or link')}
        >
          {(p) => <input {...p} value={evidence} onChange={(e) => setEvidence(e.target.value)} />}
        </Field>
        <div className="wide">
          <Field label={t('Kết quả thực hiện', 'Progress')} error={err('text')}>
            {(p) => <textarea {...p} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
        </div>
        {directive.actions.complete && (
          <div className="wide">
            <label className="check">
              <input type="checkbox" checked={completed} onChange={(e) => setCompleted(e.target.checked)} />
              {t('Báo hoàn thành nhiệm vụ vào ngày này', 'Mark the directive done on this date')}
            </label>
            {err('completed') && (
              <span className="field-message" role="alert">
                {err('completed')}
              </span>
            )}
          </div>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {completed ? t('Báo hoàn thành', 'Mark done') : t('Gửi báo cáo', 'Send report')}
        </button>
      </div>
    </form>
  );
}
