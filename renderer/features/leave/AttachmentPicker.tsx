// Attaching a certificate: pick a photo or a PDF, or take a photo where the device has a camera.
// Each file is hashed and kept in the local database at once (so a request submitted offline
// carries it), then listed with its size and removable until the request is submitted.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Space, Typography } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import type { Attachment } from '../../../shared/domain/attachment';
import { MAX_ATTACHMENTS } from '../../../shared/domain/leave';
import { ATTACHMENT_ACCEPT, discardAttachment, storeAttachment, useStore } from '../../db';
import { reasonMessage } from '../../i18n/reasons';
import { AttachmentList } from './AttachmentList';
import { FORM_FILE_ACCEPT, storeFormFile } from '../forms/formFile';

/** A document (PDF, office file, picture) kept like a form file: same checks, same local table. */
async function storeDocument(store: Parameters<typeof storeFormFile>[0], file: File) {
  const result = await storeFormFile(store, file);
  return result.ok ? result : { ok: false as const, code: result.why };
}

interface Props {
  value: readonly Attachment[];
  onChange: (next: Attachment[]) => void;
  disabled?: boolean;
  /** Office documents too (a meeting's materials), not only photos and PDFs (certificates, receipts). */
  documents?: boolean;
}

export function AttachmentPicker({ value, onChange, disabled, documents = false }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const fileInput = useRef<HTMLInputElement>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const hasCamera = useHasCamera();
  const [busy, setBusy] = useState(false);

  async function add(files: FileList | null): Promise<void> {
    if (!files || files.length === 0) return;
    setBusy(true);
    const next = [...value];
    try {
      for (const file of Array.from(files)) {
        if (next.length >= MAX_ATTACHMENTS) {
          void message.warning(t('leave.attachments.tooMany', { max: MAX_ATTACHMENTS }));
          break;
        }
        const result = documents ? await storeDocument(store, file) : await storeAttachment(store, file);
        if (!result.ok) {
          const reason = result.code === 'bad_type' ? t('leave.attachments.badDocument') : result.code === 'empty' ? t('leave.attachments.empty') : reasonMessage(t, result.code === 'too_large' ? 'blob.too_large' : result.code);
          void message.error(t('leave.attachments.refused', { name: file.name, reason }));
          continue;
        }
        const attachment = 'attachment' in result ? result.attachment : result.file;
        // The same file twice is one attachment.
        if (!next.some((a) => a.sha256 === attachment.sha256)) next.push(attachment);
      }
    } catch {
      void message.error(t('leave.attachments.readFailed'));
    } finally {
      setBusy(false);
    }
    onChange(next);
  }

  function remove(sha256: string): void {
    onChange(value.filter((a) => a.sha256 !== sha256));
    void discardAttachment(store, sha256);
  }

  const input = (ref: RefObject<HTMLInputElement | null>, camera: boolean) => (
    <input
      ref={ref}
      type="file"
      accept={camera ? 'image/*' : documents ? FORM_FILE_ACCEPT : ATTACHMENT_ACCEPT}
      multiple={!camera}
      // The rear camera: a certificate on a desk, not a selfie.
      capture={camera ? 'environment' : undefined}
      style={{ display: 'none' }}
      data-testid={camera ? 'attachment-camera-input' : 'attachment-input'}
      onChange={(e) => {
        const files = e.currentTarget.files;
        void add(files).finally(() => {
          // Picking the same file again after removing it must fire onChange again.
          if (ref.current) ref.current.value = '';
        });
      }}
    />
  );

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        {input(fileInput, false)}
        <Button icon={<UploadOutlined />} loading={busy} disabled={disabled || value.length >= MAX_ATTACHMENTS} onClick={() => fileInput.current?.click()} data-testid="attachment-pick">
          {t('leave.attachments.pick')}
        </Button>
        {hasCamera && (
          <>
            {input(cameraInput, true)}
            <Button icon={<CameraOutlined />} disabled={busy || disabled || value.length >= MAX_ATTACHMENTS} onClick={() => cameraInput.current?.click()} data-testid="attachment-camera">
              {t('leave.attachments.camera')}
            </Button>
          </>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(documents ? 'leave.attachments.documentHint' : 'leave.attachments.hint', { max: MAX_ATTACHMENTS })}
        </Typography.Text>
      </Space>
      {value.length > 0 && <AttachmentList attachments={value} onRemove={disabled ? undefined : remove} />}
    </Space>
  );
}

/**
 * Whether to offer "take a photo": a touch device with a camera. Desktop browsers ignore the
 * capture attribute and would only show the file picker a second time.
 */
function useHasCamera(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const touch = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    const devices = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
    if (!touch || !devices?.enumerateDevices) return;
    devices
      .enumerateDevices()
      .then((list) => {
        if (!cancelled) setHas(list.some((d) => d.kind === 'videoinput'));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return has;
}
