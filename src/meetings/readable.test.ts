import { beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../demo/load-demo.js';
import { DEMO_LOGINS } from '../demo/users.js';
import { canReadDirective } from '../directives/directives.access.js';
import { directiveUnits } from '../directives/directives.present.js';
import { pageDirectiveRecords } from '../directives/directives.repo.js';
import { createDirective } from '../directives/directives.service.js';
import { makeTree, testContext } from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { findUnitByCode, findUnitsByIds } from '../units/units.repo.js';
import { canRead, type Principal } from '../users/access.js';
import { findUserRow } from '../users/users.repo.js';
import { principalFor } from '../users/users.service.js';
import { pageMeetingSummaries } from './meetings.repo.js';
import { createMeeting } from './meetings.service.js';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describeStores('readablePath: canRead in SQL', (store) => {
  const ctx = () => testContext(store());
  const principals: [string, Principal][] = [];

  beforeAll(async () => {
    await loadDemo(ctx());
    const t = await makeTree(ctx(), 1);
    const units = [
      'bac-kan',
      'tp-bac-kan',
      'bk-duc-xuan',
      'bk-huyen-tung',
      'bk-ubnd',
      t.city,
      t.wards[0] as string,
    ];
    for (const [i, unitCode] of units.entries()) {
      await createMeeting(ctx(), { unitCode, body: 'BTV', title: `Họp ${i}`, heldOn: '2021-10-01' });
      await createDirective(ctx(), { title: `Việc ${i}`, leadUnitCode: unitCode });
      await createDirective(ctx(), { title: `Phối hợp ${i}`, leadUnitCode: t.city, coUnitCodes: [unitCode] });
    }
    const ward = (await findUnitByCode(store().db, 'bk-duc-xuan'))?.path ?? '';
    for (const login of DEMO_LOGINS) {
      const row = await findUserRow(store().db, login.username);
      const p = (await principalFor(store().db, row?.id ?? 0)) as Principal;
      principals.push([login.username, p]);
      // An API token narrowed to one ward.
      principals.push([`${login.username} (token for the ward)`, { ...p, scopePath: ward }]);
    }
    const [, admin] = principals[0] as [string, Principal];
    principals.push(['nobody', { ...admin, roles: [] }]);
    const other = (await findUnitByCode(store().db, t.city)) as { id: number; code: string; path: string };
    principals.push([
      'two grants',
      {
        ...admin,
        roles: [
          ...admin.roles.map((g) => ({ ...g, unitPath: ward })),
          { unitId: other.id, unitCode: other.code, unitPath: other.path, role: 'viewer' },
        ],
      },
    ]);
  });

  it('lists exactly the meetings canRead allows', async () => {
    const all = (await pageMeetingSummaries(store().db, {})).items;
    const units = new Map(
      (
        await findUnitsByIds(
          store().db,
          all.map((m) => m.unitId),
        )
      ).map((u) => [u.id, u]),
    );
    for (const [who, p] of principals) {
      const listed = (await pageMeetingSummaries(store().db, { visibleTo: p })).items.map((m) => m.id);
      const expected = all.filter((m) => canRead(p, units.get(m.unitId) as never)).map((m) => m.id);
      expect(sorted(listed), who).toEqual(sorted(expected));
    }
  });

  it('lists exactly the directives canReadDirective allows', async () => {
    const today = '2021-12-01';
    const { records: all } = await pageDirectiveRecords(store().db, { today });
    for (const [who, p] of principals) {
      const listed = (await pageDirectiveRecords(store().db, { today, visibleTo: p })).records.map(
        (d) => d.id,
      );
      const expected = [];
      for (const d of all) if (canReadDirective(p, await directiveUnits(store().db, d))) expected.push(d.id);
      expect(sorted(listed), who).toEqual(sorted(expected));
    }
  });
});
