import { StrictMode } from 'react';
import { Provider } from 'react-redux';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { HashRouter } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import { antdLocales } from '../i18n';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useAppSelector } from './hooks';
import { AppRoutes } from './routes';
import { SessionContext } from './sessionContext';
import type { SessionController } from './sessionController';
import type { AppStore } from './store';
import { selectLanguage } from './uiSlice';

function Localized({ children }: { children: React.ReactNode }) {
  const language = useAppSelector(selectLanguage);
  return (
    <ConfigProvider locale={antdLocales[language]} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App({ store, controller, i18n }: { store: AppStore; controller: SessionController; i18n: I18n }) {
  return (
    <StrictMode>
      <Provider store={store}>
        <I18nextProvider i18n={i18n}>
          <Localized>
            <ErrorBoundary>
              <SessionContext.Provider value={controller}>
                {/* Hash routes: the same build works from app:// or file:// and from the server. */}
                <HashRouter>
                  <AppRoutes />
                </HashRouter>
              </SessionContext.Provider>
            </ErrorBoundary>
          </Localized>
        </I18nextProvider>
      </Provider>
    </StrictMode>
  );
}
