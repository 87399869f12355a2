// The organizer's live receipt table (回执统计): who replied what and when, who has not, who must
// confirm a new time, who is on leave then; totals that filter the table; a reminder to those
// still to answer; and the table as a CSV file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import type { Absence, Meeting, MeetingReply } from '../../../shared/domain/meeting';
import { safeFileName } from '../../../shared/protocol/ipc';
import { awaitingReply, receiptTotals } from '../../../shared/meetings/receipts';
import { MutationRejected } from '../../../shared/mutators';
import { useStore } from '../../db';
import { platform } from '../../platform';
import { testId } from '../../components/testId';
import { reasonMessage } from '../../i18n/reasons';
import { toCsv } from '../hr/export';
import { ReplyStateTag } from './MeetingTags';
import type { Directory } from './meetingDraft';
import { filterLines, invitedVia, RECEIPT_FILTERS, receiptExportTable, receiptLines, replyNote, type ReceiptFilter, type ReceiptLine } from './receiptView';
import { formatCompact } from './time';
import { useSaveOutcome } from './useSaveOutcome';

interface Props {
  meeting: Meeting;
  replies: readonly MeetingReply[];
  directory: Directory | undefined;
  absences: readonly Absence[];
  closed: boolean;
}

export function ReceiptPanel({ meeting, replies, directory, absences, closed }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useStore();
  const announce = useSaveOutcome();
  const [filter, setFilter] = useState<ReceiptFilter>('all');
  const [reminding, setReminding] = useState(false);
  const lines = receiptLines(meeting, replies, directory, absences);
  const totals = receiptTotals(lines);
  const waiting = awaitingReply(meeting, replies);
  const counts: Record<ReceiptFilter, number> = {
    all: totals.total,
    attending: totals.attending,
    absent: totals.absent,
    substitute: totals.substitute,
    no_reply: totals.no_reply,
    needs_reconfirm: totals.needs_reconfirm,
    late: lines.filter((l) => l.reply?.late).length,
    conflict: lines.filter((l) => l.conflict).length,
  };
  const shown = filterLines(lines, filter);
  const lastReminder = meeting.reminders[meeting.reminders.length - 1];

  async function remind(): Promise<void> {
    setReminding(true);
    try {
      await store.mutate('meeting.remind', { id: meeting.id });
      void message.success(t('meetings.receipts.reminded', { n: waiting.length }));
    } catch (err) {
      void message.error(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
    } finally {
      setReminding(false);
    }
  }

  async function exportCsv(): Promise<void> {
    const bytes = new TextEncoder().encode(toCsv(receiptExportTable(t, shown)));
    const name = safeFileName(t('meetings.receipts.fileName', { title: meeting.title }), 'csv');
    announce(await platform.file.save({ name, mediaType: 'text/csv', bytes }));
  }

  const columns: TableColumnsType<ReceiptLine> = [
    {
      key: 'name',
      title: t('meetings.receipts.col.name'),
      width: 150,
      render: (_, l) => (
        <Space size={4} wrap>
          <span data-testid="receipt-name">{l.name}</span>
          {l.conflict && (
            <Tooltip title={t('meetings.receipts.onLeaveHint')}>
              <Tag color="red" data-testid="receipt-leave-conflict" style={{ marginInlineEnd: 0 }}>
                {t('meetings.receipts.onLeave')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { key: 'department', title: t('meetings.receipts.col.department'), width: 110, render: (_, l) => l.departmentName || '—' },
    { key: 'via', title: t('meetings.receipts.col.via'), width: 150, render: (_, l) => <span data-testid="receipt-via">{invitedVia(t, l)}</span> },
    { key: 'reply', title: t('meetings.receipts.col.reply'), width: 120, render: (_, l) => <ReplyStateTag state={l.state} testId="receipt-state" /> },
    { key: 'note', title: t('meetings.receipts.col.note'), render: (_, l) => <span data-testid="receipt-note">{replyNote(t, l) || '—'}</span> },
    {
      key: 'repliedAt',
      title: t('meetings.receipts.col.repliedAt'),
      width: 190,
      render: (_, l) =>
        l.reply ? (
          <Space size={4}>
            <span style={{ whiteSpace: 'nowrap' }}>{formatCompact(l.reply.repliedAt)}</span>
            {l.reply.late && (
              <Tag color="warning" data-testid="receipt-late" style={{ marginInlineEnd: 0 }}>
                {t('meetings.receipts.late')}
              </Tag>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('meetings.receipts.title')}
      data-testid="receipt-panel"
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportCsv()} disabled={shown.length === 0} data-testid="receipt-export-csv">
          {t('meetings.receipts.exportCsv')}
        </Button>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space size={[16, 8]} wrap data-testid="receipt-totals" data-total={totals.total} data-attending={totals.attending} data-absent={totals.absent} data-substitute={totals.substitute} data-no-reply={totals.no_reply} data-needs-reconfirm={totals.needs_reconfirm}>
          <Typography.Text strong>{t('meetings.receipts.summary', { total: totals.total, attending: totals.attending, absent: totals.absent, substitute: totals.substitute })}</Typography.Text>
          {totals.no_reply + totals.needs_reconfirm > 0 && <Typography.Text type="warning">{t('meetings.receipts.summaryWaiting', { n: totals.no_reply + totals.needs_reconfirm })}</Typography.Text>}
        </Space>
        <Segmented<ReceiptFilter>
          value={filter}
          onChange={setFilter}
          data-testid="receipt-filter"
          options={RECEIPT_FILTERS.map((f) => ({
            value: f,
            label: <span data-testid={`receipt-filter-${f}`}>{t('meetings.receipts.filter', { label: t(`meetings.filter.${f}`), n: counts[f] })}</span>,
          }))}
        />
        <Table<ReceiptLine>
          rowKey={(l) => l.attendee.userId}
          size="small"
          columns={columns}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(l) => testId('receipt-row', { user: l.attendee.userId, state: l.state, via: l.attendee.via, late: l.reply?.late ? 1 : 0, conflict: l.conflict ? 1 : 0 })}
          scroll={{ x: true }}
        />
        {!closed && (
          <Space wrap>
            <Button icon={<BellOutlined />} loading={reminding} disabled={waiting.length === 0} onClick={() => void remind()} data-testid="meeting-remind">
              {t('meetings.receipts.remind', { n: waiting.length })}
            </Button>
            <Typography.Text type="secondary" data-testid="meeting-last-reminder">
              {lastReminder ? t('meetings.receipts.lastReminder', { when: formatCompact(lastReminder.at), n: lastReminder.userIds.length }) : t('meetings.receipts.neverReminded')}
            </Typography.Text>
          </Space>
        )}
      </Space>
    </Card>
  );
}
