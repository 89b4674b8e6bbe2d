/**
 * HTTP load: the demo's progress endpoint next to bare Fastify routes, measured in the same run
 * with autocannon. Two ceilings: a bare route answering `{"status":"ok"}` (what any route can
 * do on this machine) and a bare route sending the very bytes of the same report (what sending
 * this answer costs by itself: on two cores the kernel and the load generator's decoding of
 * 10 KB bodies take most of it). The claim is the progress endpoint (session cookie,
 * uncompressed 200) against the bare route sending the same bytes: goal at least 50% of its
 * requests/s, zero errors, as the median of the rounds' shares; the share of the empty route is
 * printed too.
 *
 *   npx tsx bench/http-load.bench.ts [--rounds 3] [--duration 10] [--connections 10]
 *
 * Each server runs in its own child process (only one under load at a time) and autocannon in
 * this one, so on a small machine the load generator and the server do not share a core's event
 * loop. The servers also report their CPU time per request, steadier than requests/s when other
 * work shares the machine. Everything listens on 127.0.0.1 only.
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
export const HOST = '127.0.0.1';
export const PROGRESS = '/api/v1/progress?plan=bac-kan-2021&period=2021-09';
const WARMUP_SECONDS = 2;

/** The part of autocannon's result this bench reads (the package ships no types). */
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
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
    // The same report bytes with nothing around them: what sending this answer costs by itself.
    const report = await demoReportBytes();
    app.get('/bare/report', (_request, reply) => {
      reply.type('application/json; charset=utf-8').send(report);
    });
    await app.listen({ port: 0, host: HOST });
    return listening(app.server.address() as AddressInfo);
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
      .finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  });
  listening(app.server.address() as AddressInfo);
}

/** The demo's 9-month report as the progress route sends it to the viewer. */
async function demoReportBytes(): Promise<Buffer> {
  const store = await connect({ file: ':memory:' });
  await loadDemo(systemContext(store));
  const app = await buildApp(store);
  const session = await injectSignIn(app);
  const res = await app.inject({ url: PROGRESS, headers: { cookie: session } });
  await app.close();
  await store.close();
  return res.rawPayload;
}

async function injectSignIn(app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'lanhdao', password: 'lanhdao2021' },
  });
  const cookie = res.cookies.find((c) => c.name === 'tiendo_session');
  return `tiendo_session=${cookie?.value}`;
}

/** Child side: tell the parent the port, then answer its questions about CPU time spent. */
export function listening(address: AddressInfo): void {
  process.on('message', (m) => {
    if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpu: user + system });
    }
  });
  process.send?.({ port: address.port });
}

/** A server in a child process: where it listens and how much CPU time it has used (µs). */
export interface Server {
  child: ChildProcess;
  origin: string;
  cpu(): Promise<number>;
}

/** Parent side: fork `script` as a server of the given kind and wait for its port. */
export function startServer(
  script: string,
  kind: string,
  execArgv: string[] = process.execArgv,
): Promise<Server> {
  const child = fork(script, ['--serve', kind], { execArgv });
  const cpu = () =>
    new Promise<number>((answer) => {
      const listener = (m: { cpu?: number }) => {
        if (m.cpu === undefined) return;
        child.off('message', listener);
        answer(m.cpu);
      };
      child.on('message', listener);
      child.send('cpu');
    });
  return new Promise((resolvePort, reject) => {
    child.once('message', (m: { port: number }) =>
      resolvePort({ child, origin: `http://${HOST}:${m.port}`, cpu }),
    );
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}) before listening`)));
  });
}

export function stopServer({ child }: Server): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export interface SignedIn {
  cookie: string;
  csrf: string;
}

/** The demo's viewer signs in once; every benchmark request carries that session cookie. */
export async function signIn(origin: string): Promise<SignedIn> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lanhdao', password: 'lanhdao2021' }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string, csrf: csrfToken };
}

/** An API token of the signed-in viewer over the whole city, as a machine client would use. */
export async function apiToken(origin: string, session: SignedIn): Promise<string> {
  const res = await fetch(`${origin}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ name: 'bench', unitCode: 'tp-bac-kan' }),
  });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export interface Row {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  /** The server's CPU time (user + system) per answered request, in µs. */
  cpuPerRequest: number;
}

export interface LoadOptions {
  duration: number;
  connections: number;
  log: (s: string) => void;
}

/**
 * One autocannon run after a short unrecorded warm-up (JIT, statement caches, pools). Every
 * response of another status than `expect` (default: any 2xx) counts as an error.
 */
export async function load(
  label: string,
  server: Server,
  path: string,
  headers: Record<string, string>,
  o: LoadOptions,
  expect?: number,
): Promise<Row> {
  const url = `${server.origin}${path}`;
  const run = (duration: number) => autocannon({ url, connections: o.connections, duration, headers });
  o.log(`${label}: warm-up ${WARMUP_SECONDS} s, then ${o.duration} s × ${o.connections} connections`);
  await run(WARMUP_SECONDS);
  const before = await server.cpu();
  const r = await run(o.duration);
  const cpu = (await server.cpu()) - before;
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + (expect === undefined ? r.non2xx : unexpected(r, expect)),
    requests: r.requests.total,
    cpuPerRequest: cpu / Math.max(1, r.requests.total),
  };
}

function unexpected(r: CannonResult, expect: number): number {
  return Object.entries(r.statusCodeStats)
    .filter(([status]) => Number(status) !== expect)
    .reduce((sum, [, s]) => sum + s.count, 0);
}

/** Starts a server of `kind` in a child process; the caller stops it. */
function startKind(kind: Kind) {
  return startServer(fileURLToPath(import.meta.url), kind);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** A row of the summary: medians over the rounds, and the median of the per-round shares. */
export interface Summary extends Row {
  share: number;
}

/**
 * Rounds of the same rows (the bare route first) into one row each: median requests/s and
 * latencies, requests and errors of all rounds, and the median share of the same round's bare
 * route, which moves less than the absolute numbers when other work shares the machine.
 */
export function summarise(rounds: readonly (readonly Row[])[]): Summary[] {
  const first = rounds[0] ?? [];
  return first.map((row, i) => {
    const runs = rounds.map((rows) => rows[i] as Row);
    return {
      label: row.label,
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      requests: runs.reduce((sum, r) => sum + r.requests, 0),
      cpuPerRequest: median(runs.map((r) => r.cpuPerRequest)),
      share: median(rounds.map((rows) => (rows[i]?.rps ?? 0) / (rows[0]?.rps ?? 1))),
    };
  });
}

/** The median over the rounds of one row's requests/s divided by another's in the same round. */
export function medianShare(rounds: readonly (readonly Row[])[], label: string, of: string): number {
  return median(
    rounds.map((rows) => {
      const a = rows.find((r) => r.label === label)?.rps ?? 0;
      const b = rows.find((r) => r.label === of)?.rps ?? 1;
      return a / b;
    }),
  );
}

export function formatTable(rows: readonly Summary[]): string {
  const cells = [
    ['route', 'req/s', '% of bare', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'requests', 'errors'],
    ...rows.map((r) => [
      r.label,
      Math.round(r.rps).toLocaleString('en'),
      `${(100 * r.share).toFixed(1)}%`,
      String(r.p50),
      String(r.p99),
      r.cpuPerRequest.toFixed(0),
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

const CLAIM = `demo GET ${PROGRESS}`;
const BARE_REPORT = 'bare Fastify, the same report bytes';

/**
 * One round: the bare route, then the demo. Context rows split the gap: the app's own stack
 * without the database (/healthz), what every signed-in request pays (the session check), then
 * the report (the claim), the same by API token, compressed as browsers ask for it, and
 * revalidated by its ETag (304, no body).
 */
async function round(bare: Server, demo: Server, s: SignedIn, token: string, o: LoadOptions): Promise<Row[]> {
  const cookie = { cookie: s.cookie };
  const etag = (await fetch(`${demo.origin}${PROGRESS}`, { headers: cookie })).headers.get('etag') ?? '';
  return [
    await load('bare Fastify GET /bare', bare, '/bare', {}, o),
    await load(BARE_REPORT, bare, '/bare/report', {}, o),
    await load('demo GET /healthz (no database)', demo, '/healthz', {}, o),
    await load('demo GET /api/v1/auth/session', demo, '/api/v1/auth/session', cookie, o),
    await load(CLAIM, demo, PROGRESS, cookie, o),
    await load('  same, API token', demo, PROGRESS, { authorization: `Bearer ${token}` }, o),
    await load('  same, Accept-Encoding: gzip', demo, PROGRESS, { ...cookie, 'accept-encoding': 'gzip' }, o),
    await load('  same, If-None-Match (304)', demo, PROGRESS, { ...cookie, 'if-none-match': etag }, o, 304),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
    },
  });
  if (values.serve === 'bare' || values.serve === 'demo') return serve(values.serve);
  const rounds = Number(values.rounds);
  const options = {
    duration: Number(values.duration),
    connections: Number(values.connections),
    log: (s: string) => console.error(s),
  };
  if (!(rounds > 0 && options.duration > 0 && options.connections > 0)) {
    throw new Error('--rounds, --duration and --connections > 0');
  }

  // Other work on the machine moves the absolute numbers (the ratio much less): say how busy it was.
  const busy = loadavg()[0] ?? 0;
  const bare = await startKind('bare');
  const results: Row[][] = [];
  try {
    const demo = await startKind('demo');
    try {
      const session = await signIn(demo.origin);
      const token = await apiToken(demo.origin, session);
      for (let r = 1; r <= rounds; r++) {
        options.log(`round ${r} of ${rounds}`);
        results.push(await round(bare, demo, session, token, options));
      }
    } finally {
      await stopServer(demo);
    }
  } finally {
    await stopServer(bare);
  }
  const rows = summarise(results);
  const claim = rows.find((r) => r.label === CLAIM) as Summary;
  const bareReport = rows.find((r) => r.label === BARE_REPORT) as Summary;
  const ofSameBytes = medianShare(results, CLAIM, BARE_REPORT);
  const met = ofSameBytes >= GOAL && rows.every((r) => r.errors === 0);
  console.log(
    `\nHTTP load on ${HOST}, autocannon ${options.connections} connections × ${options.duration} s, ` +
      `${rounds} rounds (medians), load average ${busy.toFixed(1)} before the run\n`,
  );
  console.log(formatTable(rows));
  console.log(
    `\nprogress (uncompressed 200) / bare route sending the same bytes: ${(ofSameBytes * 100).toFixed(1)}% ` +
      `(goal ≥ ${GOAL * 100}% with zero errors): ${met ? 'met' : 'NOT met'}` +
      `\nprogress / empty bare route: ${(claim.share * 100).toFixed(1)}%; ` +
      `the bare route sending the same bytes itself: ${(bareReport.share * 100).toFixed(1)}%`,
  );
  if (!met) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
