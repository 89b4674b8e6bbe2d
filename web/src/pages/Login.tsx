import { type FormEvent, useState } from 'react';
import { type ApiError, api, asApiError } from '../api';
import { ErrorBanner, Field } from '../components/ui';
import { useLang } from '../i18n';
import { useSession } from '../session';
import { useApi } from '../use-api';

interface DemoLogin {
  username: string;
  password: string;
  role: string;
  unitName: string;
}

export function Login() {
  const { t, lang, setLang } = useLang();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // The server lists the demo's logins only while the demo's published passwords still work.
  const demo = useApi(() => api.get<{ logins: DemoLogin[] }>('/auth/demo'), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username, password);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <div className="login-box">
        <h1>Tiến độ</h1>
        <p className="muted">
          {t(
            'Theo dõi chỉ tiêu nghị quyết, hội nghị kiểm điểm và nhiệm vụ',
            'Resolution targets, review conferences and directives',
          )}
        </p>
        <form onSubmit={submit} noValidate>
          <Field label={t('Tên đăng nhập', 'Username')} error={error?.field('username')}>
            {(p) => (
              <input
                {...p}
                name="username"
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
              />
            )}
          </Field>
          <Field label={t('Mật khẩu', 'Password')} error={error?.field('password')}>
            {(p) => (
              <input
                {...p}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            )}
          </Field>
          <ErrorBanner error={error} shownFields={['username', 'password']} />
          <button type="submit" className="primary" disabled={busy}>
            {t('Đăng nhập', 'Sign in')}
          </button>
          <button
            type="button"
            className="link"
            lang={lang === 'vi' ? 'en' : 'vi'}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          >
            {lang === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
        </form>
        {(demo.data?.logins.length ?? 0) > 0 && (
          <section className="demo-logins" aria-labelledby="demo-title">
            <h2 id="demo-title">{t('Tài khoản dùng thử', 'Demo logins')}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Đăng nhập', 'Login')}</th>
                  <th scope="col">{t('Mật khẩu', 'Password')}</th>
                  <th scope="col">{t('Vai trò', 'Role')}</th>
                </tr>
              </thead>
              <tbody>
                {demo.data?.logins.map((d) => (
                  <tr key={d.username}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          setUsername(d.username);
                          setPassword(d.password);
                        }}
                      >
                        {d.username}
                      </button>
                    </td>
                    <td>
                      <code>{d.password}</code>
                    </td>
                    <td>
                      {d.role}, {d.unitName}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
    </main>
  );
}
