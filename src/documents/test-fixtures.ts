import { systemContext } from '../context.js';
import { loadDemo } from '../demo/load-demo.js';
import { createDirectives } from '../directives/directives.service.js';
import { createMeeting, listMeetings } from '../meetings/meetings.service.js';
import { createPlan, includeIndicator, setTarget } from '../plans/plans.service.js';
import type { Store } from '../store/connect.js';

/**
 * The demo plus the awkward cases documents must survive: a People's Committee plan (State
 * format), a plan with no figures at all, a meeting with nothing recorded but its title, and a
 * meeting whose texts are long and full of characters XML cannot carry. The extra meetings
 * are held in 2022, after the demo conference, so reviews dated before them are unchanged.
 */
export const HOSTILE =
  'Ký tự lạ <b>&amp;</b> "trích" \'đơn\' \u0001\u0008\u000b\u001f\ufffe\uffff \ud800 😀 & < >';
export const LONG_ITEMS = 80;

export interface Fixtures {
  demoMeeting: number;
  bareMeeting: number;
  hostileMeeting: number;
}

export async function loadFixtures(store: Store): Promise<Fixtures> {
  const ctx = systemContext(store);
  await loadDemo(ctx);
  await createPlan(ctx, {
    code: 'ubnd-bk-2021',
    name: 'Kế hoạch phát triển kinh tế – xã hội năm 2021',
    year: 2021,
    unitCode: 'tp-bac-kan',
    issuingBody: 'UBND thành phố Bắc Kạn',
    documentNumber: 'Số 15/KH-UBND',
    defaultBasis: 'KH',
  });
  await createPlan(ctx, {
    code: 'bac-kan-2022',
    name: 'Nghị quyết về nhiệm vụ năm 2022',
    year: 2022,
    unitCode: 'tp-bac-kan',
    issuingBody: 'Thành ủy Bắc Kạn',
  });
  for (const [plan, basis] of [
    ['ubnd-bk-2021', 'KH'],
    ['bac-kan-2022', 'NQ'],
  ] as const) {
    for (const [code, value] of [
      ['ban-le', 3300],
      ['thu-ngan-sach', 150],
    ] as const) {
      await includeIndicator(ctx, { planCode: plan, indicatorCode: code });
      await setTarget(ctx, { planCode: plan, indicatorCode: code, basis, value });
    }
  }
  const demoMeeting = (await listMeetings(ctx, { planCode: 'bac-kan-2021' }))[0]?.id as number;
  const bare = await createMeeting(ctx, {
    unitCode: 'tp-bac-kan',
    body: 'Ban Thường vụ Thành ủy',
    title: 'Hội nghị Ban Thường vụ Thành ủy',
    heldOn: '2022-02-15',
  });
  const long = (n: number) =>
    `${HOSTILE} nội dung số ${n}: ${'rà soát, đánh giá, đề xuất giải pháp; '.repeat(40)}`;
  const hostile = await createMeeting(ctx, {
    unitCode: 'tp-bac-kan',
    body: 'Ban Chấp hành Đảng bộ thành phố',
    title: `Hội nghị chuyên đề ${HOSTILE}`,
    heldOn: '2022-03-01',
    place: `Hội trường ${HOSTILE}`,
    planCode: 'bac-kan-2022',
    period: '2022-02',
    chairs: [{ name: 'Cù Ngọc Cường', positionTitle: `Bí thư Thành ủy ${HOSTILE}` }],
    opinions: [{ text: long(0) }],
    summary: `Hội nghị bàn ${HOSTILE}`,
    conclusion: `${HOSTILE}\n\n${long(0)}`,
    conclusionItems: Array.from({ length: LONG_ITEMS }, (_, i) => ({ text: long(i + 1), key: i % 7 === 0 })),
  });
  await createDirectives(
    ctx,
    hostile.conclusionItems.map((item, i) => ({
      title: item.text,
      meetingId: hostile.id,
      conclusionItemId: item.id,
      leadUnitCode: i % 2 ? 'bk-ubnd' : 'bk-ban-to-chuc',
      coUnitCodes: i % 3 ? [] : ['bk-mttq'],
      ...(i % 4 ? { deadline: '2022-03-10' } : {}),
    })),
  );
  return { demoMeeting, bareMeeting: bare.id, hostileMeeting: hostile.id };
}
