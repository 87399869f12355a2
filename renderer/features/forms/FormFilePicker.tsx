// Picks the file of a form version: a type the library takes (PDF, Word, Excel, OpenDocument, a
// picture of a paper form), at most 20 MiB. A refused file is said so by name and changes nothing.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Space, Typography } from 'antd';
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { FORM_FILE_ACCEPT, formFileRefusal, formMediaTypeOf } from './formFile';
import { fileSummary } from './format';

interface Props {
  value?: File | null;
  onChange?: (file: File | null) => void;
  disabled?: boolean;
}

export function FormFilePicker({ value, onChange, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);

  function picked(files: FileList | null): void {
    const file = files?.[0];
    if (!file) return;
    const refusal = formFileRefusal(file);
    if (refusal) {
      void message.error({ content: t(`forms.file.refused.${refusal}`, { name: file.name }), duration: 6 });
      return;
    }
    onChange?.(file);
  }

  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }}>
      <input
        ref={input}
        type="file"
        accept={FORM_FILE_ACCEPT}
        style={{ display: 'none' }}
        data-testid="form-file-input"
        onChange={(e) => {
          picked(e.currentTarget.files);
          // Picking the same file again after a refusal must fire onChange again.
          e.currentTarget.value = '';
        }}
      />
      <Space wrap>
        <Button icon={<UploadOutlined />} disabled={disabled} onClick={() => input.current?.click()} data-testid="form-file-pick">
          {value ? t('forms.file.replace') : t('forms.file.pick')}
        </Button>
        {value && (
          <Space size={6} data-testid="form-file-picked">
            <FileOutlined />
            <Typography.Text ellipsis={{ tooltip: value.name }} style={{ maxWidth: 260 }}>
              {value.name}
            </Typography.Text>
            <Typography.Text type="secondary">{fileSummary({ name: value.name, mediaType: formMediaTypeOf(value) ?? value.type, size: value.size }, i18n.language)}</Typography.Text>
            <Button type="text" size="small" icon={<DeleteOutlined />} disabled={disabled} onClick={() => onChange?.(null)} aria-label={t('forms.file.remove')} />
          </Space>
        )}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('forms.file.hint')}
      </Typography.Text>
    </Space>
  );
}
