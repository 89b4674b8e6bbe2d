import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Meeting } from '../../meetings/meetings.repo.js';
import { makeTree } from '../../test/factories.js';
import { describeStores } from '../../test/stores.js';
import { auditOf, type Client, demoClient, makeDirective, makeMeeting } from './test-conference.js';

type Item = Meeting['conclusionItems'][number];

const ids = (page: { items: { id: number }[] }) => page.items.map((m) => m.id);

describeStores('meetings over HTTP', (store) => {
  let c: Client;
  beforeAll(async () => {
    c = await demoClient(store());
  });
  afterAll(() => c.app.close());

  it('lists only meetings of units on the caller’s branch, newest first, a page at a time', async () => {
    const city = await makeMeeting(c.ctx, 'tp-bac-kan');
    const ward = await makeMeeting(c.ctx, 'bk-duc-xuan');
    const sibling = await makeMeeting(c.ctx, 'bk-huyen-tung');
    const outside = await makeMeeting(c.ctx, (await makeTree(c.ctx, 0)).city);

    const cityView = (await c.call('lanhdao', 'GET', '/meetings?limit=500')).json();
    expect(ids(cityView)).toEqual(expect.arrayContaining([city.id, ward.id, sibling.id]));
    expect(ids(cityView)).not.toContain(outside.id);
    // A ward sees its own meetings and those of the city and province above it, not its siblings'.
    const wardView = (await c.call('baocao', 'GET', '/meetings?limit=500')).json();
    expect(ids(wardView)).toEqual(expect.arrayContaining([city.id, ward.id]));
    expect(ids(wardView)).not.toContain(sibling.id);

    const first = (await c.call('lanhdao', 'GET', '/meetings?limit=2')).json();
    const second = (await c.call('lanhdao', 'GET', '/meetings?limit=2&offset=2')).json();
    expect(first).toMatchObject({ total: cityView.total, limit: 2, offset: 0 });
    expect([...ids(first), ...ids(second)]).toEqual(ids(cityView).slice(0, 4));

    const ofWard = (await c.call('lanhdao', 'GET', '/meetings?unit=bk-duc-xuan')).json();
    expect(ids(ofWard)).toEqual([ward.id]);
    const ofPlan = (await c.call('lanhdao', 'GET', '/meetings?plan=bac-kan-2021')).json();
    expect(ofPlan.items.map((m: { title: string }) => m.title)).toEqual([
      'Hội nghị Ban Chấp hành Đảng bộ thành phố Bắc Kạn lần thứ sáu (mở rộng)',
    ]);
    const refused = await c.call('baocao', 'GET', '/meetings?unit=bk-huyen-tung');
    expect(refused.statusCode).toBe(403);
  });

  it('records a meeting and reads it back whole, with what the caller may do', async () => {
    const res = await c.call('vanphong', 'POST', '/meetings', {
      unitCode: 'tp-bac-kan',
      body: 'UBND thành phố',
      kind: 'chuyen_de',
      title: 'Phiên họp chuyên đề giải ngân',
      heldOn: '2021-11-05',
      place: 'Phòng họp số 2',
      attendees: [{ name: 'Lãnh đạo phường Đức Xuân', unitCode: 'bk-duc-xuan' }],
      opinions: [{ speaker: 'Đồng chí Hà', text: 'Còn vướng mặt bằng' }],
      conclusionItems: [{ text: 'Giải ngân hết vốn trước 31/12', key: true }],
    });
    expect(res.statusCode).toBe(201);
    const viewer = (await c.call('lanhdao', 'GET', `/meetings/${res.json().id}`)).json();
    expect(viewer).toMatchObject({
      unit: { code: 'tp-bac-kan', name: 'Thành phố Bắc Kạn' },
      kind: 'chuyen_de',
      place: 'Phòng họp số 2',
      opinions: [{ speaker: 'Đồng chí Hà', text: 'Còn vướng mặt bằng' }],
      conclusionItems: [{ text: 'Giải ngân hết vốn trước 31/12', key: true }],
      actions: { edit: false, createDirectives: false },
    });
    expect((await c.call('vanphong', 'GET', `/meetings/${res.json().id}`)).json().actions).toEqual({
      edit: true,
      createDirectives: true,
    });
  });

  it('edits a meeting: lists replaced, conclusion items kept by id, optional fields cleared', async () => {
    const m = await makeMeeting(c.ctx, 'tp-bac-kan', ['Mục một', 'Mục hai', 'Mục ba']);
    const [one, two] = m.conclusionItems as [Item, Item];
    const res = await c.call('vanphong', 'PATCH', `/meetings/${m.id}`, {
      version: m.version,
      title: 'Hội nghị (đã sửa)',
      heldOn: '2021-10-07',
      place: null,
      agenda: ['Một', 'Hai'],
      chairs: [{ name: 'Cù Ngọc Cường' }],
      conclusionItems: [
        { id: two.id, text: 'Mục hai, viết lại', key: true },
        { text: 'Mục mới' },
        { id: one.id, text: 'Mục một' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({
      title: 'Hội nghị (đã sửa)',
      heldOn: '2021-10-07',
      place: null,
      version: 2,
    });
    expect(after.agenda).toEqual(['Một', 'Hai']);
    expect(after.chairs[0].positionTitle).toContain('Bí thư Thành ủy');
    expect(after.conclusionItems.map((i: { id: number; text: string }) => [i.id, i.text])).toEqual([
      [two.id, 'Mục hai, viết lại'],
      [expect.any(Number), 'Mục mới'],
      [one.id, 'Mục một'],
    ]);
    expect((await auditOf(store(), 'meeting', m.id)).at(-1)).toMatchObject({
      action: 'meeting.update',
      before: { version: 1, agenda: [] },
      after: { version: 2, agenda: ['Một', 'Hai'] },
    });
  });

  it('refuses to drop a conclusion item a directive was made from, and changes nothing', async () => {
    const m = await makeMeeting(c.ctx, 'tp-bac-kan', ['Giữ lại', 'Bỏ được']);
    const [linked] = m.conclusionItems as [Item];
    const d = await makeDirective(c.ctx, 'bk-ubnd', { meetingId: m.id, conclusionItemId: linked.id });
    const res = await c.call('vanphong', 'PATCH', `/meetings/${m.id}`, {
      version: m.version,
      title: 'Không được lưu',
      conclusionItems: [{ text: 'Thay hết' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      fields: [{ field: 'conclusionItems' }],
      message: expect.stringContaining(
        `Không thể bỏ mục kết luận "Giữ lại": đã giao thành nhiệm vụ số ${d.id}`,
      ),
    });
    const read = (await c.call('vanphong', 'GET', `/meetings/${m.id}`)).json();
    expect(read).toMatchObject({ title: m.title, version: 1, conclusionItems: m.conclusionItems });
    // Dropping only the other item is fine.
    const ok = await c.call('vanphong', 'PATCH', `/meetings/${m.id}`, {
      version: 1,
      conclusionItems: [{ id: linked.id, text: linked.text }],
    });
    expect(ok.json().conclusionItems).toEqual([{ id: linked.id, text: 'Giữ lại', key: false }]);
  });

  it('turns conclusion items into directives in one call, or none when a row is wrong', async () => {
    const m = await makeMeeting(c.ctx, 'tp-bac-kan', ['Việc một', 'Việc hai']);
    const [one, two] = m.conclusionItems as [Item, Item];
    const bad = await c.call('vanphong', 'POST', `/meetings/${m.id}/directives`, {
      items: [
        { conclusionItemId: one.id, leadUnitCode: 'bk-ubnd' },
        { conclusionItemId: two.id, leadUnitCode: 'khong-co' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'leadUnitCode', row: 2 })]);
    expect(bad.json().error.message).toContain('dòng 2');
    expect((await c.call('vanphong', 'GET', `/directives?meeting=${m.id}`)).json().total).toBe(0);

    const foreign = await makeMeeting(c.ctx, 'tp-bac-kan');
    const wrongItem = await c.call('vanphong', 'POST', `/meetings/${m.id}/directives`, {
      items: [{ conclusionItemId: foreign.conclusionItems[0]?.id, leadUnitCode: 'bk-ubnd' }],
    });
    expect(wrongItem.statusCode).toBe(422);
    expect(wrongItem.json().error.fields).toEqual([
      expect.objectContaining({ field: 'conclusionItemId', row: 1 }),
    ]);

    const good = await c.call('vanphong', 'POST', `/meetings/${m.id}/directives`, {
      items: [
        { conclusionItemId: one.id, leadUnitCode: 'bk-ubnd', deadline: '2021-12-31', key: true },
        { conclusionItemId: two.id, leadUnitCode: 'bk-ban-to-chuc', coUnitCodes: ['bk-mttq'] },
      ],
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().items).toMatchObject([
      { title: 'Việc một', key: true, status: 'in_progress_on_time', leadUnit: { code: 'bk-ubnd' } },
      { title: 'Việc hai', key: false, status: 'ongoing', coUnits: [{ code: 'bk-mttq' }] },
    ]);
  });
});
