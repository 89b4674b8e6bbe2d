import { afterAll, beforeAll, expect, it } from 'vitest';
import { uniqueCode } from '../../test/factories.js';
import { describeStores } from '../../test/stores.js';
import { auditOf, type Client, demoClient } from './test-conference.js';

describeStores('people over HTTP', (store) => {
  let c: Client;
  beforeAll(async () => {
    c = await demoClient(store());
  });
  afterAll(() => c.app.close());

  it('adds a person with positions and lists everyone a page at a time', async () => {
    const fullName = `Hoàng Thị ${uniqueCode('lan')}`;
    const res = await c.call('vanphong', 'POST', '/people', {
      fullName,
      positions: [
        {
          title: 'Phó Chủ tịch UBND phường',
          unitCode: 'bk-duc-xuan',
          validFrom: '2016-05-01',
          validTo: '2021-06-30',
        },
        { title: 'Chủ tịch UBND phường', unitCode: 'bk-duc-xuan', validFrom: '2021-07-01' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      fullName,
      positions: [
        { title: 'Phó Chủ tịch UBND phường', unitCode: 'bk-duc-xuan', validTo: '2021-06-30' },
        { title: 'Chủ tịch UBND phường', validFrom: '2021-07-01', validTo: null },
      ],
    });
    expect((await auditOf(store(), 'person', res.json().id)).map((a) => a.action)).toEqual(['person.create']);

    const all = (await c.call('baocao', 'GET', '/people?limit=500')).json();
    expect(all.items.find((p: { id: number }) => p.id === res.json().id)).toEqual(res.json());
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 1) {
      pages.push(...(await c.call('baocao', 'GET', `/people?limit=1&offset=${offset}`)).json().items);
    }
    expect(pages).toEqual(all.items);
  });

  it('refuses a second person of the same name', async () => {
    const res = await c.call('admin', 'POST', '/people', { fullName: 'Cù Ngọc Cường' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      message: 'Đã có cán bộ tên "Cù Ngọc Cường"',
      fields: [{ field: 'fullName' }],
    });
  });
});
