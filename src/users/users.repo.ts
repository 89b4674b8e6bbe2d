import type { Expression, ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import type { Db } from '../context.js';
import type { Database, UserTable } from '../store/schema.js';
import type { Role, RoleGrant } from './access.js';

export interface User {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  createdAt: string;
  version: number;
}

export interface UserWithRoles extends User {
  roles: RoleGrant[];
}

export function toUser(r: Selectable<UserTable>): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    active: r.active === 1,
    createdAt: r.created_at,
    version: r.version,
  };
}

export function findUserRow(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserRowById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Roles of some users, with the path of each unit, in one query. */
export async function rolesOf(db: Db, userIds: readonly number[]): Promise<Map<number, RoleGrant[]>> {
  const out = new Map<number, RoleGrant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.user_id', 'r.role', 'u.id as unit_id', 'u.code', 'u.path'])
    .where('r.user_id', 'in', userIds)
    .orderBy('u.path')
    .execute();
  for (const r of rows) {
    out.get(r.user_id)?.push({ unitId: r.unit_id, unitCode: r.code, unitPath: r.path, role: r.role as Role });
  }
  return out;
}

export async function replaceRoles(
  db: Db,
  userId: number,
  grants: readonly { unitId: number; role: Role }[],
) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (grants.length) {
    await db
      .insertInto('user_roles')
      .values(grants.map((g) => ({ user_id: userId, unit_id: g.unitId, role: g.role })))
      .execute();
  }
}

/**
 * Users holding a role somewhere under one of `subtrees` (unit paths), or no role at all (so an
 * admin can still find and fix such an account); every user when `subtrees` is null.
 */
function inSubtrees(subtrees: readonly string[] | null) {
  return (eb: ExpressionBuilder<Database, 'users'>): Expression<SqlBool> => {
    if (subtrees === null) return eb.lit(true);
    const roles = () =>
      eb.selectFrom('user_roles as r').select('r.user_id').whereRef('r.user_id', '=', 'users.id');
    const under = roles()
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .where((w) => w.or(subtrees.map((path) => w('u.path', 'like', `${path}%`))));
    return eb.or([eb.exists(under), eb.not(eb.exists(roles()))]);
  };
}

export async function listUserRows(
  db: Db,
  limit: number,
  offset: number,
  subtrees: readonly string[] | null = null,
) {
  const visible = inSubtrees(subtrees);
  const [rows, total] = await Promise.all([
    db
      .selectFrom('users')
      .selectAll()
      .where(visible)
      .orderBy('username')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(visible)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
