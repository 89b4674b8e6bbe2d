import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../audit/audit.repo.js';
import { makeTree, uniqueCode } from '../../test/factories.js';
import type { Login } from '../../test/http.js';
import { describeStores } from '../../test/stores.js';
import { findUserRow } from '../../users/users.repo.js';
import { type Client, demoClient, HOME, LOGINS, makeDirective, makeMeeting } from './test-conference.js';

type Where = 'own' | 'other';

/**
 * One write endpoint: how to call it against a unit (preparing what it needs through the
 * services), the audit action a success leaves, and who may call it. `may` lists the logins
 * allowed on their own unit; nobody may write to a unit outside their branch.
 */
interface WriteCase {
  name: string;
  action: string;
  may: Login[];
  send(c: Client, who: Login | null, unit: string): ReturnType<Client['call']>;
}

const CASES: WriteCase[] = [
  {
    name: 'POST /meetings',
    action: 'meeting.create',
    may: ['admin', 'vanphong'],
    send: (c, who, unit) =>
      c.call(who, 'POST', '/meetings', { unitCode: unit, body: 'BTV', title: 'Họp', heldOn: '2021-11-01' }),
  },
  {
    name: 'PATCH /meetings/:id',
    action: 'meeting.update',
    may: ['admin', 'vanphong'],
    send: async (c, who, unit) => {
      const m = await makeMeeting(c.ctx, unit);
      return c.call(who, 'PATCH', `/meetings/${m.id}`, { version: m.version, place: 'Hội trường' });
    },
  },
  {
    name: 'POST /meetings/:id/directives',
    action: 'directive.create',
    may: ['admin', 'vanphong'],
    send: async (c, who, unit) => {
      const m = await makeMeeting(c.ctx, unit);
      const items = [{ conclusionItemId: m.conclusionItems[0]?.id, leadUnitCode: unit }];
      return c.call(who, 'POST', `/meetings/${m.id}/directives`, { items });
    },
  },
  {
    name: 'POST /directives',
    action: 'directive.create',
    may: ['admin', 'vanphong'],
    send: (c, who, unit) => c.call(who, 'POST', '/directives', { title: 'Việc', leadUnitCode: unit }),
  },
  {
    name: 'PATCH /directives/:id',
    action: 'directive.edit',
    may: ['admin', 'vanphong'],
    send: async (c, who, unit) => {
      const d = await makeDirective(c.ctx, unit);
      return c.call(who, 'PATCH', `/directives/${d.id}`, { version: d.version, deadline: '2021-12-31' });
    },
  },
  {
    name: 'POST /directives/:id/updates',
    action: 'directive.update',
    may: ['admin', 'vanphong', 'baocao'],
    send: async (c, who, unit) => {
      const d = await makeDirective(c.ctx, unit);
      return c.call(who, 'POST', `/directives/${d.id}/updates`, {
        reportedOn: '2021-11-30',
        text: 'Đang làm',
      });
    },
  },
  {
    name: 'POST /people',
    action: 'person.create',
    may: ['admin', 'vanphong'],
    send: (c, who, unit) =>
      c.call(who, 'POST', '/people', {
        fullName: `Cán bộ ${uniqueCode('cb')}`,
        positions: [{ title: 'Chuyên viên', unitCode: unit }],
      }),
  },
];

/** Adding people needs an editor anywhere, whatever unit the position names. */
const ANY_UNIT = new Set(['POST /people']);

describeStores('who may write what', (store) => {
  let c: Client;
  let elsewhere: string;
  beforeAll(async () => {
    c = await demoClient(store());
    elsewhere = (await makeTree(c.ctx, 0)).city;
  });
  afterAll(() => c.app.close());

  describe.each(CASES)('$name', (w) => {
    it('refuses a caller who is not signed in', async () => {
      const res = await w.send(c, null, HOME.vanphong);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('Cần đăng nhập');
    });

    const table = LOGINS.flatMap((who) => (['own', 'other'] as Where[]).map((where) => ({ who, where })));
    it.each(table)('$who on $where unit', async ({ who, where }) => {
      const unit = where === 'own' ? HOME[who] : elsewhere;
      const allowed = w.may.includes(who) && (where === 'own' || ANY_UNIT.has(w.name));
      const res = await w.send(c, who, unit);
      expect(res.statusCode, res.body).toBe(allowed ? (w.name.startsWith('PATCH') ? 200 : 201) : 403);
      if (!allowed) {
        expect(res.json().error.message).toMatch(/^Bạn không có quyền /);
        return;
      }
      // The write is in the audit trail, under the caller's name.
      const user = await findUserRow(store().db, who);
      const [latest] = await listAudit(store().db, { userId: user?.id, limit: 1 });
      expect(latest?.action).toBe(w.action);
      expect(latest?.entityId).toBe(res.json().id ?? res.json().items[0].id);
    });
  });
});
