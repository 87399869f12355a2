// The organizer's receipt table, its CSV export and the .ics export as a user would get them:
// substitutes beside the person who sent them, filters, leave conflicts, translated cells, and a
// calendar file a real iCalendar parser reads back with the user's reminder.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Absence, MeetingReply } from '../../../../shared/domain/meeting';
import { toCsv } from '../../../../renderer/features/hr/export';
import { absenceText } from '../../../../renderer/features/meetings/absenceText';
import { DEFAULT_ALARM_MINUTES, meetingIcsFile, uidDomain } from '../../../../renderer/features/meetings/icsExport';
import { filterLines, receiptExportTable, receiptLines } from '../../../../renderer/features/meetings/receiptView';
import { agencyInstant, agencyParts, formatSpan } from '../../../../renderer/features/meetings/time';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { demoDepartments, demoUsers } from '../../shared/fixtures/demoAgency';
import { meetingDoc, replyDoc } from './fixtures';

const directory = { users: new Map(demoUsers.map((u) => [u.id, u])), departments: new Map(demoDepartments.map((d) => [d.id, d])) };
const zh = createI18n('zh-CN').t;

/** The notice with 赵敏 sent by 孙磊, at its second schedule revision. */
const meeting = meetingDoc({
  agenda: '一、通报工作；\n二、部署任务, 分工',
  attendees: [...meetingDoc().attendees, { userId: 'zhaomin', via: 'substitute', departmentId: null, substituteFor: 'sunlei', addedAt: '2026-03-01T02:00:00.000Z' }],
  attendeeIds: [...meetingDoc().attendeeIds, 'zhaomin'],
  scheduleRevision: 2,
});
const reply = (userId: string, patch: Partial<MeetingReply>) => replyDoc(meeting, userId, patch);

const replies = [
  reply('wangqiang', { scheduleRevision: 1 }),
  reply('chenjing', { response: 'absent', reason: '外出调研，不能参加', late: true, repliedAt: '2026-03-04T12:30:00.000Z' }),
  reply('sunlei', { response: 'substitute', substituteId: 'zhaomin' }),
  reply('zhaomin', {}),
];

// 刘洋 is away on the afternoon of the 5th: the meeting is at 14:00.
const absences: Absence[] = [
  { id: 'ab-1', userId: 'liuyang', leaveRequestId: 'l-1', startDate: '2026-03-05', startHalf: 'pm', endDate: '2026-03-06', endHalf: 'pm', active: true, updatedAt: '2026-03-01T01:00:00.000Z' },
  { id: 'ab-2', userId: 'chenjing', leaveRequestId: 'l-2', startDate: '2026-03-05', startHalf: 'am', endDate: '2026-03-05', endHalf: 'am', active: true, updatedAt: '2026-03-01T01:00:00.000Z' },
];

describe('the receipt table', () => {
  const lines = receiptLines(meeting, replies, directory, absences);

  it('lists everyone with their state, a substitute right after the person who sent them', () => {
    expect(lines.map((l) => [l.name, l.state])).toEqual([
      ['王强', 'needs_reconfirm'],
      ['陈静', 'absent'],
      ['刘洋', 'no_reply'],
      ['孙磊', 'substitute'],
      ['赵敏', 'attending'],
    ]);
    expect(lines.find((l) => l.name === '赵敏')?.substituteForName).toBe('孙磊');
    expect(lines.find((l) => l.name === '孙磊')?.substituteName).toBe('赵敏');
  });

  it('flags only those on leave while the meeting runs (an afternoon off, not a morning off)', () => {
    expect(lines.filter((l) => l.conflict).map((l) => l.name)).toEqual(['刘洋']);
    expect(filterLines(lines, 'conflict').map((l) => l.name)).toEqual(['刘洋']);
  });

  it('filters by state and by late replies', () => {
    expect(filterLines(lines, 'no_reply').map((l) => l.name)).toEqual(['刘洋']);
    expect(filterLines(lines, 'needs_reconfirm').map((l) => l.name)).toEqual(['王强']);
    expect(filterLines(lines, 'late').map((l) => l.name)).toEqual(['陈静']);
    expect(filterLines(lines, 'all')).toHaveLength(5);
  });

  it('exports the rows shown, in Chinese, as a CSV Excel opens', () => {
    const table = receiptExportTable(zh, lines);
    expect(table.columns).toEqual(['姓名', '部门', '邀请方式', '回执', '原因及说明', '回复时间', '逾期', '会议期间请假']);
    expect(table.rows[1]).toEqual(['陈静', '业务处', '部门：业务处', '不参加', '外出调研，不能参加', '2026-03-04 20:30', '是', '']);
    expect(table.rows[3]?.slice(0, 5)).toEqual(['孙磊', '业务处', '部门：业务处', '委派他人参加', '委派 赵敏']);
    expect(table.rows[4]?.slice(0, 4)).toEqual(['赵敏', '综合处', '代 孙磊 参加', '参加']);
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF姓名,部门,')).toBe(true);
    expect(csv).toContain('刘洋,业务处,部门：业务处,未回复,,,,是\r\n');
  });
});

describe('agency time', () => {
  it('reads and writes times in UTC+8 whatever the machine zone', () => {
    expect(agencyInstant('2026-03-05', '14:00')).toBe('2026-03-05T06:00:00.000Z');
    expect(agencyInstant('2026-03-05', '00:30')).toBe('2026-03-04T16:30:00.000Z');
    expect(agencyInstant('2026-02-30', '14:00')).toBeNull();
    expect(agencyInstant('2026-03-05', '9:00')).toBeNull();
    expect(agencyParts('2026-03-04T16:30:00.000Z')).toEqual({ date: '2026-03-05', time: '00:30' });
    expect(formatSpan(meeting.startAt, meeting.endAt, 'zh-CN')).toBe('2026年3月5日星期四 14:00–16:00');
  });

  it('describes leave in days and half days', () => {
    expect(absenceText(zh, { startDate: '2026-03-05', startHalf: 'pm', endDate: '2026-03-06', endHalf: 'pm' })).toBe('2026-03-05 下午 至 2026-03-06');
    expect(absenceText(zh, { startDate: '2026-03-05', startHalf: 'am', endDate: '2026-03-05', endHalf: 'pm' })).toBe('2026-03-05 全天');
    expect(absenceText(zh, { startDate: '2026-03-05', startHalf: 'am', endDate: '2026-03-05', endHalf: 'am' })).toBe('2026-03-05 上午');
  });
});

describe('the .ics export', () => {
  it('is a calendar file with the translated description and the default reminder', () => {
    const file = meetingIcsFile(zh, meeting, '李娜', 'zh-CN', 'http://10.0.0.11:8470');
    expect(file.name).toBe('第一季度工作部署会.ics');
    expect(file.mediaType).toBe('text/calendar');
    const vevent = new ICAL.Component(ICAL.parse(new TextDecoder().decode(file.bytes))).getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT in the file');
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('第一季度工作部署会');
    expect(event.location).toBe('三楼第一会议室');
    expect(event.uid).toBe('mtg-1@10.0.0.11');
    expect(event.description).toBe(['组织者：李娜', '地点：三楼第一会议室', '回执截止：2026年3月4日星期三 18:00', '', '会议议程：', meeting.agenda].join('\n'));
    const alarm = event.component.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('trigger')?.toString()).toBe(`-PT${DEFAULT_ALARM_MINUTES}M`);
    expect(alarm?.getFirstPropertyValue('description')).toBe('会议即将开始：第一季度工作部署会');
  });

  it('names the UIDs after the server, with a fallback', () => {
    expect(uidDomain('https://oa.example.gov.cn/')).toBe('oa.example.gov.cn');
    expect(uidDomain(null)).toBe('bureau.local');
    expect(uidDomain('not a url')).toBe('bureau.local');
  });
});
