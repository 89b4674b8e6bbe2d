import { useMemo, useState } from 'react';
import { api } from '../api';
import '../components/plans/admin.css';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import type { MergeResult } from '../components/units/MergeForm';
import { type OpenForm, type TreeState, UnitNode } from '../components/units/UnitTree';
import { formatDate } from '../format';
import { useLang } from '../i18n';
import { flattenUnits } from '../selection';
import type { Unit } from '../types';
import { useApi } from '../use-api';

/** The units tree as it stands, with those ended by mergers kept (their history still counts). */
export function Units() {
  const { t } = useLang();
  const units = useApi(() => api.get<{ items: Unit[] }>('/units'), []);
  const all = useMemo(() => flattenUnits(units.data?.items ?? []), [units.data]);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [open, setOpen] = useState<OpenForm>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [merged, setMerged] = useState<MergeResult | null>(null);
  // The top two levels start open: a province and its districts or cities.
  const shown = expanded ?? new Set(all.filter((u) => u.depth <= 1).map((u) => u.code));

  const byId = useMemo(() => new Map(all.map((u) => [u.id, u])), [all]);
  const successorOf = useMemo(() => {
    const m = new Map<number, Unit>();
    for (const u of all) for (const p of u.predecessorIds) m.set(p, u);
    return m;
  }, [all]);

  /** Opens the branch down to `code` so a unit just made is in sight. */
  const reveal = (code: string, parentCode?: string) => {
    const next = new Set(shown);
    const path = all.find((u) => u.code === (parentCode ?? code))?.path ?? '';
    for (const u of all) if (path.startsWith(u.path)) next.add(u.code);
    if (parentCode) next.add(parentCode);
    setExpanded(next);
    setFresh(code);
  };

  const tree: TreeState = {
    expanded: shown,
    toggle(code) {
      const next = new Set(shown);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      setExpanded(next);
    },
    open,
    setOpen,
    fresh,
    byId,
    successorOf,
    onChanged(code) {
      const parent = open?.mode === 'add' ? open.code : undefined;
      setOpen(null);
      setMerged(null);
      units.reload();
      reveal(code, parent);
    },
    onMerged(result) {
      const parent = open?.code;
      setOpen(null);
      setMerged(result);
      units.reload();
      reveal(result.code, parent);
    },
  };

  return (
    <>
      <PageTitle>{t('Đơn vị', 'Units')}</PageTitle>
      <p className="muted">
        {t(
          'Đơn vị đã hợp nhất vẫn được giữ (gạch ngang) để số liệu cũ và số cùng kỳ còn đọc được.',
          'Units ended by a merger stay (struck through) so their figures still count for last year.',
        )}
      </p>
      {merged && (
        <div className="banner banner-ok" role="status">
          {t(
            `Đã hợp nhất ${merged.predecessors.join(', ')} thành ${merged.name} từ ${formatDate(merged.on)}.`,
            `Merged ${merged.predecessors.join(', ')} into ${merged.name} from ${formatDate(merged.on)}.`,
          )}
        </div>
      )}
      <ErrorBanner error={units.error} />
      {units.loading && !units.data && <Loading />}
      {units.data && (
        <div className="card">
          <ul className="tree" aria-label={t('Cây đơn vị', 'Unit tree')}>
            {units.data.items.map((u) => (
              <UnitNode key={u.code} unit={u} tree={tree} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
