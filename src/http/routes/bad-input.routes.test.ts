import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../../test/stores.js';
import { type Client, demoClient, makeDirective, makeMeeting } from './test-conference.js';

const MEETING = { unitCode: 'tp-bac-kan', body: 'BTV', title: 'Họp', heldOn: '2021-11-01' };

/** A request the API must refuse: the status, the field named, and words of the Vietnamese message. */
interface Refusal {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: (ids: { meeting: number; directive: number }) => string;
  payload?: (ids: { meeting: number; directive: number }) => unknown;
  status: number;
  field: string;
  says: string;
}

const REFUSALS: Refusal[] = [
  {
    name: 'an unknown field',
    method: 'POST',
    url: () => '/meetings',
    payload: () => ({ ...MEETING, chuTri: 'Ai đó' }),
    status: 400,
    field: 'chuTri',
    says: '"chuTri"',
  },
  {
    name: 'a wrong type',
    method: 'POST',
    url: () => '/meetings',
    payload: () => ({ ...MEETING, sessionNumber: 'sáu' }),
    status: 400,
    field: 'sessionNumber',
    says: 'mong đợi số',
  },
  {
    name: 'a missing field',
    method: 'POST',
    url: () => '/meetings',
    payload: () => ({ ...MEETING, title: undefined }),
    status: 400,
    field: 'title',
    says: 'tiêu đề:',
  },
  {
    name: 'a day that does not exist',
    method: 'POST',
    url: () => '/meetings',
    payload: () => ({ ...MEETING, heldOn: '2021-02-30' }),
    status: 400,
    field: 'heldOn',
    says: 'ngày họp: ngày ISO không hợp lệ',
  },
  {
    name: 'a bad deadline in a batch row',
    method: 'POST',
    url: ({ meeting }) => `/meetings/${meeting}/directives`,
    payload: () => ({ items: [{ conclusionItemId: 1, leadUnitCode: 'bk-ubnd', deadline: '31/12/2021' }] }),
    status: 400,
    field: 'items.0.deadline',
    says: 'thời hạn',
  },
  {
    name: 'an edit without the version seen',
    method: 'PATCH',
    url: ({ directive }) => `/directives/${directive}`,
    payload: () => ({ title: 'Mới' }),
    status: 400,
    field: 'version',
    says: 'phiên bản:',
  },
  {
    name: 'a completion without the version seen',
    method: 'POST',
    url: ({ directive }) => `/directives/${directive}/updates`,
    payload: () => ({ reportedOn: '2021-11-30', text: 'Xong', completed: true }),
    status: 422,
    field: 'version',
    says: 'cần ghi phiên bản',
  },
  {
    name: 'contradicting filters',
    method: 'GET',
    url: () => '/directives?overdue=true&status=done_late',
    status: 422,
    field: 'overdue',
    says: 'mâu thuẫn',
  },
  {
    name: 'a page too large',
    method: 'GET',
    url: () => '/meetings?limit=501',
    status: 400,
    field: 'limit',
    says: '<=500',
  },
  {
    name: 'an id that is not a number',
    method: 'GET',
    url: () => '/meetings/abc',
    status: 400,
    field: 'id',
    says: 'id:',
  },
  {
    name: 'an unknown meeting',
    method: 'GET',
    url: () => '/meetings/999999',
    status: 404,
    field: 'meetingId',
    says: 'Không tìm thấy hội nghị số 999999',
  },
  {
    name: 'an unknown directive',
    method: 'PATCH',
    url: () => '/directives/999999',
    payload: () => ({ version: 1 }),
    status: 404,
    field: 'directiveId',
    says: 'Không tìm thấy nhiệm vụ số 999999',
  },
  {
    name: 'an unknown lead unit',
    method: 'POST',
    url: () => '/directives',
    payload: () => ({ title: 'Việc', leadUnitCode: 'khong-co' }),
    status: 404,
    field: 'leadUnitCode',
    says: 'Không tìm thấy đơn vị có mã "khong-co"',
  },
  {
    name: 'an unknown plan filter',
    method: 'GET',
    url: () => '/meetings?plan=khong-co',
    status: 404,
    field: 'plan',
    says: 'Không tìm thấy kế hoạch có mã "khong-co"',
  },
  {
    name: 'an unknown meeting filter',
    method: 'GET',
    url: () => '/directives?meeting=999999',
    status: 404,
    field: 'meeting',
    says: 'Không tìm thấy hội nghị',
  },
];

describeStores('bad input over HTTP', (store) => {
  let c: Client;
  let ids: { meeting: number; directive: number };
  beforeAll(async () => {
    c = await demoClient(store());
    ids = {
      meeting: (await makeMeeting(c.ctx, 'tp-bac-kan')).id,
      directive: (await makeDirective(c.ctx, 'bk-ubnd')).id,
    };
  });
  afterAll(() => c.app.close());

  describe.each(REFUSALS)('$name', (r) => {
    it(`is refused with ${r.status}, naming ${r.field}, in Vietnamese`, async () => {
      const res = await c.call('vanphong', r.method, r.url(ids), r.payload?.(ids));
      expect(res.statusCode, res.body).toBe(r.status);
      const { error } = res.json();
      expect(error.fields.map((f: { field: string }) => f.field)).toContain(r.field);
      expect(error.message).toContain(r.says);
    });
  });

  it('answers in English when asked', async () => {
    const res = await c.call(
      'vanphong',
      'POST',
      '/directives',
      { title: 'X', leadUnitCode: 'khong-co' },
      {
        'accept-language': 'en-US,en;q=0.9',
      },
    );
    expect(res.json().error.message).toBe('No unit with code "khong-co"');
  });

  it('stores markup and SQL as the text they are, and returns them as JSON text', async () => {
    const nasty = `<script>alert("x")</script> '; DROP TABLE meetings; -- & "ngoặc"`;
    const m = await c.call('vanphong', 'POST', '/meetings', {
      ...MEETING,
      title: nasty,
      conclusionItems: [{ text: `<b>${nasty}</b>` }],
    });
    expect(m.statusCode).toBe(201);
    const read = await c.call('vanphong', 'GET', `/meetings/${m.json().id}`);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.json()).toMatchObject({ title: nasty, conclusionItems: [{ text: `<b>${nasty}</b>` }] });
    const report = await c.call('vanphong', 'POST', `/directives/${ids.directive}/updates`, {
      reportedOn: '2021-11-30',
      text: nasty,
      evidence: `1'; SELECT * FROM users; --`,
    });
    expect(report.json().updates.at(-1)).toMatchObject({
      text: nasty,
      evidence: `1'; SELECT * FROM users; --`,
    });
    const person = await c.call('admin', 'POST', '/people', { fullName: `Robert'); DROP TABLE people;--` });
    expect(person.json().fullName).toBe(`Robert'); DROP TABLE people;--`);
  });
});
