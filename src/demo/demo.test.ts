import { expect, it } from 'vitest';
import { systemContext } from '../context.js';
import { listDirectives } from '../directives/directives.service.js';
import { getMeeting, listMeetings } from '../meetings/meetings.service.js';
import { progressFor } from '../progress/progress.service.js';
import { describeStores } from '../test/stores.js';
import { loadDemo } from './load-demo.js';

const NOW = () => new Date('2026-11-28T08:00:00Z');

describeStores('demo Bắc Kạn 2021', (store) => {
  it('loads, and a second load changes nothing', async () => {
    const ctx = systemContext(store(), NOW);
    const first = await loadDemo(ctx);
    expect(first.figures).toBeGreaterThan(1000);
    expect(first.directives).toBe(11);
    const audit = await store()
      .db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const second = await loadDemo(ctx);
    expect(second).toEqual({
      units: 0,
      indicators: 0,
      targets: 0,
      figures: 0,
      meetings: 0,
      directives: 0,
      users: 0,
    });
    expect(first.users).toBe(4);
    const after = await store()
      .db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(audit.n));
  });

  it('reproduces the article at 9 months of 2021', async () => {
    const report = await progressFor(systemContext(store(), NOW), {
      planCode: 'bac-kan-2021',
      period: '2021-09',
    });
    expect(report.periodLabel).toBe('9 tháng năm 2021');
    const by = new Map(report.indicators.map((i) => [i.code, i]));
    const retail = by.get('ban-le');
    expect(retail?.actual).toBeCloseTo(2404, 6);
    expect(retail?.percentOfTarget).toBeCloseTo(73.96, 2);
    expect(retail?.basis).toBe('NQ');
    const budget = by.get('thu-ngan-sach');
    expect(budget?.actual).toBeCloseTo(99.273, 6);
    expect(Math.round(budget?.percentOfTarget ?? 0)).toBe(64);
    expect(budget?.otherTargets[0]).toMatchObject({ basis: 'dự toán', value: 140 });
    for (const lagging of ['thu-ngan-sach', 'giai-ngan', 'ket-nap-dang-vien']) {
      expect(['behind', 'at_risk']).toContain(by.get(lagging)?.status);
    }
    expect(report.indicators.length).toBeGreaterThanOrEqual(19);
  });

  it('holds the conference of 06/10/2021 and its directives', async () => {
    const ctx = systemContext(store(), NOW);
    const [summary] = await listMeetings(ctx, { planCode: 'bac-kan-2021' });
    const meeting = await getMeeting(ctx, summary?.id ?? 0);
    expect(meeting).toMatchObject({
      heldOn: '2021-10-06',
      sessionNumber: 6,
      kind: 'mo_rong',
      term: '2020–2025',
    });
    expect(meeting.chairs[0]?.name).toBe('Cù Ngọc Cường');
    expect(meeting.chairs[0]?.positionTitle).toBe(
      'Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy, Chủ tịch HĐND thành phố',
    );
    const directives = await listDirectives(ctx, { meetingId: meeting.id });
    const statuses = new Set(directives.map((d) => d.status));
    expect(statuses).toEqual(new Set(['done_on_time', 'done_late', 'in_progress_overdue', 'ongoing']));
  });
});
