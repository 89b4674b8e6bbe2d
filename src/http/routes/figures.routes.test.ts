import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, demoApp, login, type Session } from '../../test/http.js';
import { describeStores } from '../../test/stores.js';

describeStores('figures over HTTP', (store) => {
  let app: FastifyInstance;
  let reporter: Session;
  let office: Session;
  beforeAll(async () => {
    app = await demoApp(store());
    reporter = await login(app, 'baocao');
    office = await login(app, 'vanphong');
  });
  afterAll(() => app.close());

  const figure = (unitCode: string, period: string, value: number, extra = {}) => ({
    planCode: 'bac-kan-2021',
    indicatorCode: 'viec-lam',
    unitCode,
    period,
    value,
    ...extra,
  });
  const post = (session: Session, url: string, payload: object) =>
    as(app, session, { method: 'POST', url, payload });

  it('records a ward’s figure, refuses another ward’s, and moves the city’s total', async () => {
    const before = (
      await as(app, office, { method: 'GET', url: '/api/v1/progress?plan=bac-kan-2021&period=2021-10' })
    ).json();
    const row = (r: { indicators: { code: string; actual: number | null }[] }) =>
      r.indicators.find((i) => i.code === 'viec-lam');
    const created = await post(reporter, '/api/v1/figures', figure('bk-duc-xuan', '2021-10', 40));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ value: 40, revision: 1, status: 'estimate' });
    expect((await post(reporter, '/api/v1/figures', figure('bk-song-cau', '2021-10', 40))).statusCode).toBe(
      403,
    );
    const after = (
      await as(app, office, { method: 'GET', url: '/api/v1/progress?plan=bac-kan-2021&period=2021-10' })
    ).json();
    // Before, nobody had reported October, so the city's total through October was unknown;
    // the wards' rollup now counts the one ward that did on top of September's 790.
    expect(row(before)?.actual).toBeNull();
    expect(row(after)?.actual).toBe(830);
  });

  it('corrects by revision and keeps the history readable', async () => {
    await post(reporter, '/api/v1/figures', figure('bk-duc-xuan', '2021-11', 10));
    const stale = await post(reporter, '/api/v1/figures', figure('bk-duc-xuan', '2021-11', 11));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ value: 10, revision: 1 });
    const fixed = await post(
      reporter,
      '/api/v1/figures',
      figure('bk-duc-xuan', '2021-11', 12, { revision: 1, status: 'official' }),
    );
    expect(fixed.statusCode).toBe(201);
    const history = await as(app, reporter, {
      method: 'GET',
      url: '/api/v1/figures/history?plan=bac-kan-2021&indicator=viec-lam&unit=bk-duc-xuan&period=2021-11',
    });
    expect(history.json().items.map((f: { value: number }) => f.value)).toEqual([12, 10]);
    // Who recorded each revision, by name, so the history reads without an admin's user list.
    expect(history.json().items[0].recordedByName).toBe('Báo cáo viên phường Đức Xuân');
  });

  it('takes a batch all-or-nothing, naming the bad rows', async () => {
    const bad = await post(office, '/api/v1/figures/bulk', {
      figures: [
        figure('bk-song-cau', '2021-12', 5),
        figure('bk-song-cau', '2021-12', -5, { indicatorCode: 'luong-thuc' }),
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ row: 2, field: 'value' })]);
    const grid = await as(app, office, {
      method: 'GET',
      url: '/api/v1/figures?plan=bac-kan-2021&period=2021-12',
    });
    expect(grid.json().items).toEqual([]);
    const ok = await post(office, '/api/v1/figures/bulk', {
      figures: [figure('bk-song-cau', '2021-12', 5), figure('bk-xuat-hoa', '2021-12', 6)],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().recorded).toBe(2);
    const after = await as(app, office, {
      method: 'GET',
      url: '/api/v1/figures?plan=bac-kan-2021&period=2021-12',
    });
    expect(
      after
        .json()
        .items.map((f: { unitCode: string }) => f.unitCode)
        .sort(),
    ).toEqual(['bk-song-cau', 'bk-xuat-hoa']);
  });

  it('refuses a batch touching a unit the caller may not write, before writing anything', async () => {
    const res = await post(reporter, '/api/v1/figures/bulk', {
      figures: [figure('bk-duc-xuan', '2021-12', 1), figure('bk-song-cau', '2021-12', 1)],
    });
    expect(res.statusCode).toBe(403);
    const grid = await as(app, reporter, {
      method: 'GET',
      url: '/api/v1/figures?plan=bac-kan-2021&period=2021-12&unit=bk-duc-xuan',
    });
    expect(grid.json().items).toEqual([]);
  });
});
