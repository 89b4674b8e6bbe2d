import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { as, demoApp, login, type Session } from '../test/http.js';
import { describeStores } from '../test/stores.js';
import { createAccount, STRONG_PASSWORD } from './testing.js';

describeStores('users and audit routes', (store) => {
  let app: FastifyInstance;
  let admin: Session;

  beforeAll(async () => {
    app = await demoApp(store(), { loginAttemptsPerMinute: 1000 });
    admin = await login(app, 'admin');
  });

  const users = (session: Session | null, query = '') =>
    as(app, session, { method: 'GET', url: `/api/v1/users${query}` });
  const patch = (session: Session, id: number, payload: object) =>
    as(app, session, { method: 'PATCH', url: `/api/v1/users/${id}`, payload });

  it('lists accounts to admins only, paged, with roles by unit code and no secrets', async () => {
    const all = await users(admin);
    expect(all.statusCode).toBe(200);
    const names = all.json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['admin', 'baocao', 'lanhdao', 'vanphong']));
    expect(names).toEqual([...names].sort());
    expect(all.json().items.find((u: { username: string }) => u.username === 'baocao')).toMatchObject({
      active: true,
      roles: [{ unitCode: 'bk-duc-xuan', role: 'reporter' }],
    });
    expect(all.body).not.toMatch(/argon2|password|unitPath|"path"/);

    const second = await users(admin, '?limit=2&offset=1');
    expect(second.json()).toMatchObject({ limit: 2, offset: 1, total: all.json().total });
    expect(second.json().items.map((u: { username: string }) => u.username)).toEqual(names.slice(1, 3));

    expect((await users(await login(app, 'vanphong'))).statusCode).toBe(403);
    expect((await users(null)).statusCode).toBe(401);
    expect((await users(admin, '?limit=0')).statusCode).toBe(400);
  });

  it('shows an admin of a ward only the accounts of that ward', async () => {
    const wardAdmin = await createAccount(app, admin, [{ unitCode: 'bk-duc-xuan', role: 'admin' }]);
    const res = await users(await login(app, wardAdmin));
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('baocao');
    expect(names).toContain(wardAdmin.username);
    expect(names).not.toContain('vanphong');
    expect(names).not.toContain('admin');
  });

  it('creates accounts, refusing weak passwords in Vietnamese and roles above the creator', async () => {
    const weak = await as(app, admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'canbo.yeu', displayName: 'Cán bộ', password: 'abc12345', roles: [] },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.fields[0]).toMatchObject({
      field: 'password',
      message: expect.stringContaining('Mật khẩu'),
    });

    const made = await createAccount(app, admin, [{ unitCode: 'tp-bac-kan', role: 'editor' }]);
    const again = await as(app, admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: made.username, displayName: 'Trùng', password: STRONG_PASSWORD },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].field).toBe('username');

    const wardAdmin = await login(
      app,
      await createAccount(app, admin, [{ unitCode: 'bk-duc-xuan', role: 'admin' }]),
    );
    const grant = (unitCode: string) =>
      as(app, wardAdmin, {
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          username: `${made.username}-${unitCode}`.slice(0, 60),
          displayName: 'Cán bộ phường',
          password: STRONG_PASSWORD,
          roles: [{ unitCode, role: 'reporter' }],
        },
      });
    expect((await grant('tp-bac-kan')).statusCode).toBe(403);
    expect((await grant('khong-co-don-vi')).statusCode).toBe(404);
    expect((await grant('bk-duc-xuan')).statusCode).toBe(201);
  });

  it('updates by version: a stale version is a 409 carrying the stored account', async () => {
    const acc = await createAccount(app, admin, [{ unitCode: 'bk-song-cau', role: 'viewer' }]);
    const renamed = await patch(admin, acc.id, { displayName: 'Tên mới', version: acc.version });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: 'Tên mới', version: acc.version + 1 });
    const stale = await patch(admin, acc.id, { displayName: 'Tên cũ', version: acc.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ displayName: 'Tên mới' });
    expect((await patch(admin, 999_999, { version: 1 })).statusCode).toBe(404);
  });

  it('ends every session of an account whose password changes or which is deactivated', async () => {
    const acc = await createAccount(app, admin, [{ unitCode: 'bk-duc-xuan', role: 'reporter' }]);
    const session = await login(app, acc);
    const me = () => as(app, session, { method: 'GET', url: '/api/v1/auth/session' });
    expect((await me()).statusCode).toBe(200);

    const password = `${STRONG_PASSWORD}-mới`;
    expect((await patch(admin, acc.id, { password, version: acc.version })).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
    const fresh = await login(app, { username: acc.username, password });
    const token = await as(app, fresh, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'máy', unitCode: 'bk-duc-xuan' },
    });

    expect((await patch(admin, acc.id, { active: false, version: acc.version + 1 })).statusCode).toBe(200);
    expect((await as(app, fresh, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    const byToken = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { authorization: `Bearer ${token.json().token}` },
    });
    expect(byToken.statusCode).toBe(401);
    await expect(login(app, { username: acc.username, password })).rejects.toThrow(/401/);
  });

  it('lets no admin edit an account above them, nor lock themselves out', async () => {
    const wardAdminAccount = await createAccount(app, admin, [{ unitCode: 'bk-duc-xuan', role: 'admin' }]);
    const wardAdmin = await login(app, wardAdminAccount);
    const vanphong = (await users(admin))
      .json()
      .items.find((u: { username: string }) => u.username === 'vanphong');
    expect(
      (await patch(wardAdmin, vanphong.id, { displayName: 'X', version: vanphong.version })).statusCode,
    ).toBe(403);
    const self = await patch(wardAdmin, wardAdminAccount.id, {
      active: false,
      version: wardAdminAccount.version,
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.fields[0].field).toBe('active');
  });

  it('reads the audit log newest first, filtered and counted, for top-level admins only', async () => {
    const acc = await createAccount(app, admin, [{ unitCode: 'bk-xuat-hoa', role: 'viewer' }]);
    await patch(admin, acc.id, { displayName: 'Đã sửa', version: acc.version });
    const audit = (session: Session, query: string) =>
      as(app, session, { method: 'GET', url: `/api/v1/audit?${query}` });

    const mine = await audit(admin, `entity=user&entityId=${acc.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(mine.json().items.map((e: { action: string }) => e.action)).toEqual([
      'user.update',
      'user.create',
    ]);
    expect(mine.json().items[0]).toMatchObject({ entityId: acc.id, after: { displayName: 'Đã sửa' } });
    expect(mine.body).not.toContain(acc.password);
    expect(mine.body).not.toContain('argon2');

    const creates = await audit(admin, 'action=user.create&limit=1&offset=1');
    expect(creates.json().items).toHaveLength(1);
    expect(creates.json().total).toBeGreaterThan(1);
    expect(creates.json().items[0].action).toBe('user.create');

    const adminId = (await as(app, admin, { method: 'GET', url: '/api/v1/auth/session' })).json().user.id;
    const byAdmin = await audit(admin, `userId=${adminId}&limit=500`);
    expect(byAdmin.json().items.every((e: { userId: number }) => e.userId === adminId)).toBe(true);
    const ids = byAdmin.json().items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));

    // Days are Việt Nam's (UTC+7): today's entries are in "from today to today", none before.
    const day = (offset: number) =>
      new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const today = await audit(admin, `entity=user&entityId=${acc.id}&from=${day(0)}&to=${day(0)}`);
    expect(today.json().total).toBe(2);
    expect((await audit(admin, `entity=user&entityId=${acc.id}&to=${day(-1)}`)).json().total).toBe(0);
    expect((await audit(admin, `entity=user&entityId=${acc.id}&from=${day(1)}`)).json().total).toBe(0);
    expect((await audit(admin, 'from=2021-13-01')).statusCode).toBe(400);

    expect((await audit(admin, 'entityId=abc')).statusCode).toBe(400);
    const wardAdmin = await createAccount(app, admin, [{ unitCode: 'bk-duc-xuan', role: 'admin' }]);
    expect((await audit(await login(app, wardAdmin), '')).statusCode).toBe(403);
    expect((await audit(await login(app, 'vanphong'), '')).statusCode).toBe(403);
  });

  it('lists a demo login on the sign-in page only while its published password still opens it', async () => {
    const shown = async () =>
      (await as(app, null, { method: 'GET', url: '/api/v1/auth/demo' }))
        .json()
        .logins.map((l: { username: string }) => l.username);
    expect(await shown()).toEqual(['admin', 'vanphong', 'baocao', 'lanhdao']);
    const all = (await users(admin, '?limit=500')).json().items as {
      id: number;
      username: string;
      version: number;
    }[];
    const baocao = all.find((u) => u.username === 'baocao');
    const changed = await patch(admin, baocao?.id ?? 0, {
      password: STRONG_PASSWORD,
      version: baocao?.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(await shown()).toEqual(['admin', 'vanphong', 'lanhdao']);
  });
});
