import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDirectiveUpdate } from '../../directives/directives.service.js';
import { makeTree } from '../../test/factories.js';
import { describeStores } from '../../test/stores.js';
import { auditOf, type Client, demoClient, makeDirective, makeMeeting } from './test-conference.js';

const ids = (page: { items: { id: number }[] }) => page.items.map((d) => d.id);

describeStores('directives over HTTP', (store) => {
  let c: Client;
  beforeAll(async () => {
    c = await demoClient(store());
  });
  afterAll(() => c.app.close());

  it('lists what the caller may read, filtered by meeting, status, unit, key and overdue, a page at a time', async () => {
    const m = await makeMeeting(c.ctx, 'tp-bac-kan', ['Một']);
    const source = { meetingId: m.id };
    const overdue = await makeDirective(c.ctx, 'bk-ubnd', { ...source, deadline: '2021-11-15', key: true });
    const onTime = await makeDirective(c.ctx, 'bk-ubnd', { ...source, deadline: '2021-12-31' });
    const shared = await makeDirective(c.ctx, 'bk-cong-an', { ...source, coUnitCodes: ['bk-duc-xuan'] });
    const sibling = await makeDirective(c.ctx, 'bk-huyen-tung', source);
    const outside = await makeDirective(c.ctx, (await makeTree(c.ctx, 0)).city);

    const get = async (who: 'lanhdao' | 'baocao', query: string) =>
      (await c.call(who, 'GET', `/directives?${query}`)).json();
    expect(ids(await get('lanhdao', `meeting=${m.id}`))).toEqual([
      overdue.id,
      onTime.id,
      shared.id,
      sibling.id,
    ]);
    expect(ids(await get('lanhdao', 'limit=500'))).not.toContain(outside.id);
    // A ward reads the directives it leads or works on, not those of the city's offices.
    expect(ids(await get('baocao', `meeting=${m.id}`))).toEqual([shared.id]);

    expect(ids(await get('lanhdao', `meeting=${m.id}&overdue=true`))).toEqual([overdue.id]);
    expect(ids(await get('lanhdao', `meeting=${m.id}&status=in_progress_on_time`))).toEqual([onTime.id]);
    expect(ids(await get('lanhdao', `meeting=${m.id}&status=ongoing`))).toEqual([shared.id, sibling.id]);
    expect(ids(await get('lanhdao', `meeting=${m.id}&key=true`))).toEqual([overdue.id]);
    expect(ids(await get('lanhdao', `meeting=${m.id}&unit=bk-duc-xuan`))).toEqual([shared.id]);

    const page = await get('lanhdao', `meeting=${m.id}&limit=2&offset=1`);
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(ids(page)).toEqual([onTime.id, shared.id]);
  });

  it('reads a directive with its reports and what each caller may do with it', async () => {
    const d = await makeDirective(c.ctx, 'bk-ubnd', { deadline: '2021-12-31', coUnitCodes: ['bk-duc-xuan'] });
    await addDirectiveUpdate(c.ctx, {
      directiveId: d.id,
      reportedOn: '2021-11-20',
      text: 'Đã họp triển khai',
    });
    const read = async (who: 'vanphong' | 'baocao' | 'lanhdao') =>
      (await c.call(who, 'GET', `/directives/${d.id}`)).json();
    const full = await read('vanphong');
    expect(full).toMatchObject({
      status: 'in_progress_on_time',
      leadUnit: { code: 'bk-ubnd', name: 'UBND thành phố Bắc Kạn' },
      coUnits: [{ code: 'bk-duc-xuan' }],
      updates: [{ reportedOn: '2021-11-20', text: 'Đã họp triển khai', evidence: null }],
      actions: { edit: true, report: true, complete: true },
    });
    expect((await read('baocao')).actions).toEqual({ edit: false, report: true, complete: false });
    expect((await read('lanhdao')).actions).toEqual({ edit: false, report: false, complete: false });

    const elsewhere = await makeDirective(c.ctx, 'bk-huyen-tung');
    expect((await c.call('baocao', 'GET', `/directives/${elsewhere.id}`)).statusCode).toBe(403);
  });

  it('corrects the deadline of a completed directive, and its status follows', async () => {
    const d = await makeDirective(c.ctx, 'bk-ubnd', { deadline: '2021-11-15' });
    const done = await c.call('vanphong', 'POST', `/directives/${d.id}/updates`, {
      reportedOn: '2021-11-20',
      text: 'Xong',
      completed: true,
      version: d.version,
    });
    expect(done.json()).toMatchObject({ status: 'done_late', version: 2, actions: { complete: false } });
    // The conclusion notice gave 30/11; 15/11 was a typing slip.
    const fixed = await c.call('vanphong', 'PATCH', `/directives/${d.id}`, {
      version: 2,
      deadline: '2021-11-30',
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'done_on_time', completedOn: '2021-11-20', version: 3 });
    const standing = await c.call('vanphong', 'PATCH', `/directives/${d.id}`, { version: 3, deadline: null });
    expect(standing.json()).toMatchObject({ status: 'done_on_time', deadline: null });
    expect((await auditOf(store(), 'directive', d.id)).at(-1)).toMatchObject({
      action: 'directive.edit',
      before: { deadline: '2021-11-30' },
      after: { deadline: null },
    });
  });

  it('hands a directive to another lead: the new lead leaves the co-units; outside the branch is refused', async () => {
    const d = await makeDirective(c.ctx, 'bk-ubnd', { coUnitCodes: ['bk-tai-chinh', 'bk-duc-xuan'] });
    const moved = await c.call('vanphong', 'PATCH', `/directives/${d.id}`, {
      version: d.version,
      leadUnitCode: 'bk-tai-chinh',
      title: 'Việc giao lại',
      key: true,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      title: 'Việc giao lại',
      key: true,
      leadUnit: { code: 'bk-tai-chinh' },
      coUnits: [{ code: 'bk-duc-xuan' }],
    });
    const away = await c.call('vanphong', 'PATCH', `/directives/${d.id}`, {
      version: moved.json().version,
      leadUnitCode: (await makeTree(c.ctx, 0)).city,
    });
    expect(away.statusCode).toBe(403);
    const replaced = await c.call('vanphong', 'PATCH', `/directives/${d.id}`, {
      version: moved.json().version,
      coUnitCodes: ['bk-mttq', 'bk-tai-chinh'],
    });
    expect(replaced.json().coUnits).toEqual([{ code: 'bk-mttq', name: 'Ủy ban MTTQ Việt Nam thành phố' }]);
  });

  it('lets a co-unit report progress but only the lead complete; a second completion is refused', async () => {
    const d = await makeDirective(c.ctx, 'tp-bac-kan', {
      coUnitCodes: ['bk-duc-xuan'],
      deadline: '2021-12-31',
    });
    const close = { reportedOn: '2021-11-28', text: 'Phường báo xong', completed: true, version: 1 };
    const byWard = await c.call('baocao', 'POST', `/directives/${d.id}/updates`, close);
    expect(byWard.statusCode).toBe(403);
    expect(byWard.json().error.message).toContain('chỉ đơn vị chủ trì');
    const byCity = await c.call('vanphong', 'POST', `/directives/${d.id}/updates`, {
      ...close,
      text: 'Xong',
    });
    expect(byCity.json()).toMatchObject({ status: 'done_on_time', completedOn: '2021-11-28' });
    const twice = await c.call('vanphong', 'POST', `/directives/${d.id}/updates`, { ...close, version: 2 });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error).toMatchObject({ fields: [{ field: 'completed' }] });
    expect(twice.json().error.message).toBe('Nhiệm vụ đã hoàn thành ngày 2021-11-28');
  });
});
