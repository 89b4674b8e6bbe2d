import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.repo.js';
import type { ServiceContext } from '../context.js';
import { createDirective } from '../directives/directives.service.js';
import { recordFigure } from '../figures/figures.service.js';
import { requirePlan, setTarget } from '../plans/plans.service.js';
import { makePlan, makeTree, months, record, type Tree, testContext, uniqueCode } from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { mergeUnits } from '../units/units.service.js';
import { createUser } from '../users/users.service.js';
import { buildDigest } from './digest.js';
import { dueDate, latestDuePeriod, recentlyDuePeriods } from './due.js';
import { inbox, markRead } from './inbox.js';
import { listLocks, lockPeriod, unlockPeriod } from './locks.js';
import { missingReports } from './missing.js';
import { generateReminders } from './reminders.js';
import { getReportingSettings, setReportingSettings } from './settings.js';

describe('due dates', () => {
  it('falls in the month itself by default, or in the next month, clamped to its last day', () => {
    expect(dueDate({ dueDay: 15, dueMonth: 'same' }, { year: 2021, month: 9 })).toBe('2021-09-15');
    expect(dueDate({ dueDay: 5, dueMonth: 'next' }, { year: 2021, month: 12 })).toBe('2022-01-05');
    expect(dueDate({ dueDay: 31, dueMonth: 'next' }, { year: 2024, month: 1 })).toBe('2024-02-29');
  });

  it('names the latest month already due, and the months due in a recent window', () => {
    const rule = { dueDay: 15, dueMonth: 'same' } as const;
    expect(latestDuePeriod(rule, '2021-10-14')).toEqual({ year: 2021, month: 9 });
    expect(latestDuePeriod(rule, '2021-10-15')).toEqual({ year: 2021, month: 10 });
    expect(latestDuePeriod({ dueDay: 20, dueMonth: 'next' }, '2021-01-10')).toEqual({
      year: 2020,
      month: 11,
    });
    expect(recentlyDuePeriods(rule, 2021, '2021-10-16', 40)).toEqual([
      { year: 2021, month: 9 },
      { year: 2021, month: 10 },
    ]);
  });
});

const PASSWORD = 'Mật-khẩu-thử-rất-dài-2021';

describeStores('reporting workflow', (store) => {
  let ctx: ServiceContext;
  let tree: Tree;
  let plan: string;
  let a: string;
  let b: string;
  let merged: string;

  beforeAll(async () => {
    ctx = testContext(store());
    tree = await makeTree(ctx, 5);
    ({
      plan,
      indicators: [a, b],
    } = (await makePlan(ctx, tree.city, [{ target: 100 }, { target: 50 }])) as {
      plan: string;
      indicators: [string, string];
    });
    const [w1, w2, w3, w4, w5] = tree.wards as [string, string, string, string, string];
    const full = Array(9).fill(1);
    await record(ctx, [
      ...months(plan, a, w1, 2021, full),
      ...months(plan, b, w1, 2021, full),
      ...months(plan, a, w2, 2021, Array(6).fill(2)),
      ...months(plan, b, w2, 2021, Array(6).fill(2)),
      ...months(plan, a, w3, 2021, Array(6).fill(3)),
      ...months(plan, a, w5, 2021, full),
      ...months(plan, b, w5, 2021, Array(8).fill(5)),
    ]);
    // Wards 2 and 3 merge on 1 July; the new ward reports only A in July and August.
    merged = uniqueCode('moi');
    await mergeUnits(ctx, {
      code: merged,
      name: 'Phường Mới',
      level: 'phuong',
      parentCode: tree.city,
      predecessorCodes: [w2, w3],
      on: '2021-07-01',
    });
    await record(ctx, months(plan, a, merged, 2021, [null, null, null, null, null, null, 7, 7]));
    // Ward 4 has never reported, but was given a target of its own.
    await setTarget(ctx, { planCode: plan, indicatorCode: b, unitCode: w4, basis: 'NQ', value: 5 });
  });

  it('lists who has not reported a month, what each owes and how late it is', async () => {
    const report = await missingReports(ctx, { planCode: plan, period: '2021-09', date: '2021-09-20' });
    const [w1, w2, w3, w4, w5] = tree.wards as [string, string, string, string, string];
    expect(report).toMatchObject({
      dueDate: '2021-09-15',
      daysPastDue: 5,
      expectedUnits: 4,
      completeUnits: 1,
    });
    const byCode = new Map(report.units.map((u) => [u.code, u]));
    // The merged ward owes what its predecessors used to report, A and B.
    expect(byCode.get(merged)).toMatchObject({ expected: 2, nothingReported: true });
    expect(
      byCode
        .get(merged)
        ?.missing.map((i) => i.code)
        .sort(),
    ).toEqual([a, b].sort());
    expect(byCode.get(w4)).toMatchObject({ expected: 1, missing: [{ code: b }], nothingReported: true });
    expect(byCode.get(w5)).toMatchObject({ expected: 2, missing: [{ code: b }], nothingReported: false });
    // Complete, merged away, or the city whose figures come from its wards: not listed.
    for (const code of [w1, w2, w3, tree.city]) expect(byCode.has(code)).toBe(false);
  });

  it('owes a quarterly indicator only in a quarter’s last month, a yearly one only in December', async () => {
    const t = await makeTree(ctx, 1);
    const made = await makePlan(ctx, t.city, [
      { target: 10 },
      { target: 10, frequency: 'quarterly' },
      { kind: 'level', measureUnit: '%', frequency: 'yearly', target: 5 },
    ]);
    const [monthly, quarterly, yearly] = made.indicators as [string, string, string];
    const ward = t.wards[0] as string;
    await record(ctx, [
      ...months(made.plan, monthly, ward, 2021, [1, 1, 1]),
      ...months(made.plan, quarterly, ward, 2021, [null, null, 3]),
      ...months(made.plan, yearly, ward, 2020, [...Array(11).fill(null), 4]),
    ]);
    const owed = async (period: string) => {
      const report = await missingReports(ctx, { planCode: made.plan, period, date: '2021-12-31' });
      return report.units
        .find((u) => u.code === ward)
        ?.missing.map((i) => i.code)
        .sort();
    };
    expect(await owed('2021-05')).toEqual([monthly]);
    expect(await owed('2021-06')).toEqual([monthly, quarterly].sort());
    expect(await owed('2021-12')).toEqual([monthly, quarterly, yearly].sort());
  });

  it('follows the plan’s due day, settable per plan and audited', async () => {
    const before = await getReportingSettings(ctx, plan);
    expect(before).toMatchObject({ dueDay: 15, dueMonth: 'same', version: 0 });
    const after = await setReportingSettings(ctx, {
      planCode: plan,
      dueDay: 5,
      dueMonth: 'next',
      version: 0,
    });
    expect(after).toMatchObject({ dueDay: 5, dueMonth: 'next', version: 1 });
    await expect(setReportingSettings(ctx, { planCode: plan, dueDay: 6, version: 0 })).rejects.toMatchObject({
      code: 'conflict',
    });
    const report = await missingReports(ctx, { planCode: plan, period: '2021-09', date: '2021-09-20' });
    expect(report).toMatchObject({ dueDate: '2021-10-05', daysPastDue: -15 });
    await setReportingSettings(ctx, { planCode: plan, dueDay: 15, dueMonth: 'same' });
    const audit = await listAudit(ctx.store.db, { action: 'reporting.settings' });
    const mine = audit.filter((e) => (e.after as { planCode: string }).planCode === plan);
    expect(mine.map((e) => (e.after as { dueDay: number }).dueDay)).toEqual([15, 5]);
  });

  it('locks a month: single and bulk writes are refused naming the period, until an admin reopens it', async () => {
    const [w1, , , w4] = tree.wards as [string, string, string, string];
    const { lock, created } = await lockPeriod(ctx, {
      planCode: plan,
      period: '2021-08',
      note: 'Sau hội nghị',
    });
    expect(created).toBe(true);
    expect((await lockPeriod(ctx, { planCode: plan, period: '2021-08' })).created).toBe(false);
    const locks = await listLocks(ctx.store.db, await requirePlan(ctx.store.db, plan));
    expect(locks).toMatchObject([{ period: '2021-08', note: 'Sau hội nghị', lockedBy: null }]);

    const correction = {
      planCode: plan,
      indicatorCode: a,
      unitCode: w1,
      period: '2021-08',
      value: 9,
      revision: 1,
    };
    await expect(recordFigure(ctx, correction)).rejects.toMatchObject({
      code: 'invalid',
      fields: [{ field: 'period', message: { vi: expect.stringContaining('đã khóa') } }],
    });
    const bulk = record(ctx, [
      { planCode: plan, indicatorCode: b, unitCode: w4, period: '2021-07', value: 1 },
      { planCode: plan, indicatorCode: b, unitCode: w4, period: '2021-08', value: 1 },
    ]);
    await expect(bulk).rejects.toMatchObject({ code: 'invalid', fields: [{ field: 'period', row: 2 }] });
    // All or nothing: July was not written either.
    const july = await missingReports(ctx, { planCode: plan, period: '2021-07', date: '2021-09-20' });
    expect(july.units.find((u) => u.code === w4)).toBeDefined();
    expect((await missingReports(ctx, { planCode: plan, period: '2021-08' })).locked).toBe(true);

    await expect(unlockPeriod(ctx, { planCode: plan, period: '2021-08', reason: '' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await unlockPeriod(ctx, { planCode: plan, period: '2021-08', reason: 'Cục Thống kê điều chỉnh số liệu' });
    await expect(recordFigure(ctx, correction)).resolves.toMatchObject({ revision: 2, value: 9 });
    await expect(
      unlockPeriod(ctx, { planCode: plan, period: '2021-08', reason: 'lần nữa' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });

    const audit = await listAudit(ctx.store.db, { entity: 'period_lock', entityId: lock.id });
    expect(audit.map((e) => e.action).sort()).toEqual(['period.lock', 'period.unlock']);
    const unlock = audit.find((e) => e.action === 'period.unlock');
    expect(unlock?.after).toEqual({ reason: 'Cục Thống kê điều chỉnh số liệu' });
  });

  it('refuses to lock a month outside the plan year or not yet begun', async () => {
    await expect(lockPeriod(ctx, { planCode: plan, period: '2020-12' })).rejects.toMatchObject({
      fields: [{ field: 'period' }],
    });
    await expect(lockPeriod(ctx, { planCode: plan, period: '2021-11' })).rejects.toMatchObject({
      fields: [{ field: 'period' }],
    });
  });

  it('raises reminders once a day for the people answering for each late unit and overdue directive', async () => {
    const [, , , w4, w5] = tree.wards as [string, string, string, string, string];
    const own = await createUser(ctx, {
      username: uniqueCode('bc').toLowerCase(),
      displayName: 'Báo cáo viên phường 5',
      password: PASSWORD,
      roles: [{ unitCode: w5, role: 'reporter' }],
    });
    const office = await createUser(ctx, {
      username: uniqueCode('vp').toLowerCase(),
      displayName: 'Văn phòng thử',
      password: PASSWORD,
      roles: [{ unitCode: tree.city, role: 'editor' }],
    });
    await createDirective(ctx, {
      title: 'Hoàn thành thu ngân sách quý III',
      leadUnitCode: w5,
      deadline: '2021-09-30',
    });
    await createDirective(ctx, { title: 'Báo cáo sơ kết', leadUnitCode: w4, deadline: '2021-10-18' });

    const first = await generateReminders(ctx, '2021-10-16');
    expect(first.created).toBeGreaterThan(0);
    expect(await generateReminders(ctx, '2021-10-16')).toMatchObject({ created: 0, refreshed: 0, closed: 0 });

    const mine = await inbox(ctx, own.id);
    const kinds = mine.items.map((r) => `${r.kind}:${r.period ?? ''}`).sort();
    // Ward 5 owes B for September and everything for October, and leads an overdue directive.
    expect(kinds).toEqual(['directive_overdue:', 'report_missing:2021-09', 'report_missing:2021-10']);
    expect(mine.items.find((r) => r.kind === 'directive_overdue')?.message.vi).toContain('quá hạn 16 ngày');
    // Ward 4 has nobody of its own: the city's office answers for it, never ward 5's reporter.
    const city = await inbox(ctx, office.id);
    expect(city.items.some((r) => r.unitCode === w4 && r.kind === 'directive_due_soon')).toBe(true);
    expect(city.items.some((r) => r.unitCode === w5)).toBe(false);

    expect(await markRead(ctx, own.id, [mine.items[0]?.id as number])).toBe(1);
    await expect(markRead(ctx, own.id, [city.items[0]?.id as number])).rejects.toMatchObject({
      code: 'not_found',
    });
    // The next day: the read one is raised again, the unread ones are brought up to date.
    const next = await generateReminders(ctx, '2021-10-17');
    expect(next.created).toBeGreaterThanOrEqual(1);
    expect(next.refreshed).toBeGreaterThanOrEqual(2);
    expect((await inbox(ctx, own.id, { unreadOnly: true })).items).toHaveLength(3);
    expect(await markRead(ctx, own.id)).toBe(3);
    expect((await inbox(ctx, own.id)).unread).toBe(0);
  });

  it('writes the daily digest as text ready to paste', async () => {
    const digest = await buildDigest(ctx, { planCode: plan, date: '2021-10-16' });
    const body = digest.body.vi;
    expect(digest.subject.vi).toBe('Tiến độ — nhắc việc ngày 16/10/2021 — Kế hoạch thử');
    expect(body).toContain('NHẮC VIỆC NGÀY 16/10/2021');
    expect(body).toContain('1. Số liệu tháng 10/2021 (hạn 15/10/2021, quá hạn 1 ngày)');
    expect(body).toContain('- Phường Mới: chưa báo cáo cả 2 chỉ tiêu');
    expect(body).toContain(
      '2. Nhiệm vụ quá hạn (1):\n- Hoàn thành thu ngân sách quý III — chủ trì: Phường 5; hạn 30/09/2021, quá hạn 16 ngày',
    );
    expect(body).toContain('3. Nhiệm vụ đến hạn trong 3 ngày tới (1):\n- Báo cáo sơ kết');
    expect(digest.body.en).toContain('2. Overdue directives (1):');
    const september = await buildDigest(ctx, { planCode: plan, period: '2021-09', date: '2021-10-16' });
    expect(september.body.vi).toContain('- Phường 5: còn thiếu 1/2 chỉ tiêu');
  });
});
