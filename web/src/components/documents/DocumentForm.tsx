import { type FormEvent, type ReactNode, useState } from 'react';
import type { ApiError, Query } from '../../api';
import { useLang } from '../../i18n';
import { ErrorBanner, Field } from '../ui';
import { fetchFile, type GeneratedFile, saveFile } from './files';

export type DocumentOption = 'format' | 'number' | 'date';

/** What the document printed as "[chưa có …]": to be filled in by hand before it is issued. */
export function FileNotice({ file }: { file: GeneratedFile }) {
  const { t } = useLang();
  return (
    <div className={file.missing.length ? 'banner banner-warn' : 'banner banner-ok'} role="status">
      {t('Đã tạo', 'Created')} <strong>{file.fileName}</strong>.
      {file.missing.length > 0 && (
        <>
          {' '}
          {t('Còn để trống, cần điền tay trước khi ban hành:', 'Left blank, to fill in before issuing:')}{' '}
          {file.missing.join('; ')}.
        </>
      )}
    </div>
  );
}

/**
 * One downloadable document with the few settings people change (format, number, date); the
 * rest comes from the plan or the meeting. Server errors go next to the setting they name.
 */
export function DocumentForm({
  title,
  description,
  path,
  query,
  options,
  button,
  children,
}: {
  title: string;
  description: string;
  path: string;
  /** Which plan, unit and period or which meeting; undefined until chosen. */
  query: Query | undefined;
  options: DocumentOption[];
  button: string;
  children?: ReactNode;
}) {
  const { t, lang } = useLang();
  const [format, setFormat] = useState('');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<ApiError>();
  const [file, setFile] = useState<GeneratedFile>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!query) return;
    setBusy(true);
    setError(undefined);
    setFile(undefined);
    try {
      const f = await fetchFile(path, { ...query, format, number: number.trim(), date }, lang);
      saveFile(f);
      setFile(f);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card doc-card" onSubmit={submit} noValidate>
      <h3>{title}</h3>
      <p className="muted small">{description}</p>
      {children}
      {options.includes('format') && (
        <Field label={t('Thể thức', 'Format')} error={error?.field('format')}>
          {(p) => (
            <select {...p} value={format} onChange={(e) => setFormat(e.target.value)}>
              <option value="">{t('Theo cơ quan ban hành', 'From the issuing body')}</option>
              <option value="party">{t('Văn bản của Đảng (HD 36-HD/VPTW)', 'Party (HD 36-HD/VPTW)')}</option>
              <option value="state">{t('Văn bản hành chính (NĐ 30/2020)', 'State (Decree 30/2020)')}</option>
            </select>
          )}
        </Field>
      )}
      {options.includes('number') && (
        <Field
          label={t('Số văn bản', 'Document number')}
          error={error?.field('number')}
          hint={t('Để trống nếu văn thư cấp số sau', 'Leave empty for the office to number it')}
        >
          {(p) => (
            <input
              {...p}
              value={number}
              maxLength={20}
              inputMode="numeric"
              onChange={(e) => setNumber(e.target.value)}
            />
          )}
        </Field>
      )}
      {options.includes('date') && (
        <Field
          label={t('Ngày văn bản', 'Date of the document')}
          error={error?.field('date')}
          hint={t('Để trống: ngày mặc định', 'Empty: the default date')}
        >
          {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      )}
      <ErrorBanner error={error} shownFields={options} />
      {file && <FileNotice file={file} />}
      <button type="submit" className="primary" disabled={!query || busy}>
        {busy ? t('Đang tạo…', 'Creating…') : button}
      </button>
    </form>
  );
}
