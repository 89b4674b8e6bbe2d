import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { api } from './api';
import { setQuery, useLocation } from './router';
import type { Page, PlanDetail, PlanSummary, Unit } from './types';
import { useApi } from './use-api';

/**
 * The plan, unit and period a page looks at. They live in the address (so a link opens the
 * same view) and the last choice is remembered for the next page opened from the menu.
 */
interface Selection {
  plans: PlanSummary[];
  planCode: string | undefined;
  plan: PlanDetail | undefined;
  period: string | undefined;
  /** The chosen unit, or the plan's own unit. */
  unitCode: string | undefined;
  units: Unit[];
  reloadPlan(): void;
  select(changes: { plan?: string; period?: string; unit?: string | null }): void;
}

const SelectionContext = createContext<Selection | null>(null);
const STORE_KEY = 'tiendo.selection';

function remembered(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}');
  } catch {
    return {};
  }
}

/** Walks the unit tree depth first. */
export function flattenUnits(units: Unit[]): Unit[] {
  return units.flatMap((u) => [u, ...flattenUnits(u.children)]);
}

export function SelectionProvider({ children }: { children: ReactNode }) {
  const { query } = useLocation();
  const saved = remembered();
  const plans = useApi(() => api.get<Page<PlanSummary>>('/plans', { limit: 500 }), []);
  const units = useApi(() => api.get<{ items: Unit[] }>('/units'), []);
  const planCode = query.get('plan') ?? saved.plan ?? plans.data?.items[0]?.code;
  const plan = useApi(
    () =>
      planCode ? api.get<PlanDetail>(`/plans/${encodeURIComponent(planCode)}`) : Promise.resolve(undefined),
    [planCode],
  );
  const detail = plan.data?.plan.code === planCode ? plan.data : undefined;
  const period =
    query.get('period') ??
    (saved.plan === planCode ? saved.period : undefined) ??
    detail?.lastReportedPeriod ??
    (detail ? `${detail.plan.year}-12` : undefined);
  const allUnits = units.data?.items ?? [];
  const planUnitCode = detail
    ? flattenUnits(allUnits).find((u) => u.id === detail.plan.unitId)?.code
    : undefined;
  const unitCode = query.get('unit') ?? (saved.plan === planCode ? saved.unit : undefined) ?? planUnitCode;

  const value = useMemo<Selection>(
    () => ({
      plans: plans.data?.items ?? [],
      planCode,
      plan: detail,
      period,
      unitCode,
      units: allUnits,
      reloadPlan: plan.reload,
      select(changes) {
        const next = {
          plan: changes.plan ?? planCode ?? '',
          period: changes.plan && !changes.period ? '' : (changes.period ?? period ?? ''),
          unit: changes.plan && changes.unit === undefined ? '' : (changes.unit ?? unitCode ?? ''),
        };
        localStorage.setItem(STORE_KEY, JSON.stringify(next));
        setQuery({ plan: next.plan, period: next.period || null, unit: next.unit || null });
      },
    }),
    [plans.data, planCode, detail, period, unitCode, allUnits, plan.reload],
  );
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function useSelection(): Selection {
  const s = useContext(SelectionContext);
  if (!s) throw new Error('useSelection outside SelectionProvider');
  return s;
}
