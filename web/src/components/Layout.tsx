import { type ReactNode, useEffect } from 'react';
import { api } from '../api';
import { useLang } from '../i18n';
import { Link, useLocation } from '../router';
import { type Role, useSession } from '../session';
import { useApi } from '../use-api';

interface NavItem {
  href: string;
  vi: string;
  en: string;
  least?: Role;
}

export const NAV: NavItem[] = [
  { href: '/', vi: 'Tổng quan', en: 'Dashboard' },
  { href: '/entry', vi: 'Nhập số liệu', en: 'Data entry', least: 'reporter' },
  { href: '/reporting', vi: 'Theo dõi báo cáo', en: 'Reporting' },
  { href: '/meetings', vi: 'Hội nghị', en: 'Conferences' },
  { href: '/directives', vi: 'Nhiệm vụ', en: 'Directives' },
  { href: '/plans', vi: 'Kế hoạch', en: 'Plans' },
  { href: '/units', vi: 'Đơn vị', en: 'Units' },
  { href: '/documents', vi: 'Văn bản', en: 'Documents' },
  { href: '/extract', vi: 'Trích số liệu', en: 'Extraction', least: 'reporter' },
  { href: '/audit', vi: 'Nhật ký', en: 'Audit log', least: 'admin' },
  { href: '/users', vi: 'Người dùng', en: 'Users', least: 'admin' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useLang();
  const { session, logout, hasRole } = useSession();
  const { path } = useLocation();
  const current = (href: string) => (href === '/' ? path === '/' : path.startsWith(href));
  return (
    <>
      <a className="skip" href="#main">
        {t('Bỏ qua, tới nội dung', 'Skip to content')}
      </a>
      <header className="top">
        <Link href="/" className="brand">
          Tiến độ
        </Link>
        <nav aria-label={t('Chức năng', 'Sections')}>
          <ul>
            {NAV.filter((n) => !n.least || hasRole(n.least)).map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={current(n.href) ? 'page' : undefined}>
                  {lang === 'en' ? n.en : n.vi}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="top-right">
          <button
            type="button"
            className="link"
            lang={lang === 'vi' ? 'en' : 'vi'}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          >
            {lang === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
          {session && (
            <>
              <InboxLink />
              <span className="user">{session.user.displayName}</span>
              <button type="button" className="link" onClick={() => void logout()}>
                {t('Đăng xuất', 'Sign out')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}

/** Sent by the inbox when reminders were marked read, so the count in the header follows. */
export const INBOX_CHANGED = 'tiendo:inbox-changed';

/** The reminders link, with how many are unread; looked up again on every page change. */
function InboxLink() {
  const { t } = useLang();
  const { path } = useLocation();
  const box = useApi(() => api.get<{ unread: number }>('/inbox', { unread: 'true', limit: 1 }), [path]);
  const { reload } = box;
  useEffect(() => {
    window.addEventListener(INBOX_CHANGED, reload);
    return () => window.removeEventListener(INBOX_CHANGED, reload);
  }, [reload]);
  const unread = box.data?.unread ?? 0;
  return (
    <Link href="/inbox" aria-current={path === '/inbox' ? 'page' : undefined}>
      {t('Nhắc việc', 'Reminders')}
      {unread > 0 && <span className="count"> {unread}</span>}
    </Link>
  );
}
