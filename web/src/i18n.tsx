import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setApiLanguage } from './api';

export type Lang = 'vi' | 'en';

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
  /** Picks the text for the current language; Vietnamese comes first everywhere. */
  t(vi: string, en: string): string;
}

const LangContext = createContext<LangState | null>(null);

function initialLang(): Lang {
  return localStorage.getItem('tiendo.lang') === 'en' ? 'en' : 'vi';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLanguage(l);
    document.documentElement.lang = l;
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('tiendo.lang', l);
    setApiLanguage(l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<LangState>(
    () => ({ lang, setLang, t: (vi, en) => (lang === 'en' ? en : vi) }),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang outside LangProvider');
  return state;
}
