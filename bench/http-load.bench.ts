/**
 * HTTP load: the demo's progress endpoint next to a bare Fastify route, measured in the same run
 * with autocannon. The bare route is the ceiling this machine and Node give any route; the claim
 * is the ratio. Goal: the progress endpoint serves at least 50% of the bare route's requests/s
 * with zero errors.
 *
 *   npx tsx bench/http-load.bench.ts [--duration 10] [--connections 10]
 *
 * Each server runs alone in a child process (one at a time) and autocannon in this one, so on a
 * small machine the load generator and the server do not share a core's event loop. Everything
 * listens on 127.0.0.1 only.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { systemContext } from '../src/context.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { buildApp } from '../src/http/app.js';
import { connect } from '../src/store/connect.js';

export const GOAL = 0.5;
const HOST = '127.0.0.1';
const PROGRESS = '/api/v1/progress?plan=bac-kan-2021&period=2021-09';
const WARMUP_SECONDS = 2;

/** The part of autocannon's result this bench reads (the package ships no types). */
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

type Kind = 'bare' | 'demo';

/** Child side: start one server, tell the parent its port, run until killed. */
async function serve(kind: Kind): Promise<void> {
  if (kind === 'bare') {
    const app = Fastify({ logger: false });
    app.get('/bare', async () => ({ status: 'ok' }));
    await app.listen({ port: 0, host: HOST });
    process.send?.({ port: (app.server.address() as AddressInfo).port });
    return;
  }
  // A file, as `npm start` uses, not an in-memory database that would flatter the numbers.
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-http-bench-'));
  const store = await connect({ file: join(dir, 'demo.db') });
  await loadDemo(systemContext(store));
  const app = await buildApp(store);
  await app.listen({ port: 0, host: HOST });
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => store.close())
      .finally(() => rmSync(dir, { recursive: true, force: true }));
  });
  process.send?.({ port: (app.server.address() as AddressInfo).port });
}

/** Parent side: fork this file as a server of the given kind and wait for its port. */
function startServer(kind: Kind): Promise<{ child: ChildProcess; origin: string }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], { execArgv: process.execArgv });
  return new Promise((resolvePort, reject) => {
    child.once('message', (m: { port: number }) =>
      resolvePort({ child, origin: `http://${HOST}:${m.port}` }),
    );
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}) before listening`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** The demo's viewer signs in once; every benchmark request carries that session cookie. */
async function sessionCookie(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lanhdao', password: 'lanhdao2021' }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

export interface Row {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

interface LoadOptions {
  duration: number;
  connections: number;
  log: (s: string) => void;
}

/** One autocannon run after a short unrecorded warm-up (JIT, statement caches, pools). */
async function load(
  label: string,
  url: string,
  headers: Record<string, string>,
  o: LoadOptions,
): Promise<Row> {
  const run = (duration: number) => autocannon({ url, connections: o.connections, duration, headers });
  o.log(`${label}: warm-up ${WARMUP_SECONDS} s, then ${o.duration} s × ${o.connections} connections`);
  await run(WARMUP_SECONDS);
  const r = await run(o.duration);
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    requests: r.requests.total,
  };
}

/** Starts a server of `kind`, runs `work` against it, and always stops it. */
async function withServer<T>(kind: Kind, work: (origin: string) => Promise<T>): Promise<T> {
  const { child, origin } = await startServer(kind);
  try {
    return await work(origin);
  } finally {
    await stopServer(child);
  }
}

/** One line per run; "% of bare" compares each with the first row, the bare route. */
export function formatTable(rows: readonly Row[]): string {
  const bare = rows[0]?.rps ?? 1;
  const cells = [
    ['route', 'req/s', '% of bare', 'p50 ms', 'p99 ms', 'requests', 'errors'],
    ...rows.map((r) => [
      r.label,
      Math.round(r.rps).toLocaleString('en'),
      `${((100 * r.rps) / bare).toFixed(1)}%`,
      String(r.p50),
      String(r.p99),
      r.requests.toLocaleString('en'),
      String(r.errors),
    ]),
  ];
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length))) ?? [];
  return cells
    .map((row) =>
      row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '),
    )
    .join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
    },
  });
  if (values.serve === 'bare' || values.serve === 'demo') return serve(values.serve);
  const options = {
    duration: Number(values.duration),
    connections: Number(values.connections),
    log: (s: string) => console.error(s),
  };
  if (!(options.duration > 0 && options.connections > 0)) throw new Error('--duration and --connections > 0');

  // Other work on the machine moves the absolute numbers (the ratio much less): say how busy it was.
  const busy = loadavg()[0] ?? 0;
  const bare = await withServer('bare', (origin) =>
    load('bare Fastify GET /bare', `${origin}/bare`, {}, options),
  );
  // Context rows split the gap: the app's own stack without the database (/healthz), then what
  // every signed-in request pays (the session check), then the report itself.
  const [health, session, demo] = await withServer('demo', async (origin) => {
    const headers = { cookie: await sessionCookie(origin) };
    return [
      await load('demo GET /healthz (no database)', `${origin}/healthz`, {}, options),
      await load('demo GET /api/v1/auth/session', `${origin}/api/v1/auth/session`, headers, options),
      await load(`demo GET ${PROGRESS}`, `${origin}${PROGRESS}`, headers, options),
    ] as const;
  });
  const ratio = demo.rps / bare.rps;
  const met = ratio >= GOAL && [bare, health, session, demo].every((r) => r.errors === 0);
  console.log(
    `\nHTTP load on ${HOST}, autocannon ${options.connections} connections × ${options.duration} s, ` +
      `load average ${busy.toFixed(1)} before the run\n`,
  );
  console.log(formatTable([bare, health, session, demo]));
  console.log(
    `\nprogress / bare: ${(ratio * 100).toFixed(1)}% of the bare route's requests/s ` +
      `(goal ≥ ${GOAL * 100}% with zero errors): ${met ? 'met' : 'NOT met'}`,
  );
  if (!met) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
