/**
 * Who may do what, as plain functions over the caller's roles. A role holds on its unit and
 * every unit below it; an API token narrows its owner's roles to the token's unit subtree.
 */
export const ROLES = ['admin', 'editor', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, reporter: 2, editor: 3, admin: 4 };

export interface RoleGrant {
  unitId: number;
  unitCode: string;
  unitPath: string;
  role: Role;
}

export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  /** Set for API tokens: nothing outside this subtree, whatever the roles. */
  scopePath: string | null;
}

interface Placed {
  path: string;
}

function inScope(p: Principal, unit: Placed): boolean {
  return p.scopePath === null || unit.path.startsWith(p.scopePath);
}

/** The strongest role the caller holds over the unit (on it or an ancestor). */
export function roleAt(p: Principal, unit: Placed): Role | null {
  if (!inScope(p, unit)) return null;
  let best: Role | null = null;
  for (const g of p.roles) {
    if (unit.path.startsWith(g.unitPath) && (best === null || RANK[g.role] > RANK[best])) best = g.role;
  }
  return best;
}

export function hasRole(p: Principal, unit: Placed, least: Role): boolean {
  const role = roleAt(p, unit);
  return role !== null && RANK[role] >= RANK[least];
}

/**
 * Reading follows the branch: a unit's people see the units above them (their city's plan and
 * dashboard) and below them, never a sibling branch.
 */
export function canRead(p: Principal, unit: Placed): boolean {
  if (!inScope(p, unit) && !(p.scopePath ?? '').startsWith(unit.path)) return false;
  return p.roles.some((g) => unit.path.startsWith(g.unitPath) || g.unitPath.startsWith(unit.path));
}

/**
 * The subtrees (unit paths) where the caller holds at least `least`, each narrowed to a token's
 * scope: what an admin may list and manage.
 */
export function subtreesWithRole(p: Principal, least: Role): string[] {
  const out: string[] = [];
  for (const g of p.roles) {
    if (RANK[g.role] < RANK[least]) continue;
    if (p.scopePath === null || g.unitPath.startsWith(p.scopePath)) out.push(g.unitPath);
    else if (p.scopePath.startsWith(g.unitPath)) out.push(p.scopePath);
  }
  return out;
}

export function isAdminSomewhere(p: Principal): boolean {
  return p.roles.some((g) => g.role === 'admin');
}
