import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, api } from '../api';
import '../components/plans/admin.css';
import { ConflictNote, type ConflictRow, differing } from '../components/plans/ConflictNote';
import { short } from '../components/plans/plan-labels';
import { ErrorBanner, Field, Loading, PageTitle } from '../components/ui';
import { ROLE_LABELS, unitOptionLabel, unitsWithRole } from '../components/units/unit-labels';
import { formatDateTime } from '../format';
import { useLang } from '../i18n';
import { flattenUnits, useSelection } from '../selection';
import { type Role, useSession } from '../session';
import type { Page, Unit } from '../types';
import { useApi } from '../use-api';

interface Grant {
  unitCode: string;
  role: Role;
}
interface User {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  createdAt: string;
  version: number;
  roles: Grant[];
}
interface Token {
  id: number;
  name: string;
  unitCode: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const ROLES: Role[] = ['viewer', 'reporter', 'editor', 'admin'];

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'error', String(err));
}

/** Accounts of the units the admin runs, and the signed-in person's own API tokens. */
export function Users() {
  const { t, lang } = useLang();
  const s = useSelection();
  const { session } = useSession();
  const all = flattenUnits(s.units);
  const grantable = unitsWithRole(all, session?.roles ?? [], 'admin');
  const users = useApi(() => api.get<Page<User>>('/users', { limit: 500 }), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const unitName = (code: string) => all.find((u) => u.code === code)?.name ?? code;

  return (
    <>
      <PageTitle
        actions={
          !creating && (
            <button
              type="button"
              className="primary"
              onClick={() => {
                setCreating(true);
                setNotice(null);
              }}
            >
              {t('Tạo tài khoản', 'New account')}
            </button>
          )
        }
      >
        {t('Người dùng', 'Users')}
      </PageTitle>
      {notice && (
        <div className="banner banner-ok" role="status">
          {notice}
        </div>
      )}
      {creating && (
        <UserForm
          units={grantable}
          onCancel={() => setCreating(false)}
          onDone={(u) => {
            setCreating(false);
            setNotice(t(`Đã tạo tài khoản ${u.username}.`, `Account ${u.username} created.`));
            users.reload();
          }}
        />
      )}
      <ErrorBanner error={users.error} />
      {users.loading && !users.data && <Loading />}
      {users.data && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('Tài khoản', 'Accounts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Tài khoản', 'Account')}</th>
                <th scope="col">{t('Vai trò', 'Roles')}</th>
                <th scope="col">{t('Trạng thái', 'Status')}</th>
                <th scope="col">{t('Tạo lúc', 'Created')}</th>
                <th scope="col">
                  <span className="sr-only">{t('Thao tác', 'Actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  unitName={unitName}
                  editing={editing === u.id}
                  onEdit={() => setEditing(editing === u.id ? null : u.id)}
                  form={
                    <UserForm
                      user={u}
                      units={grantable}
                      onCancel={() => setEditing(null)}
                      onDone={(saved) => {
                        setEditing(null);
                        setNotice(
                          t(`Đã lưu tài khoản ${saved.username}.`, `Account ${saved.username} saved.`),
                        );
                        users.reload();
                      }}
                    />
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Tokens units={all} roles={session?.roles ?? []} lang={lang} />
    </>
  );
}

function UserRow({
  user,
  unitName,
  editing,
  onEdit,
  form,
}: {
  user: User;
  unitName(code: string): string;
  editing: boolean;
  onEdit(): void;
  form: ReactNode;
}) {
  const { t, lang } = useLang();
  return (
    <>
      <tr>
        <th scope="row" className="name">
          {user.displayName}
          <div className="muted small">{user.username}</div>
        </th>
        <td className="roles">
          {user.roles.length === 0 && <span className="muted">{t('chưa có vai trò', 'no role')}</span>}
          <ul className="plain">
            {user.roles.map((r) => (
              <li key={`${r.unitCode}-${r.role}`}>
                {short(ROLE_LABELS[r.role]?.[lang] ?? r.role)} — {unitName(r.unitCode)}
              </li>
            ))}
          </ul>
        </td>
        <td>{user.active ? t('đang hoạt động', 'active') : t('đã khóa', 'locked')}</td>
        <td className="nowrap">{formatDateTime(user.createdAt, lang)}</td>
        <td>
          <button type="button" aria-expanded={editing} onClick={onEdit} aria-describedby={undefined}>
            {t(`Sửa ${user.username}`, `Edit ${user.username}`)}
          </button>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5}>{form}</td>
        </tr>
      )}
    </>
  );
}

/** Create (no `user`) or edit an account; roles are offered only on units the admin runs. */
function UserForm({
  user,
  units,
  onDone,
  onCancel,
}: {
  user?: User;
  units: Unit[];
  onDone(u: User): void;
  onCancel(): void;
}) {
  const { t, lang } = useLang();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(user?.active ?? true);
  // Each row keeps its own key so editing a unit does not remount (and unfocus) the row.
  const [roles, setRoles] = useState<(Grant & { key: number })[]>(() =>
    (user?.roles ?? []).map((r, key) => ({ ...r, key })),
  );
  const [nextKey, setNextKey] = useState(1000);
  const [version, setVersion] = useState(user?.version ?? 0);
  const [conflict, setConflict] = useState<ConflictRow[] | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const minDepth = Math.min(...units.map((u) => u.depth));
  const rolesText = (list: Grant[]) => list.map((r) => `${r.role}@${r.unitCode}`).join(', ');
  const title = user
    ? t(`Sửa tài khoản ${user.username}`, `Edit account ${user.username}`)
    : t('Tài khoản mới', 'New account');
  const titleId = `user-form-${user?.id ?? 'new'}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const grants = roles.map(({ unitCode, role }) => ({ unitCode, role }));
      const saved = user
        ? await api.patch<User>(`/users/${user.id}`, {
            displayName,
            active,
            roles: grants,
            version,
            ...(password ? { password } : {}),
          })
        : await api.post<User>('/users', { username, displayName, password, roles: grants });
      onDone(saved);
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.status === 409 && user) {
        const list = await api.get<Page<User>>('/users', { limit: 500 });
        const current = list.items.find((u) => u.id === user.id);
        if (current) {
          setVersion(current.version);
          setConflict(
            differing([
              { label: t('Tên hiển thị', 'Display name'), mine: displayName, theirs: current.displayName },
              {
                label: t('Trạng thái', 'Status'),
                mine: active ? t('hoạt động', 'active') : t('khóa', 'locked'),
                theirs: current.active ? t('hoạt động', 'active') : t('khóa', 'locked'),
              },
              { label: t('Vai trò', 'Roles'), mine: rolesText(roles), theirs: rolesText(current.roles) },
            ]),
          );
          return;
        }
      }
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const roleError = error?.fields.find((f) => f.field.startsWith('roles'))?.message;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {conflict && <ConflictNote rows={conflict} />}
      <div className="grid-2">
        <Field label={t('Tên đăng nhập', 'Username')} error={error?.field('username')}>
          {(p) => (
            <input
              {...p}
              autoComplete="off"
              value={username}
              readOnly={Boolean(user)}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('Tên hiển thị', 'Display name')} error={error?.field('displayName')}>
          {(p) => <input {...p} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
        <Field
          label={
            user ? t('Mật khẩu mới (nếu đổi)', 'New password (to change it)') : t('Mật khẩu', 'Password')
          }
          error={error?.field('password')}
          hint={t(
            'Ít nhất 10 ký tự, hai loại ký tự (chữ, số, ký hiệu), không chứa tên đăng nhập',
            'At least 10 characters of two kinds, not containing the username',
          )}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {user && (
          <Field label={t('Trạng thái', 'Status')} error={error?.field('active')}>
            {(p) => (
              <select
                {...p}
                value={active ? 'on' : 'off'}
                onChange={(e) => setActive(e.target.value === 'on')}
              >
                <option value="on">{t('Đang hoạt động', 'Active')}</option>
                <option value="off">
                  {t('Khóa (đăng xuất mọi phiên)', 'Locked (signs out every session)')}
                </option>
              </select>
            )}
          </Field>
        )}
      </div>
      <fieldset className="checks">
        <legend>{t('Vai trò theo đơn vị', 'Roles per unit')}</legend>
        {roles.map((r, i) => (
          <div className="role-row" key={r.key}>
            <Field label={t(`Đơn vị ${i + 1}`, `Unit ${i + 1}`)}>
              {(p) => (
                <select
                  {...p}
                  value={r.unitCode}
                  onChange={(e) =>
                    setRoles((rs) => rs.map((x, j) => (j === i ? { ...x, unitCode: e.target.value } : x)))
                  }
                >
                  {!units.some((u) => u.code === r.unitCode) && (
                    <option value={r.unitCode}>{r.unitCode}</option>
                  )}
                  {units.map((u) => (
                    <option key={u.code} value={u.code}>
                      {unitOptionLabel(u, minDepth)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t(`Vai trò ${i + 1}`, `Role ${i + 1}`)}>
              {(p) => (
                <select
                  {...p}
                  value={r.role}
                  onChange={(e) =>
                    setRoles((rs) => rs.map((x, j) => (j === i ? { ...x, role: e.target.value as Role } : x)))
                  }
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role][lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="button" onClick={() => setRoles((rs) => rs.filter((_, j) => j !== i))}>
              {t(`Bỏ vai trò ${i + 1}`, `Remove role ${i + 1}`)}
            </button>
          </div>
        ))}
        {roleError && (
          <span className="field-message" role="alert">
            {roleError}
          </span>
        )}
        <button
          type="button"
          disabled={units.length === 0}
          onClick={() => {
            setRoles((rs) => [...rs, { unitCode: units[0]?.code ?? '', role: 'viewer', key: nextKey }]);
            setNextKey((k) => k + 1);
          }}
        >
          {t('Thêm vai trò', 'Add a role')}
        </button>
      </fieldset>
      <ErrorBanner
        error={error}
        shownFields={[
          'username',
          'displayName',
          'password',
          'active',
          ...(error?.fields ?? []).map((f) => f.field).filter((f) => f.startsWith('roles')),
        ]}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {user ? t('Lưu tài khoản', 'Save account') : t('Tạo tài khoản', 'Create account')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('Hủy', 'Cancel')}
        </button>
      </div>
    </form>
  );
}

/** API tokens for scripts and other systems: shown once when made, revocable at any time. */
function Tokens({ units, roles, lang }: { units: Unit[]; roles: Grant[]; lang: 'vi' | 'en' }) {
  const { t } = useLang();
  const tokens = useApi(() => api.get<Token[]>('/tokens'), []);
  const scopes = unitsWithRole(units, roles, 'viewer');
  const [name, setName] = useState('');
  const [unitCode, setUnitCode] = useState(scopes[0]?.code ?? '');
  const [made, setMade] = useState<(Token & { token: string }) | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const minDepth = Math.min(...scopes.map((u) => u.depth));
  const unitName = (code: string) => units.find((u) => u.code === code)?.name ?? code;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setMade(
        await api.post<Token & { token: string }>('/tokens', { name, unitCode: unitCode || scopes[0]?.code }),
      );
      setName('');
      tokens.reload();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (id: number) => {
    setError(undefined);
    try {
      await api.delete(`/tokens/${id}`);
      tokens.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  };

  return (
    <section className="card tokens" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('Mã truy cập API của tôi', 'My API tokens')}</h2>
      <p className="muted">
        {t(
          'Dùng cho phần mềm khác gửi số liệu vào hệ thống; mỗi mã chỉ làm được việc trong đơn vị đã chọn và chỉ hiện một lần.',
          'For other software sending figures in; a token acts only within its unit and is shown once.',
        )}
      </p>
      {made && (
        <div className="banner banner-ok" role="status">
          {t(
            `Mã "${made.name}" — chép lại ngay, mã sẽ không hiện lại:`,
            `Token "${made.name}" — copy it now, it will not be shown again:`,
          )}
          <code className="token-once">{made.token}</code>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(made.token)}>
            {t('Chép mã', 'Copy token')}
          </button>{' '}
          <button type="button" onClick={() => setMade(null)}>
            {t('Đã chép, ẩn mã', 'Copied, hide it')}
          </button>
        </div>
      )}
      <form className="inline-form" onSubmit={create} noValidate>
        <Field
          label={t('Tên mã (dùng cho việc gì)', 'Token name (what it is for)')}
          error={error?.field('name')}
        >
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('Trong đơn vị', 'Within unit')} error={error?.field('unitCode')}>
          {(p) => (
            <select {...p} value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
              {scopes.map((u) => (
                <option key={u.code} value={u.code}>
                  {unitOptionLabel(u, minDepth)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t('Tạo mã', 'Create token')}
        </button>
      </form>
      <ErrorBanner error={error ?? tokens.error} shownFields={['name', 'unitCode']} />
      {tokens.data && tokens.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('Mã truy cập', 'Tokens')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Tên', 'Name')}</th>
                <th scope="col">{t('Đơn vị', 'Unit')}</th>
                <th scope="col">{t('Tạo lúc', 'Created')}</th>
                <th scope="col">{t('Dùng lần cuối', 'Last used')}</th>
                <th scope="col">{t('Trạng thái', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((k) => (
                <tr key={k.id}>
                  <th scope="row">{k.name}</th>
                  <td>{unitName(k.unitCode)}</td>
                  <td className="nowrap">{formatDateTime(k.createdAt, lang)}</td>
                  <td className="nowrap">{k.lastUsedAt ? formatDateTime(k.lastUsedAt, lang) : '–'}</td>
                  <td>
                    {k.revokedAt ? (
                      t(
                        `đã thu hồi ${formatDateTime(k.revokedAt, lang)}`,
                        `revoked ${formatDateTime(k.revokedAt, lang)}`,
                      )
                    ) : (
                      <button type="button" className="danger" onClick={() => void revoke(k.id)}>
                        {t(`Thu hồi ${k.name}`, `Revoke ${k.name}`)}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
