/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { systemContext } from '../../src/context.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { buildApp, type ServerSettings } from '../../src/http/app.js';
import { connect, type Store } from '../../src/store/connect.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../../src/test/chromium.js';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** The real server over a fresh SQLite file holding the demo, on a free port of 127.0.0.1. */
export interface DemoServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

export async function startDemoServer(settings: Partial<ServerSettings> = {}): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-web-'));
  const store = await connect({ file: join(dir, 'tiendo.db') });
  await loadDemo(systemContext(store));
  // Enough sign-ins for a suite that logs in as every role many times.
  const app = await buildApp(store, { loginAttemptsPerMinute: 1000, ...settings });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.getByRole('navigation').waitFor();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the page as it stands. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
    async () => (await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** What a browser test file shares: one demo server, one Chromium, one office-sized page. */
export interface Suite {
  server: DemoServer;
  browser: Browser;
  page: Page;
}

export async function openSuite(page: BrowserContextOptions = {}): Promise<Suite> {
  const [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  return {
    server,
    browser,
    page: await browser.newPage({ viewport: { width: 1366, height: 768 }, ...page }),
  };
}

export async function closeSuite(suite: Partial<Suite>): Promise<void> {
  await suite.browser?.close();
  await suite.server?.close();
}
