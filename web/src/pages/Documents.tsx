import { useState } from 'react';
import { api } from '../api';
import { ArticlePreview } from '../components/documents/ArticlePreview';
import { DocumentForm } from '../components/documents/DocumentForm';
import { SelectionBar } from '../components/SelectionBar';
import { ErrorBanner, Field, Loading, PageTitle } from '../components/ui';
import { formatDate } from '../format';
import { useLang } from '../i18n';
import { useSelection } from '../selection';
import type { Page } from '../types';
import { useApi } from '../use-api';
import '../components/documents/documents.css';

interface MeetingSummary {
  id: number;
  title: string;
  heldOn: string;
  unit: { code: string; name: string };
  period: string | null;
}

/**
 * The papers of a review cycle, drafted from the data: the period's report and its data
 * appendix, and for a meeting its conclusion notice and a news article.
 */
export function Documents() {
  const { t } = useLang();
  const s = useSelection();
  const period =
    s.planCode && s.period && s.unitCode
      ? { plan: s.planCode, period: s.period, unit: s.unitCode }
      : undefined;
  const meetings = useApi(
    () =>
      s.planCode
        ? api.get<Page<MeetingSummary>>('/meetings', { plan: s.planCode, limit: 200 })
        : Promise.resolve(undefined),
    [s.planCode],
  );
  const [chosen, setChosen] = useState<number>();
  const list = meetings.data?.items ?? [];
  // The meeting about the chosen period first: it is the one whose papers are due.
  const meeting = chosen ?? (list.find((m) => m.period === s.period) ?? list[0])?.id;
  const byMeeting = meeting ? { meeting } : undefined;

  return (
    <>
      <PageTitle>{t('Văn bản', 'Documents')}</PageTitle>
      <SelectionBar />
      <h2>{t('Theo kỳ báo cáo', 'For the reporting period')}</h2>
      <div className="grid-2">
        <DocumentForm
          title={t('Báo cáo kiểm điểm (DOCX)', 'Review report (DOCX)')}
          description={t(
            'Báo cáo kết quả thực hiện nghị quyết của đơn vị đến hết kỳ đã chọn, kèm bảng chỉ tiêu.',
            "The unit's report on the resolution through the chosen month, with the indicator table.",
          )}
          path="/documents/review.docx"
          query={period}
          options={['format', 'number', 'date']}
          button={t('Tải báo cáo', 'Download the report')}
        />
        <DocumentForm
          title={t('Phụ lục số liệu (XLSX)', 'Data appendix (XLSX)')}
          description={t(
            'Bảng số liệu các chỉ tiêu: kế hoạch, thực hiện, % kế hoạch, so cùng kỳ, đánh giá.',
            'The indicators: target, actual, % of target, vs last year, assessment.',
          )}
          path="/documents/appendix.xlsx"
          query={period}
          options={['date']}
          button={t('Tải phụ lục', 'Download the appendix')}
        />
      </div>
      <h2>{t('Theo hội nghị', 'For a meeting')}</h2>
      <ErrorBanner error={meetings.error} />
      {meetings.loading && !meetings.data && <Loading />}
      {meetings.data && list.length === 0 && (
        <p className="muted">
          {t('Kế hoạch này chưa có hội nghị nào được ghi.', 'No meeting has been recorded for this plan.')}
        </p>
      )}
      {list.length > 0 && (
        <>
          <div className="meeting-pick">
            <Field label={t('Hội nghị', 'Meeting')}>
              {(p) => (
                <select {...p} value={meeting ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
                  {list.map((m) => (
                    <option key={m.id} value={m.id}>
                      {formatDate(m.heldOn)} — {m.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="grid-2">
            <DocumentForm
              title={t('Thông báo kết luận (DOCX)', 'Conclusion notice (DOCX)')}
              description={t(
                'Thông báo kết luận của người chủ trì, với các nhiệm vụ giao cho đơn vị.',
                "The chair's conclusions, with the tasks given to each unit.",
              )}
              path="/documents/conclusion.docx"
              query={byMeeting}
              options={['format', 'number', 'date']}
              button={t('Tải thông báo', 'Download the notice')}
            />
          </div>
          <ArticlePreview meeting={meeting} />
        </>
      )}
    </>
  );
}
