// Start-up: read the settings (language), restore a saved session if there is one (so the app
// opens straight into the user's data, even with no server), then render.
import { createRoot } from 'react-dom/client';
import './app/global.css';
import { platform } from './platform';
import { registerOfflineShell } from './platform/offlineShell';
import { App } from './app/App';
import { SessionController } from './app/sessionController';
import { makeStore } from './app/store';
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
  const controller = new SessionController({
    dispatch: store.dispatch,
    persistence: platform.session,
    onRejected: notifyRejected,
    onPersistFailed: (error) => console.warn('[bureau] the session is not kept for the next start', error),
  });
  // Awaited before the first render, so that a saved session opens straight into the user's
  // data (no sign-in page flashing by), with or without a server. Never rejects.
  await controller.restore();

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(<App store={store} controller={controller} i18n={i18n} />);
  if (!platform.isDesktop) registerOfflineShell();
}

void boot();
