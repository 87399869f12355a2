// One notice: what changed (prominently), when and where, the agenda and attachments, the
// user's own receipt if they are on the list, and for its organizer the live receipt table,
// the reminder, editing and cancelling.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { leaveConflicts } from '../../../shared/meetings/conflicts';
import { replyState } from '../../../shared/meetings/receipts';
import { useAbsencesOf, useDirectory, useMeeting, useMeetingReplies, usePendingMeetingIds, useStore } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { AttachmentList } from '../leave/AttachmentList';
import { ChangeBanners } from './ChangeBanners';
import { MeetingActions } from './MeetingActions';
import { MeetingStatusTags, WaitingSyncTag } from './MeetingTags';
import { isEnded } from './meetingView';
import { ReceiptPanel } from './ReceiptPanel';
import { ReplyPanel } from './ReplyPanel';
import { absenceText } from './absenceText';
import { formatCompact, formatSpan, formatWhen } from './time';
import { useNow } from './useNow';

export function MeetingDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const store = useStore();
  const meeting = useMeeting(id);
  const replies = useMeetingReplies(id);
  const directory = useDirectory();
  // The organizer's receipt table warns of everyone's leave; an attendee is warned of their own.
  const absences = useAbsencesOf(meeting && meeting.organizerId === store.userId ? meeting.attendeeIds : [store.userId]);
  const pending = usePendingMeetingIds();
  const now = useNow();

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/meetings')} data-testid="meeting-back">
      {t('meetings.back')}
    </Button>
  );
  if (meeting === undefined || replies === undefined) return <LoadingBlock />;
  if (meeting === null) {
    return (
      <Card title={<span data-testid="page-title">{t('meetings.title')}</span>} extra={back}>
        <Empty description={t('meetings.detail.notFound')} data-testid="meeting-not-found" />
      </Card>
    );
  }

  const nameOf = (userId: string) => directory?.users.get(userId)?.displayName ?? t('common.unknownUser');
  const attendee = meeting.attendees.find((a) => a.userId === store.userId) ?? null;
  const myReply = replies.find((r) => r.userId === store.userId) ?? null;
  const myState = attendee ? replyState(meeting, myReply) : null;
  // The colleague the user sent in their place answers in turn; the user reads that answer.
  const substituteId = myReply?.response === 'substitute' ? myReply.substituteId : null;
  const substituteReply = substituteId ? (replies.find((r) => r.userId === substituteId && r.substituteFor === store.userId) ?? null) : null;
  const organizer = meeting.organizerId === store.userId;
  const ended = isEnded(meeting, now);
  const closed = ended || meeting.status === 'cancelled';
  const myConflict = attendee ? (leaveConflicts({ ...meeting, attendeeIds: [store.userId] }, absences ?? [])[0] ?? null) : null;
  const deadlinePassed = meeting.replyDeadline !== null && Date.parse(meeting.replyDeadline) < Date.parse(now);
  const lastNote = [...meeting.changes].reverse().find((c) => c.note && c.kind !== 'cancelled');

  return (
    <Card
      title={
        <Space size={8} wrap>
          <span data-testid="page-title">{meeting.title}</span>
          <MeetingStatusTags meeting={meeting} now={now} />
          {pending.has(meeting.id) && <WaitingSyncTag />}
        </Space>
      }
      extra={back}
      data-testid="meeting-detail"
      data-id={meeting.id}
      data-status={meeting.status}
      data-revision={meeting.scheduleRevision}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ChangeBanners meeting={meeting} attendee={attendee} myReply={attendee ? myReply : undefined} myState={myState} userId={store.userId} ended={ended} />
        {myConflict && !closed && (
          <Alert
            type="warning"
            showIcon
            data-testid="meeting-my-leave-conflict"
            message={t('meetings.conflict.mine', { leave: absenceText(t, myConflict.absence) })}
            description={myState === 'attending' || myState === 'needs_reconfirm' ? t('meetings.conflict.mineHint') : undefined}
          />
        )}
        <MeetingActions meeting={meeting} organizerName={nameOf(meeting.organizerId)} organizer={organizer} closed={closed} />
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('meetings.field.when')} span={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}>
            <strong data-testid="meeting-when">{formatSpan(meeting.startAt, meeting.endAt, i18n.language)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.field.location')}>
            <span data-testid="meeting-location">{meeting.location || t('meetings.noLocation')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.field.organizer')}>{nameOf(meeting.organizerId)}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.field.deadline')}>
            {meeting.replyDeadline ? (
              <Space size={4}>
                <span data-testid="meeting-deadline">{formatWhen(meeting.replyDeadline, i18n.language)}</span>
                {deadlinePassed && !closed && (
                  <Tag color="warning" data-testid="meeting-deadline-passed">
                    {t('meetings.deadlinePassed')}
                  </Tag>
                )}
              </Space>
            ) : (
              t('meetings.noDeadline')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.field.substituteAllowed')}>{meeting.substituteAllowed ? t('meetings.substitutes.allowed') : t('meetings.substitutes.notAllowed')}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.field.attendees')}>{t('meetings.detail.attendeeCount', { n: meeting.attendees.length })}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.field.issuedAt')}>{formatCompact(meeting.createdAt)}</Descriptions.Item>
          {lastNote?.note && (
            <Descriptions.Item label={t('meetings.field.changeNote')} span="filled">
              {lastNote.note}
            </Descriptions.Item>
          )}
        </Descriptions>

        <div>
          <Typography.Title level={5}>{t('meetings.field.agenda')}</Typography.Title>
          {meeting.agenda.trim() ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="meeting-agenda">
              {meeting.agenda}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('meetings.detail.noAgenda')}</Typography.Text>
          )}
        </div>

        <div>
          <Typography.Title level={5}>{t('meetings.field.attachments')}</Typography.Title>
          {meeting.attachments.length > 0 ? <AttachmentList attachments={meeting.attachments} /> : <Typography.Text type="secondary">{t('meetings.detail.noAttachments')}</Typography.Text>}
        </div>

        {attendee && myState && (
          <ReplyPanel meeting={meeting} attendee={attendee} myReply={myReply} myState={myState} substituteReply={substituteReply} users={directory?.users ?? new Map()} waitingSync={pending.has(meeting.id)} now={now} closed={closed} />
        )}

        {organizer && <ReceiptPanel meeting={meeting} replies={replies} directory={directory} absences={absences ?? []} closed={closed} />}

        {meeting.changes.length > 0 && (
          <div>
            <Typography.Title level={5}>{t('meetings.history.title')}</Typography.Title>
            <Timeline
              data-testid="meeting-history"
              items={[
                { color: 'green', children: t('meetings.history.issued', { name: nameOf(meeting.organizerId), when: formatCompact(meeting.createdAt) }) },
                ...meeting.changes.map((c) => ({
                  color: c.kind === 'cancelled' ? 'red' : c.kind === 'rescheduled' ? 'orange' : 'blue',
                  children: (
                    <Space direction="vertical" size={0}>
                      <span>
                        {c.kind === 'rescheduled' && c.previousStartAt && c.previousEndAt
                          ? t('meetings.history.rescheduled', { from: formatSpan(c.previousStartAt, c.previousEndAt, i18n.language) })
                          : c.kind === 'relocated'
                            ? t('meetings.history.relocated', { from: c.previousLocation || t('meetings.noLocation') })
                            : t(`meetings.history.${c.kind}`)}
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatCompact(c.at)}
                        {c.note ? ` · ${c.note}` : ''}
                      </Typography.Text>
                    </Space>
                  ),
                })),
              ]}
            />
          </div>
        )}
      </Space>
    </Card>
  );
}
