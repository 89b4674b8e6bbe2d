import { type FormEvent, useState } from 'react';
import { type ApiError, api, asApiError } from '../../api';
import { formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import type { Unit } from '../../types';
import { useApi } from '../../use-api';
import { ErrorBanner, Field } from '../ui';
import { unitOptionLabel, unitsWithRole } from '../units/unit-labels';

import type { Grant, Token } from './types';

/** API tokens for scripts and other systems: shown once when made, revocable at any time. */
export function Tokens({ units, roles, lang }: { units: Unit[]; roles: Grant[]; lang: 'vi' | 'en' }) {
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
