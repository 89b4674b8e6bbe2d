import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { connect, type Store } from '../../src/store/connect.js';
import { initialScripts } from './bundle.js';

describe('the server serves the web app', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await connect({ file: ':memory:' });
    app = await buildApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers every page address with index.html, not cached, under the CSP', async () => {
    for (const url of ['/', '/meetings/3', '/entry?plan=x']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('sends hashed assets gzipped, cached for a year, and 304 for a known ETag', async () => {
    const [entry] = initialScripts();
    const res = await app.inject({ url: entry?.file, headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(gunzipSync(res.rawPayload).length).toBe(entry?.bytes);
    const again = await app.inject({
      url: entry?.file,
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('keeps the API answering JSON: an unknown API path or asset is a 404, not the app', async () => {
    const api = await app.inject({ url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
  });
});
