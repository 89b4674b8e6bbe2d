import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from './api';

export type Role = 'admin' | 'editor' | 'reporter' | 'viewer';
const RANK: Record<Role, number> = { viewer: 0, reporter: 1, editor: 2, admin: 3 };

export interface SessionInfo {
  user: { id: number; username: string; displayName: string };
  roles: { unitCode: string; role: Role }[];
  csrfToken: string | null;
}

interface SessionState {
  /** undefined while the first check runs, null when signed out. */
  session: SessionInfo | null | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Whether some role of the user reaches `least`; the server still decides each action. */
  hasRole(least: Role): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const accept = useCallback((s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
  }, []);
  useEffect(() => {
    setUnauthorizedHandler(() => accept(null));
    api.get<SessionInfo>('/auth/session').then(accept, () => accept(null));
  }, [accept]);
  const value = useMemo<SessionState>(
    () => ({
      session,
      async login(username, password) {
        accept(await api.post<SessionInfo>('/auth/login', { username, password }));
      },
      async logout() {
        await api.post('/auth/logout').catch(() => {});
        accept(null);
      },
      hasRole: (least) => (session?.roles ?? []).some((r) => RANK[r.role] >= RANK[least]),
    }),
    [session, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
