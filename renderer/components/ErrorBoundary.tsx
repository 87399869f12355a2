import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Result } from 'antd';

function Crashed() {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('common.unexpectedError')}
      extra={
        <Button type="primary" onClick={() => globalThis.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}

/** A render error shows a way out instead of a blank window; local data is untouched. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('render failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <Crashed /> : this.props.children;
  }
}
