import { monthLabel } from '../format';
import { useLang } from '../i18n';
import { flattenUnits, useSelection } from '../selection';

/** Plan, unit and period pickers shared by the dashboard and the data-entry grid. */
export function SelectionBar({ unit = true }: { unit?: boolean }) {
  const { t, lang } = useLang();
  const s = useSelection();
  const planUnit = s.plan ? flattenUnits(s.units).find((u) => u.id === s.plan?.plan.unitId) : undefined;
  const units = planUnit ? flattenUnits([planUnit]) : [];
  const year = s.plan?.plan.year;
  const months = year
    ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
    : [];
  return (
    <form className="selection" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{t('Kế hoạch', 'Plan')}</span>
        <select value={s.planCode ?? ''} onChange={(e) => s.select({ plan: e.target.value })}>
          {s.plans.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name} ({p.unitName}, {p.year})
            </option>
          ))}
        </select>
      </label>
      {unit && (
        <label>
          <span>{t('Đơn vị', 'Unit')}</span>
          <select value={s.unitCode ?? ''} onChange={(e) => s.select({ unit: e.target.value })}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {'\u00a0'.repeat(2 * (u.depth - (planUnit?.depth ?? 0)))}
                {u.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>{t('Đến hết', 'Through')}</span>
        <select value={s.period ?? ''} onChange={(e) => s.select({ period: e.target.value })}>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m, lang)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
