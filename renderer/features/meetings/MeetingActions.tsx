// What can be done with a notice: add it to one's calendar (.ics), and for its organizer edit or
// reschedule it and cancel it with a reason every attendee will read.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { CalendarOutlined, CloseCircleOutlined, EditOutlined } from '@ant-design/icons';
import type { Meeting } from '../../../shared/domain/meeting';
import { MutationRejected } from '../../../shared/mutators';
import { useStore } from '../../db';
import { useMeetingReminderMinutes } from '../../db/hooks/notificationsMeetings';
import { useAppSelector } from '../../app/hooks';
import { selectServerUrl } from '../../app/sessionSlice';
import { selectSyncStatus } from '../../app/syncSlice';
import { platform } from '../../platform';
import { reasonMessage } from '../../i18n/reasons';
import { meetingIcsFile } from './icsExport';
import { useSaveOutcome } from './useSaveOutcome';

interface Props {
  meeting: Meeting;
  organizerName: string;
  organizer: boolean;
  closed: boolean;
}

export function MeetingActions({ meeting, organizerName, organizer, closed }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const serverUrl = useAppSelector(selectServerUrl);
  const announce = useSaveOutcome();
  // The calendar program reminds as long before as the app's own desktop reminder (none if off).
  const alarmMinutes = useMeetingReminderMinutes();
  const [cancelOpen, setCancelOpen] = useState(false);

  async function exportIcs(): Promise<void> {
    const file = meetingIcsFile(t, meeting, organizerName, i18n.language, serverUrl, alarmMinutes);
    announce(await platform.file.save(file));
  }

  return (
    <Space wrap>
      <Button icon={<CalendarOutlined />} onClick={() => void exportIcs()} data-testid="meeting-export-ics">
        {t('meetings.ics.export')}
      </Button>
      {organizer && !closed && (
        <>
          <Button icon={<EditOutlined />} onClick={() => navigate(`/meetings/${meeting.id}/edit`)} data-testid="meeting-edit">
            {t('meetings.edit')}
          </Button>
          <Button danger icon={<CloseCircleOutlined />} onClick={() => setCancelOpen(true)} data-testid="meeting-cancel">
            {t('meetings.cancel.button')}
          </Button>
          <CancelDialog meeting={meeting} open={cancelOpen} onClose={() => setCancelOpen(false)} />
        </>
      )}
    </Space>
  );
}

function CancelDialog({ meeting, open, onClose }: { meeting: Meeting; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const { connection } = useAppSelector(selectSyncStatus);
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    let reason: string;
    try {
      reason = ((await form.validateFields()).reason ?? '').trim();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await store.mutate('meeting.cancel', { id: meeting.id, reason });
      void message.success(connection === 'online' ? t('meetings.cancel.done') : t('meetings.cancel.doneOffline'));
      form.resetFields();
      onClose();
    } catch (err) {
      setError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('meetings.cancel.title', { title: meeting.title })}
      okText={t('meetings.cancel.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: busy, ...{ 'data-testid': 'meeting-cancel-confirm' } }}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('meetings.cancel.warning', { n: meeting.attendees.length })} />
        <Form.Item name="reason" label={t('meetings.cancel.reason')} rules={[{ required: true, whitespace: true, message: t('meetings.cancel.reasonRequired') }]}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} data-testid="meeting-cancel-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" message={error} data-testid="meeting-cancel-error" />}
    </Modal>
  );
}
