/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login } from '../../src/test/http.js';
import { closeSuite, type DemoServer, openSuite, seriousViolations, signIn } from './harness.js';

const BUDGET_CITY = 'Thu ngân sách nhà nước trên địa bàn — Thành phố Bắc Kạn';

describe('data entry in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ server, browser, page } = await openSuite());
  });
  afterAll(() => closeSuite({ server, browser }));

  const budgetRow = () => page.getByRole('row', { name: /Thu ngân sách/ });

  it('records a figure typed in Vietnamese format and the dashboard status changes', async () => {
    await signIn(page, server.url, 'vanphong', 'vanphong2021');
    await page
      .getByRole('button', { name: /Thu ngân sách/ })
      .first()
      .waitFor();
    expect(await budgetRow().textContent()).toContain('nguy cơ không đạt');
    await page.getByRole('link', { name: 'Nhập số liệu', exact: true }).click();
    const cell = page.getByLabel(BUDGET_CITY);
    await expect.poll(() => cell.inputValue()).toBe('12,323');
    expect(await seriousViolations(page)).toEqual([]);
    await cell.fill('40,5');
    await page.getByRole('button', { name: 'Lưu 1 số liệu' }).click();
    await page.getByText('Đã lưu 1 số liệu').waitFor();
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.getByRole('heading', { name: /9 tháng năm 2021/ }).waitFor();
    // 99,273 − 12,323 + 40,5 = 127,45 tỷ đồng: 82,17% of 155,1 against 78,24% expected.
    await expect.poll(async () => budgetRow().textContent()).toContain('127,45');
    expect(await budgetRow().textContent()).toContain('đúng tiến độ');
  });

  it('moves with the keyboard, takes a pasted block and refuses what is not a number', async () => {
    await page.getByRole('link', { name: 'Nhập số liệu', exact: true }).click();
    const first = page.getByLabel('Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ — Thành phố Bắc Kạn');
    await first.click();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(BUDGET_CITY);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Thu ngân sách nhà nước trên địa bàn — Ban Tổ chức Thành ủy',
    );
    // A 2×2 block as Excel puts it on the clipboard.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1.234,5\t7\r\n8\tabc\r\n');
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
      );
    });
    expect(
      await page.getByLabel('Thu ngân sách nhà nước trên địa bàn — Ban Tổ chức Thành ủy').inputValue(),
    ).toBe('1.234,5');
    expect(await page.getByLabel('Giải ngân vốn đầu tư công — Ban Tuyên giáo Thành ủy').inputValue()).toBe(
      'abc',
    );
    await page.getByText('"abc" không phải là số').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu 4 số liệu' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Bỏ các thay đổi' }).click();
    expect(await page.getByRole('button', { name: 'Lưu 0 số liệu' }).isDisabled()).toBe(true);
  });

  it('shows a figure someone else changed meanwhile and keeps what was typed', async () => {
    const cell = page.getByLabel(BUDGET_CITY);
    await cell.fill('41');
    // Another office corrects the same figure while this sheet is open.
    const admin = await login(server.app, 'admin');
    const other = await as(server.app, admin, {
      method: 'POST',
      url: '/api/v1/figures',
      payload: {
        planCode: 'bac-kan-2021',
        indicatorCode: 'thu-ngan-sach',
        unitCode: 'tp-bac-kan',
        period: '2021-09',
        value: 39,
        revision: 2,
      },
    });
    expect(other.statusCode).toBe(201);
    await page.getByRole('button', { name: 'Lưu 1 số liệu' }).click();
    await page.getByText(/Trên máy chủ: 39/).waitFor();
    expect(await cell.inputValue()).toBe('41');
    await page.getByRole('button', { name: 'Giữ số tôi nhập' }).click();
    await page.getByRole('button', { name: 'Lưu 1 số liệu' }).click();
    await page.getByText('Đã lưu 1 số liệu').waitFor();
    expect(await cell.inputValue()).toBe('41');
  });

  it("refuses the ward reporter an edit of another unit's figures", async () => {
    const reporter = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(reporter, server.url, 'baocao', 'baocao2021');
    await reporter.goto(`${server.url}/entry?plan=bac-kan-2021&period=2021-09&unit=tp-bac-kan`);
    const own = reporter.getByLabel('Tổng sản lượng lương thực có hạt — Phường Đức Xuân');
    await expect.poll(() => own.inputValue()).toBe('155');
    expect(await own.getAttribute('readonly')).toBeNull();
    const city = reporter.getByLabel(BUDGET_CITY);
    expect(await city.getAttribute('readonly')).not.toBeNull();
    await city.press('5');
    await reporter.getByText('Bạn không có quyền nhập số liệu cho Thành phố Bắc Kạn.').waitFor();
    // The server refuses it too, whatever the page shows.
    const status = await reporter.evaluate(async () => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const res = await fetch('/api/v1/figures', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          planCode: 'bac-kan-2021',
          indicatorCode: 'thu-ngan-sach',
          unitCode: 'tp-bac-kan',
          period: '2021-09',
          value: 1,
          revision: 3,
        }),
      });
      return res.status;
    });
    expect(status).toBe(403);
    await reporter.close();
  });
});
