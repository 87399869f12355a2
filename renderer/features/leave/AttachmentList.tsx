// Attachments by name and size. A copy on this device (picked here, or kept since) can be looked
// at: pictures in a preview, PDFs saved to disk (the app's content policy allows blob: images
// only, and the desktop app opens no new windows).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Image, List, Space, Typography } from 'antd';
import { CloudDownloadOutlined, DeleteOutlined, DownloadOutlined, EyeOutlined, FileImageOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useRuntime } from '../../app/sessionContext';
import type { Attachment } from '../../../shared/domain/attachment';
import { useLocalBlobs, type LocalBlob } from '../../db';
import { formatBytes } from './format';

export function AttachmentList({ attachments, onRemove }: { attachments: readonly Attachment[]; onRemove?: (sha256: string) => void }) {
  const local = useLocalBlobs(attachments.map((a) => a.sha256));
  return (
    <List
      size="small"
      bordered
      dataSource={[...attachments]}
      rowKey="sha256"
      data-testid="attachment-list"
      renderItem={(a) => <AttachmentRow attachment={a} local={local?.get(a.sha256)} onRemove={onRemove} />}
    />
  );
}

function AttachmentRow({ attachment, local, onRemove }: { attachment: Attachment; local: LocalBlob | undefined; onRemove: ((sha256: string) => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const isImage = attachment.mediaType.startsWith('image/');
  // An object URL exists only while the picture is on screen: made on click, revoked on close.
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [fetching, setFetching] = useState(false);
  const runtime = useRuntime();
  const { message } = App.useApp();

  /** An approver opening a colleague's certificate: fetched once, then kept on this device. */
  async function fetchFromServer(): Promise<void> {
    const fetchAttachment = runtime?.engine.fetchAttachment?.bind(runtime.engine);
    if (!fetchAttachment) return;
    setFetching(true);
    try {
      const outcome = await fetchAttachment(attachment);
      if (outcome !== 'ok') void message.warning(t(`leave.attachments.fetch.${outcome}`));
    } finally {
      setFetching(false);
    }
  }

  function view(data: Blob): void {
    setPreviewUrl(URL.createObjectURL(data));
  }

  function closePreview(): void {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    setPreviewUrl(null);
  }

  function save(data: Blob): void {
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.name;
    link.click();
    // The download has its own reference to the bytes once started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  const actions = [];
  if (local && isImage) {
    actions.push(
      <Button key="view" size="small" type="link" icon={<EyeOutlined />} onClick={() => view(local.data)} data-testid="attachment-view">
        {t('leave.attachments.view')}
      </Button>,
    );
  } else if (local) {
    actions.push(
      <Button key="save" size="small" type="link" icon={<DownloadOutlined />} onClick={() => save(local.data)} data-testid="attachment-save">
        {t('leave.attachments.save')}
      </Button>,
    );
  }
  if (!local && !onRemove && runtime?.engine.fetchAttachment) {
    actions.push(
      <Button key="fetch" size="small" type="link" icon={<CloudDownloadOutlined />} loading={fetching} onClick={() => void fetchFromServer()} data-testid="attachment-fetch">
        {t('leave.attachments.fetch')}
      </Button>,
    );
  }
  if (onRemove) {
    actions.push(
      <Button key="remove" size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => onRemove(attachment.sha256)} data-testid="attachment-remove" aria-label={t('leave.attachments.removeNamed', { name: attachment.name })}>
        {t('leave.attachments.remove')}
      </Button>,
    );
  }

  const icon = isImage ? <FileImageOutlined /> : attachment.mediaType === 'application/pdf' ? <FilePdfOutlined /> : <PaperClipOutlined />;
  return (
    <List.Item actions={actions} data-testid="attachment-item" data-sha={attachment.sha256} data-local={local ? 1 : 0}>
      <Space size={8} style={{ minWidth: 0 }}>
        {icon}
        <Typography.Text ellipsis={{ tooltip: attachment.name }} style={{ maxWidth: 280 }}>
          {attachment.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {formatBytes(attachment.size, i18n.language)}
        </Typography.Text>
        {local && local.uploaded === 0 && (
          <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="attachment-not-uploaded">
            {t('leave.attachments.notUploaded')}
          </Typography.Text>
        )}
      </Space>
      {previewUrl && (
        <Image
          src={previewUrl}
          alt={attachment.name}
          style={{ display: 'none' }}
          preview={{ visible: true, src: previewUrl, onVisibleChange: (visible) => (visible ? undefined : closePreview()) }}
        />
      )}
    </List.Item>
  );
}
