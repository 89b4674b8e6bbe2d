import { api } from '../../api';
import { formatDateTime, formatNumber, monthLabel } from '../../format';
import { type Lang, useLang } from '../../i18n';
import { Link } from '../../router';
import { useSession } from '../../session';
import type { Figure } from '../../types';
import { useApi } from '../../use-api';
import { ErrorBanner, Loading } from '../ui';

const SOURCES: Record<string, { vi: string; en: string }> = {
  manual: { vi: 'nhập tay', en: 'typed in' },
  import: { vi: 'nhập từ tệp', en: 'imported file' },
  extract: { vi: 'trích từ văn bản', en: 'read from a text' },
  demo: { vi: 'dữ liệu mẫu', en: 'demo data' },
  api: { vi: 'qua API', en: 'through the API' },
};

function sourceLabel(source: string, lang: Lang): string {
  return SOURCES[source]?.[lang] ?? source;
}

/**
 * Every recording and correction of the month's figures for the unit, newest first: a flow has
 * two figures a month (the month's own and the running total), a level one.
 */
export function FigureHistory({
  plan,
  indicator,
  unit,
  period,
  flow,
  decimals,
}: {
  plan: string;
  indicator: string;
  unit: string;
  period: string;
  flow: boolean;
  decimals: number;
}) {
  const { t, lang } = useLang();
  const { session, hasRole } = useSession();
  const history = useApi(async () => {
    const kinds = flow ? ['false', 'true'] : ['false'];
    const answers = await Promise.all(
      kinds.map((cumulative) =>
        api.get<{ items: Figure[] }>('/figures/history', { plan, indicator, unit, period, cumulative }),
      ),
    );
    return answers
      .flatMap((a) => a.items)
      .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || b.revision - a.revision);
  }, [plan, indicator, unit, period, flow]);

  const recorder = (f: Figure & { recordedByName?: string | null }) =>
    f.recordedBy === null
      ? t('hệ thống', 'system')
      : `${f.recordedByName ?? `#${f.recordedBy}`}${f.recordedBy === session?.user.id ? ` (${t('bạn', 'you')})` : ''}`;

  const items = history.data ?? [];
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">
        {t('Lịch sử số liệu', 'Figure history')} — {monthLabel(period, lang)}
      </h2>
      <ErrorBanner error={history.error} />
      {history.loading && !history.data && <Loading />}
      {history.data && items.length === 0 && (
        <p className="muted">
          {t(
            'Chưa ghi số liệu nào cho tháng này ở chính đơn vị này; số liệu đang hiển thị (nếu có) được tổng hợp từ các đơn vị trực thuộc.',
            'No figure has been recorded for this month for this unit itself; any value shown is added up from the units below.',
          )}
        </p>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="history">
            <caption className="sr-only">
              {t('Các lần ghi và sửa, mới nhất trước', 'Recordings and corrections, newest first')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('Số liệu', 'Figure')}</th>
                <th scope="col" className="num">
                  {t('Giá trị', 'Value')}
                </th>
                <th scope="col">{t('Loại', 'Status')}</th>
                <th scope="col">{t('Nguồn', 'Source')}</th>
                <th scope="col">{t('Người ghi', 'Recorded by')}</th>
                <th scope="col">{t('Thời điểm', 'When')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.id} className={f.isCurrent ? 'current' : 'superseded'}>
                  <th scope="row">
                    {f.cumulative
                      ? t('Lũy kế', 'Cumulative')
                      : flow
                        ? t('Trong tháng', 'Month')
                        : t('Cuối tháng', 'Month end')}
                    , {t(`lần ${f.revision}`, `revision ${f.revision}`)}
                    <br />
                    <span className={f.isCurrent ? 'badge badge-on_track' : 'muted small'}>
                      {f.isCurrent ? t('đang dùng', 'current') : t('đã được sửa', 'corrected since')}
                    </span>
                  </th>
                  <td className="num strong">{formatNumber(f.value, lang, Math.max(decimals, 0))}</td>
                  <td>{f.status === 'official' ? t('chính thức', 'official') : t('ước', 'estimate')}</td>
                  <td className="wrap">
                    {sourceLabel(f.source, lang)}
                    {f.sourceRef && <q className="source-ref">{f.sourceRef}</q>}
                    {f.note && (
                      <div className="small">
                        {t('Ghi chú', 'Note')}: {f.note}
                      </div>
                    )}
                  </td>
                  <td>{recorder(f)}</td>
                  <td>{formatDateTime(f.recordedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasRole('reporter') && (
        <p className="small">
          <Link href={`/entry?plan=${plan}&period=${period}&unit=${unit}`}>
            {t('Sửa số liệu tháng này trong bảng nhập liệu', "Correct this month's figures in the grid")}
          </Link>
        </p>
      )}
    </section>
  );
}
