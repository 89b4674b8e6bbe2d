import type { ReactNode } from 'react';
import { Layout } from './components/Layout';
import { useLang } from './i18n';
import { Audit } from './pages/Audit';
import { Dashboard } from './pages/Dashboard';
import { DataEntry } from './pages/DataEntry';
import { DirectivePage } from './pages/DirectivePage';
import { Directives } from './pages/Directives';
import { Documents } from './pages/Documents';
import { Extraction } from './pages/Extraction';
import { Inbox } from './pages/Inbox';
import { IndicatorPage } from './pages/IndicatorPage';
import { Login } from './pages/Login';
import { MeetingPage, NewMeeting } from './pages/MeetingPage';
import { Meetings } from './pages/Meetings';
import { PlanPage } from './pages/PlanPage';
import { Plans } from './pages/Plans';
import { Reporting } from './pages/Reporting';
import { Units } from './pages/Units';
import { Users } from './pages/Users';
import { match, useLocation } from './router';
import { SelectionProvider } from './selection';
import { useSession } from './session';

type Page = (params: Record<string, string>) => ReactNode;

/** Every page by its address; the first pattern that matches wins. */
const PAGES: [string, Page][] = [
  ['/', () => <Dashboard />],
  ['/entry', () => <DataEntry />],
  ['/reporting', () => <Reporting />],
  ['/inbox', () => <Inbox />],
  ['/indicators/:code', (p) => <IndicatorPage code={p.code ?? ''} />],
  ['/documents', () => <Documents />],
  ['/extract', () => <Extraction />],
  ['/meetings', () => <Meetings />],
  ['/meetings/new', () => <NewMeeting />],
  ['/meetings/:id', (p) => <MeetingPage id={p.id ?? ''} />],
  ['/directives', () => <Directives />],
  ['/directives/:id', (p) => <DirectivePage id={p.id ?? ''} />],
  ['/plans', () => <Plans />],
  ['/plans/:code', (p) => <PlanPage code={p.code ?? ''} />],
  ['/units', () => <Units />],
  ['/audit', () => <Audit />],
  ['/users', () => <Users />],
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
