import { expect, it } from 'vitest';
import { type DirectiveStatus, directiveStatus } from '../core/directive-status.js';
import { ConflictError } from '../errors.js';
import { createMeeting } from '../meetings/meetings.service.js';
import { makeTree, testContext } from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { DIRECTIVE_STATUSES } from './directives.schema.js';
import {
  addDirectiveUpdate,
  createDirective,
  createDirectives,
  getDirective,
  listDirectives,
} from './directives.service.js';

// Today is 2021-12-01 in Vietnam for every test here.
const TODAY = () => new Date('2021-12-01T02:00:00Z');

describeStores('directives', (store) => {
  const ctx = () => testContext(store(), TODAY);

  async function meetingWithItems(unitCode: string, items: string[]) {
    return createMeeting(ctx(), {
      unitCode,
      body: 'Ban Thường vụ',
      title: 'Hội nghị thử',
      heldOn: '2021-10-06',
      conclusionItems: items.map((text) => ({ text })),
    });
  }

  it('turns each conclusion item into a directive in one step, all or none', async () => {
    const t = await makeTree(ctx(), 2);
    const m = await meetingWithItems(t.city, ['Việc một', 'Việc hai']);
    const [one, two] = m.conclusionItems as [(typeof m.conclusionItems)[0], (typeof m.conclusionItems)[0]];
    await expect(
      createDirectives(ctx(), [
        { title: one.text, meetingId: m.id, conclusionItemId: one.id, leadUnitCode: t.city },
        { title: two.text, meetingId: m.id, conclusionItemId: two.id, leadUnitCode: 'khong-co' },
      ]),
    ).rejects.toMatchObject({ fields: [{ field: 'leadUnitCode' }] });
    expect(await listDirectives(ctx(), { meetingId: m.id })).toEqual([]);
    const made = await createDirectives(ctx(), [
      {
        title: one.text,
        meetingId: m.id,
        conclusionItemId: one.id,
        leadUnitCode: t.city,
        coUnitCodes: [t.wards[0] as string],
        deadline: '2021-12-31',
        key: true,
      },
      { title: two.text, meetingId: m.id, conclusionItemId: two.id, leadUnitCode: t.wards[1] as string },
    ]);
    expect(made.map((d) => d.status)).toEqual(['in_progress_on_time', 'ongoing']);
    expect(made[0]).toMatchObject({ key: true, coUnits: [{ code: t.wards[0] }] });
  });

  it('refuses a conclusion item of another meeting', async () => {
    const t = await makeTree(ctx(), 0);
    const a = await meetingWithItems(t.city, ['A']);
    const b = await meetingWithItems(t.city, ['B']);
    await expect(
      createDirective(ctx(), {
        title: 'X',
        meetingId: a.id,
        conclusionItemId: b.conclusionItems[0]?.id,
        leadUnitCode: t.city,
      }),
    ).rejects.toMatchObject({ fields: [{ field: 'conclusionItemId' }] });
  });

  it('completes after the deadline as "hoàn thành quá hạn", once', async () => {
    const t = await makeTree(ctx(), 0);
    const d = await createDirective(ctx(), {
      title: 'Báo cáo',
      leadUnitCode: t.city,
      deadline: '2021-11-15',
    });
    expect(d.status).toBe('in_progress_overdue');
    const done = await addDirectiveUpdate(ctx(), {
      directiveId: d.id,
      reportedOn: '2021-11-20',
      text: 'Đã nộp báo cáo',
      evidence: 'Số 12/BC',
      completed: true,
      version: d.version,
    });
    expect(done).toMatchObject({ status: 'done_late', completedOn: '2021-11-20', version: 2 });
    await expect(
      addDirectiveUpdate(ctx(), {
        directiveId: d.id,
        reportedOn: '2021-11-21',
        text: 'Lại',
        completed: true,
        version: 1,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const full = await getDirective(ctx(), d.id);
    // The refused completion left no update behind: its transaction rolled back whole.
    expect(full.updates.map((u) => u.text)).toEqual(['Đã nộp báo cáo']);
  });

  it('filters by status in SQL exactly as the rule computes it, and by unit including co-units', async () => {
    const t = await makeTree(ctx(), 2);
    const [w1, w2] = t.wards as [string, string];
    const specs: { deadline?: string; done?: string }[] = [
      {},
      { deadline: '2021-12-31' },
      { deadline: '2021-12-01' },
      { deadline: '2021-11-30' },
      { deadline: '2021-11-30', done: '2021-11-30' },
      { deadline: '2021-11-30', done: '2021-12-01' },
      { done: '2021-11-01' },
      // Completed after "today" (a review looking back): not done yet, in SQL as in the rule.
      { deadline: '2021-12-31', done: '2021-12-05' },
    ];
    const made = [];
    for (const [i, s] of specs.entries()) {
      const d = await createDirective(ctx(), {
        title: `Nhiệm vụ ${i}`,
        leadUnitCode: i % 2 ? w1 : t.city,
        coUnitCodes: i === 2 ? [w2] : [],
        ...(s.deadline ? { deadline: s.deadline } : {}),
      });
      made.push(
        s.done
          ? await addDirectiveUpdate(ctx(), {
              directiveId: d.id,
              reportedOn: s.done,
              text: 'Xong',
              completed: true,
              version: 1,
            })
          : d,
      );
    }
    for (const status of DIRECTIVE_STATUSES) {
      const listed = await listDirectives(ctx(), { status, unitCode: t.city });
      const expected = made.filter((d) => directiveStatus(d, '2021-12-01') === (status as DirectiveStatus));
      expect(listed.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
    }
    const forW2 = await listDirectives(ctx(), { unitCode: w2 });
    expect(forW2.map((d) => d.title)).toEqual(['Nhiệm vụ 2']);
  });
});
