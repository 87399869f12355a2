// End to end in Debian's Chromium against a real server: a staff member and their manager in
// two browser contexts. The staff member submits while offline, the request syncs by itself
// when the network returns, the manager approves, and the requester sees it; a withdrawal made
// offline after the approval is refused and the screen shows the truth and the reason.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { chromiumMissing, Desk, launchChromium, signedInDesks, until } from '../support/browser';
import { E2E_PASSWORD, screenshot, startE2eServer } from '../support/e2eServer';

describe.skipIf(chromiumMissing)('leave requests, offline and online, in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Desk;
  let manager: Desk;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    [staff, manager] = await signedInDesks(browser, server.url, ['wangqiang', 'lina'], E2E_PASSWORD);
  });

  let serverStopped = false;
  afterAll(async () => {
    await browser?.close();
    if (!serverStopped) await server?.close();
  });

  it('submits offline, syncs on reconnect by itself, and the requester sees the approval', async () => {
    await staff.context.setOffline(true);
    await until.visible(staff.page.locator('[data-testid=sync-indicator][data-state=offline]'));

    const id = await staff.submitLeave({ type: 'annual', start: '2026-03-02', end: '2026-03-03', reason: '回老家探望父母' });
    await until.attribute(staff.row(id), 'data-status', 'pending');
    await until.visible(staff.row(id).getByTestId('waiting-sync-tag'));
    await until.attribute(staff.syncIndicator(), 'data-pending', '1');

    await staff.context.setOffline(false);
    await staff.waitSynced();
    await until.count(staff.row(id).getByTestId('waiting-sync-tag'), 0);

    await manager.testId('nav-approvals').click();
    const inboxRow = manager.page.locator(`[data-testid=inbox-row][data-id="${id}"]`);
    await until.visible(inboxRow);
    await until.text(inboxRow, '王强');
    await manager.page.screenshot({ path: screenshot('approvals-inbox') });
    await inboxRow.getByTestId('approve-button').click();
    await manager.testId('decision-comment').fill('同意，注意工作交接');
    await manager.testId('decision-confirm').click();
    const decidedAt = Date.now();
    await until.count(inboxRow, 0);

    // The promise: the requester sees the decision within two seconds while online.
    await until.attribute(staff.row(id), 'data-status', 'approved', 2_000);
    const seenAfterMs = Date.now() - decidedAt;
    console.log(JSON.stringify({ e2e: 'decisionVisibleToRequesterMs', value: seenAfterMs }));
    expect(seenAfterMs).toBeLessThanOrEqual(2_000);

    await staff.row(id).getByTestId('request-view').click();
    const detail = staff.testId('request-detail');
    await until.attribute(detail, 'data-status', 'approved');
    await until.text(staff.testId('request-timeline'), '同意，注意工作交接');
    await staff.page.waitForTimeout(400); // let the drawer finish sliding in before the picture
    await staff.page.screenshot({ path: screenshot('my-requests') });
    await staff.page.locator('.ant-drawer-close').click();
    await until.hidden(staff.page.locator('.ant-drawer-mask'));
  });

  it('refuses a withdrawal made offline after the approval, and shows the real state and why', async () => {
    const id = await staff.submitLeave({ type: 'personal', start: '2026-03-09', end: '2026-03-09', reason: '办理户籍手续' });
    await staff.waitSynced();

    await staff.context.setOffline(true);
    await until.visible(staff.page.locator('[data-testid=sync-indicator][data-state=offline]'));

    await manager.testId('nav-approvals').click();
    const inboxRow = manager.page.locator(`[data-testid=inbox-row][data-id="${id}"]`);
    await until.visible(inboxRow);
    await inboxRow.getByTestId('approve-button').click();
    await manager.testId('decision-confirm').click();
    await until.count(inboxRow, 0);
    await manager.waitSynced();

    // Offline, the requester still sees it pending and withdraws it.
    await until.attribute(staff.row(id), 'data-status', 'pending');
    await staff.row(id).getByTestId('withdraw-button').click();
    await staff.testId('withdraw-confirm').click();
    await until.attribute(staff.row(id), 'data-status', 'withdrawn');

    await staff.context.setOffline(false);
    await staff.waitSynced();
    await until.attribute(staff.row(id), 'data-status', 'approved');
    const notice = staff.page.locator('[data-testid=rejection-notice][data-code="leave.not_withdrawable"]');
    await until.visible(notice);
    await until.text(notice, '已批准');
    await staff.page.screenshot({ path: screenshot('withdrawal-refused') });
  });

  it('reopens with no server at all, shows the data and takes new work', async () => {
    await server.close();
    serverStopped = true;
    await staff.reopen(server.url);
    await until.visible(staff.testId('current-user'));
    await until.visible(staff.page.locator('[data-testid=sync-indicator][data-state=offline]'));
    await until.count(staff.page.locator('[data-testid=request-row]'), 2);
    await until.visible(staff.page.locator('[data-testid=request-row][data-status=approved]'));

    const id = await staff.submitLeave({ type: 'sick', start: '2026-03-16', end: '2026-03-16', reason: '复诊' });
    await until.attribute(staff.row(id), 'data-status', 'pending');
    await until.visible(staff.row(id).getByTestId('waiting-sync-tag'));
    await until.attribute(staff.syncIndicator(), 'data-pending', '1');
    await staff.page.screenshot({ path: screenshot('offline-reopened') });
  });
});
