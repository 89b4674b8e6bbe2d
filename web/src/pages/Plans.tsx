import { useState } from 'react';
import { api } from '../api';
import '../components/plans/admin.css';
import { PlanCreateForm } from '../components/plans/PlanCreateForm';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { formatDate } from '../format';
import { useLang } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import type { Page, PlanSummary } from '../types';
import { useApi } from '../use-api';

type PlanRow = PlanSummary & {
  issuingBody: string;
  documentNumber: string | null;
  adoptedOn: string | null;
  defaultBasis: string;
};

/** Every resolution the person may read, newest year first; editors start a new one here. */
export function Plans() {
  const { t } = useLang();
  const { hasRole } = useSession();
  const plans = useApi(() => api.get<Page<PlanRow>>('/plans', { limit: 500 }), []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle
        actions={
          hasRole('editor') && !creating ? (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              {t('Tạo kế hoạch', 'New plan')}
            </button>
          ) : null
        }
      >
        {t('Kế hoạch, nghị quyết', 'Plans and resolutions')}
      </PageTitle>
      {creating && <PlanCreateForm onCancel={() => setCreating(false)} />}
      <ErrorBanner error={plans.error} />
      {plans.loading && !plans.data && <Loading />}
      {plans.data && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('Danh sách kế hoạch', 'Plans')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Kế hoạch', 'Plan')}</th>
                <th scope="col" className="num">
                  {t('Năm', 'Year')}
                </th>
                <th scope="col">{t('Đơn vị', 'Unit')}</th>
                <th scope="col">{t('Cơ quan ban hành', 'Issuing body')}</th>
                <th scope="col">{t('Số, ngày văn bản', 'Document')}</th>
                <th scope="col">{t('Căn cứ', 'Basis')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.data.items.map((p) => (
                <tr key={p.code}>
                  <th scope="row" className="name">
                    <Link href={`/plans/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                    <div className="muted small">{p.code}</div>
                  </th>
                  <td className="num">{p.year}</td>
                  <td>{p.unitName}</td>
                  <td>{p.issuingBody}</td>
                  <td>
                    {p.documentNumber ?? '–'}
                    {p.adoptedOn && <span className="muted"> — {formatDate(p.adoptedOn)}</span>}
                  </td>
                  <td>{p.defaultBasis}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plans.data.items.length === 0 && (
            <p className="muted pad">{t('Chưa có kế hoạch nào.', 'No plan yet.')}</p>
          )}
        </div>
      )}
    </>
  );
}
