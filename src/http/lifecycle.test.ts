import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { demoApp, login } from '../test/http.js';
import { createTestStore, describeStores } from '../test/stores.js';

/** One directive of a Content-Security-Policy header, as its list of sources. */
function directive(res: LightMyRequestResponse, name: string): string[] | undefined {
  const csp = String(res.headers['content-security-policy'] ?? '');
  const found = csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found?.slice(1);
}

function expectSecurityHeaders(res: LightMyRequestResponse) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(directive(res, 'frame-ancestors')).toEqual(["'none'"]);
  expect(directive(res, 'object-src')).toEqual(["'none'"]);
  expect(directive(res, 'script-src')).toContain("'self'");
  expect(directive(res, 'script-src')).not.toContain("'unsafe-inline'");
}

describeStores('health, headers, docs and shutdown', (store) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await demoApp(store());
  });

  it('/healthz answers while the process lives; /readyz is 503 once the database is gone', async () => {
    const own = await createTestStore(store().dialect);
    const local = await demoApp(own);
    expect((await local.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await local.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', database: own.dialect });

    await own.close();
    const down = await local.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'unavailable' });
    expect(down.body).not.toMatch(/destroyed|ECONN|stack/i);
    expect((await local.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await local.close();
  });

  it('sends the security headers on API answers, errors included', async () => {
    for (const url of ['/healthz', '/api/v1/openapi.json', '/api/v1/users', '/api/v1/khong-co']) {
      expectSecurityHeaders(await app.inject({ method: 'GET', url }));
    }
  });

  it('serves the API docs under a CSP that still lets Swagger UI load', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expectSecurityHeaders(page);
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');

    // Inline code runs only when the policy names its hash; external code must come from here.
    const inline = [...page.body.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    const scriptSrc = directive(page, 'script-src') ?? [];
    for (const [, code] of inline) {
      if (code?.trim()) {
        const hash = createHash('sha256').update(code).digest('base64');
        expect(scriptSrc).toContain(`'sha256-${hash}'`);
      }
    }
    const sources = [...page.body.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string);
    const styles = [...page.body.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const src of [...sources, ...styles]) {
      const url = new URL(src, 'http://localhost/api/docs/');
      expect(url.origin).toBe('http://localhost');
      const asset = await app.inject({ method: 'GET', url: url.pathname });
      expect(asset.statusCode, url.pathname).toBe(200);
      expect(asset.headers['content-type']).toMatch(src.endsWith('.js') ? /javascript/ : /css/);
      expect(asset.body.length).toBeGreaterThan(100);
    }
    // The page reads the document from ./json, next to itself.
    const spec = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.json().openapi).toBe('3.1.0');
  });

  it('finishes a request in flight when the server is closed', async () => {
    const local = await demoApp(store());
    let arrived: () => void = () => {};
    let release: () => void = () => {};
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Holds the progress request inside the server until the shutdown has begun.
    local.addHook('preHandler', async (request) => {
      if (request.url.startsWith('/api/v1/progress')) {
        arrived();
        await released;
      }
    });
    const address = await local.listen({ port: 0, host: '127.0.0.1' });
    const { cookie } = await login(local, 'lanhdao');

    const pending = fetch(`${address}/api/v1/progress?plan=bac-kan-2021&period=2021-09`, {
      headers: { cookie },
    });
    await arrival;
    const closing = local.close();
    const late = await fetch(`${address}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(late).not.toBe(200);
    release();

    const res = await pending;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { indicators: unknown[] }).indicators.length).toBeGreaterThan(10);
    await closing;
  });
});
