import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** What every answer is allowed to load, frame and submit to: this origin only. */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  // HSTS only makes sense behind TLS; the proxy that terminates TLS should send it.
  strictTransportSecurity: false,
};

/**
 * The headers @fastify/helmet sends with these options, asked once of a throw-away server. Every
 * directive is a constant, so they are the same for every request, while the plugin builds a new
 * helmet middleware (and writes the policy out again) on each one.
 */
async function helmetHeaders(
  options: FastifyHelmetOptions = HELMET_OPTIONS,
): Promise<Record<string, string>> {
  const answer = async (withHelmet: boolean) => {
    const probe = Fastify({ logger: false });
    if (withHelmet) await probe.register(helmet, options);
    probe.get('/', async () => '');
    const res = await probe.inject({ method: 'GET', url: '/' });
    await probe.close();
    return res.headers;
  };
  const plain = await answer(false);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(await answer(true))) {
    if (!(name in plain) && typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/** Asked once per process: the options are constants. */
let appHeaders: Promise<Record<string, string>> | undefined;

/** Helmet's security headers on every answer, errors and 404s included, from one synchronous hook. */
export const securityHeaders = fp(async (app: FastifyInstance) => {
  appHeaders ??= helmetHeaders();
  const headers = await appHeaders;
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});
