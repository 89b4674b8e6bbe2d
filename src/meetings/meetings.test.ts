import { expect, it } from 'vitest';
import { createPerson } from '../people/people.service.js';
import { makePlan, makeTree, testContext, uniqueCode } from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { createMeeting, getMeeting, listMeetings } from './meetings.service.js';

describeStores('meetings', (store) => {
  const ctx = () => testContext(store());

  it('records a conference whole, with the chair’s positions held on the day', async () => {
    const t = await makeTree(ctx(), 1);
    const { plan } = await makePlan(ctx(), t.city, [{ target: 1 }]);
    const chair = `Nguyễn Văn ${uniqueCode('A')}`;
    await createPerson(ctx(), {
      fullName: chair,
      positions: [
        { title: 'Phó Bí thư Thành ủy', validFrom: '2015-01-01', validTo: '2020-08-01' },
        { title: 'Bí thư Thành ủy', validFrom: '2020-08-01' },
        { title: 'Chủ tịch HĐND thành phố', validFrom: '2021-06-01' },
      ],
    });
    const m = await createMeeting(ctx(), {
      unitCode: t.city,
      body: 'Ban Chấp hành Đảng bộ thành phố',
      kind: 'mo_rong',
      sessionNumber: 6,
      term: '2020–2025',
      title: 'Hội nghị lần thứ sáu',
      heldOn: '2021-10-06',
      planCode: plan,
      period: '2021-09',
      chairs: [{ name: chair }, { name: 'Trần Thị B', positionTitle: 'Chủ tịch UBND thành phố' }],
      attendees: [{ name: 'Đại biểu phường', unitCode: t.wards[0] as string }],
      agenda: ['Kiểm điểm 9 tháng', 'Nhiệm vụ quý IV'],
      opinions: [{ speaker: 'Đồng chí C', text: 'Đề nghị làm rõ chỉ tiêu thu ngân sách' }],
      conclusionItems: [{ text: 'Đẩy nhanh giải ngân', key: true }, { text: 'Phát triển đảng viên' }],
    });
    const read = await getMeeting(ctx(), m.id);
    expect(read.chairs).toEqual([
      expect.objectContaining({ name: chair, positionTitle: 'Bí thư Thành ủy, Chủ tịch HĐND thành phố' }),
      expect.objectContaining({ name: 'Trần Thị B', positionTitle: 'Chủ tịch UBND thành phố' }),
    ]);
    expect(read).toMatchObject({
      period: '2021-09',
      sessionNumber: 6,
      agenda: ['Kiểm điểm 9 tháng', 'Nhiệm vụ quý IV'],
    });
    expect(read.conclusionItems.map((i) => [i.text, i.key])).toEqual([
      ['Đẩy nhanh giải ngân', true],
      ['Phát triển đảng viên', false],
    ]);
    expect((await listMeetings(ctx(), { planCode: plan })).map((x) => x.id)).toEqual([m.id]);
  });

  it('refuses a bad date and an unknown unit with nothing written', async () => {
    const t = await makeTree(ctx(), 0);
    const base = { unitCode: t.city, body: 'BTV', title: 'Họp', heldOn: '2021-02-30' };
    await expect(createMeeting(ctx(), base)).rejects.toMatchObject({ fields: [{ field: 'heldOn' }] });
    const before = await listMeetings(ctx());
    await expect(
      createMeeting(ctx(), {
        ...base,
        heldOn: '2021-02-28',
        attendees: [{ name: 'X', unitCode: 'khong-co' }],
      }),
    ).rejects.toMatchObject({ fields: [{ field: 'attendees.unitCode' }] });
    expect(await listMeetings(ctx())).toHaveLength(before.length);
  });
});
