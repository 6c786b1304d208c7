import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { TLocale } from '../../../src/domain/format/format';
import { setRequestLanguage } from '../api/client';
import { en } from './en';
import { vi, type TDictionary } from './vi';

/** Dot paths of the dictionary leaves: 'login.title', 'roles.ADMIN', … */
type TLeafPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : TLeafPaths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type TKey = TLeafPaths<TDictionary>;
export type TParams = Record<string, string | number>;
export type TTranslate = (key: TKey, params?: TParams) => string;

const DICTIONARIES: Record<TLocale, TDictionary> = { vi, en };
const STORAGE_KEY = 'congthuong.locale';

const lookup = (dictionary: TDictionary, key: TKey): string => {
  let node: unknown = dictionary;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === 'string' ? node : key;
};

const interpolate = (text: string, params?: TParams): string =>
  params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;

const readStoredLocale = (): TLocale => {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
};

type TI18nContext = { locale: TLocale; setLocale: (locale: TLocale) => void; t: TTranslate };

const I18nContext = createContext<TI18nContext | null>(null);

/** Holds the UI language (Vietnamese by default, remembered in localStorage) and the translate function. */
export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [locale, setLocaleState] = useState<TLocale>(() => {
    const stored = readStoredLocale();
    dayjs.locale(stored);
    setRequestLanguage(stored);
    return stored;
  });

  const setLocale = useCallback((next: TLocale) => {
    // Set before rendering so that date pickers created by this render use the new month names.
    dayjs.locale(next);
    setRequestLanguage(next);
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<TI18nContext>(() => {
    const dictionary = DICTIONARIES[locale];
    return { locale, setLocale, t: (key, params) => interpolate(lookup(dictionary, key), params) };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

const useI18nContext = (): TI18nContext => {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useT/useLocale must be used inside <I18nProvider>');
  return context;
};

/** The translate function of the active language. */
export const useT = (): TTranslate => useI18nContext().t;

/** The active language and its setter (local only; see useLanguageSwitch for the per-user save). */
export const useLocale = (): { locale: TLocale; setLocale: (locale: TLocale) => void } => {
  const { locale, setLocale } = useI18nContext();
  return { locale, setLocale };
};
