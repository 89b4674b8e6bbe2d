/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login } from '../../src/test/http.js';
import { closeSuite, type DemoServer, openSuite, seriousViolations, signIn } from './harness.js';

const PLAN = '/plans/bac-kan-2021';
const BUDGET_NQ = /^Thu ngân sách nhà nước trên địa bàn \(tỷ đồng\) NQ \(nghị quyết\)/;

describe('plans, units, audit log and users in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ server, browser, page } = await openSuite());
    await signIn(page, server.url, 'admin', 'admin2021');
  });
  afterAll(() => closeSuite({ server, browser }));

  const open = async (path: string, heading: string | RegExp) => {
    await page.goto(server.url + path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const noSeriousViolations = async () => expect(await seriousViolations(page)).toEqual([]);

  it('lists the plans and offers a new one to an admin', async () => {
    await open('/plans', 'Kế hoạch, nghị quyết');
    await page.getByRole('link', { name: 'Nghị quyết về nhiệm vụ năm 2021' }).waitFor();
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Kế hoạch mới' }).waitFor();
    await noSeriousViolations();
  });

  it('creates a plan, then a new indicator in it with a baseline in Vietnamese numbers', async () => {
    const form = page.getByRole('form', { name: 'Kế hoạch mới' });
    await form.getByLabel('Đơn vị').selectOption('tp-bac-kan');
    await form.getByLabel('Năm').fill('2022');
    await form.getByLabel('Tên kế hoạch').fill('Nghị quyết về nhiệm vụ năm 2022');
    await form.getByLabel('Cơ quan ban hành').fill('Thành ủy Bắc Kạn');
    await form.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nghị quyết về nhiệm vụ năm 2022' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/plans/tp-bac-kan-2022');

    await page.getByRole('button', { name: 'Tạo chỉ tiêu mới' }).click();
    const made = page.getByRole('form', { name: 'Tạo chỉ tiêu mới' });
    await made.getByLabel('Tên chỉ tiêu').fill('Tỷ lệ hộ nghèo đa chiều');
    await made.getByLabel('Mã chỉ tiêu').fill('ho-ngheo-da-chieu');
    await made.getByLabel('Lĩnh vực').selectOption('van_hoa_xa_hoi');
    await made.getByLabel('Đơn vị tính').fill('%');
    await made.getByLabel('Loại').selectOption('level');
    await made.getByLabel('Chiều đánh giá').selectOption('decrease');
    await made.getByLabel('Tần suất báo cáo').selectOption('yearly');
    await made.getByLabel('Số đầu năm (nếu có)').fill('2,35');
    await made.getByRole('button', { name: 'Tạo và đưa vào kế hoạch' }).click();
    const row = page.getByRole('row', { name: /Tỷ lệ hộ nghèo đa chiều/ }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Văn hóa – xã hội%thời điểmcàng thấp càng tốt.*hằng năm.*2,35$/);
    await noSeriousViolations();
  });

  it('edits a target typed in Vietnamese numbers and keeps it after a reload', async () => {
    await open(PLAN, 'Nghị quyết về nhiệm vụ năm 2021');
    const cell = page.getByRole('textbox', { name: BUDGET_NQ });
    await expect.poll(() => cell.inputValue()).toBe('155,1');
    await noSeriousViolations();
    await cell.fill('1.234,5');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu (1)' }).click();
    await page.getByText('Đã lưu 1 giá trị.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: BUDGET_NQ }).inputValue()).toBe('1.234,5');
  });

  it('puts a refused value next to its cell and keeps what was typed', async () => {
    const cell = page.getByRole('textbox', { name: BUDGET_NQ });
    await cell.fill('-5');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu (1)' }).click();
    await page.getByText('Chỉ tiêu không nhận giá trị âm').waitFor();
    expect(await cell.inputValue()).toBe('-5');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Bỏ các thay đổi' }).click();
    await expect.poll(() => cell.inputValue()).toBe('1.234,5');
  });

  it('shows what someone else saved meanwhile and saves over it on purpose', async () => {
    await open(PLAN, 'Nghị quyết về nhiệm vụ năm 2021');
    const vanphong = await login(server.app, 'vanphong');
    const other = await as(server.app, vanphong, {
      method: 'PATCH',
      url: `/api/v1${PLAN}`,
      payload: { name: 'Nghị quyết năm 2021 (Văn phòng sửa)', version: 1 },
    });
    expect(other.statusCode, other.body).toBe(200);
    await page.getByLabel('Số văn bản').fill('Số 06-NQ/TU');
    await page.getByRole('button', { name: 'Lưu thông tin kế hoạch' }).click();
    const note = page.getByRole('alert').filter({ hasText: 'Người khác vừa sửa' });
    await note.waitFor();
    expect(await note.textContent()).toContain('Nghị quyết năm 2021 (Văn phòng sửa)');
    expect(await page.getByLabel('Số văn bản').inputValue()).toBe('Số 06-NQ/TU');
    await page.getByRole('button', { name: 'Lưu thông tin kế hoạch' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
  });

  it('merges two wards into a new one, shown in the tree with its predecessors', async () => {
    await open('/units', 'Đơn vị');
    await noSeriousViolations();
    await page.getByRole('button', { name: 'Hợp nhất đơn vị trực thuộc' }).click();
    await page.getByRole('checkbox', { name: /Phường Đức Xuân/ }).check();
    await page.getByRole('checkbox', { name: /Phường Sông Cầu/ }).check();
    await page.getByLabel('Tên đơn vị mới').fill('Phường Bắc Kạn');
    await page.getByLabel('Mã đơn vị mới').fill('bk-phuong-bac-kan');
    await page.getByLabel('Hợp nhất từ ngày').fill('2025-07-01');
    await page.getByRole('button', { name: 'Xem lại trước khi hợp nhất' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Xác nhận hợp nhất' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(
      /Từ ngày 01\/07\/2025, Phường Đức Xuân, Phường Sông Cầu hợp nhất thành Phường Bắc Kạn/,
    );
    await noSeriousViolations();
    await confirm.getByRole('button', { name: 'Hợp nhất', exact: true }).click();
    await page.getByText('Đã hợp nhất Phường Đức Xuân, Phường Sông Cầu thành Phường Bắc Kạn').waitFor();
    const merged = page.locator('.tree-row', { hasText: 'bk-phuong-bac-kan' });
    await merged.getByText(/Hợp nhất từ:/).waitFor();
    expect(await merged.textContent()).toMatch(
      /Hợp nhất từ: (Phường Đức Xuân, Phường Sông Cầu|Phường Sông Cầu, Phường Đức Xuân)/,
    );
    const old = page.locator('.tree-row', { hasText: 'bk-duc-xuan' });
    expect(await old.textContent()).toContain('hết hiệu lực từ 01/07/2025');
    expect(await old.textContent()).toContain('hợp nhất vào Phường Bắc Kạn');
  });

  it('shows the edits in the audit log with before and after', async () => {
    await open('/audit?entity=target', 'Nhật ký thay đổi');
    await page.getByRole('button', { name: 'Sửa giá trị chỉ tiêu' }).first().click();
    const changed = page.locator('table.diff tr.changed', { hasText: 'value' });
    await changed.waitFor();
    expect(await changed.textContent()).toMatch(/^Giá trị value155,11\.234,5đã đổi$/);
    await noSeriousViolations();

    await page.getByLabel('Đối tượng').selectOption('unit');
    await page.getByRole('button', { name: 'Hợp nhất đơn vị' }).first().click();
    const diff = page.locator('table.diff').first();
    await diff.getByRole('rowheader', { name: 'Tên unit.name' }).waitFor();
    expect(await diff.textContent()).toContain('Phường Bắc Kạn');
    expect(await diff.textContent()).toContain('bk-duc-xuan, bk-song-cau');
  });

  it('creates an account: a weak password is refused next to its field, a good one is taken', async () => {
    await open('/users', 'Người dùng');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const form = page.getByRole('form', { name: 'Tài khoản mới' });
    await form.getByLabel('Tên đăng nhập').fill('thuky.songcau');
    await form.getByLabel('Tên hiển thị').fill('Thư ký phường Sông Cầu');
    await form.getByLabel('Mật khẩu').fill('ngan');
    await form.getByRole('button', { name: 'Thêm vai trò' }).click();
    await form.getByLabel('Đơn vị 1').selectOption('tp-bac-kan');
    await form.getByLabel('Vai trò 1').selectOption('reporter');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const password = form.getByLabel('Mật khẩu');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const messageId = (await password.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${messageId}"]`).textContent()).toBe('Mật khẩu phải có ít nhất 10 ký tự');
    await noSeriousViolations();
    await password.fill('Hoa-ban-trang-2026');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Đã tạo tài khoản thuky.songcau.').waitFor();
    const row = page.getByRole('row', { name: /Thư ký phường Sông Cầu/ });
    // The list is read again after the message: wait for the row to show the change.
    await row.filter({ hasText: 'Báo cáo viên — Thành phố Bắc Kạn' }).waitFor();

    await page.getByRole('button', { name: 'Sửa thuky.songcau' }).click();
    const edit = page.getByRole('form', { name: 'Sửa tài khoản thuky.songcau' });
    await edit.getByLabel('Vai trò 1').selectOption('viewer');
    await edit.getByLabel('Trạng thái').selectOption('off');
    await edit.getByRole('button', { name: 'Lưu tài khoản' }).click();
    await page.getByText('Đã lưu tài khoản thuky.songcau.').waitFor();
    await row.filter({ hasText: 'Chỉ xem — Thành phố Bắc Kạn' }).waitFor();
    expect(await row.textContent()).toContain('đã khóa');
  });

  it('makes an API token shown once, and revokes it', async () => {
    await page.getByLabel('Tên mã (dùng cho việc gì)').fill('Phần mềm kế toán');
    await page.getByRole('button', { name: 'Tạo mã' }).click();
    const once = page.locator('.token-once');
    await once.waitFor();
    expect((await once.textContent())?.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Thu hồi Phần mềm kế toán' }).click();
    await page.getByText(/đã thu hồi/).waitFor();
    await noSeriousViolations();
  });

  it('gives a viewer neither the admin pages nor any editing control', async () => {
    const viewer = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      await signIn(viewer, server.url, 'lanhdao', 'lanhdao2021');
      const nav = viewer.getByRole('navigation');
      await nav.getByRole('link', { name: 'Kế hoạch' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Nhật ký' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);

      await viewer.goto(server.url + PLAN);
      await viewer.getByRole('heading', { name: 'Giá trị chỉ tiêu được giao' }).waitFor();
      expect(await viewer.getByRole('textbox').count()).toBe(0);
      expect(await viewer.getByRole('button', { name: /Lưu|Tạo chỉ tiêu|Thêm từ danh mục/ }).count()).toBe(0);
      expect(await viewer.getByRole('cell', { name: '1.234,5' }).count()).toBe(1);
      expect(await seriousViolations(viewer)).toEqual([]);

      await viewer.goto(`${server.url}/plans`);
      await viewer.locator('tbody').getByRole('link').first().waitFor();
      expect(await viewer.getByRole('button', { name: 'Tạo kế hoạch' }).count()).toBe(0);

      await viewer.goto(`${server.url}/units`);
      await viewer.getByText('Thành phố Bắc Kạn').first().waitFor();
      expect(await viewer.getByRole('button', { name: /Sửa|Thêm trực thuộc|Hợp nhất/ }).count()).toBe(0);
      expect(await seriousViolations(viewer)).toEqual([]);
      const overflow = await viewer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await viewer.close();
    }
  });
});
