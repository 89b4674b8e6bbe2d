/** Vietnamese first; English available everywhere a person reads a message. */
export type Lang = 'vi' | 'en';

export interface Text {
  vi: string;
  en: string;
}

export function text(vi: string, en: string): Text {
  return { vi, en };
}

export function parseLang(value: string | undefined | null): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
