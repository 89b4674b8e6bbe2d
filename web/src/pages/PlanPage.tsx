import { api } from '../api';
import '../components/plans/admin.css';
import { IndicatorsSection } from '../components/plans/IndicatorsSection';
import { PlanFieldsForm } from '../components/plans/PlanFieldsForm';
import { TargetsTable } from '../components/plans/TargetsTable';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { useLang } from '../i18n';
import { Link } from '../router';
import { flattenUnits, useSelection } from '../selection';
import type { PlanDetail } from '../types';
import { useApi } from '../use-api';

/** One plan: its fields, its indicators and the targets set for it and the units below it. */
export function PlanPage({ code }: { code: string }) {
  const { t } = useLang();
  const s = useSelection();
  const detail = useApi(() => api.get<PlanDetail>(`/plans/${encodeURIComponent(code)}`), [code]);
  const d = detail.data;
  const planUnit = d ? flattenUnits(s.units).find((u) => u.id === d.plan.unitId) : undefined;
  const reload = () => {
    detail.reload();
    if (s.planCode === code) s.reloadPlan();
  };
  return (
    <>
      <p className="crumbs">
        <Link href="/plans">{t('Kế hoạch', 'Plans')}</Link> ›
      </p>
      <PageTitle>{d?.plan.name ?? code}</PageTitle>
      <ErrorBanner error={detail.error} />
      {!d && !detail.error && <Loading />}
      {d && planUnit && (
        <>
          <PlanFieldsForm
            key={d.plan.code}
            plan={d.plan}
            unitName={planUnit.name}
            editable={d.actions.editPlan}
            onSaved={reload}
          />
          <IndicatorsSection
            detail={d}
            unitCode={planUnit.code}
            editable={d.actions.editPlan}
            onChanged={reload}
          />
          <TargetsTable
            key={`targets-${d.plan.code}`}
            detail={d}
            units={flattenUnits([planUnit])}
            editable={d.actions.editTargets}
            onSaved={reload}
          />
        </>
      )}
    </>
  );
}
