// End to end in Debian's Chromium: a multi-step approval with delegation and a report-back.
// 李娜 (head of 综合处) names 刘洋 acting approver; 王强 asks for home-visit leave, which the
// policy routes to his head and then to HR. 李娜, offline, approves too late: 刘洋 already did on
// her behalf, and her decision is refused with his name. HR approves, the requester's timeline
// says "on behalf of", he reports back early (销假) and his balance gets the unused days back.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, agencyDate, daysBetween } from '../../shared/calendar/dates';
import type { RunningServer } from '../../server/app';
import { chromiumMissing, Desk, launchChromium, signedInDesks, until } from '../support/browser';
import { E2E_PASSWORD, screenshot, startE2eServer } from '../support/e2eServer';

const today = agencyDate(new Date().toISOString());
// Started two days ago (so it can be reported back today), within this year's allocation.
const start = addDays(today, -2).slice(0, 4) === today.slice(0, 4) ? addDays(today, -2) : today;
const end = addDays(start, 6);
/** Home-visit leave counts calendar days: seven. Back at work this morning: the days before today. */
const REQUESTED = 7;
const taken = daysBetween(start, today);
const HOME_VISIT_ALLOCATION = 20;

async function pickDate(desk: Desk, index: 'first' | 'last', testId: string, date: string): Promise<void> {
  const input = desk.page.locator(`input[data-testid=${testId}]`)[index]();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

describe.skipIf(chromiumMissing)('multi-step approval with delegation, and report-back', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Desk;
  let head: Desk;
  let acting: Desk;
  let hr: Desk;
  let id = '';

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    [staff, head, acting, hr] = await signedInDesks(browser, server.url, ['wangqiang', 'lina', 'liuyang', 'zhouting'], E2E_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the department head names an acting approver for this week', async () => {
    await head.testId('nav-delegation').click();
    await until.visible(head.testId('delegation-form'));
    await head.testId('delegation-to').click();
    await head.page.keyboard.type('刘洋');
    await head.page.keyboard.press('Enter');
    await pickDate(head, 'first', 'delegation-dates', today);
    await pickDate(head, 'last', 'delegation-dates', addDays(today, 7));
    await head.testId('delegation-note').fill('出差期间由刘洋代为审批');
    await head.testId('delegation-submit').click();
    await until.text(head.testId('delegation-given'), '刘洋');
    await head.waitSynced();
  });

  it('routes a home-visit request to the head (acting: 刘洋) and then HR; the head approves offline, too late', async () => {
    id = await staff.submitLeave({ type: 'home_visit', start, end, reason: '回老家探望父母' });
    await staff.waitSynced();

    // The head is offline and decides there; meanwhile her acting approver decides online.
    await head.context.setOffline(true);
    await until.visible(head.page.locator('[data-testid=sync-indicator][data-state=offline]'));
    await head.testId('nav-approvals').click();
    const headRow = head.page.locator(`[data-testid=inbox-row][data-id="${id}"]`);
    await until.visible(headRow);
    await headRow.getByTestId('approve-button').click();
    await head.testId('decision-confirm').click();
    await until.count(headRow, 0);

    await acting.testId('nav-approvals').click();
    const actingRow = acting.page.locator(`[data-testid=inbox-row][data-id="${id}"]`);
    await until.visible(actingRow);
    await until.visible(actingRow.getByTestId('inbox-acting'));
    await until.text(actingRow, '李娜');
    await acting.page.screenshot({ path: screenshot('acting-approver-inbox') });
    await actingRow.getByTestId('approve-button').click();
    await acting.testId('decision-comment').fill('代李娜同意');
    await acting.testId('decision-confirm').click();
    await until.count(actingRow, 0);
    await acting.waitSynced();

    // Back online, the head learns that 刘洋 decided first, and the request stays with HR.
    await head.context.setOffline(false);
    await head.waitSynced();
    const notice = head.page.locator('[data-testid=rejection-notice][data-code="approval.step_changed"]');
    await until.visible(notice);
    await until.text(notice, '刘洋');

    await hr.testId('nav-approvals').click();
    const hrRow = hr.page.locator(`[data-testid=inbox-row][data-id="${id}"]`);
    await until.visible(hrRow);
    await hrRow.getByTestId('approve-button').click();
    await hr.testId('decision-confirm').click();
    await until.count(hrRow, 0);
    await hr.waitSynced();

    await until.attribute(staff.row(id), 'data-status', 'approved');
    await staff.row(id).getByTestId('request-view').click();
    const detail = staff.testId('request-detail');
    await until.attribute(detail, 'data-status', 'approved');
    const onBehalf = staff.page.locator('[data-testid=timeline-event][data-action=approved][data-on-behalf-of=lina]');
    await until.visible(onBehalf);
    await until.text(onBehalf, '刘洋');
    await until.count(staff.page.locator('[data-testid=timeline-event][data-action=approved]'), 2);
  });

  it('reports back early, and the unused days return to the balance', async () => {
    await staff.page.locator('.ant-drawer').getByTestId('report-back-button').click();
    await pickDate(staff, 'first', 'report-back-date', today);
    await staff.testId('report-back-half-am').click();
    const preview = staff.testId('report-back-preview');
    await until.attribute(preview, 'data-actual', String(taken));
    await until.attribute(preview, 'data-returned', String(REQUESTED - taken));
    await staff.page.screenshot({ path: screenshot('report-back') });
    await staff.testId('report-back-confirm').click();
    await until.visible(staff.testId('reported-back-tag'));
    await until.visible(staff.page.locator('[data-testid=timeline-event][data-action=reported_back]'));
    await staff.waitSynced();
    await staff.page.locator('.ant-drawer-close').click();

    await staff.testId('nav-balances').click();
    const card = staff.page.locator('[data-testid=balance-card][data-type=home_visit]');
    await until.attribute(card, 'data-available', String(HOME_VISIT_ALLOCATION - taken));
    expect(taken).toBeLessThan(REQUESTED);
  });
});
