/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSuite, type DemoServer, openSuite, seriousViolations, signIn } from './harness.js';

describe('sign-in and dashboard in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ server, browser, page } = await openSuite());
  });
  afterAll(() => closeSuite({ server, browser }));

  it('shows the demo logins on the demo, and refuses a wrong password next to the form', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Tài khoản dùng thử' }).waitFor();
    expect(await page.getByRole('cell', { name: 'vanphong2021' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/mật khẩu/i);
  });

  it("opens on the demo's 9-month dashboard with the article's figures and what lags", async () => {
    await signIn(page, server.url, 'lanhdao', 'lanhdao2021');
    await page.getByRole('heading', { name: /9 tháng năm 2021/ }).waitFor();
    const retail = page.getByRole('row', { name: /Tổng mức bán lẻ/ });
    expect(await retail.textContent()).toContain('2.404');
    expect(await retail.textContent()).toContain('73,96%');
    const budget = page.getByRole('row', { name: /Thu ngân sách/ });
    expect(await budget.textContent()).toContain('99,273');
    expect(await budget.textContent()).toMatch(/64(,0\d)?%/);
    expect(await budget.textContent()).toContain('nguy cơ không đạt');
    // A viewer is offered no data entry.
    expect(await page.getByRole('link', { name: /Nhập số liệu/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('filters by status, drills into the wards and switches to English', async () => {
    await page.getByRole('button', { name: /nguy cơ không đạt/ }).click();
    await expect.poll(() => page.getByRole('row', { name: /Tổng mức bán lẻ/ }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /Thu ngân sách/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Tất cả 19' }).click();
    await page.getByRole('button', { name: /Xem theo đơn vị: Tỷ lệ dân số tham gia bảo hiểm y tế/ }).click();
    await page.getByRole('button', { name: 'Phường Đức Xuân' }).waitFor();
    await page.getByRole('button', { name: 'Phường Đức Xuân' }).click();
    await page.getByRole('heading', { name: /Phường Đức Xuân — 9 tháng/ }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Progress against the resolution' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('fits a phone screen without a horizontal scroll of the page', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(phone, server.url, 'lanhdao', 'lanhdao2021');
    await phone.getByRole('heading', { name: /9 tháng năm 2021/ }).waitFor();
    // With isMobile the layout viewport grows to fit the content; the visual viewport does not.
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - (window.visualViewport?.width ?? window.innerWidth),
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
