// Typed keys for t(): a misspelt key, or a reason code without a message, fails the type check.
import 'i18next';
import type { zhCN } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    keySeparator: false;
    nsSeparator: false;
    returnNull: false;
  }
}
