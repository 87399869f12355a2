// A meeting exported as .ics and read back by a real iCalendar parser (ical.js, the one
// Thunderbird uses): the text survives escaping and folding exactly, the times are the same
// instants once the file's own VTIMEZONE is applied, and the file keeps RFC 5545's line rules.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../shared/domain/meeting';
import { escapeText, foldLine, ICS_TZID, icsFileName, meetingToIcs, type IcsOptions } from '../../../../shared/meetings/ics';

type Exported = Pick<Meeting, 'id' | 'title' | 'startAt' | 'endAt' | 'location' | 'status' | 'changes' | 'updatedAt'>;

/** Thursday 26 November 2026, 14:30–16:00 in the agency (UTC+8). */
function meeting(overrides: Partial<Exported> = {}): Exported {
  return {
    id: 'mtg-2026-q4',
    title: '第四季度工作部署会',
    startAt: '2026-11-26T06:30:00.000Z',
    endAt: '2026-11-26T08:00:00.000Z',
    location: '行政中心三楼第一会议室',
    status: 'scheduled',
    changes: [],
    updatedAt: '2026-11-20T01:15:00.000Z',
    ...overrides,
  };
}

const options = (overrides: Partial<IcsOptions> = {}): IcsOptions => ({ description: '议程：一、通报工作；二、部署任务', alarmMinutes: 15, alarmText: '会议即将开始', uidDomain: 'bureau.example.gov.cn', ...overrides });

/** Parses the file as a calendar program would, with the file's own time zone registered. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (!zone) throw new Error('no VTIMEZONE');
  ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

afterEach(() => {
  // The service is global to the parser: each test registers the zone from its own file.
  ICAL.TimezoneService.remove(ICS_TZID);
});

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

describe('meetingToIcs read back by ical.js', () => {
  it('gives the title, place, description, identity and status back', () => {
    const { calendar, event, vevent } = parse(meetingToIcs(meeting(), options()));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(event.summary).toBe('第四季度工作部署会');
    expect(event.location).toBe('行政中心三楼第一会议室');
    expect(event.description).toBe('议程：一、通报工作；二、部署任务');
    expect(event.uid).toBe('mtg-2026-q4@bureau.example.gov.cn');
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-20T01:15:00Z');
  });

  it('puts start and end at the meeting’s instants, in the agency’s zone', () => {
    const { event } = parse(meetingToIcs(meeting(), options()));
    expect(event.startDate.zone?.tzid).toBe(ICS_TZID);
    expect(event.startDate.toString()).toBe('2026-11-26T14:30:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-26T06:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(event.startDate.utcOffset()).toBe(8 * 3600);
  });

  it('keeps a meeting across midnight on the right dates', () => {
    // 23:00 on 31 December to 01:00 on 1 January, agency time: the UTC dates are both 31 December.
    const { event } = parse(meetingToIcs(meeting({ startAt: '2026-12-31T15:00:00.000Z', endAt: '2026-12-31T17:00:00.000Z' }), options()));
    expect(event.startDate.toString()).toBe('2026-12-31T23:00:00');
    expect(event.endDate.toString()).toBe('2027-01-01T01:00:00');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('round-trips commas, semicolons, backslashes and new lines exactly', () => {
    const title = '关于“放管服”改革的会议, 第2次; 路径 C:\\公文\\会议';
    const location = '北楼, 3层; 301室\\302室';
    const description = '一、听取汇报;\n二、研究部署, 分工落实\r\n三、其他 \\ 事项\r四、散会\n\n(请带笔记本)';
    const { event } = parse(meetingToIcs(meeting({ title, location }), options({ description })));
    expect(event.summary).toBe(title);
    expect(event.location).toBe(location);
    // Every kind of line break comes back as \n, the one TEXT knows.
    expect(event.description).toBe(description.replace(/\r\n|\r/g, '\n'));
  });

  it('round-trips long Chinese text folded over many lines, and keeps every physical line within 75 octets and CRLF', () => {
    const description = `${'会议议程：'.repeat(3)}${'各处室负责同志汇报本年度重点工作完成情况，并提出下一年度工作思路。'.repeat(12)}😀 é ñ 𠀋`;
    const title = `${'关于全面推进政务服务标准化规范化便利化的专题会议'.repeat(4)}`;
    const text = meetingToIcs(meeting({ title }), options({ description }));
    expect(text.endsWith('\r\n')).toBe(true);
    // No bare LF and no bare CR anywhere: every line ends in CRLF.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = text.slice(0, -2).split('\r\n');
    expect(physical.length).toBeGreaterThan(20);
    for (const line of physical) expect(utf8(line), line).toBeLessThanOrEqual(75);
    // A folded line never splits a character: each physical line is valid UTF-8 on its own.
    for (const line of physical) expect(Buffer.from(Buffer.from(line, 'utf8').toString('utf8'), 'utf8').toString('utf8')).toBe(line);
    const { event } = parse(text);
    expect(event.summary).toBe(title);
    expect(event.description).toBe(description);
  });

  it('numbers each revision and marks a cancelled meeting CANCELLED, without a reminder', () => {
    const change = { at: '2026-11-21T01:00:00.000Z', kind: 'rescheduled' as const, previousStartAt: '2026-11-25T06:30:00.000Z', previousEndAt: '2026-11-25T08:00:00.000Z', previousLocation: null, note: null };
    const moved = parse(meetingToIcs(meeting({ changes: [change] }), options()));
    expect(moved.event.sequence).toBe(1);
    expect(moved.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    ICAL.TimezoneService.remove(ICS_TZID);

    const cancelled = parse(
      meetingToIcs(meeting({ status: 'cancelled', changes: [change, { ...change, kind: 'cancelled', previousStartAt: null, previousEndAt: null, note: '另行通知' }] }), options()),
    );
    expect(cancelled.event.sequence).toBe(2);
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.vevent.getAllSubcomponents('valarm')).toEqual([]);
    // Same UID: importing it replaces the copy already in the calendar.
    expect(cancelled.event.uid).toBe(moved.event.uid);
  });

  it('asks the calendar program for a reminder the chosen minutes before the start, or none', () => {
    const { vevent } = parse(meetingToIcs(meeting(), options({ alarmMinutes: 30, alarmText: '提醒：会议, 30分钟后开始' })));
    const alarms = vevent.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0]!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('description')).toBe('提醒：会议, 30分钟后开始');
    const trigger = alarm.getFirstPropertyValue('trigger');
    expect(trigger instanceof ICAL.Duration ? trigger.toSeconds() : null).toBe(-30 * 60);
    ICAL.TimezoneService.remove(ICS_TZID);

    expect(parse(meetingToIcs(meeting(), options({ alarmMinutes: null }))).vevent.getAllSubcomponents('valarm')).toEqual([]);
  });

  it('leaves out an empty place and an empty description', () => {
    const { vevent } = parse(meetingToIcs(meeting({ location: '' }), options({ description: '' })));
    expect(vevent.hasProperty('location')).toBe(false);
    expect(vevent.hasProperty('description')).toBe(false);
  });
});

describe('foldLine and escapeText', () => {
  it('folds at exactly 75 octets and continues with one space', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
    expect(foldLine('A'.repeat(75 + 74 + 1))).toBe(`${'A'.repeat(75)}\r\n ${'A'.repeat(74)}\r\n A`);
  });

  it('moves a character that does not fit whole to the next line', () => {
    // 24 three-octet characters are 72 octets; a 25th would be 75, a 26th would cross the limit.
    const folded = foldLine(`${'会'.repeat(25)}议`);
    expect(folded.split('\r\n')).toEqual(['会'.repeat(25), ' 议']);
    const emoji = foldLine(`${'A'.repeat(73)}😀`);
    expect(emoji.split('\r\n')).toEqual(['A'.repeat(73), ' 😀']);
  });

  it('escapes what TEXT requires and nothing else', () => {
    expect(escapeText('a\\b;c,d\ne:f"g')).toBe('a\\\\b\\;c\\,d\\ne:f"g');
  });

  it('drops control characters TEXT may not hold (pasted from a word processor), keeping tabs', () => {
    expect(escapeText('议程\u000b一、\t汇报\u000c\u0007')).toBe('议程一、\t汇报');
    const { event } = parse(meetingToIcs(meeting({ title: '会议\u000b通知' }), options({ description: '一\t二\u0001三' })));
    expect(event.summary).toBe('会议通知');
    expect(event.description).toBe('一\t二三');
  });
});

describe('icsFileName', () => {
  it('keeps a Chinese title and drops what file systems refuse', () => {
    expect(icsFileName('第四季度工作部署会')).toBe('第四季度工作部署会.ics');
    expect(icsFileName('关于 A/B 方案: "讨论"?')).toBe('关于 A B 方案 讨论.ics');
    expect(icsFileName('关于年终总结的通知…… 。。')).toBe('关于年终总结的通知…… 。。.ics');
    expect(icsFileName(' 座谈会. ')).toBe('座谈会.ics');
    expect(icsFileName('***')).toBe('meeting.ics');
  });
});
