// Meeting and form notifications on a device: read from the local database, not a flood on a
// fresh device nor on one that had leave and trip notifications before it had meetings; what
// arrives after the starting point is unread and pops up once; a saved form's newer version is
// told once per version.
import { afterEach, describe, expect, it } from 'vitest';
import { dismissNewerVersion, READ_UP_TO_KEY, recordSavedForm, startNotificationWatermark } from '../../../../renderer/db';
import { loadNoticeNotificationSources, MEETINGS_SEEN_KEY, NOTICES_READ_FROM_KEY, recordMeetingsSeen } from '../../../../renderer/db/hooks/notificationsMeetings';
import { startTravelNotifications } from '../../../../renderer/db/hooks/notificationsTravel';
import { linkOf } from '../../../../renderer/features/notifications/derive';
import { describeNotification } from '../../../../renderer/features/notifications/describe';
import { takeStartingPoint } from '../../../../renderer/features/notifications/startingPoint';
import { agencyDate } from '../../../../shared/calendar/dates';
import type { FormTemplate } from '../../../../shared/domain/forms';
import { at, updateArgsOf } from '../../../support/meetingFixture';
import type { MemoryDocTx } from '../../../support/memoryDocTx';
import { agency, attachment, expectAllWritesValid, NOW, run } from '../../shared/mutators/helpers';
import { issued, meetingOf } from '../../shared/mutators/meetingHelpers';
import { approvedLeaveArrives, bell as deviceBell, type Device, openDevice, popUps as devicePopUps, T1, T2, T3, T4, zh, zhCtx } from './fixtures';

afterEach(() => {
  expectAllWritesValid();
});

const EPOCH = '1970-01-01T00:00:00.000Z';

/** What a sync brings: the notices, replies and forms the user may read, and everyone's leave. */
async function sync(store: Device, tx: MemoryDocTx): Promise<void> {
  const me = store.userId;
  const meetings = tx.all('meetings').filter((m) => m.organizerId === me || m.attendeeIds.includes(me));
  const gone = (await store.db.meetings.toArray()).filter((m) => !meetings.some((n) => n.id === m.id)).map((m) => m.id);
  await store.db.meetings.bulkDelete(gone);
  await store.db.meetings.bulkPut(meetings);
  await store.db.meetingReplies.bulkPut(tx.all('meetingReplies').filter((r) => r.userId === me || r.organizerId === me || r.substituteId === me));
  await store.db.absences.bulkPut(tx.all('absences'));
  await store.db.formTemplates.bulkPut(tx.all('formTemplates'));
}

/** The list as the bell shows it, meeting and form notifications included, on the agency date of `now`. */
const bell = (store: Device, now = T4) => deviceBell(store, now);
/** What pops up on the desktop at `now`. */
const popUps = (store: Device, now = T4) => devicePopUps(store, now);

/** What the app does once notifications are started: remember when each notice arrived. */
async function arrive(store: Device): Promise<void> {
  await recordMeetingsSeen(store, await store.db.meetings.where('attendeeIds').equals(store.userId).toArray());
}

/** The demo agency with the shared notice (meetingHelpers.ts) issued, with no agenda and no reply deadline. */
const issuedNotice = () => issued({ agenda: '', replyDeadline: null });

describe('meeting notifications on a device', () => {
  it('reads the notices of the user, the replies it may read, and the leave of the organizer\u2019s attendees', async () => {
    const tx = await issuedNotice();
    await run(tx, 'wangqiang', 'meeting.reply', { meetingId: 'mtg-1', response: 'substitute', substituteId: 'sunlei' }, T1);
    tx.seedDoc('absences', { id: 'ab-x', userId: 'zhaomin', leaveRequestId: 'x', startDate: '2026-03-05', startHalf: 'am', endDate: '2026-03-05', endHalf: 'pm', active: true, updatedAt: T2 });
    tx.seedDoc('absences', { id: 'ab-y', userId: 'zhangwei', leaveRequestId: 'y', startDate: '2026-03-05', startHalf: 'am', endDate: '2026-03-05', endHalf: 'pm', active: true, updatedAt: T2 });
    const lina = openDevice('lina');
    await sync(lina, tx);
    const mine = await loadNoticeNotificationSources(lina, '2026-03-02');
    expect({ organized: mine.organized.map((m) => m.id), invited: mine.invited.length, replies: mine.replies.map((r) => r.userId), absences: mine.absences.map((a) => a.userId), readFrom: mine.readFrom }).toEqual({
      organized: ['mtg-1'],
      invited: 0,
      replies: ['wangqiang'],
      absences: ['zhaomin'],
      readFrom: null,
    });
    const sunlei = openDevice('sunlei');
    await sync(sunlei, tx);
    const his = await loadNoticeNotificationSources(sunlei, '2026-03-02');
    expect({ invited: his.invited.map((m) => m.id), replies: his.replies.map((r) => r.userId) }).toEqual({ invited: ['mtg-1'], replies: ['wangqiang'] });
    lina.db.close();
    sunlei.db.close();
  });

  it('takes what a fresh device finds at the first sync as read and announced; a later change is new, and pops up once', async () => {
    const tx = await issuedNotice();
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { location: '五楼视频会议室' }), T1);
    const store = openDevice('zhaomin');
    await sync(store, tx);
    // Before the first sync has finished nothing counts as new.
    expect((await bell(store)).map((i) => [i.kind, i.unread])).toEqual([['meeting_invited', false]]);

    await takeStartingPoint(store, { started: false, travelStarted: false, noticesStarted: false }, T4);
    expect((await store.db.meta.get(NOTICES_READ_FROM_KEY))?.value).toBe(T1);
    // The notices found count as arrived when issued: their history is there, and read.
    expect((await store.db.meta.get(MEETINGS_SEEN_KEY))?.value).toEqual({ 'mtg-1': NOW });
    expect((await bell(store)).map((i) => [i.kind, i.unread])).toEqual([
      ['meeting_relocated', false],
      ['meeting_invited', false],
    ]);
    expect(await popUps(store)).toEqual([]);

    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { startAt: at('2026-03-05', '15:00'), endAt: at('2026-03-05', '17:00') }), T2);
    await sync(store, tx);
    await arrive(store);
    const unread = (await bell(store)).filter((i) => i.unread);
    expect(unread.map((i) => describeNotification(zh, i, zhCtx).headline)).toEqual(['《第一季度工作部署会》时间改为 3月5日 15:00，请回执']);
    expect(await popUps(store)).toEqual(unread.map((i) => i.id));
    expect(await popUps(store)).toEqual([]);
    store.db.close();
  });

  it('does not flood a device that had leave and trip notifications before meetings, and keeps a new leave item due its pop-up', async () => {
    const tx = await issuedNotice();
    await run(tx, 'lina', 'meeting.remind', { id: 'mtg-1' }, T1);
    const store = openDevice('wangqiang');
    // An older version started with nothing at all: everything after the epoch is new to it.
    await startNotificationWatermark(store, EPOCH, []);
    await startTravelNotifications(store, EPOCH, []);
    await sync(store, tx);
    await approvedLeaveArrives(store, T1, T2);
    expect((await bell(store)).map((i) => [i.kind, i.unread])).toEqual([
      ['approved', true],
      ['meeting_invited', false],
    ]);

    await takeStartingPoint(store, { started: true, travelStarted: true, noticesStarted: false }, T4);
    expect((await store.db.meta.get(READ_UP_TO_KEY))?.value).toBe(EPOCH);
    expect((await bell(store)).map((i) => [i.kind, i.unread])).toEqual([
      ['approved', true],
      ['meeting_reminded', false],
      ['meeting_invited', false],
    ]);
    expect(await popUps(store)).toEqual(['leave-9:h1']);
    store.db.close();
  });

  it('tells someone added to a notice by an edit, on a device started before, as new; later edits do not move it', async () => {
    const tx = await issuedNotice();
    const store = openDevice('chenjing');
    await sync(store, tx);
    await takeStartingPoint(store, { started: false, travelStarted: false, noticesStarted: false }, T1);
    expect(await bell(store)).toEqual([]);

    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { invitedUserIds: ['wangqiang', 'zhaomin', 'chenjing'] }), T2);
    await sync(store, tx);
    const [invited] = await bell(store);
    expect(invited).toMatchObject({ kind: 'meeting_invited', at: T2, unread: true });
    await arrive(store);
    expect(await popUps(store)).toEqual([invited!.id]);

    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { agenda: '一、通报工作' }), T3);
    await sync(store, tx);
    await arrive(store);
    expect((await bell(store)).map((i) => [i.kind, i.at, i.unread])).toEqual([['meeting_invited', T2, true]]);
    expect(await popUps(store)).toEqual([]);
    // Taken off the notice, the device no longer holds it, nor remembers it.
    await run(tx, 'lina', 'meeting.update', updateArgsOf(meetingOf(tx), { invitedUserIds: ['wangqiang', 'zhaomin'] }), T4);
    await sync(store, tx);
    await arrive(store);
    expect(await bell(store)).toEqual([]);
    expect((await store.db.meta.get(MEETINGS_SEEN_KEY))?.value).toEqual({});
    store.db.close();
  });
});

describe('new versions of saved forms', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  function publishArgs(tx: MemoryDocTx, version: string, effectiveOn: string, note = '', name = `差旅费报销单${version}.xlsx`): Record<string, unknown> {
    return {
      id: 'form-claim',
      title: '差旅费报销单',
      category: '财务',
      issuingDepartment: '财务处',
      description: '',
      version,
      effectiveOn,
      note,
      file: { ...attachment(tx, name), mediaType: XLSX, size: 20_480 },
    };
  }

  async function saveCopy(store: Device, tx: MemoryDocTx, version: string, now: string): Promise<void> {
    const template = tx.peek('formTemplates', 'form-claim') as FormTemplate;
    await recordSavedForm(store.db, template, template.versions.find((v) => v.version === version)!, agencyDate(now), now);
  }

  /** yangfan has published v1 (in force since 2025) and wangqiang's device has synced it. */
  async function v1Synced(): Promise<{ tx: MemoryDocTx; store: Device }> {
    const tx = await agency({}, { allocations: false });
    await run(tx, 'yangfan', 'form.publish', publishArgs(tx, 'v1', '2025-01-01'));
    const store = openDevice('wangqiang');
    await sync(store, tx);
    return { tx, store };
  }

  /** Then, on a device already started, wangqiang saves a copy of v1 at T1. */
  async function savedV1(): Promise<{ tx: MemoryDocTx; store: Device }> {
    const { tx, store } = await v1Synced();
    await takeStartingPoint(store, { started: false, travelStarted: false, noticesStarted: false }, NOW);
    await saveCopy(store, tx, 'v1', T1);
    return { tx, store };
  }

  it('tells whoever saved a copy of the newer version in force, once per version, and leads to the form', async () => {
    const { tx, store } = await savedV1();
    expect(await bell(store)).toEqual([]);

    await run(tx, 'yangfan', 'form.publish', publishArgs(tx, 'v2', '2026-03-01', '  增加高铁二等座栏目  '), T2);
    await sync(store, tx);
    const [item, ...rest] = await bell(store);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'form_new_version', requestId: 'form-claim', at: T2, unread: true });
    expect(describeNotification(zh, item!, zhCtx)).toEqual({ headline: '您保存过的《差旅费报销单》已发布新版本 v2（2026-03-01 起施行）', subject: null, remark: '更新说明：增加高铁二等座栏目' });
    expect(linkOf(item!)).toBe('/forms/form-claim');
    expect(await popUps(store)).toEqual([item!.id]);
    expect(await popUps(store)).toEqual([]);

    // Kept the old copy on purpose: no more notice of v2; a v3 is news again.
    await dismissNewerVersion(store.db, 'form-claim', (tx.peek('formTemplates', 'form-claim') as FormTemplate).versions[1]!.file.sha256);
    expect(await bell(store)).toEqual([]);
    await run(tx, 'yangfan', 'form.publish', publishArgs(tx, 'v3', '2026-03-02'), T3);
    await sync(store, tx);
    expect((await bell(store)).map((i) => [describeNotification(zh, i, zhCtx).headline, i.unread])).toEqual([['您保存过的《差旅费报销单》已发布新版本 v3（2026-03-02 起施行）', true]]);
    store.db.close();
  });

  it('tells of a version published ahead of time on the day it takes effect, not before', async () => {
    const { tx, store } = await savedV1();
    await run(tx, 'yangfan', 'form.publish', publishArgs(tx, '2026版', '2026-04-01'), T2);
    await sync(store, tx);
    expect(await bell(store, at('2026-03-31', '23:00'))).toEqual([]);
    const [item] = await bell(store, at('2026-04-01', '08:00'));
    expect(item).toMatchObject({ kind: 'form_new_version', at: at('2026-04-01', '00:00'), unread: true });
    store.db.close();
  });

  it('does not flood a fresh device with copies already out of date at its first sync', async () => {
    const { tx, store } = await v1Synced();
    await saveCopy(store, tx, 'v1', T1);
    await run(tx, 'yangfan', 'form.publish', publishArgs(tx, 'v2', '2026-03-01'), T2);
    await sync(store, tx);
    await takeStartingPoint(store, { started: false, travelStarted: false, noticesStarted: false }, T3);
    expect((await bell(store)).map((i) => [i.kind, i.unread])).toEqual([['form_new_version', false]]);
    expect(await popUps(store)).toEqual([]);
    store.db.close();
  });
});
