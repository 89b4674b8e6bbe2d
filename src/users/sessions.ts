import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/audit.repo.js';
import { writeTransaction } from '../audit/write.js';
import type { ServiceContext } from '../context.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { findUnitByCode } from '../units/units.repo.js';
import { unitNotFound } from '../units/units.service.js';
import { Memo } from '../util/memo.js';
import { canRead, type Principal } from './access.js';
import { principalFor } from './users.service.js';

export interface SessionSettings {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after login, used or not. */
  absoluteHours: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 120, absoluteHours: 12 };

/** Secrets are random 256-bit strings; only their SHA-256 is stored. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface OpenSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** A new session on every login, so a session id known before login is worth nothing after. */
export async function openSession(
  ctx: ServiceContext,
  userId: number,
  settings: SessionSettings,
): Promise<OpenSession> {
  const now = ctx.now();
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + settings.absoluteHours * 3_600_000).toISOString();
  await ctx.store.db
    .insertInto('sessions')
    .values({
      token_hash: secretHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  principal: Principal;
  csrfToken: string;
}

async function readSession(
  ctx: ServiceContext,
  token: string,
  settings: SessionSettings,
): Promise<ResolvedSession | null> {
  const db = ctx.store.db;
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', secretHash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const now = ctx.now();
  const idleLimit = Date.parse(row.last_seen_at) + settings.idleMinutes * 60_000;
  if (now.toISOString() >= row.expires_at || now.getTime() >= idleLimit) return null;
  const principal = await principalFor(db, row.user_id);
  if (!principal) return null;
  // Writing last_seen_at at most once a minute keeps reads from turning into writes.
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return { principal, csrfToken: row.csrf_token };
}

/** Sessions looked up in the last few seconds: every request of a page would otherwise ask again. */
const recentSessions = new Memo<ResolvedSession | null>(5_000);

/**
 * The session behind a cookie, or null when it is unknown, revoked, idle too long or too old.
 * Remembered for a few seconds; logging out forgets it at once, and any audited write (a role
 * or password change among them) makes every remembered session be read again.
 */
export function resolveSession(
  ctx: ServiceContext,
  token: string,
  settings: SessionSettings,
): Promise<ResolvedSession | null> {
  return recentSessions.read(token, ctx.now().getTime(), () => readSession(ctx, token, settings));
}

export async function closeSession(ctx: ServiceContext, token: string): Promise<void> {
  recentSessions.delete(token);
  await ctx.store.db
    .updateTable('sessions')
    .set({ revoked_at: ctx.now().toISOString() })
    .where('token_hash', '=', secretHash(token))
    .where('revoked_at', 'is', null)
    .execute();
}

export interface ApiToken {
  id: number;
  name: string;
  unitCode: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token for a machine client, limited to one unit subtree. The secret is shown once. */
export async function createApiToken(
  ctx: ServiceContext,
  principal: Principal,
  input: { name: string; unitCode: string },
): Promise<ApiToken & { token: string }> {
  const db = ctx.store.db;
  const unit = await findUnitByCode(db, input.unitCode);
  if (!unit) throw unitNotFound(input.unitCode);
  // A token scoped outside everything its owner may read would carry no right at all.
  if (!canRead(principal, unit)) {
    const message = text(
      `Bạn không có quyền tạo mã truy cập cho đơn vị "${unit.code}"`,
      `You may not create a token for unit "${unit.code}"`,
    );
    throw new ForbiddenError(message, [{ field: 'unitCode', message }]);
  }
  const token = newSecret('td_');
  const now = ctx.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        token_hash: secretHash(token),
        user_id: principal.userId,
        unit_id: unit.id,
        name: input.name,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: principal.userId, label: principal.username }, ctx.now(), [
      {
        action: 'token.create',
        entity: 'api_token',
        entityId: row.id,
        after: { name: input.name, unitCode: unit.code },
      },
    ]);
    return {
      id: row.id,
      name: input.name,
      unitCode: unit.code,
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
      token,
    };
  });
}

export async function listApiTokens(ctx: ServiceContext, userId: number): Promise<ApiToken[]> {
  const rows = await ctx.store.db
    .selectFrom('api_tokens as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.id', 't.name', 'u.code', 't.created_at', 't.last_used_at', 't.revoked_at'])
    .where('t.user_id', '=', userId)
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unitCode: r.code,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Through writeTransaction, so the tokens remembered by resolveApiToken are read again at once. */
export async function revokeApiToken(ctx: ServiceContext, principal: Principal, id: number): Promise<void> {
  await writeTransaction(ctx, async (trx, audit) => {
    const done = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.now().toISOString() })
      .where('id', '=', id)
      .where('user_id', '=', principal.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      throw new NotFoundError(text(`Không có mã truy cập số ${id} đang hiệu lực`, `No active token ${id}`));
    }
    await audit({ action: 'token.revoke', entity: 'api_token', entityId: id });
  });
}

/** Tokens looked up in the last few seconds: a machine client polls with the same one. */
const recentTokens = new Memo<Principal | null>(5_000);

/**
 * The principal behind an API token, or null when it is unknown or revoked. Remembered for a
 * few seconds like sessions; a revocation or any other audited write makes it be read again.
 */
export function resolveApiToken(ctx: ServiceContext, token: string): Promise<Principal | null> {
  return recentTokens.read(token, ctx.now().getTime(), () => readApiToken(ctx, token));
}

async function readApiToken(ctx: ServiceContext, token: string): Promise<Principal | null> {
  const db = ctx.store.db;
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.id', 't.user_id', 't.revoked_at', 't.last_used_at', 'u.path'])
    .where('t.token_hash', '=', secretHash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const now = ctx.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return principalFor(db, row.user_id, row.path);
}
