import { beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../audit/audit.repo.js';
import type { ServiceContext } from '../../context.js';
import { makeTree, uniqueCode } from '../../test/factories.js';
import { describeStores } from '../../test/stores.js';
import { createUnit, getUnit, mergeUnits, type UnitNode } from '../../units/units.service.js';
import { demoHarness, expectError, req } from './test-harness.js';

type Node = UnitNode & { actions: { edit: boolean; addChild: boolean; merge: boolean } };

function find(nodes: Node[], code: string): Node | undefined {
  for (const n of nodes) {
    const hit = n.code === code ? n : find(n.children as Node[], code);
    if (hit) return hit;
  }
  return undefined;
}

const childCodes = (node: Node | undefined) => node?.children.map((c) => c.code) ?? [];

async function ward(ctx: ServiceContext, parentCode = 'tp-bac-kan', validFrom?: string): Promise<string> {
  const code = uniqueCode('xa');
  await createUnit(ctx, {
    code,
    name: 'Xã thử',
    level: 'xa',
    parentCode,
    ...(validFrom ? { validFrom } : {}),
  });
  return code;
}

describeStores('units routes', (store) => {
  const h = demoHarness(store);
  let elsewhere: { province: string; city: string };
  beforeAll(async () => {
    elsewhere = await makeTree(h.ctx(), 0);
  });

  const tree = async (who: Parameters<typeof h.call>[0], query = '') => {
    const res = await h.call(who, req('GET', `/units${query}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Node[];
  };

  it('shows each caller only the branches they may read, with what they may do there', async () => {
    const reporter = await tree('baocao');
    expect(reporter.map((r) => r.code)).toEqual(['bac-kan']);
    expect(childCodes(find(reporter, 'tp-bac-kan'))).toEqual(['bk-duc-xuan']);
    expect(find(reporter, 'bk-duc-xuan')?.actions).toEqual({ edit: false, addChild: false, merge: false });

    const editor = await tree('vanphong');
    expect(childCodes(find(editor, 'tp-bac-kan'))).toEqual(
      expect.arrayContaining(['bk-duc-xuan', 'bk-song-cau']),
    );
    expect(find(editor, 'bk-song-cau')?.actions.edit).toBe(false);

    const admin = await tree('admin');
    expect(admin.map((r) => r.code)).not.toContain(elsewhere.province);
    expect(find(admin, 'bac-kan')?.actions).toEqual({ edit: true, addChild: true, merge: false });
    expect(find(admin, 'bk-song-cau')?.actions).toEqual({ edit: true, addChild: true, merge: true });

    expect((await tree('lanhdao', '?root=tp-bac-kan')).map((r) => r.code)).toEqual(['tp-bac-kan']);
    expect((await h.call('vanphong', req('GET', `/units?root=${elsewhere.city}`))).statusCode).toBe(403);
  });

  it('creates a unit under a parent; a top-level unit only as admin of a whole tree', async () => {
    const code = uniqueCode('phong');
    const body = { code, name: 'Phòng Văn hóa', level: 'phong_ban', parentCode: 'tp-bac-kan' };
    const res = await h.call('admin', req('POST', '/units', body));
    expect(res.statusCode, res.body).toBe(201);
    const city = await getUnit(h.ctx(), 'tp-bac-kan');
    expect(res.json()).toMatchObject({ code, parentId: city.id, depth: 2, version: 1 });
    const [entry] = await listAudit(store().db, { entity: 'unit', entityId: res.json().id });
    expect(entry).toMatchObject({ action: 'unit.create', userId: expect.any(Number), after: { code } });

    const root = { code: uniqueCode('tinh'), name: 'Tỉnh mới', level: 'tinh' };
    expect((await h.call('admin', req('POST', '/units', root))).statusCode).toBe(201);
    const cityAdmin = await h.account('tp-bac-kan', 'admin');
    const refused = await h.call(cityAdmin, req('POST', '/units', { ...root, code: uniqueCode('tinh') }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Bạn không có quyền tạo đơn vị cấp cao nhất');
  });

  it('merges units into a new one that remembers them, and never across branches', async () => {
    const ctx = h.ctx();
    const predecessorCodes = [await ward(ctx), await ward(ctx)];
    const code = uniqueCode('xa-moi');
    const merge = { code, name: 'Xã hợp nhất', level: 'xa', parentCode: 'tp-bac-kan', on: '2025-07-01' };
    const res = await h.call('admin', req('POST', '/units/merge', { ...merge, predecessorCodes }));
    expect(res.statusCode, res.body).toBe(201);
    const [node] = await tree('admin', `?root=${code}`);
    expect(node?.predecessorIds).toHaveLength(2);
    expect((await getUnit(ctx, predecessorCodes[0] as string)).validTo).toBe('2025-07-01');
    const [entry] = await listAudit(store().db, { entity: 'unit', entityId: node?.id });
    expect(entry).toMatchObject({ action: 'unit.merge', after: { predecessors: predecessorCodes } });

    // An admin elsewhere may not pull this city's communes into their own city.
    const foreign = await h.account(elsewhere.city, 'admin');
    const steal = {
      ...merge,
      code: uniqueCode('xa'),
      parentCode: elsewhere.city,
      predecessorCodes: [await ward(ctx)],
    };
    expect((await h.call(foreign, req('POST', '/units/merge', steal))).statusCode).toBe(403);
    expect((await getUnit(ctx, steal.predecessorCodes[0] as string)).validTo).toBeNull();
  });

  it('edits a unit from the version the admin saw; a stale version changes nothing', async () => {
    const code = await ward(h.ctx());
    const edit = (body: object) => h.call('admin', req('PATCH', `/units/${code}`, body));
    const first = await edit({ name: 'Xã Tân Mới', validTo: '2025-07-01', version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Xã Tân Mới', validTo: '2025-07-01', version: 2 });

    const stale = expectError(await edit({ name: 'Xã Khác', version: 1 }), 409, 'version', /người khác sửa/);
    expect(stale.current).toMatchObject({ name: 'Xã Tân Mới', version: 2 });
    expect(await getUnit(h.ctx(), code)).toMatchObject({ name: 'Xã Tân Mới', version: 2 });

    const reopened = await edit({ validTo: null, version: 2 });
    expect(reopened.json()).toMatchObject({ validTo: null, version: 3 });
    const [entry] = await listAudit(store().db, { entity: 'unit', entityId: first.json().id });
    expect(entry).toMatchObject({
      action: 'unit.update',
      before: { validTo: '2025-07-01' },
      after: { validTo: null },
    });
  });

  it('refuses an end date before the start, or moved on a merged unit, naming the field', async () => {
    const ctx = h.ctx();
    const young = await ward(ctx, 'tp-bac-kan', '2021-01-01');
    const early = await h.call(
      'admin',
      req('PATCH', `/units/${young}`, { validTo: '2020-12-31', version: 1 }),
    );
    expectError(early, 422, 'validTo', /^Ngày hết hiệu lực phải sau ngày có hiệu lực$/);

    const old = await ward(ctx);
    await mergeUnits(ctx, {
      code: uniqueCode('xa'),
      name: 'Xã sau hợp nhất',
      level: 'xa',
      parentCode: 'tp-bac-kan',
      predecessorCodes: [old],
      on: '2025-07-01',
    });
    const moved = await h.call('admin', req('PATCH', `/units/${old}`, { validTo: null, version: 2 }));
    expectError(moved, 422, 'validTo', /đã hợp nhất vào .* không sửa được ngày hết hiệu lực/);
    expect((await getUnit(ctx, old)).validTo).toBe('2025-07-01');
  });

  it.each([
    {
      label: 'an unknown field',
      body: { name: 'A', level: 'xa', extra: 1 },
      status: 400,
      field: 'extra',
      message: /extra/,
    },
    { label: 'a wrong type', body: { name: 5, level: 'xa' }, status: 400, field: 'name', message: /^tên: / },
    {
      label: 'a missing field',
      body: { name: 'Xã A' },
      status: 400,
      field: 'level',
      message: /^cấp đơn vị: /,
    },
    {
      label: 'an unknown level',
      body: { name: 'Xã A', level: 'lang' },
      status: 400,
      field: 'level',
      message: /^cấp đơn vị: /,
    },
    {
      label: 'an unknown parent',
      body: { name: 'Xã A', level: 'xa', parentCode: 'khong-co' },
      status: 404,
      field: 'parentCode',
      message: /^Không tìm thấy đơn vị có mã "khong-co"$/,
    },
  ])('POST /units with $label → $status naming the field', async ({ body, status, field, message }) => {
    const res = await h.call('admin', req('POST', '/units', { code: uniqueCode('xa'), ...body }));
    expectError(res, status, field, message);
  });

  it('names the unknown unit of a path or query, in English when asked', async () => {
    expectError(await h.call('admin', req('PATCH', '/units/khong-co', { version: 1 })), 404, 'code');
    expectError(await h.call('admin', req('PATCH', '/units/bk-song-cau', { name: 'X' })), 400, 'version');
    const res = await h.call('admin', {
      ...req('GET', '/units?root=khong-co'),
      headers: { 'accept-language': 'en' },
    });
    expectError(res, 404, 'root', /^No unit with code "khong-co"$/);
  });
});
