import { type ReactNode, useState } from 'react';
import { api } from '../api';
import '../components/plans/admin.css';
import { short } from '../components/plans/plan-labels';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { ROLE_LABELS, unitsWithRole } from '../components/units/unit-labels';
import { Tokens } from '../components/users/Tokens';
import type { User } from '../components/users/types';
import { UserForm } from '../components/users/UserForm';
import { formatDateTime } from '../format';
import { useLang } from '../i18n';
import { flattenUnits, useSelection } from '../selection';
import { useSession } from '../session';
import type { Page } from '../types';
import { useApi } from '../use-api';

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
