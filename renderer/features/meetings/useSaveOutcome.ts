import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { SaveOutcome } from '../../platform';

/** Tells the user where an exported file went (only its name), or why it could not be written. */
export function useSaveOutcome(): (outcome: SaveOutcome) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (outcome) => {
    switch (outcome.status) {
      case 'saved':
        void message.success(t('meetings.file.saved', { name: outcome.fileName }));
        break;
      case 'downloaded':
        void message.success(t('meetings.file.downloaded', { name: outcome.fileName }));
        break;
      case 'failed':
        void message.error(t('meetings.file.failed'));
        break;
      default:
        // Cancelled in the dialog (or a print dialog, which exports never open): nothing to say.
        break;
    }
  };
}
