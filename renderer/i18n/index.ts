// One i18next instance for the app, with flat keys ('leave.field.type' is a single key). The
// language also drives antd's component texts and dayjs (date pickers, weekday names).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import 'dayjs/locale/es';
import type { Locale } from 'antd/es/locale';
// The ES paths on purpose: under Vite 8 the CommonJS 'antd/lib/locale/*' silently yields English.
import antdZhCN from 'antd/es/locale/zh_CN';
import antdEnUS from 'antd/es/locale/en_US';
import antdEsES from 'antd/es/locale/es_ES';
import { LANGUAGES, type Language } from '../../shared/protocol/ipc';
import { zhCN } from './zh-CN';
import { en } from './en';
import { es } from './es';
import type { Catalog, MessageKey } from './keys';

export type { Catalog, MessageKey, ReasonKey } from './keys';
export { LANGUAGES, type Language };

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const catalogs: Record<Language, Catalog> = { 'zh-CN': zhCN, en, es };

export const antdLocales: Record<Language, Locale> = { 'zh-CN': antdZhCN, en: antdEnUS, es: antdEsES };

const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en', es: 'es' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A fresh, synchronously initialised instance (tests make their own). */
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

export const i18n: I18n = createI18n();

/** Switches every text source at once: i18next, dayjs, and the document's lang attribute. */
export function applyLanguage(language: Language, instance: I18n = i18n): void {
  dayjs.locale(dayjsLocales[language]);
  if (instance.language !== language) void instance.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Catalog lookup for a key known to exist (used where a `t` from a hook is not at hand). */
export function messageOf(language: Language, key: MessageKey): string {
  return catalogs[language][key];
}
