// Changes the server refused after the user was told they were saved: each one stays on screen,
// in the user's language, until it has been read (then it is marked seen in the local database).
import { useTranslation } from 'react-i18next';
import { Alert, Button, Space } from 'antd';
import { useDirectory, useLeaveRequest, useLeaveTypes, useStore, useUnseenRejections, type RejectionNotice } from '../../db';
import { describeRejection, inlineTypeName, subjectIdOf } from './describeRejection';

export function RejectionNotices() {
  const notices = useUnseenRejections();
  if (!notices || notices.length === 0) return null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 16 }} data-testid="rejection-notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.seq ?? notice.mutationId} notice={notice} />
      ))}
    </Space>
  );
}

function NoticeItem({ notice }: { notice: RejectionNotice }) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const directory = useDirectory();
  const types = useLeaveTypes();
  const request = useLeaveRequest(subjectIdOf(notice) ?? undefined);
  const text = describeRejection(t, notice, {
    request,
    nameOf: (id) => directory?.users.get(id)?.displayName ?? t('common.unknownUser'),
    typeName: inlineTypeName(types, i18n.language),
    language: i18n.language,
  });
  const dismiss = () => {
    if (notice.seq !== undefined) void store.markRejectionsSeen([notice.seq]);
  };

  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      message={t('notice.title')}
      description={text}
      data-testid="rejection-notice"
      data-code={notice.code}
      data-mutation={notice.name}
      action={
        <Button size="small" onClick={dismiss} data-testid="rejection-dismiss">
          {t('notice.dismiss')}
        </Button>
      }
    />
  );
}
