import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../context.js';
import { BadRequestError } from '../errors.js';
import { text } from '../i18n.js';
import type { Store } from '../store/connect.js';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from '../users/sessions.js';
import { authPlugin } from './auth.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { registerOpenApi } from './openapi.js';
import { routes } from './routes/index.js';
import { securityHeaders } from './security-headers.js';
import { zodValidatorCompiler } from './validation.js';
import { registerWebApp } from './web.js';

export interface ServerSettings {
  sessions: SessionSettings;
  /** Login attempts allowed per address and minute, before the per-account back-off. */
  loginAttemptsPerMinute: number;
  bodyLimit: number;
  /** Cookies marked Secure: 'auto' when the request came over TLS (directly or via a proxy). */
  secureCookies: boolean | 'auto';
  trustProxy: boolean;
  /** Clock, injectable for expiry tests. */
  now: () => Date;
  logger: FastifyServerOptions['logger'];
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  sessions: DEFAULT_SESSION_SETTINGS,
  loginAttemptsPerMinute: 10,
  bodyLimit: 1024 * 1024,
  secureCookies: 'auto',
  trustProxy: false,
  now: () => new Date(),
  logger: false,
};

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    settings: ServerSettings;
    /** The services' context for this request: its store, its caller, its clock. */
    serviceContext(request: FastifyRequest): ServiceContext;
  }
}

/** Pino must never write secrets: these paths are replaced before a line is written. */
export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body.password',
];

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function buildApp(
  store: Store,
  overrides: Partial<ServerSettings> = {},
): Promise<FastifyInstance> {
  const settings = { ...DEFAULT_SERVER_SETTINGS, ...overrides };
  const app = Fastify({
    logger: settings.logger,
    bodyLimit: settings.bodyLimit,
    trustProxy: settings.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('store', store);
  app.decorate('settings', settings);
  app.decorate(
    'serviceContext',
    (request: FastifyRequest): ServiceContext => ({
      store,
      actor: request.principal
        ? { userId: request.principal.userId, label: request.principal.username }
        : { userId: null, label: 'khách' },
      now: settings.now,
    }),
  );
  app.setValidatorCompiler(zodValidatorCompiler);
  // Response schemas document the API; serialising through them would add cost to every reply.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  // A request already being handled when shutdown starts would leave its keep-alive socket open
  // once answered, and close() would wait out the keep-alive timeout (72 s) for it.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  // JSON only, and strict UTF-8: a form post (text/plain) cannot reach a route, and bytes that are
  // not UTF-8 are refused instead of being stored as replacement characters.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, raw: Buffer, done) => {
    let source: string;
    try {
      source = utf8.decode(raw);
    } catch {
      done(new BadRequestError(text('Dữ liệu không phải UTF-8 hợp lệ', 'The body is not valid UTF-8')));
      return;
    }
    if (source.trim() === '') {
      done(new BadRequestError(text('Thiếu nội dung JSON', 'The JSON body is empty')));
      return;
    }
    try {
      done(null, JSON.parse(source));
    } catch {
      done(new BadRequestError(text('Nội dung không phải JSON hợp lệ', 'The body is not valid JSON')));
    }
  });

  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, { sessions: settings.sessions, context: (r) => app.serviceContext(r) });
  await registerOpenApi(app);
  await registerWebApp(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await store.db.selectFrom('units').select('id').limit(1).execute();
      return { status: 'ok', database: store.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: store.dialect });
    }
  });
  await app.register(routes, { prefix: '/api/v1' });
  return app;
}
