import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Select } from 'antd';
import { LANGUAGES, type Language } from '../../shared/protocol/ipc';

interface LanguageSelectProps {
  value: Language;
  onChange: (language: Language) => void;
  prefix?: ReactNode;
  /** data-testid of the select; each option gets `${testId}-${language}`. */
  testId: string;
  className?: string;
}

/** Each language is named in itself, so a user lost in a foreign UI can still find theirs. */
export function LanguageSelect({ value, onChange, prefix, testId, className }: LanguageSelectProps) {
  const { t } = useTranslation();
  return (
    <Select<Language>
      value={value}
      onChange={onChange}
      prefix={prefix}
      className={className}
      style={{ width: '100%' }}
      aria-label={t('nav.language')}
      data-testid={testId}
      virtual={false}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`lang.${lng}`), 'data-testid': `${testId}-${lng}` }))}
    />
  );
}
