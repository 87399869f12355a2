// The i18next set-up without any UI library, so that tests (in Node) use the real thing.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/protocol/ipc';
import { zhCN } from './zh-CN';
import { en } from './en';
import { es } from './es';
import type { Catalog } from './keys';

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const catalogs: Record<Language, Catalog> = { 'zh-CN': zhCN, en, es };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A fresh, synchronously initialised instance with flat keys ('leave.field.type' is one key). */
export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: catalogs[lng] }])),
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    keySeparator: false,
    nsSeparator: false,
    // React escapes what it renders; escaping here as well would show &amp; to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
