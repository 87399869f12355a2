// /meetings: the notices the user is invited to (those waiting for an answer first), the ones
// they organize, and the ones over or cancelled; /meetings/:id opens one.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Badge, Button, Card, Empty, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { receiptTotals, receiptTable } from '../../../shared/meetings/receipts';
import { useCurrentUser, useDirectory, useMyMeetingReplies, useMyMeetings, usePendingMeetingIds, useRepliesFor, useStore } from '../../db';
import { testId } from '../../components/testId';
import { MeetingDetail } from './MeetingDetail';
import { MeetingStatusTags, ReplyStateTag, WaitingSyncTag } from './MeetingTags';
import { defaultTab, groupMeetings, MEETING_TABS, type MeetingListItem, type MeetingTab } from './meetingView';
import { formatSpan, formatWhen } from './time';
import { useNow } from './useNow';

export function MeetingsPage() {
  const { id } = useParams();
  return id === undefined ? <MeetingList /> : <MeetingDetail id={id} />;
}

function isTab(value: string | null): value is MeetingTab {
  return value !== null && (MEETING_TABS as readonly string[]).includes(value);
}

function MeetingList() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const store = useStore();
  const me = useCurrentUser();
  const meetings = useMyMeetings();
  const myReplies = useMyMeetingReplies();
  const directory = useDirectory();
  const pending = usePendingMeetingIds();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const loading = meetings === undefined || myReplies === undefined;
  const groups = groupMeetings(meetings ?? [], myReplies ?? new Map(), store.userId, now);
  const organizedIds = groups.organized.map((i) => i.meeting.id);
  const organizedReplies = useRepliesFor(organizedIds);
  const requested = params.get('tab');
  const tab: MeetingTab = isTab(requested) ? requested : defaultTab(groups);
  const isOrganizer = me?.roles.includes('meeting_organizer') ?? false;
  const waiting = groups.toAnswer.filter((i) => i.needsAnswer).length;
  const nameOf = (id: string) => directory?.users.get(id)?.displayName ?? t('common.unknownUser');

  const title: TableColumnsType<MeetingListItem>[number] = {
    key: 'title',
    title: t('meetings.col.title'),
    width: 280,
    render: (_, item) => (
      <Space size={4} wrap>
        {/* A real link: reached with Tab, opened with Enter, and in a new window if the user wants. */}
        <Link to={`/meetings/${encodeURIComponent(item.meeting.id)}`} style={item.needsAnswer ? { fontWeight: 600 } : undefined} data-testid="meeting-title-link">
          {item.meeting.title}
        </Link>
        <MeetingStatusTags meeting={item.meeting} now={now} />
      </Space>
    ),
  };
  const when: TableColumnsType<MeetingListItem>[number] = {
    key: 'when',
    title: t('meetings.col.when'),
    width: 250,
    render: (_, item) => formatSpan(item.meeting.startAt, item.meeting.endAt, i18n.language),
  };
  const place: TableColumnsType<MeetingListItem>[number] = { key: 'location', title: t('meetings.col.location'), width: 180, render: (_, item) => item.meeting.location || '—' };
  const view: TableColumnsType<MeetingListItem>[number] = {
    key: 'view',
    title: t('meetings.col.actions'),
    width: 100,
    render: (_, item) => (
      <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(`/meetings/${item.meeting.id}`)} data-testid="meeting-view">
        {t('meetings.view')}
      </Button>
    ),
  };
  const myReply: TableColumnsType<MeetingListItem>[number] = {
    key: 'reply',
    title: t('meetings.col.myReply'),
    width: 200,
    render: (_, item) => (
      <Space size={4} wrap>
        {item.myState && <ReplyStateTag state={item.myState} />}
        {pending.has(item.meeting.id) && <WaitingSyncTag />}
      </Space>
    ),
  };
  const deadline: TableColumnsType<MeetingListItem>[number] = {
    key: 'deadline',
    title: t('meetings.col.deadline'),
    width: 220,
    render: (_, item) => {
      const d = item.meeting.replyDeadline;
      if (!d) return '—';
      const passed = Date.parse(d) < Date.parse(now);
      return (
        <Typography.Text type={passed && item.needsAnswer ? 'danger' : undefined}>
          {formatWhen(d, i18n.language)}
          {passed && item.needsAnswer ? ` · ${t('meetings.deadlinePassed')}` : ''}
        </Typography.Text>
      );
    },
  };
  const organizer: TableColumnsType<MeetingListItem>[number] = { key: 'organizer', title: t('meetings.col.organizer'), width: 120, render: (_, item) => nameOf(item.meeting.organizerId) };
  const receipts: TableColumnsType<MeetingListItem>[number] = {
    key: 'receipts',
    title: t('meetings.col.receipts'),
    width: 240,
    render: (_, item) => {
      const totals = receiptTotals(receiptTable(item.meeting, organizedReplies?.get(item.meeting.id) ?? []));
      const answered = totals.attending + totals.absent + totals.substitute;
      return (
        <Space size={4} wrap data-testid="meeting-receipt-summary">
          <span>{t('meetings.list.answered', { answered, total: totals.total })}</span>
          {totals.no_reply + totals.needs_reconfirm > 0 && <Typography.Text type="warning">{t('meetings.list.waiting', { n: totals.no_reply + totals.needs_reconfirm })}</Typography.Text>}
          {pending.has(item.meeting.id) && <WaitingSyncTag />}
        </Space>
      );
    },
  };
  const role: TableColumnsType<MeetingListItem>[number] = {
    key: 'role',
    title: t('meetings.col.myReply'),
    width: 200,
    render: (_, item) => (item.organizer ? t('meetings.list.organizedByMe') : item.myState ? <ReplyStateTag state={item.myState} /> : '—'),
  };

  const columns: Record<MeetingTab, TableColumnsType<MeetingListItem>> = {
    toAnswer: [title, when, place, organizer, deadline, myReply, view],
    organized: [title, when, place, deadline, receipts, view],
    past: [title, when, place, organizer, role, view],
  };
  const empty: Record<MeetingTab, string> = { toAnswer: t('meetings.list.emptyToAnswer'), organized: t('meetings.list.emptyOrganized'), past: t('meetings.list.emptyPast') };

  const table = (which: MeetingTab) => (
    <Table<MeetingListItem>
      rowKey={(item) => item.meeting.id}
      columns={columns[which]}
      dataSource={groups[which]}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(item) => testId('meeting-row', { id: item.meeting.id, tab: which, state: item.myState ?? 'organizer', attention: item.needsAnswer ? 1 : 0 })}
      locale={{ emptyText: loading ? ' ' : <Empty description={empty[which]} /> }}
      scroll={{ x: true }}
    />
  );

  const showOrganized = isOrganizer || groups.organized.length > 0;
  return (
    <Card
      title={<span data-testid="page-title">{t('meetings.title')}</span>}
      extra={
        isOrganizer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/meetings/new')} data-testid="new-meeting-button">
            {t('meetings.list.new')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(isTab(key) ? { tab: key } : {}, { replace: true })}
        items={[
          {
            key: 'toAnswer',
            label: (
              <Space size={6} data-testid="meeting-tab-toAnswer">
                {t('meetings.tab.toAnswer')}
                <Badge count={waiting} size="small" data-testid="meeting-waiting-count" />
              </Space>
            ),
            children: table('toAnswer'),
          },
          ...(showOrganized ? [{ key: 'organized', label: <span data-testid="meeting-tab-organized">{t('meetings.tab.organized')}</span>, children: table('organized') }] : []),
          { key: 'past', label: <span data-testid="meeting-tab-past">{t('meetings.tab.past')}</span>, children: table('past') },
        ]}
      />
    </Card>
  );
}
