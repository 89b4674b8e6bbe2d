import type { ServiceContext } from '../context.js';
import { addDirectiveUpdate, createDirectives, listDirectives } from '../directives/directives.service.js';
import { recordFigures } from '../figures/figures.service.js';
import { listMeetingSummaries } from '../meetings/meetings.repo.js';
import { createMeeting, getMeeting } from '../meetings/meetings.service.js';
import { findPersonByName } from '../people/people.repo.js';
import { createPerson } from '../people/people.service.js';
import { findIndicator, findPlanByCode, findPlanIndicator, listTargets } from '../plans/plans.repo.js';
import { createIndicator, createPlan, includeIndicator, setTarget } from '../plans/plans.service.js';
import { findUnitByCode } from '../units/units.repo.js';
import { createUnit } from '../units/units.service.js';
import { CITY, INDICATORS, OFFICES, PLAN, PROVINCE, WARDS } from './bac-kan-2021.js';
import { ASSIGNMENTS, CHAIR, CONFERENCE } from './conference.js';
import { demoFigures } from './figures.js';
import { loadDemoUsers } from './users.js';

export interface DemoSummary {
  units: number;
  indicators: number;
  targets: number;
  figures: number;
  meetings: number;
  directives: number;
  users: number;
}

/**
 * Loads the Bắc Kạn 2021 demo through the ordinary services (so it is validated and audited
 * like any input). Each piece is created only when missing: a second run changes nothing.
 */
export async function loadDemo(
  ctx: ServiceContext,
  onStep: (label: string) => void = () => {},
): Promise<DemoSummary> {
  const db = ctx.store.db;
  const made: DemoSummary = {
    units: 0,
    indicators: 0,
    targets: 0,
    figures: 0,
    meetings: 0,
    directives: 0,
    users: 0,
  };

  onStep('đơn vị');
  const units = [
    { ...PROVINCE },
    { ...CITY, parentCode: PROVINCE.code },
    ...WARDS.map((w) => ({ code: w.code, name: w.name, level: w.level, parentCode: CITY.code })),
    ...OFFICES.map((o) => ({ ...o, level: 'phong_ban' as const, parentCode: CITY.code })),
  ];
  for (const u of units) {
    if (await findUnitByCode(db, u.code)) continue;
    await createUnit(ctx, u);
    made.units++;
  }

  onStep('tài khoản');
  made.users = await loadDemoUsers(ctx);

  onStep('cán bộ');
  if (!(await findPersonByName(db, CHAIR.fullName))) {
    await createPerson(ctx, {
      fullName: CHAIR.fullName,
      positions: CHAIR.positions.map((title) => ({ title, validFrom: CHAIR.from })),
    });
  }

  onStep('chỉ tiêu');
  const city = (await findUnitByCode(db, CITY.code)) as { id: number };
  if (!(await findPlanByCode(db, PLAN.code))) await createPlan(ctx, PLAN);
  const plan = (await findPlanByCode(db, PLAN.code)) as { id: number };
  for (const { baseline, inPlan, targets, series, ...indicator } of INDICATORS) {
    if (!(await findIndicator(db, city.id, indicator.code))) {
      await createIndicator(ctx, { ...indicator, ownerUnitCode: CITY.code });
      made.indicators++;
    }
    if (inPlan === false) continue;
    if (!(await findPlanIndicator(db, plan.id, indicator.code))) {
      await includeIndicator(ctx, {
        planCode: PLAN.code,
        indicatorCode: indicator.code,
        ...(baseline === undefined ? {} : { baseline }),
      });
    }
  }
  const existingTargets = await listTargets(db, plan.id);
  for (const ind of INDICATORS) {
    for (const t of ind.targets) {
      const issuingBody = t.issuingBody ?? PLAN.issuingBody;
      const planIndicator = await findPlanIndicator(db, plan.id, ind.code);
      const exists = existingTargets.some(
        (e) => e.indicatorId === planIndicator?.id && e.basis === t.basis && e.issuingBody === issuingBody,
      );
      if (exists) continue;
      await setTarget(ctx, {
        planCode: PLAN.code,
        indicatorCode: ind.code,
        basis: t.basis,
        issuingBody,
        value: t.value,
      });
      made.targets++;
    }
  }

  onStep('số liệu');
  const recorded = await db
    .selectFrom('figures')
    .innerJoin('indicators', 'indicators.id', 'figures.indicator_id')
    .innerJoin('units', 'units.id', 'figures.unit_id')
    .select([
      'indicators.code as indicator',
      'units.code as unit',
      'figures.year',
      'figures.month',
      'figures.cumulative',
    ])
    .where('indicators.owner_unit_id', '=', city.id)
    .where('figures.is_current', '=', 1)
    .execute();
  const seen = new Set(
    recorded.map(
      (r) => `${r.indicator}|${r.unit}|${r.year}-${String(r.month).padStart(2, '0')}|${r.cumulative}`,
    ),
  );
  const missing = demoFigures().filter(
    (f) => !seen.has(`${f.indicatorCode}|${f.unitCode}|${f.period}|${f.cumulative ? 1 : 0}`),
  );
  if (missing.length) made.figures = (await recordFigures(ctx, missing)).length;

  onStep('hội nghị và nhiệm vụ');
  const meetings = await listMeetingSummaries(db, plan.id);
  let meetingId = meetings.find((m) => m.heldOn === CONFERENCE.heldOn && m.title === CONFERENCE.title)?.id;
  if (meetingId === undefined) {
    meetingId = (await createMeeting(ctx, CONFERENCE)).id;
    made.meetings++;
  }
  if ((await listDirectives(ctx, { meetingId })).length === 0) {
    const meeting = await getMeeting(ctx, meetingId);
    const directives = await createDirectives(
      ctx,
      meeting.conclusionItems.map((item, i) => {
        const a = ASSIGNMENTS[i] ?? { lead: 'bk-ubnd' };
        return {
          title: item.text,
          meetingId,
          conclusionItemId: item.id,
          leadUnitCode: a.lead,
          coUnitCodes: a.co ?? [],
          key: item.key,
          ...(a.deadline ? { deadline: a.deadline } : {}),
        };
      }),
    );
    made.directives = directives.length;
    for (const [i, d] of directives.entries()) {
      const a = ASSIGNMENTS[i];
      for (const u of a?.updates ?? []) {
        const completes = a?.completedOn === u.on;
        await addDirectiveUpdate(ctx, {
          directiveId: d.id,
          reportedOn: u.on,
          text: u.text,
          ...(u.evidence ? { evidence: u.evidence } : {}),
          ...(completes ? { completed: true, version: d.version } : {}),
        });
      }
      if (a?.completedOn && !a.updates?.some((u) => u.on === a.completedOn)) {
        await addDirectiveUpdate(ctx, {
          directiveId: d.id,
          reportedOn: a.completedOn,
          text: 'Đã hoàn thành.',
          completed: true,
          version: d.version,
        });
      }
    }
  }
  return made;
}
