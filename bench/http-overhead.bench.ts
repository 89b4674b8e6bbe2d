/**
 * Where the progress endpoint's requests/s go: the same autocannon load against a bare Fastify
 * route, the bare route with each piece of the app's stack added (security headers, cookies),
 * a bare route sending a body as large as the report, and the whole app (health check without
 * and with a session, the session itself, the report by cookie, by API token and revalidated by
 * ETag). Rows are measured round by round, every round all rows; the table gives each row's
 * median requests/s and its median share of the same round's bare route.
 *
 *   npx tsx bench/http-overhead.bench.ts [--rounds 3] [--duration 5] [--connections 10] [--cpu-prof DIR]
 *
 * With --cpu-prof the app's server writes a V8 CPU profile of its whole run into DIR.
 */

import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { HELMET_OPTIONS, securityHeaders } from '../src/http/security-headers.js';
import {
  apiToken,
  formatTable,
  HOST,
  type LoadOptions,
  listening,
  load,
  PROGRESS,
  type Row,
  type Server,
  signIn,
  startServer,
  stopServer,
  summarise,
} from './http-load.bench.js';

const LOAD_SCRIPT = fileURLToPath(new URL('./http-load.bench.ts', import.meta.url));

/** Child side: the bare route, and each piece of the stack in its own scope next to it. */
async function servePieces(bodyBytes: number): Promise<void> {
  const app = Fastify({ logger: false });
  const ok = async () => ({ status: 'ok' });
  app.get('/bare', ok);
  const body = JSON.stringify({ pad: 'x'.repeat(Math.max(0, bodyBytes - 10)) });
  app.get('/bare-report', (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  const scope = (prefix: string, setup: (s: FastifyInstance) => Promise<void>) =>
    app.register(
      async (s) => {
        await setup(s);
        s.get('/', ok);
      },
      { prefix },
    );
  await scope('/helmet', async (s) => {
    await s.register(helmet, HELMET_OPTIONS);
  });
  await scope('/headers', async (s) => {
    await s.register(securityHeaders);
  });
  await scope('/headers-cookie', async (s) => {
    await s.register(securityHeaders);
    await s.register(cookie);
  });
  await app.listen({ port: 0, host: HOST });
  listening(app.server.address() as AddressInfo);
}

interface Probe {
  label: string;
  path: string;
  headers: Record<string, string>;
  expect?: number;
}

/** The progress report's size and ETag as the demo sends it, for the bare twin and the 304 row. */
async function reportOf(demo: Server, cookieHeader: string): Promise<{ bytes: number; etag: string | null }> {
  const res = await fetch(`${demo.origin}${PROGRESS}`, { headers: { cookie: cookieHeader } });
  if (!res.ok) throw new Error(`progress: ${res.status}`);
  return { bytes: (await res.arrayBuffer()).byteLength, etag: res.headers.get('etag') };
}

/** The rows, cheapest first: the bare route, its pieces, then the whole app. */
function plan(
  pieces: Server,
  demo: Server,
  cookieHeader: string,
  token: string,
  report: { bytes: number; etag: string | null },
): [Server, Probe][] {
  const byCookie = { cookie: cookieHeader };
  const probes: [Server, Probe][] = [
    [pieces, { label: 'bare GET /bare', path: '/bare', headers: {} }],
    [pieces, { label: `bare, ${report.bytes} B body`, path: '/bare-report', headers: {} }],
    [pieces, { label: 'bare + @fastify/helmet', path: '/helmet/', headers: {} }],
    [pieces, { label: 'bare + security headers (once)', path: '/headers/', headers: {} }],
    [pieces, { label: 'bare + headers + cookie', path: '/headers-cookie/', headers: byCookie }],
    [demo, { label: 'app /healthz', path: '/healthz', headers: {} }],
    [demo, { label: 'app /healthz, session', path: '/healthz', headers: byCookie }],
    [demo, { label: 'app /auth/session', path: '/api/v1/auth/session', headers: byCookie }],
    [demo, { label: 'app progress, session', path: PROGRESS, headers: byCookie }],
    [demo, { label: 'app progress, token', path: PROGRESS, headers: { authorization: `Bearer ${token}` } }],
  ];
  if (report.etag) {
    const headers = { ...byCookie, 'if-none-match': report.etag };
    probes.push([demo, { label: 'app progress, 304', path: PROGRESS, headers, expect: 304 }]);
  }
  return probes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      bytes: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      'cpu-prof': { type: 'string' },
    },
  });
  if (values.serve?.startsWith('pieces:')) return servePieces(Number(values.serve.slice(7)));
  const rounds = Number(values.rounds);
  const options: LoadOptions = {
    duration: Number(values.duration),
    connections: Number(values.connections),
    log: (s: string) => console.error(s),
  };
  const busy = loadavg()[0] ?? 0;

  const profile = values['cpu-prof'];
  const demoArgv = profile
    ? [...process.execArgv, '--cpu-prof', '--cpu-prof-dir', profile]
    : process.execArgv;
  const demo = await startServer(LOAD_SCRIPT, 'demo', demoArgv);
  let pieces: Server | undefined;
  let probes: [Server, Probe][] = [];
  const results: Row[][] = [];
  try {
    const session = await signIn(demo.origin);
    const token = await apiToken(demo.origin, session);
    const report = await reportOf(demo, session.cookie);
    pieces = await startServer(fileURLToPath(import.meta.url), `pieces:${report.bytes}`);
    probes = plan(pieces, demo, session.cookie, token, report);
    for (let round = 1; round <= rounds; round++) {
      options.log(`round ${round} of ${rounds}`);
      const rows: Row[] = [];
      for (const [server, p] of probes) {
        rows.push(await load(p.label, server, p.path, p.headers, options, p.expect));
      }
      results.push(rows);
    }
  } finally {
    if (pieces) await stopServer(pieces);
    await stopServer(demo);
  }

  console.log(
    `\nHTTP overhead on ${HOST}: ${rounds} rounds × ${options.connections} connections × ${options.duration} s, ` +
      `load average ${busy.toFixed(1)} before the run; medians, "% of bare" the median of each round's share\n`,
  );
  console.log(formatTable(summarise(results)));
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
