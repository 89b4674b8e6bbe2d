import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/context.js';
import { generateReminders } from '../../src/reporting/reminders.js';
import { closeSuite, type DemoServer, openSuite, seriousViolations, signIn } from './harness.js';

describe('reporting, locks and reminders in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ server, browser, page } = await openSuite());
    await signIn(page, server.url, 'vanphong', 'vanphong2021');
  });
  afterAll(() => closeSuite({ server, browser }));

  it('lists the units that have not reported a month, with what they owe', async () => {
    await page.goto(`${server.url}/reporting?plan=bac-kan-2021&period=2021-10&unit=tp-bac-kan`);
    await page.getByRole('heading', { name: /Đơn vị chưa báo cáo — tháng 10\/2021/ }).waitFor();
    const ward = page.getByRole('row', { name: /Phường Đức Xuân/ });
    expect(await ward.textContent()).toContain('Tổng sản lượng lương thực có hạt');
    expect(await page.getByRole('textbox', { name: 'Nội dung tin nhắc việc' }).inputValue()).toContain(
      'Phường Đức Xuân',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('locks a reviewed month: the sheet turns read-only; only an admin reopens it', async () => {
    await page.goto(`${server.url}/reporting?plan=bac-kan-2021&period=2021-09&unit=tp-bac-kan`);
    await page.getByRole('button', { name: 'Khóa tháng này' }).click();
    await page.getByText('tháng 9/2021 đã khóa: không ai ghi').waitFor();
    expect(await page.getByRole('button', { name: 'Mở lại tháng này' }).count()).toBe(0);
    await page.goto(`${server.url}/entry?plan=bac-kan-2021&period=2021-09&unit=tp-bac-kan`);
    await page.getByText(/tháng 9\/2021 đã khóa lúc/).waitFor();
    const cell = page.getByLabel('Thu ngân sách nhà nước trên địa bàn — Thành phố Bắc Kạn');
    expect(await cell.getAttribute('readonly')).not.toBeNull();

    const admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(admin, server.url, 'admin', 'admin2021');
    await admin.goto(`${server.url}/reporting?plan=bac-kan-2021&period=2021-09&unit=tp-bac-kan`);
    await admin.getByRole('button', { name: 'Mở lại tháng này' }).click();
    await admin.getByText('Lý do: Thiếu').or(admin.getByRole('alert')).first().waitFor();
    await admin.getByLabel('Lý do mở lại').fill('Cục Thống kê điều chỉnh số liệu');
    await admin.getByRole('button', { name: 'Mở lại tháng này' }).click();
    await admin.getByText('tháng 9/2021 đang mở').waitFor();
    await admin.close();
  });

  it('shows reminders in the inbox with the unread count in the header', async () => {
    await generateReminders(systemContext(server.store, () => new Date('2021-12-20T02:00:00Z')));
    await page.goto(`${server.url}/`);
    const inbox = page.getByRole('link', { name: /^Nhắc việc \d+$/ });
    await inbox.waitFor();
    await inbox.click();
    await page.getByRole('heading', { name: 'Nhắc việc' }).waitFor();
    expect(await page.locator('ul.inbox li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Đánh dấu đã đọc tất cả' }).click();
    await page.getByRole('link', { name: 'Nhắc việc', exact: true }).waitFor();
  });
});
