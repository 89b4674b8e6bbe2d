import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemContext } from '../context.js';
import { as, demoApp, login, type Session } from '../test/http.js';
import { describeStores } from '../test/stores.js';
import { generateReminders } from './reminders.js';

const PLAN = 'bac-kan-2021';

describeStores('reporting over HTTP', (store) => {
  let app: FastifyInstance;
  let admin: Session;
  let office: Session;
  let reporter: Session;
  let viewer: Session;
  beforeAll(async () => {
    // A clock in the demo's year: 16 October, the day after October's figures were due.
    app = await demoApp(store(), { now: () => new Date('2021-10-16T03:00:00Z') });
    admin = await login(app, 'admin');
    office = await login(app, 'vanphong');
    reporter = await login(app, 'baocao');
    viewer = await login(app, 'lanhdao');
  });
  afterAll(() => app.close());

  const call = (session: Session | null, method: string, url: string, payload?: object) =>
    as(app, session, { method: method as 'GET', url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const figure = (period: string, extra = {}) => ({
    planCode: PLAN,
    indicatorCode: 'viec-lam',
    unitCode: 'bk-duc-xuan',
    period,
    value: 40,
    ...extra,
  });

  it('lists the units that have not reported, with what each owes', async () => {
    const res = await call(viewer, 'GET', `/reporting/missing?plan=${PLAN}&period=2021-10`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dueDate: '2021-10-15', daysPastDue: 1, expectedUnits: 9, completeUnits: 0 });
    expect(body.units.find((u: { code: string }) => u.code === 'bk-duc-xuan')).toMatchObject({
      expected: 4,
      nothingReported: true,
    });
    expect((await call(null, 'GET', `/reporting/missing?plan=${PLAN}&period=2021-10`)).statusCode).toBe(401);
    const bad = await call(viewer, 'GET', `/reporting/missing?plan=${PLAN}&period=2021-13`);
    expect(bad.statusCode).toBe(400);
  });

  it('locks a month for an editor; figures are refused, and only an admin reopens it', async () => {
    expect((await call(reporter, 'POST', `/plans/${PLAN}/locks`, { period: '2021-09' })).statusCode).toBe(
      403,
    );
    const locked = await call(office, 'POST', `/plans/${PLAN}/locks`, {
      period: '2021-09',
      note: 'Sau HN lần 6',
    });
    expect(locked.statusCode).toBe(201);
    expect((await call(office, 'POST', `/plans/${PLAN}/locks`, { period: '2021-09' })).statusCode).toBe(200);

    const calendar = (await call(reporter, 'GET', `/plans/${PLAN}/reporting`)).json();
    expect(calendar.locks).toMatchObject([{ period: '2021-09', note: 'Sau HN lần 6' }]);
    expect(calendar.actions).toEqual({ editSettings: false, lock: false, unlock: false });
    expect((await call(admin, 'GET', `/plans/${PLAN}/reporting`)).json().actions.unlock).toBe(true);

    const single = await call(reporter, 'POST', '/figures', figure('2021-09', { revision: 1 }));
    expect(single.statusCode).toBe(422);
    expect(single.json().error.fields).toMatchObject([{ field: 'period' }]);
    expect(single.json().error.message).toContain('đã khóa');
    const bulk = await call(reporter, 'POST', '/figures/bulk', {
      figures: [figure('2021-10'), figure('2021-09', { revision: 1 })],
    });
    expect(bulk.statusCode).toBe(422);
    expect(bulk.json().error.fields).toMatchObject([{ field: 'period', row: 2 }]);
    const english = await as(app, reporter, {
      method: 'POST',
      url: '/api/v1/figures',
      payload: figure('2021-09', { revision: 1 }),
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.message).toContain('locked after its review');

    const reason = { period: '2021-09', reason: 'Cục Thống kê điều chỉnh' };
    expect((await call(office, 'POST', `/plans/${PLAN}/unlock`, reason)).statusCode).toBe(403);
    expect((await call(admin, 'POST', `/plans/${PLAN}/unlock`, { period: '2021-09' })).statusCode).toBe(400);
    expect((await call(admin, 'POST', `/plans/${PLAN}/unlock`, reason)).statusCode).toBe(200);
    expect((await call(admin, 'POST', `/plans/${PLAN}/unlock`, reason)).statusCode).toBe(404);
    expect((await call(reporter, 'POST', '/figures', figure('2021-09', { revision: 1 }))).statusCode).toBe(
      201,
    );

    const audit = (await call(admin, 'GET', '/audit?entity=period_lock')).json();
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['period.unlock', 'period.lock']);
    expect(audit.items[0].after).toEqual({ reason: 'Cục Thống kê điều chỉnh' });
  });

  it('lets an editor set the due day, from the version they saw', async () => {
    const url = `/plans/${PLAN}/reporting`;
    expect((await call(reporter, 'PUT', url, { dueDay: 20 })).statusCode).toBe(403);
    const set = await call(office, 'PUT', url, {
      dueDay: 20,
      recipients: ['vanphong@backan.test'],
      version: 0,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ dueDay: 20, dueMonth: 'same', version: 1 });
    expect((await call(office, 'PUT', url, { dueDay: 21, version: 0 })).statusCode).toBe(409);
    expect((await call(office, 'PUT', url, { dueDay: 32 })).statusCode).toBe(400);
    const missing = (await call(viewer, 'GET', `/reporting/missing?plan=${PLAN}&period=2021-10`)).json();
    expect(missing).toMatchObject({ dueDate: '2021-10-20', daysPastDue: -4 });
    await call(office, 'PUT', url, { dueDay: 15 });
  });

  it('keeps each person’s reminders to themselves', async () => {
    await generateReminders(systemContext(store(), () => new Date('2021-10-16T03:00:00Z')));
    const mine = (await call(reporter, 'GET', '/inbox?unread=true')).json();
    expect(mine.unread).toBeGreaterThan(0);
    expect(mine.items.every((r: { unitCode: string }) => r.unitCode === 'bk-duc-xuan')).toBe(true);
    expect(mine.items[0].message.vi).toContain('Phường Đức Xuân');
    const others = (await call(office, 'GET', '/inbox')).json();
    expect(others.items.length).toBeGreaterThan(0);
    const foreign = await call(reporter, 'POST', '/inbox/read', { ids: [others.items[0].id] });
    expect(foreign.statusCode).toBe(404);
    const read = await call(reporter, 'POST', '/inbox/read', { ids: [mine.items[0].id] });
    expect(read.json()).toEqual({ marked: 1 });
    expect((await call(reporter, 'POST', '/inbox/read', {})).json().marked).toBe(mine.unread - 1);
    expect((await call(reporter, 'GET', '/inbox?unread=true')).json()).toMatchObject({
      items: [],
      unread: 0,
    });
    expect((await call(office, 'GET', '/inbox')).json().unread).toBe(others.unread);
    expect((await call(null, 'GET', '/inbox')).statusCode).toBe(401);
  });

  it('serves the digest as text, in the caller’s language', async () => {
    expect((await call(reporter, 'POST', '/figures', figure('2021-10'))).statusCode).toBe(201);
    const res = await call(viewer, 'GET', `/reporting/digest?plan=${PLAN}&unit=bk-duc-xuan`);
    expect(res.statusCode).toBe(200);
    const { subject, text } = res.json();
    expect(subject).toBe('Tiến độ — nhắc việc ngày 16/10/2021 — Nghị quyết về nhiệm vụ năm 2021');
    expect(text).toContain('- Phường Đức Xuân: còn thiếu 3/4 chỉ tiêu');
    const en = await as(app, viewer, {
      method: 'GET',
      url: `/api/v1/reporting/digest?plan=${PLAN}`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().text).toContain('Overdue directives');
  });
});
