import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { ServiceContext } from '../../context.js';
import { InvalidError, NotFoundError } from '../../errors.js';
import { text } from '../../i18n.js';
import { findUnitsByCodes } from '../../units/units.repo.js';
import { unitNotFound } from '../../units/units.service.js';
import { hasRole, type Principal, type RoleGrant, subtreesWithRole } from '../../users/access.js';
import { findUserRowById, rolesOf, type UserWithRoles } from '../../users/users.repo.js';
import { userInputSchema, userUpdateSchema } from '../../users/users.schema.js';
import { createUser, listUsers, updateUser } from '../../users/users.service.js';
import { type Action, authorize } from '../access.js';
import { forbidden, requirePrincipal } from '../auth.js';
import { described, errors, idParam, pageOf, pageQuery } from './common.js';

const MANAGE: Action = { vi: 'quản lý tài khoản của đơn vị này', en: 'manage accounts of this unit' };
const MANAGE_ANY: Action = { vi: 'quản lý tài khoản', en: 'manage accounts' };

const userSchema = described('User', {
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
  roles: z.array(z.object({ unitCode: z.string(), role: z.string() })),
});

/** Unit ids and paths stay inside the server; clients name units by code. */
function publicUser(u: UserWithRoles) {
  return { ...u, roles: u.roles.map((r) => ({ unitCode: r.unitCode, role: r.role })) };
}

/** An admin somewhere, with the subtrees they administer (narrowed by a token's scope). */
function requireAdmin(request: FastifyRequest): { principal: Principal; subtrees: string[] } {
  const principal = requirePrincipal(request);
  const subtrees = subtreesWithRole(principal, 'admin');
  if (subtrees.length === 0) throw forbidden(MANAGE_ANY);
  return { principal, subtrees };
}

/** Granting a role on a unit takes being admin over that unit, so nobody grants above themselves. */
async function authorizeGrants(ctx: ServiceContext, request: FastifyRequest, codes: readonly string[]) {
  const units = await findUnitsByCodes(ctx.store.db, [...new Set(codes)]);
  for (const code of codes) {
    const unit = units.find((u) => u.code === code);
    if (!unit) throw unitNotFound(code, 'roles.unitCode');
    authorize(request, unit, 'admin', MANAGE);
  }
}

/** Editing an account takes being admin over every unit it already holds a role on. */
function authorizeHolder(principal: Principal, grants: readonly RoleGrant[]) {
  if (grants.some((g) => !hasRole(principal, { path: g.unitPath }, 'admin'))) throw forbidden(MANAGE);
}

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tài khoản thuộc các đơn vị tôi quản trị (và tài khoản chưa có vai trò)',
        operationId: 'listUsers',
        querystring: z.object(pageQuery).strict(),
        response: {
          200: pageOf('UserPage', userSchema),
          ...errors,
        },
      },
    },
    async (request) => {
      const { subtrees } = requireAdmin(request);
      const { limit, offset } = request.query;
      const result = await listUsers(app.serviceContext(request), limit, offset, subtrees);
      return { ...result, items: result.items.map(publicUser) };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo tài khoản; chỉ cấp vai trò ở đơn vị mình quản trị; mật khẩu phải đủ mạnh',
        operationId: 'createUser',
        body: userInputSchema,
        response: { 201: userSchema, ...errors },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const ctx = app.serviceContext(request);
      await authorizeGrants(
        ctx,
        request,
        (request.body.roles ?? []).map((r) => r.unitCode),
      );
      const user = await createUser(ctx, request.body);
      reply.status(201);
      return publicUser(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary:
          'Sửa tài khoản (tên, mật khẩu, khóa, vai trò) theo phiên bản; đổi mật khẩu hoặc khóa thì đăng xuất mọi phiên',
        operationId: 'updateUser',
        params: idParam,
        body: userUpdateSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => {
      const { principal } = requireAdmin(request);
      const ctx = app.serviceContext(request);
      const { id } = request.params;
      if (!(await findUserRowById(ctx.store.db, id))) {
        throw new NotFoundError(text(`Không tìm thấy tài khoản số ${id}`, `No user ${id}`));
      }
      authorizeHolder(principal, (await rolesOf(ctx.store.db, [id])).get(id) ?? []);
      if (request.body.roles) {
        await authorizeGrants(
          ctx,
          request,
          request.body.roles.map((r) => r.unitCode),
        );
      }
      // Locking oneself out would leave nobody to undo it from this account.
      if (id === principal.userId && request.body.active === false) {
        const message = text(
          'Không thể tự khóa tài khoản của mình',
          'You cannot deactivate your own account',
        );
        throw new InvalidError(message, [{ field: 'active', message }]);
      }
      return publicUser(await updateUser(ctx, id, request.body));
    },
  );
};
