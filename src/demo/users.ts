import type { Db, ServiceContext } from '../context.js';
import { findUnitByCode } from '../units/units.repo.js';
import type { Role } from '../users/access.js';
import { verifyPassword } from '../users/passwords.js';
import { findUserRow } from '../users/users.repo.js';
import { createUser } from '../users/users.service.js';
import { getOrCreate } from '../util/get-or-create.js';

/**
 * The demo's logins, one per role. Their passwords are published (README, start-up banner), so
 * they exist only in the demo: `tiendo user add` refuses passwords this weak.
 */
export const DEMO_LOGINS: {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitCode: string;
}[] = [
  {
    username: 'admin',
    password: 'admin2021',
    displayName: 'Quản trị hệ thống',
    role: 'admin',
    unitCode: 'bac-kan',
  },
  {
    username: 'vanphong',
    password: 'vanphong2021',
    displayName: 'Văn phòng Thành ủy',
    role: 'editor',
    unitCode: 'tp-bac-kan',
  },
  {
    username: 'baocao',
    password: 'baocao2021',
    displayName: 'Báo cáo viên phường Đức Xuân',
    role: 'reporter',
    unitCode: 'bk-duc-xuan',
  },
  {
    username: 'lanhdao',
    password: 'lanhdao2021',
    displayName: 'Lãnh đạo thành phố',
    role: 'viewer',
    unitCode: 'tp-bac-kan',
  },
];

export async function loadDemoUsers(ctx: ServiceContext): Promise<number> {
  let made = 0;
  for (const login of DEMO_LOGINS) {
    if (await findUserRow(ctx.store.db, login.username)) continue;
    await createUser(
      ctx,
      {
        username: login.username,
        displayName: login.displayName,
        password: login.password,
        roles: [{ unitCode: login.unitCode, role: login.role }],
      },
      { allowWeakPassword: true },
    );
    made++;
  }
  return made;
}

export interface PublishedLogin {
  username: string;
  password: string;
  role: Role;
  unitName: string;
}

/** Whether a stored hash opens with a published password; a hash is salted, so it is its own key. */
const opensWith = new Map<string, Promise<boolean>>();

/**
 * The demo logins that still open their account with the published password: what the sign-in
 * page may show. Once an administrator changes those passwords (a real deployment), it shows none.
 * The page is public, so each stored hash is checked against its password once, not per visit:
 * a changed password is a new hash and is checked again.
 */
export async function publishedDemoLogins(db: Db): Promise<PublishedLogin[]> {
  const out: PublishedLogin[] = [];
  for (const login of DEMO_LOGINS) {
    const row = await findUserRow(db, login.username);
    if (!row?.active || !row.password_hash) continue;
    const hash = row.password_hash;
    if (!(await getOrCreate(opensWith, hash, () => verifyPassword(hash, login.password)))) continue;
    const unit = await findUnitByCode(db, login.unitCode);
    out.push({
      username: login.username,
      password: login.password,
      role: login.role,
      unitName: unit?.name ?? '',
    });
  }
  return out;
}
