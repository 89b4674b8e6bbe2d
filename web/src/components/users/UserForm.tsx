import { type FormEvent, useState } from 'react';
import { type ApiError, api, asApiError } from '../../api';
import { useLang } from '../../i18n';
import type { Role } from '../../session';
import type { Page, Unit } from '../../types';
import { ConflictNote, type ConflictRow, differing } from '../plans/ConflictNote';
import { ErrorBanner, Field } from '../ui';
import { ROLE_LABELS, unitOptionLabel } from '../units/unit-labels';

import { type Grant, ROLES, type User } from './types';

/** Create (no `user`) or edit an account; roles are offered only on units the admin runs. */
export function UserForm({
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
