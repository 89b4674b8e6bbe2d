import { expect, it } from 'vitest';
import { listAudit } from '../audit/audit.repo.js';
import { ConflictError, InvalidError, NotFoundError } from '../errors.js';
import { makeTree, testContext, uniqueCode } from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { createUnit, getUnit, mergeUnits, unitTree, unitValidInMonth } from './units.service.js';

describeStores('units', (store) => {
  it('builds a tree with paths, depths and the province key', async () => {
    const ctx = testContext(store());
    const t = await makeTree(ctx, 2);
    const province = await getUnit(ctx, t.province);
    const city = await getUnit(ctx, t.city);
    const ward = await getUnit(ctx, t.wards[0] as string);
    expect(province).toMatchObject({ depth: 0, provinceId: province.id, path: `/${province.id}/` });
    expect(city).toMatchObject({ depth: 1, provinceId: province.id, parentId: province.id });
    expect(ward.path).toBe(`${city.path}${ward.id}/`);
    expect(ward.provinceId).toBe(province.id);
    const [root] = await unitTree(ctx, t.province);
    expect(root?.children[0]?.children.map((c) => c.code).sort()).toEqual([...t.wards].sort());
  });

  it('refuses a duplicate code and an unknown parent, naming the field in Vietnamese', async () => {
    const ctx = testContext(store());
    const code = uniqueCode('x');
    await createUnit(ctx, { code, name: 'Xã A', level: 'xa' });
    await expect(createUnit(ctx, { code, name: 'Xã B', level: 'xa' })).rejects.toMatchObject({
      constructor: ConflictError,
      fields: [{ field: 'code', message: { vi: expect.stringContaining('đã tồn tại') } }],
    });
    await expect(
      createUnit(ctx, { code: uniqueCode('y'), name: 'Xã C', level: 'xa', parentCode: 'khong-co' }),
    ).rejects.toMatchObject({ constructor: NotFoundError, fields: [{ field: 'parentCode' }] });
    await expect(createUnit(ctx, { code: 'có dấu', name: 'Xã', level: 'xa' })).rejects.toMatchObject({
      constructor: InvalidError,
      fields: [{ field: 'code', message: { vi: expect.stringContaining('mã') } }],
    });
  });

  it('merges communes without rewriting history, and audits it', async () => {
    const ctx = testContext(store());
    const t = await makeTree(ctx, 2);
    const merged = uniqueCode('moi');
    const unit = await mergeUnits(ctx, {
      code: merged,
      name: 'Phường Mới',
      level: 'phuong',
      parentCode: t.city,
      predecessorCodes: t.wards,
      on: '2025-07-01',
    });
    expect(unit.validFrom).toBe('2025-07-01');
    const old = await getUnit(ctx, t.wards[0] as string);
    expect(old.validTo).toBe('2025-07-01');
    expect(old.version).toBe(2);
    expect(unitValidInMonth(old, 2025, 6)).toBe(true);
    expect(unitValidInMonth(old, 2025, 7)).toBe(false);
    expect(unitValidInMonth(unit, 2025, 7)).toBe(true);
    const [root] = await unitTree(ctx, t.city);
    const node = root?.children.find((c) => c.code === merged);
    expect(node?.predecessorIds).toHaveLength(2);
    const audit = await listAudit(store().db, { entity: 'unit', entityId: unit.id });
    expect(audit[0]).toMatchObject({ action: 'unit.merge', after: { predecessors: t.wards } });
    await expect(
      mergeUnits(ctx, {
        code: uniqueCode('lai'),
        name: 'Lại',
        level: 'phuong',
        parentCode: t.city,
        predecessorCodes: t.wards,
        on: '2026-01-01',
      }),
    ).rejects.toMatchObject({ fields: [{ field: 'predecessorCodes' }] });
  });
});
