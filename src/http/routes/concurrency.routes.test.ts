import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../test/stores.js';
import { auditOf, type Client, demoClient, makeDirective, makeMeeting } from './test-conference.js';

describeStores('two writers at once', (store) => {
  let c: Client;
  beforeAll(async () => {
    c = await demoClient(store());
  });
  afterAll(() => c.app.close());

  it('lets exactly one of two edits of the same version through; the other sees the winner and loses nothing', async () => {
    const d = await makeDirective(c.ctx, 'bk-ubnd', { deadline: '2021-12-31' });
    const [a, b] = await Promise.all([
      c.call('vanphong', 'PATCH', `/directives/${d.id}`, { version: d.version, title: 'Bản của văn phòng' }),
      c.call('admin', 'PATCH', `/directives/${d.id}`, { version: d.version, deadline: '2022-01-31' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    const error = lost.json().error;
    expect(error).toMatchObject({ code: 'conflict', fields: [{ field: 'version' }] });
    expect(error.message).toContain('người khác sửa');
    // The loser is shown the stored state: the winner's edit, at the new version.
    expect(error.current).toEqual(expect.objectContaining({ version: 2, title: won.json().title }));
    expect(error.current.deadline).toBe(won.json().deadline);

    // Nothing of the refused edit was written; sent again on the current version it applies,
    // and the winner's edit stays.
    const retry = lost === a ? { title: 'Bản của văn phòng' } : { deadline: '2022-01-31' };
    const again = await c.call(lost === a ? 'vanphong' : 'admin', 'PATCH', `/directives/${d.id}`, {
      ...retry,
      version: error.current.version,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ title: 'Bản của văn phòng', deadline: '2022-01-31', version: 3 });
    expect((await auditOf(store(), 'directive', d.id)).map((e) => e.action)).toEqual([
      'directive.create',
      'directive.edit',
      'directive.edit',
    ]);
  });

  it('closes a directive once when two people report completion with the same version', async () => {
    const d = await makeDirective(c.ctx, 'bk-ubnd', { deadline: '2021-11-30' });
    const complete = (on: string) => ({
      reportedOn: on,
      text: `Xong ngày ${on}`,
      completed: true,
      version: 1,
    });
    const results = await Promise.all([
      c.call('vanphong', 'POST', `/directives/${d.id}/updates`, complete('2021-11-25')),
      c.call('admin', 'POST', `/directives/${d.id}/updates`, complete('2021-11-28')),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const read = (await c.call('lanhdao', 'GET', `/directives/${d.id}`)).json();
    // One completion date, and only the winner's report: the refused one rolled back whole.
    expect(read.updates).toHaveLength(1);
    expect(read.completedOn).toBe(read.updates[0].reportedOn);
  });

  it('refuses a stale meeting edit without touching its lists', async () => {
    const m = await makeMeeting(c.ctx, 'tp-bac-kan', ['Mục một', 'Mục hai']);
    const first = await c.call('vanphong', 'PATCH', `/meetings/${m.id}`, {
      version: 1,
      agenda: ['Chương trình mới'],
    });
    expect(first.statusCode).toBe(200);
    const stale = await c.call('admin', 'PATCH', `/meetings/${m.id}`, {
      version: 1,
      agenda: ['Bản cũ'],
      conclusionItems: [{ text: 'Thay hết' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ version: 2, agenda: ['Chương trình mới'] });
    const read = (await c.call('lanhdao', 'GET', `/meetings/${m.id}`)).json();
    expect(read.agenda).toEqual(['Chương trình mới']);
    expect(read.conclusionItems).toEqual(m.conclusionItems);
  });
});
