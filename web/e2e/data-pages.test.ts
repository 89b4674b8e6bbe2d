/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSuite, type DemoServer, openSuite, seriousViolations, signIn } from './harness.js';

const CITY = 'plan=bac-kan-2021&unit=tp-bac-kan';
const RETAIL = 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ';

describe('indicator, documents and extraction pages in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  beforeAll(async () => {
    ({ server, browser, page } = await openSuite({ acceptDownloads: true }));
    page.on('request', (r) => requested.push(r.url()));
    await signIn(page, server.url, 'vanphong', 'vanphong2021');
  });
  afterAll(() => closeSuite({ server, browser }));

  it('loads the chart library only when an indicator page opens', async () => {
    await page.getByRole('heading', { name: /9 tháng năm 2021/ }).waitFor();
    expect(requested.filter((u) => /IndicatorChart/.test(u))).toEqual([]);
    await page.getByRole('link', { name: RETAIL }).click();
    await page.locator('.indicator-chart svg').waitFor();
    expect(requested.filter((u) => /IndicatorChart/.test(u))).toHaveLength(1);
  });

  it('shows the retail indicator: progress, chart with its text, months, history and units below', async () => {
    await page.goto(`${server.url}/indicators/ban-le?${CITY}&period=2021-09`);
    await page.getByRole('heading', { level: 1, name: RETAIL }).waitFor();
    await page.locator('.indicator-chart svg').waitFor();
    const chart = page.getByRole('img', { name: /Lũy kế đến tháng 9\/2021: 2\.404 tỷ đồng/ });
    expect(await chart.count()).toBe(1);
    expect(await page.locator('.indicator-summary').textContent()).toContain('73,96%');
    const september = page.getByRole('row', { name: /tháng 9\/2021/ });
    expect(await september.textContent()).toContain('2.404');

    const history = page.getByRole('region', { name: /Lịch sử số liệu — tháng 9\/2021/ });
    await history.getByRole('row', { name: /Lũy kế, lần 1/ }).waitFor();
    expect(await history.getByRole('row', { name: /Lũy kế, lần 1/ }).textContent()).toMatch(
      /2\.404.*ước.*dữ liệu mẫu/,
    );
    await page.getByRole('region', { name: 'Các đơn vị trực thuộc' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'tháng 8/2021' }).click();
    const august = page.getByRole('region', { name: /Lịch sử số liệu — tháng 8\/2021/ });
    await august.getByRole('row', { name: /Trong tháng, lần 1/ }).waitFor();
    expect(await august.getByRole('row', { name: /Trong tháng, lần 1/ }).textContent()).toMatch(
      /257.*chính thức/,
    );
  });

  it('downloads the data appendix as a real XLSX and previews the news article', async () => {
    await page.goto(`${server.url}/documents?${CITY}&period=2021-09`);
    await page.getByRole('heading', { name: 'Phụ lục số liệu (XLSX)' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải phụ lục' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Phụ lục số liệu 9 tháng năm 2021.xlsx');
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByRole('status').filter({ hasText: 'Phụ lục số liệu' }).waitFor();

    // The report says which parts of its letterhead it had to leave blank.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải báo cáo' }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/^Báo cáo kiểm điểm .*\.docx$/);

    await page.getByRole('button', { name: 'Xem trước' }).click();
    const frame = page.frameLocator('iframe[title="Xem trước tin bài"]');
    await frame.getByRole('heading', { level: 1 }).waitFor();
    expect(await frame.locator('body').textContent()).toContain('2.404 tỷ đồng');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reads a pasted sentence, matches it to retail sales, records it and the dashboard shows it', async () => {
    // September already has the demo's figure: the review says so and offers nothing to record.
    await page.goto(`${server.url}/extract?${CITY}&period=2021-09`);
    await page
      .getByLabel('Văn bản báo cáo')
      .fill(`${RETAIL} 9 tháng ước đạt 2.410 tỷ đồng, tăng 5% so với cùng kỳ.`);
    await page.getByRole('button', { name: 'Đọc và đối chiếu' }).click();
    const row = page.getByRole('row', { name: new RegExp(RETAIL) });
    await row.waitFor();
    expect(await row.textContent()).toContain('đã có số liệu cho kỳ này');
    expect(await row.getByRole('checkbox').isDisabled()).toBe(true);

    await page.getByLabel('Đến hết').selectOption('2021-10');
    await page.getByRole('row', { name: new RegExp(RETAIL) }).waitFor({ state: 'detached' });
    await page.getByLabel('Văn bản báo cáo').fill(`${RETAIL} 10 tháng ước đạt 2.690 tỷ đồng.`);
    await page.getByRole('button', { name: 'Đọc và đối chiếu' }).click();
    await row.waitFor();
    expect(await row.getByRole('combobox').inputValue()).toBe('ban-le');
    expect(await row.getByRole('checkbox').isChecked()).toBe(true);
    expect(await row.locator('mark').textContent()).toContain('2.690 tỷ đồng');
    expect(await row.textContent()).toContain('lũy kế từ đầu năm');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ghi 1 số liệu đã chọn (số ước tính)' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Đã ghi 1 số liệu ước tính vào tháng 10/2021' })
      .waitFor();
    expect(await row.textContent()).toContain('Đã ghi');

    await page.getByRole('link', { name: 'Xem trên trang tổng quan' }).click();
    await page.getByRole('heading', { name: /10 tháng năm 2021/ }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(RETAIL) }).textContent()).toContain('2.690');

    // The history of the new figure names its source and the sentence it came from.
    await page.goto(`${server.url}/indicators/ban-le?${CITY}&period=2021-10`);
    const history = page.getByRole('region', { name: /Lịch sử số liệu — tháng 10\/2021/ });
    await history.getByRole('row', { name: /Lũy kế, lần 1/ }).waitFor();
    expect(await history.textContent()).toMatch(/trích từ văn bản.*10 tháng ước đạt 2\.690/);
  });

  it('lets only those who record figures for the unit use the extraction page', async () => {
    const viewer = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(viewer, server.url, 'lanhdao', 'lanhdao2021');
    await viewer.goto(`${server.url}/extract?${CITY}&period=2021-10`);
    await viewer.getByText('Trang này dành cho người được nhập số liệu.').waitFor();
    await viewer.close();

    const ward = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(ward, server.url, 'baocao', 'baocao2021');
    await ward.goto(`${server.url}/extract?${CITY}&period=2021-11`);
    await ward.getByLabel('Văn bản báo cáo').fill(`${RETAIL} 11 tháng ước đạt 2.950 tỷ đồng.`);
    await ward.getByRole('button', { name: 'Đọc và đối chiếu' }).click();
    await ward.getByText(/Bạn không được nhập số liệu cho Thành phố Bắc Kạn/).waitFor();
    expect(await ward.getByRole('button', { name: /^Ghi \d+ số liệu/ }).count()).toBe(0);
    await ward.close();
  });

  it('fits a phone screen: tables scroll inside their frame, never the page', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(phone, server.url, 'vanphong', 'vanphong2021');
    const widths = async () =>
      phone.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: window.visualViewport?.width,
      }));
    await phone.goto(`${server.url}/indicators/ban-le?${CITY}&period=2021-09`);
    await phone.locator('.indicator-chart svg').waitFor();
    expect(await widths()).toEqual({ page: 390, screen: 390 });
    await phone.goto(`${server.url}/documents?${CITY}&period=2021-09`);
    await phone.getByRole('button', { name: 'Tải thông báo' }).waitFor();
    expect(await widths()).toEqual({ page: 390, screen: 390 });
    await phone.goto(`${server.url}/extract?${CITY}&period=2021-12`);
    await phone.getByLabel('Văn bản báo cáo').fill(`${RETAIL} năm 2021 ước đạt 3.260 tỷ đồng.`);
    await phone.getByRole('button', { name: 'Đọc và đối chiếu' }).click();
    await phone.getByRole('table').waitFor();
    expect(await widths()).toEqual({ page: 390, screen: 390 });
    await phone.close();
  });
});
