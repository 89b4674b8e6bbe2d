import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../test/stores.js';
import { auditOf, type Client, demoClient } from './test-conference.js';

describeStores('the conference cycle over HTTP', (store) => {
  let c: Client;
  beforeAll(async () => {
    c = await demoClient(store());
  });
  afterAll(() => c.app.close());

  it('records a conference, turns its conclusion into directives, follows them to a late completion', async () => {
    const created = await c.call('vanphong', 'POST', '/meetings', {
      unitCode: 'tp-bac-kan',
      body: 'Ban Thường vụ Thành ủy',
      kind: 'thuong_ky',
      title: 'Hội nghị Ban Thường vụ tháng 10',
      heldOn: '2021-10-20',
      planCode: 'bac-kan-2021',
      period: '2021-09',
      chairs: [{ name: 'Cù Ngọc Cường' }],
      agenda: ['Kiểm điểm 9 tháng'],
      conclusionItems: [
        { text: 'Đẩy nhanh giải phóng mặt bằng', key: true },
        { text: 'Rà soát đảng viên' },
        { text: 'Giữ vững an ninh trật tự' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    expect(meeting).toMatchObject({
      unit: { code: 'tp-bac-kan' },
      planCode: 'bac-kan-2021',
      actions: { edit: true, createDirectives: true },
    });
    // The chair's positions on the day come from the people records.
    expect(meeting.chairs[0].positionTitle).toContain('Bí thư Thành ủy');
    const [gpmb, dangVien, anNinh] = meeting.conclusionItems;

    const assigned = await c.call('vanphong', 'POST', `/meetings/${meeting.id}/directives`, {
      items: [
        {
          conclusionItemId: gpmb.id,
          leadUnitCode: 'bk-ubnd',
          coUnitCodes: ['bk-duc-xuan'],
          deadline: '2021-11-15',
        },
        {
          conclusionItemId: dangVien.id,
          title: 'Rà soát, phân loại đảng viên năm 2021',
          leadUnitCode: 'bk-ban-to-chuc',
          deadline: '2021-12-31',
        },
        { conclusionItemId: anNinh.id, leadUnitCode: 'bk-cong-an' },
      ],
    });
    expect(assigned.statusCode).toBe(201);
    const directives = assigned.json().items;
    expect(directives.map((d: { title: string }) => d.title)).toEqual([
      'Đẩy nhanh giải phóng mặt bằng',
      'Rà soát, phân loại đảng viên năm 2021',
      'Giữ vững an ninh trật tự',
    ]);
    expect(directives.map((d: { status: string }) => d.status)).toEqual([
      'in_progress_overdue',
      'in_progress_on_time',
      'ongoing',
    ]);
    expect(directives[0]).toMatchObject({
      key: true,
      meetingId: meeting.id,
      coUnits: [{ code: 'bk-duc-xuan' }],
    });
    const late = directives[0];

    // The ward works with the city on it: it reports progress, but closing is the lead's call.
    const progress = await c.call('baocao', 'POST', `/directives/${late.id}/updates`, {
      reportedOn: '2021-11-10',
      text: 'Phường đã kiểm đếm xong 12 hộ',
    });
    expect(progress.statusCode).toBe(201);
    expect(progress.json().actions).toEqual({ edit: false, report: true, complete: false });

    const done = await c.call('vanphong', 'POST', `/directives/${late.id}/updates`, {
      reportedOn: '2021-11-20',
      text: 'Đã bàn giao mặt bằng',
      evidence: 'Biên bản số 45/BB-UBND',
      completed: true,
      version: late.version,
    });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ status: 'done_late', completedOn: '2021-11-20' });

    const read = (await c.call('lanhdao', 'GET', `/directives/${late.id}`)).json();
    expect(read).toMatchObject({
      status: 'done_late',
      actions: { edit: false, report: false, complete: false },
    });
    expect(read.updates.map((u: { text: string }) => u.text)).toEqual([
      'Phường đã kiểm đếm xong 12 hộ',
      'Đã bàn giao mặt bằng',
    ]);

    // What the next review asks: how did the conclusions of that meeting end?
    const ofMeeting = (await c.call('lanhdao', 'GET', `/directives?meeting=${meeting.id}`)).json();
    expect(ofMeeting.total).toBe(3);
    const lateOnes = (
      await c.call('lanhdao', 'GET', `/directives?meeting=${meeting.id}&status=done_late`)
    ).json();
    expect(lateOnes.items.map((d: { id: number }) => d.id)).toEqual([late.id]);
    const overdue = (await c.call('lanhdao', 'GET', `/directives?meeting=${meeting.id}&overdue=true`)).json();
    expect(overdue.total).toBe(0);

    expect((await auditOf(store(), 'meeting', meeting.id)).map((a) => a.action)).toEqual(['meeting.create']);
    expect((await auditOf(store(), 'directive', late.id)).map((a) => a.action)).toEqual([
      'directive.create',
      'directive.update',
      'directive.complete',
    ]);
  });
});
