// The app's i18next instance. The language also drives antd's component texts and dayjs
// (date pickers, weekday names), switched together by applyLanguage.
import type { i18n as I18n } from 'i18next';
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
import { createI18n } from './createI18n';

export type { Catalog, MessageKey, ReasonKey } from './keys';
export { catalogs, createI18n, DEFAULT_LANGUAGE, isLanguage } from './createI18n';
export { LANGUAGES, type Language };

export const antdLocales: Record<Language, Locale> = { 'zh-CN': antdZhCN, en: antdEnUS, es: antdEsES };

const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en', es: 'es' };

export const i18n: I18n = createI18n();

/** Switches every text source at once: i18next, dayjs, and the document's lang attribute. */
export function applyLanguage(language: Language, instance: I18n = i18n): void {
  dayjs.locale(dayjsLocales[language]);
  if (instance.language !== language) void instance.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
