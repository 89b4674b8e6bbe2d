import type { Lang } from '../../i18n';
import type { Role } from '../../session';
import type { Unit } from '../../types';

/** The server's unit levels (src/units/units.schema.ts), in the words of Vietnamese administration. */
export const UNIT_LEVELS: Record<string, { vi: string; en: string }> = {
  quoc_gia: { vi: 'Quốc gia', en: 'Country' },
  tinh: { vi: 'Tỉnh', en: 'Province' },
  thanh_pho: { vi: 'Thành phố', en: 'City' },
  huyen: { vi: 'Huyện', en: 'District' },
  thi_xa: { vi: 'Thị xã', en: 'Town' },
  xa: { vi: 'Xã', en: 'Commune' },
  phuong: { vi: 'Phường', en: 'Ward' },
  thi_tran: { vi: 'Thị trấn', en: 'Township' },
  dang_bo: { vi: 'Đảng bộ', en: 'Party committee' },
  chi_bo: { vi: 'Chi bộ', en: 'Party cell' },
  phong_ban: { vi: 'Phòng, ban', en: 'Department' },
};

export function levelLabel(level: string, lang: Lang): string {
  return UNIT_LEVELS[level]?.[lang] ?? level;
}

/** The levels as drop-down choices, top of the tree first. */
export function levelChoices(lang: Lang): [string, string][] {
  return Object.keys(UNIT_LEVELS).map((l) => [l, levelLabel(l, lang)]);
}

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  editor: { vi: 'Biên tập (sửa kế hoạch, số liệu)', en: 'Editor (plans and figures)' },
  reporter: { vi: 'Báo cáo viên (nhập số liệu)', en: 'Reporter (records figures)' },
  viewer: { vi: 'Chỉ xem', en: 'Viewer' },
};

const RANK: Record<Role, number> = { viewer: 0, reporter: 1, editor: 2, admin: 3 };

/**
 * The units (depth first) on which some role of the user reaches `least`, i.e. the unit itself
 * or one above it carries the role. Used to offer only choices the server would accept.
 */
export function unitsWithRole(all: Unit[], roles: { unitCode: string; role: Role }[], least: Role): Unit[] {
  const paths = roles
    .filter((r) => RANK[r.role] >= RANK[least])
    .map((r) => all.find((u) => u.code === r.unitCode)?.path)
    .filter((p): p is string => Boolean(p));
  return all.filter((u) => paths.some((p) => u.path.startsWith(p)));
}

/** "Phường Sông Cầu" indented by depth, so a flat <select> still shows the tree. */
export function unitOptionLabel(u: Unit, minDepth = 0): string {
  return `${'\u00a0\u00a0'.repeat(Math.max(u.depth - minDepth, 0))}${u.name}`;
}

/** Whether the unit is still in force on `day` (ISO date); an ended unit stays for its history. */
export function validOn(u: Unit, day: string): boolean {
  return (!u.validFrom || u.validFrom <= day) && (!u.validTo || u.validTo > day);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
