// Start-up: read the settings (language), restore a saved session if there is one (so the app
// opens straight into the user's data, even with no server), then render.
import { createRoot } from 'react-dom/client';
import './app/global.css';
import { platform } from './platform';
import { App } from './app/App';
import { SessionController } from './app/sessionController';
import { makeStore } from './app/store';
import { defaultSessionStorage } from './features/auth/savedSession';
import { applyLanguage, DEFAULT_LANGUAGE, i18n } from './i18n';
import type { Language } from '../shared/protocol/ipc';

/** Desktop notification for refused changes, only when the user is not looking at the app. */
function notifyRejected(): void {
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  platform.notify.show({ title: i18n.t('notice.title'), body: i18n.t('notice.action.unknown') }).catch(() => undefined);
}

function languageChanged(language: Language): void {
  applyLanguage(language);
  platform.settings.set({ language }).catch(() => undefined);
}

async function boot(): Promise<void> {
  const settings = await platform.settings.get().catch(() => null);
  const language = settings?.language ?? DEFAULT_LANGUAGE;
  applyLanguage(language);

  const store = makeStore({ preloadedState: { ui: { language, reloginOpen: false } }, effects: { languageChanged } });
  const controller = new SessionController({ dispatch: store.dispatch, storage: defaultSessionStorage(), onRejected: notifyRejected });
  controller.restore();

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(<App store={store} controller={controller} i18n={i18n} />);
}

void boot();
