import { defineMessages } from '../../i18n/defineMessages';

export const messages = defineMessages({
  zhCN: {
    'meetings.title': '会议通知',
  },
  en: {
    'meetings.title': 'Meeting notices',
  },
  es: {
    'meetings.title': 'Convocatorias',
  },
});
