// End to end in Debian's Chromium: a meeting notice and its receipts. 王强 has the morning of the
// meeting day off (approved leave). 李娜 (综合处处长, meeting organizer) invites him by name and the
// whole 业务处 (刘洋, 陈静, 孙磊), with a reply deadline and substitutes allowed; her editor and then
// both their screens warn about his leave. He replies "attending" with no network, and the reply
// goes out by itself when the network returns; 陈静 cannot come and says why; 孙磊 sends 赵敏, who
// then receives the notice and replies in turn. 李娜 watches her receipt table fill in, exports it,
// reminds the one who has not answered, then moves the meeting to the next afternoon: 王强's screen
// says so, his "attending" must be confirmed again, and he confirms and adds it to his calendar.
// Finally she cancels it, with a reason every attendee reads.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_2026 } from '../../shared/calendar/cn2026';
import { addDays, agencyDate } from '../../shared/calendar/dates';
import { officialCalendar } from '../../shared/calendar/official';
import type { RunningServer } from '../../server/app';
import { chromiumMissing, Desk, field, launchChromium, pickDate, signedInDesks, until } from '../support/browser';
import { E2E_PASSWORD, screenshot, startE2eServer } from '../support/e2eServer';

const today = agencyDate(new Date().toISOString());
/** A working day a week or so ahead (王强 takes its morning off, and leave is counted in working days). */
const DAY = (() => {
  const calendar = officialCalendar([CN_2026]);
  let day = addDays(today, 7);
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
})();
const DEADLINE_DAY = addDays(today, 5);
const NEW_DAY = addDays(DAY, 1);
const TITLE = '全市政务服务“一网通办”推进会';
const ABSENT_REASON = '当天需赴区政务服务中心开展专项督查，无法参会';
const CANCEL_REASON = '市政府临时安排专题调研，本次会议取消，另行通知';
const CHANGE_NOTE = '王强同志当天上午请假，会议改至次日下午举行';

/** Types a time (HH:mm) and confirms it with Enter (the form does not submit on Enter). */
async function pickTime(desk: Desk, testId: string, time: string): Promise<void> {
  const input = field(desk.page, testId);
  await input.click();
  await input.fill(time);
  await input.press('Enter');
  await until.hidden(desk.page.locator('.ant-picker-dropdown:visible'));
  expect(await input.inputValue()).toBe(time);
}

/** The whole page in one picture: the window made as tall as the page, then put back. */
async function pageShot(desk: Desk, name: string): Promise<void> {
  const height = await desk.page.evaluate(() => {
    window.scrollTo(0, 0);
    return document.documentElement.scrollHeight;
  });
  await desk.page.setViewportSize({ width: 1280, height: Math.max(800, height) });
  await desk.page.waitForTimeout(300); // the layout follows the new window size
  await desk.page.screenshot({ path: screenshot(name) });
  await desk.page.setViewportSize({ width: 1280, height: 800 });
}

describe.skipIf(chromiumMissing)('a meeting notice, its receipts, a substitute and a reschedule', () => {
  let server: RunningServer;
  let browser: Browser;
  let organizer: Desk;
  let wang: Desk;
  let chen: Desk;
  let sun: Desk;
  let zhao: Desk;
  let meetingId = '';

  /** A person's row in 李娜's receipt table. */
  const receipt = (userId: string) => organizer.page.locator(`[data-testid=receipt-row][data-user="${userId}"]`);

  /** Opens the notice from the person's list of meetings, once it has reached them. */
  async function openNotice(desk: Desk): Promise<void> {
    await desk.testId('nav-meetings').click();
    const row = desk.page.locator(`[data-testid=meeting-row][data-id="${meetingId}"]`);
    await until.visible(row, 30_000);
    await row.getByTestId('meeting-view').click();
    await until.attribute(desk.testId('meeting-detail'), 'data-id', meetingId);
  }

  async function answer(desk: Desk, response: 'attending' | 'absent' | 'substitute'): Promise<void> {
    await desk.testId(`meeting-reply-${response}`).click();
  }

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    [organizer, wang, chen, sun, zhao] = await signedInDesks(browser, server.url, ['lina', 'wangqiang', 'chenjing', 'sunlei', 'zhaomin'], E2E_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('王强 has the morning of the meeting day off: approved leave', async () => {
    const leaveId = await wang.submitLeave({ type: 'personal', start: DAY, end: DAY, endHalf: 'am', reason: '到医院复查' });
    await wang.waitSynced();
    await organizer.testId('nav-approvals').click();
    const inboxRow = organizer.page.locator(`[data-testid=inbox-row][data-id="${leaveId}"]`);
    await until.visible(inboxRow);
    await inboxRow.getByTestId('approve-button').click();
    await organizer.testId('decision-confirm').click();
    await until.count(inboxRow, 0);
    await organizer.waitSynced();
    await until.attribute(wang.row(leaveId), 'data-status', 'approved');
  });

  it('the organizer issues a notice to 王强 and the whole 业务处, with a deadline and substitutes allowed', async () => {
    await organizer.testId('nav-newMeeting').click();
    await until.visible(organizer.testId('meeting-form'));
    await field(organizer.page, 'meeting-title').fill(TITLE);
    await pickDate(organizer.page, 'meeting-start-date', DAY);
    await pickTime(organizer, 'meeting-start-time', '09:30');
    // The end follows the start's day by itself.
    expect(await field(organizer.page, 'meeting-end-date').inputValue()).toBe(DAY);
    await pickTime(organizer, 'meeting-end-time', '11:00');
    await field(organizer.page, 'meeting-location-input').fill('市民中心三楼第一会议室');
    await field(organizer.page, 'meeting-agenda-input', 'textarea').fill('一、通报“一网通办”工作进展；\n二、研究部署下一阶段重点任务；\n三、其他事项。');

    await organizer.testId('meeting-people').click();
    await organizer.page.keyboard.type('王强');
    await organizer.page.locator('[data-testid=meeting-person-option-wangqiang]:visible').click();
    await organizer.page.keyboard.press('Escape');
    await organizer.testId('meeting-departments').click();
    await organizer.page.keyboard.type('业务处');
    await organizer.page.locator('.ant-select-tree-node-content-wrapper[title="业务处"]:visible').click();
    await organizer.page.keyboard.press('Escape');
    // 王强, and 刘洋, 陈静, 孙磊 of 业务处; 王强 is on leave that morning.
    await until.attribute(organizer.testId('meeting-attendee-count'), 'data-count', '4');
    await until.count(organizer.testId('meeting-editor-conflict'), 1);
    await until.text(organizer.testId('meeting-editor-conflict'), `王强：${DAY} 上午`);

    await pickDate(organizer.page, 'meeting-deadline-date', DEADLINE_DAY);
    await pickTime(organizer, 'meeting-deadline-time', '18:00');
    expect(await organizer.page.locator('[data-testid=meeting-substitute-allowed][aria-checked=true]').count()).toBe(1);

    await organizer.testId('meeting-submit').click();
    await organizer.untilRoute((url) => /^\/meetings\/[^/]+$/.test(url.pathname) && url.pathname !== '/meetings/new');
    meetingId = decodeURIComponent(organizer.route().pathname.split('/')[2] ?? '');
    await until.attribute(organizer.testId('meeting-detail'), 'data-id', meetingId);
    await organizer.waitSynced();

    // Nobody has answered yet: four rows, all waiting.
    await until.count(organizer.page.locator('[data-testid=receipt-row][data-state=no_reply]'), 4);
    await until.text(receipt('wangqiang').getByTestId('receipt-via'), '点名邀请');
    await until.text(receipt('chenjing').getByTestId('receipt-via'), '部门：业务处');
    await until.attribute(receipt('wangqiang'), 'data-conflict', '1');
    await until.count(organizer.page.locator('[data-testid=receipt-row][data-conflict="1"]'), 1);
  });

  it('王强 replies "attending" with no network; it goes out by itself when the network returns', async () => {
    await openNotice(wang);
    await until.attribute(wang.testId('meeting-my-state'), 'data-state', 'no_reply');
    // He is told about his own leave; he will come back for the meeting.
    await until.text(wang.testId('meeting-my-leave-conflict'), `${DAY} 上午`);

    await wang.context.setOffline(true);
    await until.visible(wang.page.locator('[data-testid=sync-indicator][data-state=offline]'));
    await answer(wang, 'attending');
    await wang.testId('meeting-reply-submit').click();
    await until.attribute(wang.testId('meeting-my-state'), 'data-state', 'attending');
    await until.visible(wang.testId('meeting-reply-panel').getByTestId('meeting-waiting-sync'));
    await until.attribute(wang.syncIndicator(), 'data-pending', '1');
    // Meanwhile the organizer still sees no answer from him.
    await until.attribute(receipt('wangqiang'), 'data-state', 'no_reply');

    await wang.context.setOffline(false);
    await wang.waitSynced();
    await until.count(wang.testId('meeting-reply-panel').getByTestId('meeting-waiting-sync'), 0);
    await until.attribute(receipt('wangqiang'), 'data-state', 'attending');
    await until.text(receipt('wangqiang').getByTestId('receipt-state'), '参加');
  });

  it('陈静 cannot come and gives her reason', async () => {
    // She opens it from the keyboard: the title in the list is a link.
    await chen.testId('nav-meetings').click();
    const title = chen.page.locator(`[data-testid=meeting-row][data-id="${meetingId}"]`).getByTestId('meeting-title-link');
    await until.visible(title, 30_000);
    await title.focus();
    await chen.page.keyboard.press('Enter');
    await until.attribute(chen.testId('meeting-detail'), 'data-id', meetingId);
    await answer(chen, 'absent');
    // No reason, no reply: the form says so and nothing is queued.
    await chen.testId('meeting-reply-submit').click();
    await until.text(chen.testId('meeting-reply-panel'), '请填写请假（不参会）原因');
    await until.attribute(chen.syncIndicator(), 'data-pending', '0');
    await field(chen.page, 'meeting-reply-reason', 'textarea').fill(ABSENT_REASON);
    await chen.testId('meeting-reply-submit').click();
    await until.attribute(chen.testId('meeting-my-state'), 'data-state', 'absent');
    await chen.waitSynced();

    await until.attribute(receipt('chenjing'), 'data-state', 'absent');
    await until.text(receipt('chenjing').getByTestId('receipt-note'), ABSENT_REASON);
  });

  it('孙磊 sends 赵敏, who receives the notice and replies in turn', async () => {
    // Not on the list before 孙磊 names her: she has no notice at all.
    await zhao.testId('nav-meetings').click();
    await until.count(zhao.page.locator(`[data-testid=meeting-row][data-id="${meetingId}"]`), 0);

    await openNotice(sun);
    await answer(sun, 'substitute');
    await sun.testId('meeting-reply-substitute-select').click();
    // 刘洋 is already invited through 业务处: not offered.
    await until.count(sun.page.locator('[data-testid=meeting-substitute-option-liuyang]'), 0);
    await sun.page.keyboard.type('赵敏');
    await sun.page.locator('[data-testid=meeting-substitute-option-zhaomin]:visible').click();
    await sun.testId('meeting-reply-submit').click();
    await until.attribute(sun.testId('meeting-my-state'), 'data-state', 'substitute');
    await until.text(sun.testId('meeting-my-reply'), '由 赵敏 代为参加');
    await sun.waitSynced();
    await until.attribute(sun.testId('meeting-substitute-answer'), 'data-state', 'no_reply');

    await until.attribute(receipt('sunlei'), 'data-state', 'substitute');
    await until.text(receipt('sunlei').getByTestId('receipt-note'), '委派 赵敏');
    await until.attribute(receipt('zhaomin'), 'data-state', 'no_reply');
    await until.text(receipt('zhaomin').getByTestId('receipt-via'), '代 孙磊 参加');

    await openNotice(zhao);
    await until.text(zhao.testId('meeting-substitute-for'), '孙磊');
    // A substitute may not pass the notice on again.
    await until.visible(zhao.testId('meeting-reply-attending'));
    await until.count(zhao.testId('meeting-reply-substitute'), 0);
    await answer(zhao, 'attending');
    await zhao.testId('meeting-reply-submit').click();
    await until.attribute(zhao.testId('meeting-my-state'), 'data-state', 'attending');
    await zhao.waitSynced();

    await until.attribute(receipt('zhaomin'), 'data-state', 'attending');
    // 孙磊 reads her answer on his own notice.
    await until.text(sun.testId('meeting-substitute-answer'), '赵敏 已确认代为参加');
  });

  it("the organizer's receipt table shows every answer, and she reminds the one who has not replied", async () => {
    const totals = organizer.testId('receipt-totals');
    await until.attribute(totals, 'data-total', '5');
    await until.attribute(totals, 'data-attending', '2');
    await until.attribute(totals, 'data-absent', '1');
    await until.attribute(totals, 'data-substitute', '1');
    await until.attribute(totals, 'data-no-reply', '1');
    // 刘洋 alone has not answered.
    await until.attribute(receipt('liuyang'), 'data-state', 'no_reply');
    await organizer.testId('receipt-filter-no_reply').click();
    await until.count(organizer.page.locator('[data-testid=receipt-row]'), 1);
    await until.visible(receipt('liuyang'));
    await organizer.testId('receipt-filter-all').click();
    await until.count(organizer.page.locator('[data-testid=receipt-row]'), 5);

    // The table as a spreadsheet: UTF-8 with a byte-order mark, one line per person.
    const [csv] = await Promise.all([organizer.page.waitForEvent('download'), organizer.testId('receipt-export-csv').click()]);
    expect(csv.suggestedFilename()).toBe(`${TITLE}-回执统计.csv`);
    const csvText = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(csvText.startsWith('\uFEFF姓名,部门,邀请方式,回执')).toBe(true);
    expect(csvText).toContain(`陈静,业务处,部门：业务处,不参加,${ABSENT_REASON},`);
    expect(csvText).toContain('赵敏,综合处,代 孙磊 参加,参加,');

    await organizer.testId('meeting-remind').click();
    await until.text(organizer.testId('meeting-last-reminder'), '共 1 人');
    await organizer.waitSynced();
    await organizer.page.waitForTimeout(300); // the success message settles before the picture
    await pageShot(organizer, 'meeting-receipts');
  });

  it('she moves the meeting: 王强 sees the change and must confirm again, and does', async () => {
    await organizer.testId('meeting-edit').click();
    await organizer.untilRoute((url) => url.pathname === `/meetings/${meetingId}/edit`);
    await until.visible(organizer.testId('meeting-form'));
    await pickDate(organizer.page, 'meeting-start-date', NEW_DAY);
    await pickTime(organizer, 'meeting-start-time', '14:00');
    await pickDate(organizer.page, 'meeting-end-date', NEW_DAY);
    await pickTime(organizer, 'meeting-end-time', '15:30');
    await until.visible(organizer.testId('meeting-editor-time-changed'));
    await field(organizer.page, 'meeting-note', 'textarea').fill(CHANGE_NOTE);
    await organizer.testId('meeting-submit').click();
    await organizer.untilRoute((url) => url.pathname === `/meetings/${meetingId}`);
    await until.attribute(organizer.testId('meeting-detail'), 'data-revision', '2');
    await organizer.waitSynced();

    // 王强 still has the notice open: the move appears on his screen by itself.
    const banner = wang.testId('meeting-rescheduled-banner');
    await until.visible(banner, 30_000);
    await until.attribute(banner, 'data-needs-confirm', '1');
    await until.text(banner, '请重新确认');
    await until.text(banner, CHANGE_NOTE);
    await until.attribute(wang.testId('meeting-my-state'), 'data-state', 'needs_reconfirm');
    await until.text(wang.testId('meeting-when'), '14:00');
    await wang.page.waitForTimeout(300);
    await pageShot(wang, 'meeting-rescheduled');

    // For the organizer, both "attending" answers now wait for a confirmation; an absence stands.
    await until.attribute(receipt('wangqiang'), 'data-state', 'needs_reconfirm');
    await until.attribute(receipt('zhaomin'), 'data-state', 'needs_reconfirm');
    await until.attribute(receipt('chenjing'), 'data-state', 'absent');
    // The new time is clear of 王强's leave.
    await until.count(wang.testId('meeting-my-leave-conflict'), 0);
    await until.attribute(receipt('wangqiang'), 'data-conflict', '0');

    await wang.testId('meeting-reconfirm').click();
    await until.attribute(wang.testId('meeting-my-state'), 'data-state', 'attending');
    await until.count(wang.testId('meeting-rescheduled-banner'), 0);
    await wang.waitSynced();
    await until.attribute(receipt('wangqiang'), 'data-state', 'attending');

    // Into his calendar program: the new time in Beijing time, with a reminder 15 minutes before.
    const [ics] = await Promise.all([wang.page.waitForEvent('download'), wang.testId('meeting-export-ics').click()]);
    expect(ics.suggestedFilename()).toBe(`${TITLE}.ics`);
    const icsText = readFileSync((await ics.path()) ?? '', 'utf8');
    expect(icsText).toContain(`DTSTART;TZID=Asia/Shanghai:${NEW_DAY.replaceAll('-', '')}T140000\r\n`);
    expect(icsText).toContain(`DTEND;TZID=Asia/Shanghai:${NEW_DAY.replaceAll('-', '')}T153000\r\n`);
    expect(icsText).toContain('TRIGGER:-PT15M\r\n');
    expect(icsText.replace(/\r\n /g, '')).toContain('DESCRIPTION:组织者：李娜\\n地点：市民中心三楼第一会议室');
  });

  it('she cancels it with a reason: every screen says so, and replies close', async () => {
    await organizer.testId('meeting-cancel').click();
    // A cancellation needs its reason: without one nothing happens.
    await organizer.testId('meeting-cancel-confirm').click();
    await until.text(organizer.page.locator('.ant-modal'), '请填写取消原因');
    await field(organizer.page, 'meeting-cancel-reason', 'textarea').fill(CANCEL_REASON);
    await organizer.testId('meeting-cancel-confirm').click();
    await until.attribute(organizer.testId('meeting-detail'), 'data-status', 'cancelled');
    await until.count(organizer.testId('meeting-remind'), 0);
    await organizer.waitSynced();

    for (const desk of [wang, zhao]) {
      const banner = desk.testId('meeting-cancelled-banner');
      await until.visible(banner, 30_000);
      await until.text(banner, CANCEL_REASON);
      await until.visible(desk.testId('meeting-reply-closed'));
      await until.count(desk.testId('meeting-reply-form'), 0);
    }
    // It leaves 王强's invitations for the past and cancelled ones.
    await wang.testId('meeting-back').click();
    await wang.testId('meeting-tab-past').click();
    await until.visible(wang.page.locator(`[data-testid=meeting-row][data-id="${meetingId}"][data-tab=past]`));
    await until.count(wang.page.locator(`[data-testid=meeting-row][data-id="${meetingId}"][data-tab=toAnswer]`), 0);
  });
});
