import { flattenUnits, useSelection } from '../../selection';
import { useSession } from '../../session';
import type { Unit } from '../../types';

/** Units with their depth below `root` for an indented list ("  Phường Đức Xuân"). */
export function indented(units: Unit[], root = 0): { code: string; label: string }[] {
  return units.map((u) => ({
    code: u.code,
    label: `${'\u00a0'.repeat(2 * Math.max(u.depth - root, 0))}${u.name}`,
  }));
}

/**
 * The units the signed-in person directs (an editor's or admin's branch): only these may be
 * given directives or record meetings. The server decides each write; this only trims the lists.
 */
export function useDirectedUnits(): Unit[] {
  const { units } = useSelection();
  const { session } = useSession();
  const all = flattenUnits(units);
  const roots = (session?.roles ?? [])
    .filter((r) => r.role === 'editor' || r.role === 'admin')
    .flatMap((r) => all.filter((u) => u.code === r.unitCode).map((u) => u.path));
  return all.filter((u) => roots.some((path) => u.path.startsWith(path)));
}

/** The unit and every unit below it. */
export function branchOf(units: Unit[], code: string | undefined): Unit[] {
  const all = flattenUnits(units);
  const root = all.find((u) => u.code === code);
  return root ? all.filter((u) => u.path.startsWith(root.path)) : [];
}

/** Today in the office's time zone, as an ISO date. */
export function todayIso(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
