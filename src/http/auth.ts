import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ServiceContext } from '../context.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { text } from '../i18n.js';
import type { Principal } from '../users/access.js';
import { resolveApiToken, resolveSession, type SessionSettings } from '../users/sessions.js';

export const SESSION_COOKIE = 'tiendo_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** How the caller proved who they are; cookie sessions must also send the CSRF token. */
    via: 'session' | 'token' | null;
    csrfToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthOptions {
  sessions: SessionSettings;
  context: (request: FastifyRequest) => ServiceContext;
}

/** Who is calling: an API token (Authorization: Bearer), a session cookie, or nobody. */
export const authPlugin = fp<AuthOptions>(async (app: FastifyInstance, options) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('via', null);
  app.decorateRequest('csrfToken', null);
  // Synchronous for the anonymous (health checks, the login page); only a credential waits.
  app.addHook('onRequest', (request, reply, done) => {
    const header = request.headers.authorization;
    const cookie = header ? undefined : request.cookies[SESSION_COOKIE];
    if (!header && !cookie) return done();
    const proof = header
      ? byToken(request, header, options)
      : bySession(request, reply, cookie as string, options);
    proof.then(() => done(), done);
  });
});

async function byToken(request: FastifyRequest, header: string, options: AuthOptions): Promise<void> {
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const principal = token ? await resolveApiToken(options.context(request), token) : null;
  if (!principal) {
    throw new UnauthorizedError(
      text('Mã truy cập không hợp lệ hoặc đã bị thu hồi', 'The API token is invalid or revoked'),
    );
  }
  request.principal = principal;
  request.via = 'token';
}

async function bySession(
  request: FastifyRequest,
  reply: FastifyReply,
  cookie: string,
  options: AuthOptions,
): Promise<void> {
  const session = await resolveSession(options.context(request), cookie, options.sessions);
  if (!session) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return;
  }
  request.principal = session.principal;
  request.via = 'session';
  request.csrfToken = session.csrfToken;
  // SameSite=Strict stops most cross-site writes; the token stops the rest (old browsers, subdomains).
  if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
    throw new ForbiddenError(
      text(
        'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang',
        'Missing or wrong X-CSRF-Token; reload the page',
      ),
      [{ field: CSRF_HEADER, message: text('mã chống giả mạo không khớp', 'CSRF token mismatch') }],
    );
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) {
    throw new UnauthorizedError(text('Cần đăng nhập', 'Sign in first'));
  }
  return request.principal;
}

export function forbidden(what: { vi: string; en: string }): ForbiddenError {
  return new ForbiddenError(text(`Bạn không có quyền ${what.vi}`, `You may not ${what.en}`));
}
