/// <reference lib="dom" />
/**
 * Regenerates docs/screenshots/: each main page of the web app as a person sees it, on the demo
 * (Bắc Kạn 2021, 9 months), at 1366×768 (an office screen) and the dashboard on a 390×844 phone.
 * Needs `npm run build` first (the server serves dist/web) and /usr/bin/chromium.
 *
 *   npx tsx scripts/screenshots.ts [--out docs/screenshots]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium, signIn, startDemoServer } from '../web/e2e/harness.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' } } });
const out = values.out as string;
mkdirSync(out, { recursive: true });

const SELECTION = 'plan=bac-kan-2021&period=2021-09&unit=tp-bac-kan';
/** A made-up October report, for the extraction page. */
const REPORT_TEXT =
  'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 10 tháng ước đạt 2.690 tỷ đồng, bằng 82,76% kế hoạch. ' +
  'Thu ngân sách nhà nước trên địa bàn 10 tháng đạt 110,5 tỷ đồng. Kết nạp 52 đảng viên mới.';
/** name, address, who looks at it, and what to wait for before the picture is taken. */
const SHOTS: [string, string, string, (p: Page) => Promise<unknown>][] = [
  [
    'dashboard',
    `/?${SELECTION}`,
    'lanhdao',
    (p) => p.getByRole('row', { name: /Tổng mức bán lẻ/ }).waitFor(),
  ],
  [
    'indicator',
    `/indicators/thu-ngan-sach?${SELECTION}`,
    'lanhdao',
    (p) => p.locator('canvas, svg').first().waitFor(),
  ],
  ['data-entry', `/entry?${SELECTION}`, 'vanphong', (p) => p.locator('table.entry-grid').waitFor()],
  ['meetings', '/meetings', 'vanphong', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
  ['meeting', '/meetings/1', 'vanphong', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
  ['directives', '/directives', 'vanphong', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
  ['plan', '/plans/bac-kan-2021', 'vanphong', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
  ['units', '/units', 'admin', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
  ['documents', `/documents?${SELECTION}`, 'vanphong', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
  [
    'extraction',
    '/extract?plan=bac-kan-2021&period=2021-10&unit=tp-bac-kan',
    'vanphong',
    async (p) => {
      await p.getByLabel('Văn bản báo cáo').fill(REPORT_TEXT);
      await p.getByRole('button', { name: 'Đọc và đối chiếu' }).click();
      await p.locator('table').first().waitFor();
    },
  ],
  ['audit', '/audit', 'admin', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
  ['users', '/users', 'admin', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
];

const PASSWORDS: Record<string, string> = {
  admin: 'admin2021',
  vanphong: 'vanphong2021',
  lanhdao: 'lanhdao2021',
};

const server = await startDemoServer();
const browser = await launchChromium();
try {
  const login = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  await login.goto(server.url);
  await login.getByRole('heading', { name: 'Tài khoản dùng thử' }).waitFor();
  await login.screenshot({ path: join(out, 'login.png') });
  await login.close();
  const pages = new Map<string, Page>();
  for (const [name, path, who, ready] of SHOTS) {
    let page = pages.get(who);
    if (!page) {
      page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      await signIn(page, server.url, who, PASSWORDS[who] as string);
      pages.set(who, page);
    }
    await page.goto(`${server.url}${path}`);
    await ready(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`${name}.png`);
  }
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    deviceScaleFactor: 2,
  });
  await signIn(phone, server.url, 'lanhdao', 'lanhdao2021');
  await phone.getByRole('row', { name: /Tổng mức bán lẻ/ }).waitFor();
  await phone.screenshot({ path: join(out, 'dashboard-phone.png') });
} finally {
  await browser.close();
  await server.close();
}
