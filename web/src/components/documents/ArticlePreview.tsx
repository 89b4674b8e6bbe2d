import { useState } from 'react';
import type { ApiError } from '../../api';
import { useLang } from '../../i18n';
import { ErrorBanner, Field } from '../ui';
import { FileNotice } from './DocumentForm';
import { fetchFile, type GeneratedFile, saveFile } from './files';

type ArticleFormat = 'html' | 'txt';

/**
 * The news article about a meeting, read in the page before it goes to the newsroom: HTML in a
 * sandboxed frame (no scripts, no access to the app), plain text as it will be pasted.
 */
export function ArticlePreview({ meeting }: { meeting: number | undefined }) {
  const { t, lang } = useLang();
  const [format, setFormat] = useState<ArticleFormat>('html');
  const [preview, setPreview] = useState<{ file: GeneratedFile; text: string; format: ArticleFormat }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function load(save: boolean) {
    if (!meeting) return;
    setBusy(true);
    setError(undefined);
    try {
      const file = await fetchFile('/documents/article', { meeting, format }, lang);
      if (save) saveFile(file);
      setPreview({ file, text: await file.blob.text(), format });
    } catch (err) {
      setError(err as ApiError);
      setPreview(undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card doc-card doc-article" aria-labelledby="article-title">
      <h3 id="article-title">{t('Tin bài về hội nghị', 'News article on the meeting')}</h3>
      <p className="muted small">
        {t(
          'Dự thảo tin bài từ kết quả và kết luận của hội nghị, để gửi cổng thông tin hoặc báo.',
          "A draft article from the meeting's results and conclusion, for the portal or the press.",
        )}
      </p>
      <div className="filters">
        <Field label={t('Dạng', 'Form')} error={error?.field('format')}>
          {(p) => (
            <select {...p} value={format} onChange={(e) => setFormat(e.target.value as ArticleFormat)}>
              <option value="html">{t('Trang web (HTML)', 'Web page (HTML)')}</option>
              <option value="txt">{t('Văn bản thuần (TXT)', 'Plain text (TXT)')}</option>
            </select>
          )}
        </Field>
        <button type="button" disabled={!meeting || busy} onClick={() => void load(false)}>
          {t('Xem trước', 'Preview')}
        </button>
        <button type="button" className="primary" disabled={!meeting || busy} onClick={() => void load(true)}>
          {t('Tải tin bài', 'Download the article')}
        </button>
      </div>
      <ErrorBanner error={error} shownFields={['format']} />
      {preview && <FileNotice file={preview.file} />}
      {preview?.format === 'html' && (
        <iframe
          className="article-frame"
          title={t('Xem trước tin bài', 'Article preview')}
          sandbox=""
          srcDoc={preview.text}
        />
      )}
      {preview?.format === 'txt' && <pre className="article-text">{preview.text}</pre>}
    </section>
  );
}
