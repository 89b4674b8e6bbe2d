import type { ReactNode } from 'react';
import { Layout } from './components/Layout';
import { useLang } from './i18n';
import { Dashboard } from './pages/Dashboard';
import { DataEntry } from './pages/DataEntry';
import { Login } from './pages/Login';
import { match, useLocation } from './router';
import { SelectionProvider } from './selection';
import { useSession } from './session';

type Page = (params: Record<string, string>) => ReactNode;

/** Every page by its address; the first pattern that matches wins. */
const PAGES: [string, Page][] = [
  ['/', () => <Dashboard />],
  ['/entry', () => <DataEntry />],
];

function NotFound() {
  const { t } = useLang();
  return <h1>{t('Không có trang này', 'No such page')}</h1>;
}

export function App() {
  const { session } = useSession();
  const { path } = useLocation();
  if (session === undefined) return null;
  if (session === null) return <Login />;
  let page: ReactNode = <NotFound />;
  for (const [pattern, render] of PAGES) {
    const params = match(pattern, path);
    if (params) {
      page = render(params);
      break;
    }
  }
  return (
    <SelectionProvider>
      <Layout>{page}</Layout>
    </SelectionProvider>
  );
}
