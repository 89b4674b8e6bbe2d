import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { publishedDemoLogins } from '../../demo/users.js';
import { ForbiddenError } from '../../errors.js';
import { text } from '../../i18n.js';
import {
  closeSession,
  createApiToken,
  listApiTokens,
  openSession,
  revokeApiToken,
} from '../../users/sessions.js';
import { loginSchema } from '../../users/users.schema.js';
import { authenticate } from '../../users/users.service.js';
import { codeSchema } from '../../validation.js';
import { requirePrincipal, SESSION_COOKIE } from '../auth.js';
import { described, errors, idParam } from './common.js';

const sessionSchema = described('Session', {
  user: z.object({ id: z.number(), username: z.string(), displayName: z.string() }),
  roles: z.array(z.object({ unitCode: z.string(), role: z.string() })),
  csrfToken: z.string().nullable(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const loginLimit = {
    max: app.settings.loginAttemptsPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request: unknown, context: { after: string }) => {
      const err = new Error(`Too many login attempts, retry in ${context.after}`) as Error & {
        statusCode: number;
      };
      err.statusCode = 429;
      return err;
    },
  };

  app.post(
    '/auth/login',
    {
      config: { rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập; đặt cookie phiên và trả mã chống giả mạo',
        operationId: 'login',
        security: [],
        body: loginSchema,
        response: { 200: sessionSchema, 400: errors[400], 401: errors[401], 429: errors[401] },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const principal = await authenticate(ctx, request.body.username, request.body.password);
      // Rotation: the session the browser had before (if any) ends, a fresh one begins.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await closeSession(ctx, previous);
      const session = await openSession(ctx, principal.userId, app.settings.sessions);
      const secure =
        app.settings.secureCookies === 'auto' ? request.protocol === 'https' : app.settings.secureCookies;
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure,
        expires: new Date(session.expiresAt),
      });
      return {
        user: { id: principal.userId, username: principal.username, displayName: principal.displayName },
        roles: principal.roles.map((r) => ({ unitCode: r.unitCode, role: r.role })),
        csrfToken: session.csrfToken,
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất',
        operationId: 'logout',
        response: { 200: z.object({ ok: z.boolean() }), ...errors },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await closeSession(app.serviceContext(request), token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/auth/demo',
    {
      schema: {
        tags: ['auth'],
        summary: 'Tài khoản dùng thử còn mở bằng mật khẩu công bố (chỉ có trên bản dùng thử)',
        operationId: 'getDemoLogins',
        security: [],
        querystring: z.object({}).strict(),
        response: {
          200: described('DemoLogins', {
            logins: z.array(
              z.object({
                username: z.string(),
                password: z.string(),
                role: z.string(),
                unitName: z.string(),
              }),
            ),
          }),
          400: errors[400],
        },
      },
    },
    async () => ({
      logins: await publishedDemoLogins(app.store.db),
    }),
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Người đang đăng nhập, vai trò và mã chống giả mạo',
        operationId: 'getSession',
        response: { 200: sessionSchema, ...errors },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      return {
        user: { id: p.userId, username: p.username, displayName: p.displayName },
        roles: p.roles.map((r) => ({ unitCode: r.unitCode, role: r.role })),
        csrfToken: request.csrfToken,
      };
    },
  );

  const tokenSchema = described('ApiToken', {
    id: z.number(),
    name: z.string(),
    unitCode: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  });

  app.get(
    '/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mã truy cập của tôi',
        operationId: 'listTokens',
        response: { 200: z.array(tokenSchema), ...errors },
      },
    },
    async (request) => listApiTokens(app.serviceContext(request), requirePrincipal(request).userId),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Tạo mã truy cập cho máy khách, giới hạn trong một đơn vị; mã chỉ hiện một lần',
        operationId: 'createToken',
        body: z.object({ name: z.string().trim().min(1).max(100), unitCode: codeSchema }).strict(),
        response: { 201: tokenSchema.extend({ token: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      if (request.via === 'token') {
        throw new ForbiddenError(
          text('Không thể dùng mã truy cập để tạo mã khác', 'A token cannot create tokens'),
        );
      }
      reply.status(201);
      return createApiToken(app.serviceContext(request), p, request.body);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Thu hồi mã truy cập',
        operationId: 'revokeToken',
        params: idParam,
        response: { 200: z.object({ ok: z.boolean() }), ...errors },
      },
    },
    async (request) => {
      await revokeApiToken(app.serviceContext(request), requirePrincipal(request), request.params.id);
      return { ok: true };
    },
  );
};
