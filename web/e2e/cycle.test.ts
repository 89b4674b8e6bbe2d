/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login } from '../../src/test/http.js';
import { closeSuite, type DemoServer, openSuite, seriousViolations, signIn } from './harness.js';

const TITLE = 'Hội nghị Ban Thường vụ Thành ủy kiểm điểm tháng 10 năm 2021';
const ITEM = 'Hoàn thành kế hoạch kiểm tra, giám sát năm 2021 của các chi bộ trực thuộc';

describe('conferences and directives in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let meetingUrl = '';
  let directiveUrl = '';
  beforeAll(async () => {
    ({ server, browser, page } = await openSuite());
    // A missing element fails with its name well before the test's own time runs out.
    page.setDefaultTimeout(10_000);
  });
  afterAll(() => closeSuite({ server, browser }));

  it('puts the server’s refusal of an empty title under the title field, then records the conference', async () => {
    await signIn(page, server.url, 'vanphong', 'vanphong2021');
    await page.getByRole('link', { name: 'Hội nghị' }).click();
    await page.getByRole('link', { name: /lần thứ sáu \(mở rộng\)/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Ghi hội nghị mới' }).click();
    await page.getByLabel('Cơ quan họp').fill('Ban Thường vụ Thành ủy');
    await page.getByLabel('Ngày họp').fill('2021-11-02');
    await page.getByRole('button', { name: 'Lưu hội nghị' }).click();
    const title = page.getByLabel('Tiêu đề', { exact: true });
    const titleField = page.locator('.field', { has: title });
    await titleField.locator('.field-message').waitFor();
    expect(await titleField.locator('.field-message').textContent()).toMatch(/^tiêu đề: /);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-message').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await title.fill(TITLE);
    await page.getByLabel('Phiên họp (lần thứ)').fill('12');
    await page.getByLabel('Họ tên người chủ trì 1').fill('Cù Ngọc Cường');
    await page.getByLabel('Thành phần 1').fill('Các đồng chí Ủy viên Ban Thường vụ Thành ủy');
    await page.getByLabel('Mục 1', { exact: true }).fill('Kiểm điểm công tác tháng 10 năm 2021');
    await page.getByLabel('Người phát biểu 1').fill('Trưởng Ban Tổ chức Thành ủy');
    await page.getByLabel('Nội dung ý kiến 1').fill('Đề nghị đẩy nhanh công tác kiểm tra, giám sát.');
    await page.getByLabel('Kết luận của chủ trì').fill('Các đơn vị tập trung hoàn thành nhiệm vụ năm 2021.');
    await page.getByLabel('Mục kết luận 1').fill(ITEM);
    await page.getByLabel('Mục 1 là nhiệm vụ trọng tâm').check();
    await page.getByRole('button', { name: 'Lưu hội nghị' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    meetingUrl = page.url();
    // The chair's positions on the day come from the people records.
    expect(await page.locator('li', { hasText: 'Cù Ngọc Cường' }).textContent()).toContain('Bí thư Thành ủy');
    expect(await page.getByText('Chưa giao nhiệm vụ').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('turns the conclusion item into a directive, completes it after its deadline and shows it done late', async () => {
    const item = page.getByRole('group', { name: ITEM });
    // Without a lead unit the server refuses the row, and says so under that row's lead unit.
    await page.getByRole('button', { name: 'Giao 1 nhiệm vụ' }).click();
    const lead = item.locator('.field', { has: page.getByLabel('Đơn vị chủ trì') });
    await lead.locator('.field-message').waitFor();
    expect(await lead.locator('.field-message').textContent()).toBe('Đơn vị chủ trì: hãy chọn một đơn vị');
    await item.getByLabel('Đơn vị chủ trì').selectOption('bk-ban-to-chuc');
    await item.getByLabel('Thời hạn').fill('2021-11-30');
    await item.getByText('Chưa chọn đơn vị nào').click();
    await item.getByRole('checkbox', { name: 'Văn phòng Thành ủy' }).check();
    expect(await item.getByLabel('Nhiệm vụ trọng tâm').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Giao 1 nhiệm vụ' }).click();
    await page.getByText('Đã giao 1 nhiệm vụ.').waitFor();
    await page.getByRole('link', { name: /^Nhiệm vụ số \d+$/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Giao nhiệm vụ từ kết luận' }).count()).toBe(0);
    await page.getByRole('link', { name: /^Nhiệm vụ số \d+$/ }).click();
    await page.getByRole('heading', { name: ITEM, level: 1 }).waitFor();
    directiveUrl = page.url();
    expect(await page.locator('.facts').textContent()).toContain('đang thực hiện, quá hạn');

    await page.getByLabel('Kết quả thực hiện').fill('Đã kiểm tra, giám sát xong 12 chi bộ.');
    await page.getByLabel('Minh chứng').fill('https://thanhuy.backan.example/bao-cao-12');
    await page.getByLabel('Báo hoàn thành nhiệm vụ vào ngày này').check();
    await page.getByLabel('Ngày hoàn thành').fill('2021-12-10');
    await page.getByRole('button', { name: 'Báo hoàn thành' }).click();
    await page.getByText('Đã báo hoàn thành nhiệm vụ.').waitFor();
    const facts = await page.locator('.facts').textContent();
    expect(facts).toContain('hoàn thành quá hạn');
    expect(facts).toContain('quá hạn 10 ngày');
    expect(facts).toContain('10/12/2021');
    await page.getByRole('link', { name: 'https://thanhuy.backan.example/bao-cao-12' }).waitFor();
    // Completed: only a progress report is left to add, no second completion.
    expect(await page.getByLabel('Báo hoàn thành nhiệm vụ vào ngày này').count()).toBe(0);
    await page.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
    await page.getByRole('heading', { name: 'Sửa nhiệm vụ' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await page.getByRole('button', { name: /^hoàn thành quá hạn \d+$/ }).click();
    const row = page.getByRole('row', { name: new RegExp(ITEM) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/hoàn thành quá hạn.*quá hạn 10 ngày/);
    expect(await row.textContent()).toContain('trọng tâm');
    expect(await page.getByRole('row', { name: /hoàn thành đúng hạn/ }).count()).toBe(0);
    // Still open and overdue directives of the demo are marked in words, not only in red.
    await page.getByRole('button', { name: /^đang thực hiện, quá hạn \d+$/ }).click();
    await page
      .getByRole('row', { name: /đang thực hiện, quá hạn/ })
      .first()
      .waitFor();
    expect(await page.getByRole('row', { name: /đang thực hiện, quá hạn quá hạn [\d.]+ ngày/ }).count()).toBe(
      2,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps what was typed when someone else saved the conference meanwhile', async () => {
    await page.goto(meetingUrl);
    await page.getByRole('button', { name: 'Sửa hội nghị' }).click();
    await page.getByLabel('Tiêu đề', { exact: true }).fill(`${TITLE} (đã sửa)`);
    const id = meetingUrl.split('/').pop();
    const admin = await login(server.app, 'admin');
    const before = await as(server.app, admin, { method: 'GET', url: `/api/v1/meetings/${id}` });
    const other = await as(server.app, admin, {
      method: 'PATCH',
      url: `/api/v1/meetings/${id}`,
      payload: { version: before.json().version, place: 'Phòng họp số 2, Thành ủy' },
    });
    expect(other.statusCode).toBe(200);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Người khác đã sửa bản ghi này').waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('Phòng họp số 2, Thành ủy');
    expect(await page.getByLabel('Tiêu đề', { exact: true }).inputValue()).toBe(`${TITLE} (đã sửa)`);
    await page.getByRole('button', { name: 'Lưu đè bằng bản tôi nhập' }).click();
    await page.getByRole('heading', { name: `${TITLE} (đã sửa)`, level: 1 }).waitFor();
  });

  it('keeps a new deadline typed while someone else reworded the directive', async () => {
    await page.goto(directiveUrl);
    await page.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
    await page.getByLabel('Thời hạn').fill('2021-12-05');
    const id = directiveUrl.split('/').pop();
    const admin = await login(server.app, 'admin');
    const before = await as(server.app, admin, { method: 'GET', url: `/api/v1/directives/${id}` });
    const other = await as(server.app, admin, {
      method: 'PATCH',
      url: `/api/v1/directives/${id}`,
      payload: { version: before.json().version, title: `${ITEM} (bản của Thành ủy)` },
    });
    expect(other.statusCode).toBe(200);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Người khác đã sửa bản ghi này').waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('(bản của Thành ủy)');
    expect(await page.getByLabel('Thời hạn').inputValue()).toBe('2021-12-05');
    await page.getByRole('button', { name: 'Lưu đè bằng bản tôi nhập' }).click();
    await page.getByText('Đã lưu nhiệm vụ.').waitFor();
    // Done on 10/12 against the new deadline of 05/12: still late, by 5 days.
    await page.locator('.facts', { hasText: 'quá hạn 5 ngày' }).waitFor();
  });

  it('shows the viewer no control to record, edit, assign or report', async () => {
    const viewer = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(viewer, server.url, 'lanhdao', 'lanhdao2021');
    await viewer.goto(`${server.url}/meetings`);
    await viewer.getByRole('link', { name: /lần thứ sáu \(mở rộng\)/ }).waitFor();
    expect(await viewer.getByRole('link', { name: 'Ghi hội nghị mới' }).count()).toBe(0);
    await viewer.goto(meetingUrl);
    await viewer.getByRole('heading', { name: 'Kết luận' }).waitFor();
    await viewer.getByRole('link', { name: /^Nhiệm vụ số \d+$/ }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Sửa hội nghị' }).count()).toBe(0);
    expect(await viewer.getByRole('heading', { name: 'Giao nhiệm vụ từ kết luận' }).count()).toBe(0);
    await viewer.goto(directiveUrl);
    await viewer.getByRole('heading', { name: 'Quá trình thực hiện' }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Sửa nhiệm vụ' }).count()).toBe(0);
    expect(await viewer.getByRole('heading', { name: 'Báo cáo tiến độ' }).count()).toBe(0);
    expect(await viewer.locator('input, textarea').count()).toBe(0);
    await viewer.close();
  });

  it('fits a phone screen without a horizontal scroll of the page', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(phone, server.url, 'vanphong', 'vanphong2021');
    for (const [path, ready] of [
      ['/directives', 'Theo dõi nhiệm vụ'],
      ['/meetings', 'Hội nghị'],
      [new URL(meetingUrl).pathname, 'Kết luận'],
      ['/meetings/new', 'Ghi hội nghị mới'],
    ] as const) {
      await phone.goto(server.url + path);
      await phone.getByRole('heading', { name: ready, exact: true }).waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });
});
