/// <reference lib="dom" />
/**
 * The web app's two limits from issue #4, measured against themselves in one run:
 * - initial JavaScript (entry script and its preloaded chunks, gzip -9) against 300 KB;
 * - the demo dashboard "interactive" against 1 s on localhost: from the navigation's start until
 *   the progress table with the article's figure is in the page (React attaches its handlers in
 *   the same commit), read from Chromium's own clock (performance.now()), next to the browser's
 *   navigation timings (response end, DOMContentLoaded, load) and largest contentful paint.
 * Each run is a fresh browser context (empty cache, signed in by cookie), so it is a first visit.
 *
 *   npx tsx bench/web.bench.ts [--runs 10]
 *
 * Needs `npm run build` first (dist/web) and /usr/bin/chromium.
 */
import { parseArgs } from 'node:util';
import { login } from '../src/test/http.js';
import { INITIAL_JS_LIMIT, initialScripts } from '../web/e2e/bundle.js';
import { launchChromium, startDemoServer } from '../web/e2e/harness.js';

const INTERACTIVE_LIMIT_MS = 1000;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const scripts = initialScripts();
const gzip = scripts.reduce((s, a) => s + a.gzipBytes, 0);
console.log('Initial JavaScript (gzip -9):');
for (const a of scripts) console.log(`  ${a.file}  ${kb(a.bytes)} raw, ${kb(a.gzipBytes)} gzip`);
console.log(`  total ${kb(gzip)} of ${kb(INITIAL_JS_LIMIT)} → ratio ${(gzip / INITIAL_JS_LIMIT).toFixed(2)}`);

const server = await startDemoServer();
const browser = await launchChromium();
const session = await login(server.app, 'lanhdao');
const { hostname, port } = new URL(server.url);
const samples: Record<'ready' | 'responseEnd' | 'domContentLoaded' | 'load' | 'lcp', number[]> = {
  ready: [],
  responseEnd: [],
  domContentLoaded: [],
  load: [],
  lcp: [],
};
try {
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addCookies([
      { name: 'tiendo_session', value: session.cookie.split('=')[1] ?? '', domain: hostname, path: '/' },
    ]);
    const page = await context.newPage();
    await page.addInitScript(() => {
      // The moment the article's figure is in the table, not when a poll from outside notices it.
      const seen = new MutationObserver(() => {
        if (document.querySelector('table.progress')?.textContent?.includes('2.404')) {
          (globalThis as { ready?: number }).ready = performance.now();
          seen.disconnect();
        }
      });
      seen.observe(document, { childList: true, subtree: true });
      new PerformanceObserver((list) => {
        const last = list.getEntries().at(-1);
        if (last) (globalThis as { lcp?: number }).lcp = last.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('row', { name: /Tổng mức bán lẻ/ }).waitFor();
    const t = await page.evaluate(() => {
      const ready = (globalThis as { ready?: number }).ready ?? performance.now();
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        ready,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        lcp: (globalThis as { lcp?: number }).lcp ?? 0,
      };
    });
    // The first run warms the server's caches and the OS; it is not counted.
    if (i > 0) for (const k of Object.keys(samples) as (keyof typeof samples)[]) samples[k].push(t[k]);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\nDemo dashboard on ${hostname}:${port}, first visit, median of ${runs} runs:`);
for (const [k, xs] of Object.entries(samples)) console.log(`  ${k.padEnd(17)} ${median(xs).toFixed(0)} ms`);
const ready = median(samples.ready);
console.log(
  `  interactive ${ready.toFixed(0)} ms of ${INTERACTIVE_LIMIT_MS} ms → ratio ${(ready / INTERACTIVE_LIMIT_MS).toFixed(2)}`,
);
