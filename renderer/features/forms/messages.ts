import { defineMessages } from '../../i18n/defineMessages';

export const messages = defineMessages({
  zhCN: {
    'forms.title': '表格下载',
  },
  en: {
    'forms.title': 'Forms',
  },
  es: {
    'forms.title': 'Formularios',
  },
});
