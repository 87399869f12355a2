// The attendee's receipt (回执): attending, absent with a reason, or a named colleague in their
// place. Works offline like every other action: the reply is saved at once and sent when the
// server can be reached. After a reschedule, an "attending" given for the old time is confirmed
// again with one click. Every answer carries the schedule the user saw, so an "attending" given
// offline before the organizer moved the meeting still asks to be confirmed for the new time.
// Whoever sent a substitute sees the substitute's own answer.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import type { User } from '../../../shared/domain/directory';
import type { Attendee, Meeting, MeetingReply, ReplyResponse } from '../../../shared/domain/meeting';
import { replyState, type ReceiptState } from '../../../shared/meetings/receipts';
import { MutationRejected } from '../../../shared/mutators';
import { useStore } from '../../db';
import { useAppSelector } from '../../app/hooks';
import { selectSyncStatus } from '../../app/syncSlice';
import { reasonMessage } from '../../i18n/reasons';
import { ReplyStateTag, WaitingSyncTag } from './MeetingTags';
import { maySendSubstitute, replyProblem, substituteCandidates, type ReplyDraft } from './meetingView';
import { formatCompact } from './time';

interface Props {
  meeting: Meeting;
  attendee: Attendee;
  myReply: MeetingReply | null;
  myState: ReceiptState;
  /** The reply of the colleague the user sent in their place (null: none yet, or none sent). */
  substituteReply: MeetingReply | null;
  users: ReadonlyMap<string, User>;
  waitingSync: boolean;
  now: string;
  closed: boolean;
}

export function ReplyPanel({ meeting, attendee, myReply, myState, substituteReply, users, waitingSync, now, closed }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const { connection } = useAppSelector(selectSyncStatus);
  const [form] = Form.useForm<ReplyDraft>();
  const response = Form.useWatch('response', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameOf = (id: string | null | undefined) => (id ? (users.get(id)?.displayName ?? t('common.unknownUser')) : '');
  const allowSubstitute = maySendSubstitute(meeting, attendee);
  const candidates = substituteCandidates(meeting, users.values(), store.userId);
  const deadlinePassed = meeting.replyDeadline !== null && Date.parse(meeting.replyDeadline) < Date.parse(now);

  async function send(draft: ReplyDraft): Promise<void> {
    const problem = replyProblem(meeting, store.userId, users, draft, new Date().toISOString());
    if (problem) {
      setError(reasonMessage(t, problem));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await store.mutate('meeting.reply', {
        meetingId: meeting.id,
        response: draft.response ?? 'attending',
        // The schedule on screen as the user answered.
        scheduleRevision: meeting.scheduleRevision,
        reason: draft.response === 'attending' ? '' : (draft.reason ?? '').trim(),
        substituteId: draft.response === 'substitute' ? (draft.substituteId ?? null) : null,
      });
      void message.success(connection === 'online' ? t('meetings.reply.sent') : t('meetings.reply.savedOffline'));
    } catch (err) {
      setError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
    } finally {
      setBusy(false);
    }
  }

  const initial: ReplyDraft = {
    response: myReply?.response,
    reason: myReply?.reason ?? '',
    substituteId: myReply?.substituteId ?? null,
  };
  // A reply that changes elsewhere (synced from another device, or confirmed above) refills the form.
  const replyKey = JSON.stringify([myReply?.response ?? '', myReply?.reason ?? '', myReply?.substituteId ?? '']);
  useEffect(() => {
    const [r, reason, sub] = JSON.parse(replyKey) as [string, string, string];
    form.setFieldsValue({ response: (r || undefined) as ReplyResponse | undefined, reason: reason ?? '', substituteId: sub || null });
  }, [form, replyKey]);

  return (
    <Card size="small" title={t('meetings.reply.title')} data-testid="meeting-reply-panel" data-state={myState}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {attendee.via === 'substitute' && attendee.substituteFor && (
          <Alert type="info" showIcon data-testid="meeting-substitute-for" message={t('meetings.reply.youSubstitute', { name: nameOf(attendee.substituteFor) })} />
        )}
        <Space size={8} wrap data-testid="meeting-my-reply">
          <Typography.Text>{t('meetings.reply.current')}</Typography.Text>
          <ReplyStateTag state={myState} testId="meeting-my-state" />
          {myReply?.response === 'substitute' && myReply.substituteId && <Typography.Text>{t('meetings.reply.substituteNamed', { name: nameOf(myReply.substituteId) })}</Typography.Text>}
          {myReply?.response === 'substitute' && myReply.substituteId && (
            <SubstituteAnswer meeting={meeting} name={nameOf(myReply.substituteId)} reply={substituteReply} />
          )}
          {myReply && <Typography.Text type="secondary">{t('meetings.reply.repliedAt', { when: formatCompact(myReply.repliedAt) })}</Typography.Text>}
          {myReply?.late && <Typography.Text type="warning">{t('meetings.reply.wasLate')}</Typography.Text>}
          {waitingSync && <WaitingSyncTag />}
        </Space>
        {myState === 'needs_reconfirm' && !closed && (
          <Space wrap>
            <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} onClick={() => void send({ response: 'attending' })} data-testid="meeting-reconfirm">
              {t('meetings.reply.reconfirm')}
            </Button>
            <Typography.Text type="secondary">{t('meetings.reply.reconfirmHint')}</Typography.Text>
          </Space>
        )}
        {closed ? (
          <Typography.Text type="secondary" data-testid="meeting-reply-closed">
            {meeting.status === 'cancelled' ? t('meetings.reply.closedCancelled') : t('meetings.reply.closedEnded')}
          </Typography.Text>
        ) : (
          <Form<ReplyDraft>
            form={form}
            layout="vertical"
            initialValues={initial}
            disabled={busy}
            onFinish={(v) => void send(v)}
            onValuesChange={() => setError(null)}
            style={{ maxWidth: 560 }}
            data-testid="meeting-reply-form"
          >
            {deadlinePassed && myState === 'no_reply' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('meetings.reply.lateWarning')} data-testid="meeting-reply-late-warning" />}
            <Form.Item name="response" label={t('meetings.reply.response')} rules={[{ required: true, message: t('meetings.reply.chooseResponse') }]}>
              <Radio.Group data-testid="meeting-reply-response">
                {(['attending', 'absent', 'substitute'] as const satisfies readonly ReplyResponse[])
                  .filter((r) => r !== 'substitute' || allowSubstitute)
                  .map((r) => (
                    <Radio.Button key={r} value={r}>
                      <span data-testid={`meeting-reply-${r}`}>{t(`meetings.response.${r}`)}</span>
                    </Radio.Button>
                  ))}
              </Radio.Group>
            </Form.Item>
            {!allowSubstitute && attendee.via !== 'substitute' && (
              <Typography.Paragraph type="secondary" style={{ marginTop: -16 }}>
                {t('meetings.reply.noSubstitutes')}
              </Typography.Paragraph>
            )}
            {response === 'substitute' && (
              <Form.Item name="substituteId" label={t('meetings.reply.substitute')} rules={[{ required: true, message: t('meetings.reply.chooseSubstitute') }]} extra={t('meetings.reply.substituteHint')}>
                <Select<string>
                  showSearch
                  allowClear
                  virtual={false}
                  optionFilterProp="label"
                  placeholder={t('meetings.reply.substitutePlaceholder')}
                  data-testid="meeting-reply-substitute-select"
                  options={candidates.map((u) => ({ value: u.id, label: u.displayName, 'data-testid': `meeting-substitute-option-${u.id}` }))}
                />
              </Form.Item>
            )}
            {(response === 'absent' || response === 'substitute') && (
              <Form.Item
                name="reason"
                label={response === 'absent' ? t('meetings.reply.reason') : t('meetings.reply.remark')}
                rules={response === 'absent' ? [{ required: true, whitespace: true, message: reasonMessage(t, 'meeting.reason_required') }] : []}
              >
                <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder={response === 'absent' ? t('meetings.reply.reasonPlaceholder') : ''} data-testid="meeting-reply-reason" />
              </Form.Item>
            )}
            {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} data-testid="meeting-reply-error" />}
            <Button type={myState === 'needs_reconfirm' ? 'default' : 'primary'} htmlType="submit" loading={busy} data-testid="meeting-reply-submit">
              {myReply ? t('meetings.reply.update') : t('meetings.reply.submit')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}

/** "赵敏 已确认代为参加" / "赵敏 无法参加：…": the substitute's own answer, for whoever sent them. */
function SubstituteAnswer({ meeting, name, reply }: { meeting: Meeting; name: string; reply: MeetingReply | null }) {
  const { t } = useTranslation();
  const state = replyState(meeting, reply);
  // A substitute cannot send someone else; their answer is one of these four.
  const shown = state === 'substitute' ? 'no_reply' : state;
  const type = shown === 'attending' ? 'success' : shown === 'absent' ? 'danger' : 'warning';
  return (
    <Typography.Text type={type} data-testid="meeting-substitute-answer" data-state={shown}>
      {t(`meetings.reply.substituteAnswer.${shown}`, { name, reason: reply?.reason ?? '' })}
    </Typography.Text>
  );
}
