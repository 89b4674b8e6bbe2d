import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, demoApp, login, type Session } from '../../test/http.js';
import { describeStores } from '../../test/stores.js';

const TEXT = 'Lũy kế 10 tháng năm 2021, giải quyết việc làm mới cho 880 người, đạt 80% nghị quyết.';

describeStores('extraction over HTTP', (store) => {
  let app: FastifyInstance;
  let office: Session;
  let reporter: Session;
  beforeAll(async () => {
    app = await demoApp(store());
    office = await login(app, 'vanphong');
    reporter = await login(app, 'baocao');
  });
  afterAll(() => app.close());

  const post = (s: Session | null, url: string, payload: object) =>
    as(app, s, { method: 'POST', url, payload });
  const body = { text: TEXT, planCode: 'bac-kan-2021', period: '2021-10' };

  it('reads text for anyone signed in, and never for strangers', async () => {
    const res = await post(reporter, '/api/v1/extract', { text: TEXT });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      period: '10 tháng 2021',
      figures: [{ value: 880, percentOfTarget: 80, targetBasis: 'NQ' }],
    });
    expect((await post(null, '/api/v1/extract', { text: TEXT })).statusCode).toBe(401);
  });

  it('reviews against the plan, then records for the city only for someone who may', async () => {
    const review = (await post(office, '/api/v1/extract/review', body)).json();
    expect(review.proposals[0]).toMatchObject({
      indicator: { code: 'viec-lam' },
      input: { value: 880, cumulative: true },
    });
    expect((await post(reporter, '/api/v1/extract/apply', body)).statusCode).toBe(403);
    const applied = await post(office, '/api/v1/extract/apply', body);
    expect(applied.statusCode).toBe(201);
    expect(applied.json().recorded).toBe(1);
  });
});
