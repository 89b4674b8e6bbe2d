import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Principal } from '../users/access.js';

/** '/1/5/9/' → '/1/', '/1/5/', '/1/5/9/': the unit and every unit above it. */
function upward(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The unit at `path`, a unit below it or a unit above it. */
function onBranch(column: RawBuilder<unknown>, path: string): RawBuilder<SqlBool> {
  const above = sql.join(upward(path).map((p) => sql`${p}`));
  return sql<SqlBool>`(${column} like ${`${path}%`} or ${column} in (${above}))`;
}

/**
 * canRead (src/users/access.ts) spelled in SQL over a `units.path` column, so lists filter and
 * page in the database instead of loading every row to test it. The tests compare the two.
 */
export function readablePath(column: string, p: Principal): Expression<SqlBool> {
  const ref = sql.ref(column);
  const granted = p.roles.length
    ? sql.join(
        p.roles.map((g) => onBranch(ref, g.unitPath)),
        sql` or `,
      )
    : sql`1 = 0`;
  const scoped = p.scopePath === null ? sql`1 = 1` : onBranch(ref, p.scopePath);
  return sql<SqlBool>`((${granted}) and ${scoped})`;
}
