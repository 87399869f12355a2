// The desktop reminder before a meeting: what is due at an instant (no clocks, no timers), once
// per meeting and time, remembered across a restart, and the per-device setting behind it.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { BureauDb } from '../../../../renderer/db';
import {
  claimMeetingReminders,
  DEFAULT_MEETING_REMINDER_MINUTES,
  MEETING_REMINDER_MINUTES_KEY,
  readMeetingReminderMinutes,
  setMeetingReminderMinutes,
} from '../../../../renderer/db/hooks/notificationsMeetings';
import { meetingRemindersDue, nextReminderAt, reminderKey, reminderNotification, upcomingReminderKeys, type ReminderInput } from '../../../../renderer/features/notifications/meetingReminders';
import { createI18n } from '../../../../renderer/i18n/createI18n';
import { notificationSchema } from '../../../../shared/protocol/ipc';
import { at } from '../../../support/meetingFixture';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { agency, expectAllWritesValid, run } from '../../shared/mutators/helpers';
import { issueArgs as sharedIssueArgs, START } from '../../shared/mutators/meetingHelpers';

afterEach(() => {
  expectAllWritesValid();
});

const minutesBefore = (instant: string, n: number) => new Date(Date.parse(instant) - n * 60_000).toISOString();

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

/** The shared notice (meetingHelpers.ts) to four people, with no agenda and no reply deadline. */
const issueArgs = (overrides: Record<string, unknown> = {}) => sharedIssueArgs({ agenda: '', invitedUserIds: ['wangqiang', 'zhaomin', 'chenjing', 'liuyang'], replyDeadline: null, ...overrides });

/** lina's meeting on Thursday at 14:00: wangqiang attends, zhaomin is absent, chenjing sends sunlei, liuyang has not replied. */
async function meeting(): Promise<MemoryDocTx> {
  const tx = await agency({}, { allocations: false });
  await run(tx, 'lina', 'meeting.issue', issueArgs());
  await run(tx, 'wangqiang', 'meeting.reply', { meetingId: 'mtg-1', response: 'attending' });
  await run(tx, 'zhaomin', 'meeting.reply', { meetingId: 'mtg-1', response: 'absent', reason: '出差' });
  await run(tx, 'chenjing', 'meeting.reply', { meetingId: 'mtg-1', response: 'substitute', substituteId: 'sunlei' });
  return tx;
}

/** What `userId`'s device holds (the notices they organize or are on, their own replies), at `now`. */
function input(tx: MemoryDocTx, userId: string, now: string, minutes: number | null = 15, fired: ReadonlySet<string> = new Set()): ReminderInput {
  return {
    userId,
    meetings: tx.all('meetings').filter((m) => m.organizerId === userId || m.attendeeIds.includes(userId)),
    replies: tx.all('meetingReplies').filter((r) => r.userId === userId),
    minutes,
    now,
    fired,
  };
}

const dueIds = (i: ReminderInput) => meetingRemindersDue(i).map((d) => d.meeting.id);

describe('what is due at an instant', () => {
  it('is due from N minutes before the start until the start, not before and not after', async () => {
    const tx = await meeting();
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 16)))).toEqual([]);
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 15)))).toEqual(['mtg-1']);
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 1)))).toEqual(['mtg-1']);
    expect(dueIds(input(tx, 'wangqiang', START))).toEqual([]);
    // Another lead time, and none at all.
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 50), 60))).toEqual(['mtg-1']);
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 50), 30))).toEqual([]);
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 5), null))).toEqual([]);
  });

  it('reminds those who attend or have not replied, the substitute and the organizer; not the absent, nor who sent a substitute', async () => {
    const tx = await meeting();
    const now = minutesBefore(START, 10);
    const due = Object.fromEntries(['wangqiang', 'zhaomin', 'chenjing', 'sunlei', 'liuyang', 'lina', 'zhangwei'].map((u) => [u, dueIds(input(tx, u, now)).length > 0]));
    expect(due).toEqual({ wangqiang: true, zhaomin: false, chenjing: false, sunlei: true, liuyang: true, lina: true, zhangwei: false });
  });

  it('is not due for a cancelled meeting', async () => {
    const tx = await meeting();
    await run(tx, 'lina', 'meeting.cancel', { id: 'mtg-1', reason: '' });
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 10)))).toEqual([]);
    expect(dueIds(input(tx, 'lina', minutesBefore(START, 10)))).toEqual([]);
  });

  it('is due once per meeting and time: shown already, it is not due again until the meeting moves', async () => {
    const tx = await meeting();
    const now = minutesBefore(START, 10);
    const [first] = meetingRemindersDue(input(tx, 'wangqiang', now));
    expect(first?.key).toBe('mtg-1:r1');
    const fired = new Set([first!.key]);
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 5), 15, fired))).toEqual([]);
    // A new place is no new time: still shown.
    const m = tx.peek('meetings', 'mtg-1')!;
    const base = { id: m.id, title: m.title, startAt: m.startAt, endAt: m.endAt, location: m.location, agenda: m.agenda, attachments: m.attachments, invitedUserIds: m.invitedUserIds, invitedDepartmentIds: m.invitedDepartmentIds, replyDeadline: m.replyDeadline, substituteAllowed: m.substituteAllowed };
    await run(tx, 'lina', 'meeting.update', { ...base, location: '五楼视频会议室' });
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 5), 15, fired))).toEqual([]);
    // Half an hour later: his "attending" still counts until he says otherwise, and it is due again at the new time.
    const later = at('2026-03-05', '14:30');
    await run(tx, 'lina', 'meeting.update', { ...base, location: '五楼视频会议室', startAt: later, endAt: at('2026-03-05', '16:30') });
    expect(dueIds(input(tx, 'wangqiang', minutesBefore(START, 5), 15, fired))).toEqual([]);
    const again = meetingRemindersDue(input(tx, 'wangqiang', minutesBefore(later, 15), 15, fired));
    expect(again.map((d) => d.key)).toEqual(['mtg-1:r2']);
  });

  it('is due when the app starts again after the moment passed, as long as the meeting has not begun', async () => {
    const tx = await meeting();
    // Closed before the reminder fell due, opened 3 minutes before the start.
    expect(dueIds(input(tx, 'liuyang', minutesBefore(START, 3)))).toEqual(['mtg-1']);
    // Opened after the start: too late for a reminder.
    expect(dueIds(input(tx, 'liuyang', minutesBefore(START, -1)))).toEqual([]);
  });

  it('lists several due meetings soonest first, and knows when the next one falls due', async () => {
    const tx = await meeting();
    await run(tx, 'lina', 'meeting.issue', issueArgs({ id: 'mtg-0', title: '党支部学习', startAt: at('2026-03-05', '13:50'), endAt: at('2026-03-05', '14:00'), invitedUserIds: ['wangqiang'] }));
    await run(tx, 'lina', 'meeting.issue', issueArgs({ id: 'mtg-2', title: '周例会', startAt: at('2026-03-06', '09:00'), endAt: at('2026-03-06', '10:00'), invitedUserIds: ['wangqiang'] }));
    const now = at('2026-03-05', '13:46');
    expect(dueIds(input(tx, 'wangqiang', now))).toEqual(['mtg-0', 'mtg-1']);
    expect(nextReminderAt(input(tx, 'wangqiang', now))).toBe(Date.parse(at('2026-03-06', '08:45')));
    expect(nextReminderAt(input(tx, 'wangqiang', at('2026-03-05', '12:00')))).toBe(Date.parse(at('2026-03-05', '13:35')));
    expect(nextReminderAt(input(tx, 'wangqiang', now, null))).toBeNull();
    expect(nextReminderAt(input(tx, 'zhaomin', now))).toBeNull();
    // What is worth remembering as shown: the meetings not begun yet.
    expect(upcomingReminderKeys(input(tx, 'wangqiang', now)).sort()).toEqual(['mtg-0:r1', 'mtg-1:r1', 'mtg-2:r1']);
    expect(upcomingReminderKeys(input(tx, 'wangqiang', at('2026-03-05', '13:55'))).sort()).toEqual(['mtg-1:r1', 'mtg-2:r1']);
  });

  it('says what starts when and where, in the user\u2019s language', async () => {
    const tx = await meeting();
    const m = tx.peek('meetings', 'mtg-1')!;
    const text = reminderNotification(zh, m, minutesBefore(START, 15));
    expect(text).toEqual({ title: '会议提醒：《第一季度工作部署会》', body: '14:00 开始（还有 15 分钟）\n地点：三楼第一会议室' });
    expect(notificationSchema.safeParse(text).success).toBe(true);
    expect(reminderNotification(en, m, minutesBefore(START, 1))).toEqual({ title: 'Meeting reminder: “第一季度工作部署会”', body: 'Starts at 14:00 (in 1 minute)\nPlace: 三楼第一会议室' });
    expect(reminderNotification(zh, { ...m, location: '' }, minutesBefore(START, 0.2)).body).toBe('14:00 开始，即将开始');
  });
});

describe('reminders on a device', () => {
  it('shows each reminder once, also across a restart and a second tab', async () => {
    const indexedDB = new IDBFactory();
    const open = () => ({ db: new BureauDb('reminders-test', { indexedDB, IDBKeyRange }) });
    const first = open();
    const second = open();
    expect(await claimMeetingReminders(first, ['mtg-1:r1'], ['mtg-1:r1', 'mtg-2:r1'])).toEqual(['mtg-1:r1']);
    expect(await claimMeetingReminders(second, ['mtg-1:r1'], ['mtg-1:r1', 'mtg-2:r1'])).toEqual([]);
    first.db.close();
    second.db.close();
    const restarted = open();
    expect(await claimMeetingReminders(restarted, ['mtg-1:r1', 'mtg-2:r1'], ['mtg-1:r1', 'mtg-2:r1'])).toEqual(['mtg-2:r1']);
    // The meeting moved: its new time is a new reminder.
    expect(await claimMeetingReminders(restarted, [reminderKey({ id: 'mtg-1', scheduleRevision: 2 })], ['mtg-1:r2', 'mtg-2:r1'])).toEqual(['mtg-1:r2']);
    restarted.db.close();
  });

  it('keeps the lead time per device: 15 minutes unless chosen, off, or another choice; anything else changes nothing', async () => {
    const store = { db: new BureauDb('reminder-setting-test', { indexedDB: new IDBFactory(), IDBKeyRange }) };
    expect(await readMeetingReminderMinutes(store.db)).toBe(DEFAULT_MEETING_REMINDER_MINUTES);
    expect(DEFAULT_MEETING_REMINDER_MINUTES).toBe(15);
    await setMeetingReminderMinutes(store, 30);
    expect(await readMeetingReminderMinutes(store.db)).toBe(30);
    await setMeetingReminderMinutes(store, null);
    expect(await readMeetingReminderMinutes(store.db)).toBeNull();
    for (const bad of [7, 0, -5, 1.5, Number.NaN]) await expect(setMeetingReminderMinutes(store, bad)).rejects.toThrow(RangeError);
    expect(await readMeetingReminderMinutes(store.db)).toBeNull();
    // A value written by something else is not trusted: the default applies.
    await store.db.meta.put({ key: MEETING_REMINDER_MINUTES_KEY, value: '10' });
    expect(await readMeetingReminderMinutes(store.db)).toBe(DEFAULT_MEETING_REMINDER_MINUTES);
    store.db.close();
  });
});
