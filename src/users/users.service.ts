import { randomBytes } from 'node:crypto';
import { writeTransaction } from '../audit/write.js';
import type { Db, ServiceContext } from '../context.js';
import {
  ConflictError,
  InvalidError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
} from '../errors.js';
import { text } from '../i18n.js';
import { findUnitsByCodes } from '../units/units.repo.js';
import { unitNotFound } from '../units/units.service.js';
import { parseInput } from '../validation.js';
import type { Principal, Role } from './access.js';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.js';
import {
  findUserRow,
  findUserRowById,
  listUserRows,
  replaceRoles,
  rolesOf,
  toUser,
  type UserWithRoles,
} from './users.repo.js';
import { type UserInput, type UserUpdate, userInputSchema, userUpdateSchema } from './users.schema.js';

/** Failed logins allowed before the account waits; each further failure doubles the wait. */
export const LOGIN_FAILURES_BEFORE_BACKOFF = 5;
const MAX_BACKOFF_MINUTES = 60;

async function grantsFor(db: Db, roles: readonly { unitCode: string; role: Role }[]) {
  const units = await findUnitsByCodes(
    db,
    roles.map((r) => r.unitCode),
  );
  return roles.map((r) => {
    const unit = units.find((u) => u.code === r.unitCode);
    if (!unit) throw unitNotFound(r.unitCode, 'roles.unitCode');
    return { unitId: unit.id, role: r.role };
  });
}

function checkStrength(password: string, username: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw new InvalidError(weakness, [{ field: 'password', message: weakness }]);
}

async function withRoles(db: Db, row: Parameters<typeof toUser>[0]): Promise<UserWithRoles> {
  return { ...toUser(row), roles: (await rolesOf(db, [row.id])).get(row.id) ?? [] };
}

/** Creates an account; weak passwords are refused except for the demo's published logins. */
export async function createUser(
  ctx: ServiceContext,
  input: UserInput,
  options: { allowWeakPassword?: boolean } = {},
): Promise<UserWithRoles> {
  const data = parseInput(userInputSchema, input);
  if (!options.allowWeakPassword) checkStrength(data.password, data.username);
  const hash = await hashPassword(data.password);
  return writeTransaction(ctx, async (trx, audit) => {
    if (await findUserRow(trx, data.username)) {
      const message = text(`Tên đăng nhập "${data.username}" đã có`, `Username "${data.username}" is taken`);
      throw new ConflictError(message, [{ field: 'username', message }]);
    }
    const row = await trx
      .insertInto('users')
      .values({
        username: data.username,
        display_name: data.displayName,
        password_hash: hash,
        person_id: null,
        active: 1,
        created_at: ctx.now().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceRoles(trx, row.id, await grantsFor(trx, data.roles));
    const user = await withRoles(trx, row);
    await audit({ action: 'user.create', entity: 'user', entityId: user.id, after: user });
    return user;
  });
}

export async function updateUser(ctx: ServiceContext, id: number, input: UserUpdate): Promise<UserWithRoles> {
  const data = parseInput(userUpdateSchema, input);
  const before = await findUserRowById(ctx.store.db, id);
  if (!before) throw new NotFoundError(text(`Không tìm thấy tài khoản số ${id}`, `No user ${id}`));
  if (data.password) checkStrength(data.password, before.username);
  const hash = data.password ? await hashPassword(data.password) : undefined;
  return writeTransaction(ctx, async (trx, audit) => {
    const previous = await withRoles(trx, before);
    const done = await trx
      .updateTable('users')
      .set({
        ...(data.displayName ? { display_name: data.displayName } : {}),
        ...(data.active === undefined ? {} : { active: data.active ? 1 : 0 }),
        ...(hash ? { password_hash: hash, failed_logins: 0, locked_until: null } : {}),
        version: data.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', data.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      const message = text(
        'Tài khoản đã được người khác sửa; hãy tải lại',
        'The account changed meanwhile; reload it',
      );
      throw new ConflictError(message, [{ field: 'version', message }], previous);
    }
    if (data.roles) await replaceRoles(trx, id, await grantsFor(trx, data.roles));
    // Revoking sessions on a password change or deactivation logs the old holder out.
    if (hash || data.active === false) {
      await trx
        .updateTable('sessions')
        .set({ revoked_at: ctx.now().toISOString() })
        .where('user_id', '=', id)
        .execute();
    }
    const after = await withRoles(trx, (await findUserRowById(trx, id)) as NonNullable<typeof before>);
    await audit({ action: 'user.update', entity: 'user', entityId: id, before: previous, after });
    return after;
  });
}

/** A page of accounts; `subtrees` limits it to those an admin of these unit paths manages. */
export async function listUsers(
  ctx: ServiceContext,
  limit = 50,
  offset = 0,
  subtrees: readonly string[] | null = null,
) {
  const { rows, total } = await listUserRows(ctx.store.db, limit, offset, subtrees);
  const roles = await rolesOf(
    ctx.store.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => ({ ...toUser(r), roles: roles.get(r.id) ?? [] })), total, limit, offset };
}

export async function principalFor(
  db: Db,
  userId: number,
  scopePath: string | null = null,
): Promise<Principal | null> {
  const row = await findUserRowById(db, userId);
  if (row?.active !== 1) return null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: (await rolesOf(db, [row.id])).get(row.id) ?? [],
    scopePath,
  };
}

let dummyHash: Promise<string> | undefined;

const wrongLogin = () =>
  new UnauthorizedError(text('Sai tên đăng nhập hoặc mật khẩu', 'Wrong username or password'), [
    { field: 'password', message: text('sai tên đăng nhập hoặc mật khẩu', 'wrong username or password') },
  ]);

/**
 * Checks a password. After five failures the account waits 1, 2, 4 … 60 minutes before the
 * next try, whoever asks, so guessing from many addresses is slow too.
 */
export async function authenticate(
  ctx: ServiceContext,
  username: string,
  password: string,
): Promise<Principal> {
  const db = ctx.store.db;
  const now = ctx.now();
  const row = await findUserRow(db, username.trim().toLowerCase());
  if (!row?.password_hash) {
    // Spend the same time as a real check, so response times do not reveal which names exist.
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(await dummyHash, password);
    throw wrongLogin();
  }
  if (row.locked_until && row.locked_until > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000);
    throw new RateLimitedError(
      text(
        `Đăng nhập sai nhiều lần; hãy thử lại sau ${Math.ceil(seconds / 60)} phút`,
        `Too many failed logins; retry in ${Math.ceil(seconds / 60)} min`,
      ),
      seconds,
    );
  }
  if (row.active !== 1 || !(await verifyPassword(row.password_hash, password))) {
    const failures = row.failed_logins + 1;
    const over = failures - LOGIN_FAILURES_BEFORE_BACKOFF;
    const lockedUntil =
      over >= 0
        ? new Date(now.getTime() + Math.min(2 ** over, MAX_BACKOFF_MINUTES) * 60_000).toISOString()
        : null;
    await db
      .updateTable('users')
      .set({ failed_logins: failures, locked_until: lockedUntil })
      .where('id', '=', row.id)
      .execute();
    throw wrongLogin();
  }
  if (row.failed_logins > 0) {
    await db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', row.id)
      .execute();
  }
  return (await principalFor(db, row.id)) as Principal;
}
