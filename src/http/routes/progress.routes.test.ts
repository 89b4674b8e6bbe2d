import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, demoApp, login, type Session } from '../../test/http.js';
import { describeStores } from '../../test/stores.js';

describeStores('progress over HTTP', (store) => {
  let app: FastifyInstance;
  let leader: Session;
  let reporter: Session;
  beforeAll(async () => {
    app = await demoApp(store());
    leader = await login(app, 'lanhdao');
    reporter = await login(app, 'baocao');
  });
  afterAll(() => app.close());

  const get = (session: Session | null, url: string) => as(app, session, { method: 'GET', url });

  it('shows the article’s figures and which actions the viewer may take', async () => {
    const res = await get(leader, '/api/v1/progress?plan=bac-kan-2021&period=2021-09');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.actions).toEqual({ recordFigures: false, editPlan: false });
    const retail = body.indicators.find((i: { code: string }) => i.code === 'ban-le');
    expect(retail.actual).toBe(2404);
    expect(retail.percentOfTarget.toFixed(2)).toBe('73.96');
  });

  it('drills down into the wards and charts one indicator', async () => {
    const children = (await get(leader, '/api/v1/progress/children?plan=bac-kan-2021&period=2021-09')).json();
    const ward = children.children.find((c: { unit: string }) => c.unit === 'bk-duc-xuan');
    const admissions = ward.indicators.find((i: { code: string }) => i.code === 'ket-nap-dang-vien');
    expect(admissions.actual).toBeGreaterThan(0);
    const series = (
      await get(leader, '/api/v1/progress/series?plan=bac-kan-2021&period=2021-09&indicator=thu-ngan-sach')
    ).json();
    expect(series.months[8].actual).toBe(99.273);
    expect(series.months).toHaveLength(12);
  });

  it('lets a ward reporter see the city it belongs to and offers it its own ward’s entry only', async () => {
    const city = (await get(reporter, '/api/v1/progress?plan=bac-kan-2021&period=2021-09')).json();
    expect(city.actions.recordFigures).toBe(false);
    const own = (
      await get(reporter, '/api/v1/progress?plan=bac-kan-2021&period=2021-09&unit=bk-duc-xuan')
    ).json();
    expect(own.actions.recordFigures).toBe(true);
    const sibling = await get(reporter, '/api/v1/progress?plan=bac-kan-2021&period=2021-09&unit=bk-song-cau');
    expect(sibling.statusCode).toBe(403);
    expect(sibling.json().error.message).toContain('không có quyền');
  });

  it('revalidates by ETag, compresses for browsers, and sends a new report after a write', async () => {
    const url = '/api/v1/progress?plan=bac-kan-2021&period=2021-09';
    const first = await get(leader, url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['x-content-type-options']).toBe('nosniff');

    const again = await as(app, leader, { method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const zipped = await as(app, leader, { method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(first.json());

    // The tag names the body: other actions are another body, and so is a report after a write.
    const own = await get(reporter, `${url}&unit=bk-duc-xuan`);
    expect(own.headers.etag).not.toBe(etag);
    const recorded = await as(app, reporter, {
      method: 'POST',
      url: '/api/v1/figures',
      payload: {
        planCode: 'bac-kan-2021',
        indicatorCode: 'viec-lam',
        unitCode: 'bk-duc-xuan',
        period: '2021-09',
        value: 12_345,
        revision: 1,
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const after = await as(app, leader, { method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('answers bad queries with the field named, in the caller’s language', async () => {
    expect((await get(null, '/api/v1/progress?plan=bac-kan-2021&period=2021-09')).statusCode).toBe(401);
    const month = await get(leader, '/api/v1/progress?plan=bac-kan-2021&period=2021-13');
    expect(month.statusCode).toBe(400);
    expect(month.json().error.fields[0]).toMatchObject({
      field: 'period',
      message: expect.stringContaining('tháng từ 01 đến 12'),
    });
    const year = await get(leader, '/api/v1/progress?plan=bac-kan-2021&period=2022-01');
    expect(year.statusCode).toBe(422);
    const plan = await as(app, leader, {
      method: 'GET',
      url: '/api/v1/progress?plan=khong-co&period=2021-09',
      headers: { 'accept-language': 'en' },
    });
    expect(plan.statusCode).toBe(404);
    expect(plan.json().error).toMatchObject({
      code: 'not_found',
      message: 'No plan with code "khong-co"',
      fields: [{ field: 'planCode' }],
    });
  });
});
