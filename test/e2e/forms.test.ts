// End to end in Debian's Chromium: the forms library. 李娜 (综合处, who publishes the office's
// forms) publishes 《因公出国（境）审批表》 v1, a real PDF. 王强 makes its category available
// offline, so his browser keeps the file; with the network gone he still finds the form by a
// Chinese substring and saves a copy, whose bytes are exactly the published file's (SHA-256).
// Back online, 李娜 publishes v2; 王强 is told his saved copy is out of date and saves the new one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyDate } from '../../shared/calendar/dates';
import type { RunningServer } from '../../server/app';
import { chromiumMissing, Desk, launchChromium, signedInDesks, until } from '../support/browser';
import { E2E_PASSWORD, screenshot, startE2eServer } from '../support/e2eServer';

const TITLE = '因公出国（境）审批表';
const CATEGORY = '出国（境）管理';
const ISSUER = '市政务服务管理局办公室';
const today = agencyDate(new Date().toISOString());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The text field behind a test id, whether antd put the id on the <input> or on its wrapper. */
function field(desk: Desk, testId: string): Locator {
  return desk.page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input, textarea[data-testid="${testId}"], [data-testid="${testId}"] textarea`).first();
}

/** The form as a printed sheet, made into a real PDF by Chromium itself. */
async function formPdf(browser: Browser, edition: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      `<main style="font-family: sans-serif"><h1>${TITLE}</h1><p>${edition}</p>` +
        '<table border="1" cellpadding="8"><tr><td>姓名</td><td></td><td>职务</td><td></td></tr>' +
        '<tr><td>出访国家（地区）</td><td colspan="3"></td></tr><tr><td>出访任务</td><td colspan="3"></td></tr></table></main>',
    );
    return await page.pdf({ format: 'A4' });
  } finally {
    await page.close();
  }
}

/** Clicks, waits for the browser download it starts, and returns the downloaded bytes and name. */
async function download(desk: Desk, click: () => Promise<void>): Promise<{ bytes: Buffer; name: string }> {
  const [dl] = await Promise.all([desk.page.waitForEvent('download', { timeout: 20_000 }), click()]);
  const path = await dl.path();
  return { bytes: readFileSync(path), name: dl.suggestedFilename() };
}

async function publish(desk: Desk, values: { version: string; note: string; file: Buffer; fileName: string }, isNew: boolean): Promise<void> {
  if (isNew) {
    await desk.testId('form-publish-new').click();
    await until.visible(desk.testId('form-publish-form'));
    await field(desk, 'form-field-title').fill(TITLE);
    await field(desk, 'form-field-category').fill(CATEGORY);
    await field(desk, 'form-field-department').fill(ISSUER);
    await field(desk, 'form-field-description').fill('工作人员因公出国（境）前填写，经处室负责人签署意见后报外事办审批。');
    // A file the library does not take is refused by name, and nothing is picked.
    await desk.testId('form-file-input').setInputFiles({ name: '审批表.html', mimeType: 'text/html', buffer: Buffer.from('<p>审批表</p>') });
    await until.text(desk.page.locator('.ant-message-notice'), '“审批表.html”不能发布');
    await until.count(desk.testId('form-file-picked'), 0);
  }
  await field(desk, 'form-field-version').fill(values.version);
  await field(desk, 'form-field-note').fill(values.note);
  await desk.testId('form-file-input').setInputFiles({ name: values.fileName, mimeType: 'application/pdf', buffer: values.file });
  await until.visible(desk.testId('form-file-picked'));
  await desk.testId('form-publish-submit').click();
  await until.hidden(desk.testId('form-publish-form'));
}

describe.skipIf(chromiumMissing)('the forms library: publish, offline copy, new-version notice', () => {
  let server: RunningServer;
  let browser: Browser;
  let publisher: Desk;
  let staff: Desk;
  let v1: Buffer = Buffer.alloc(0);
  let v2: Buffer = Buffer.alloc(0);
  let formId = '';

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    [publisher, staff] = await signedInDesks(browser, server.url, ['lina', 'wangqiang'], E2E_PASSWORD);
    [v1, v2] = await Promise.all([formPdf(browser, '2026年版 第1版'), formPdf(browser, '2026年版 第2版（增加“出访任务”栏）')]);
    expect(v1.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(v1)).not.toBe(sha256(v2));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('李娜 publishes the form, v1, with its PDF', async () => {
    await publisher.testId('nav-formsManage').click();
    await until.visible(publisher.testId('form-publish-new'));
    await publish(publisher, { version: 'v1', note: '首次发布', file: v1, fileName: '因公出国境审批表.pdf' }, true);
    const row = publisher.page.locator('[data-testid=form-manage-row]').filter({ hasText: TITLE });
    await until.attribute(row, 'data-versions', '1');
    formId = (await row.first().getAttribute('data-id')) ?? '';
    expect(formId).not.toBe('');
    // The file is uploaded before the publication, and the server accepts both.
    await publisher.waitSynced();
    await until.count(publisher.page.locator('[data-testid=rejection-notice]'), 0);
  });

  it('王强 keeps its category available offline and, with the network gone, finds it and saves a copy', async () => {
    await staff.testId('nav-forms').click();
    const row = staff.page.locator(`[data-testid=form-row][data-id="${formId}"]`);
    await until.visible(row);
    await until.text(row.getByTestId('form-current-version'), 'v1');
    await until.attribute(row, 'data-offline', '0');

    await staff.testId('forms-offline-settings').click();
    await staff.page.locator(`[data-testid=forms-pin][data-category="${CATEGORY}"]`).click();
    await until.attribute(staff.page.locator(`[data-testid=forms-pin][data-category="${CATEGORY}"]`), 'aria-checked', 'true');
    // Downloaded in the background, hash checked, and counted against the budget.
    await until.attribute(row, 'data-offline', '1');
    await until.text(staff.testId('forms-cache-usage-detail'), '1 个文件');
    await staff.page.locator('.ant-drawer-close').last().click();
    await until.hidden(staff.testId('forms-offline-drawer'));

    await staff.context.setOffline(true);
    await until.visible(staff.page.locator('[data-testid=sync-indicator][data-state=offline]'));
    await field(staff, 'forms-search').fill('出国（境）审批');
    await until.count(staff.page.locator('[data-testid=form-row]'), 1);
    await field(staff, 'forms-search').fill('出国');
    await until.visible(row);
    // A term found nowhere empties the list; the whole catalog is searched on this computer.
    await field(staff, 'forms-search').fill('出国 报销');
    await until.count(staff.page.locator('[data-testid=form-row]'), 0);
    await field(staff, 'forms-search').fill('出国');
    await until.visible(row);

    const saved = await download(staff, () => row.getByTestId('form-save').click());
    expect(sha256(saved.bytes)).toBe(sha256(v1));
    expect(saved.name).toBe(`${TITLE}（v1）.pdf`);
    await until.text(row.getByTestId('form-row-saved'), 'v1');

    await staff.context.setOffline(false);
    await staff.waitSynced();
  });

  it('李娜 publishes v2; 王强 is told his copy is out of date and saves the new version', async () => {
    await publisher.page.locator(`[data-testid=form-manage-row][data-id="${formId}"]`).getByTestId('form-new-version').click();
    await until.visible(publisher.testId('form-publish-form'));
    await publish(publisher, { version: 'v2', note: '增加“出访任务”栏，请使用新版本填写', file: v2, fileName: '因公出国境审批表（第2版）.pdf' }, false);
    await until.attribute(publisher.page.locator(`[data-testid=form-manage-row][data-id="${formId}"]`), 'data-versions', '2');
    await publisher.waitSynced();

    const notice = staff.page.locator(`[data-testid=form-update-notice][data-id="${formId}"]`);
    await until.visible(notice, 30_000);
    await until.text(notice, `您保存过的《${TITLE}》已发布新版本 v2（${today} 起施行）`);
    await until.text(notice, '增加“出访任务”栏');
    const row = staff.page.locator(`[data-testid=form-row][data-id="${formId}"]`);
    await until.attribute(row, 'data-newer', '1');
    await until.text(row.getByTestId('form-current-version'), 'v2');
    // Its category is pinned: the new version in force is fetched for offline use by itself.
    await until.attribute(row, 'data-offline', '1');
    await field(staff, 'forms-search').fill('');
    await staff.page.screenshot({ path: screenshot('forms-library') });

    const saved = await download(staff, () => notice.getByTestId('form-update-save').click());
    expect(sha256(saved.bytes)).toBe(sha256(v2));
    expect(saved.name).toBe(`${TITLE}（v2）.pdf`);
    await until.count(staff.page.locator('[data-testid=form-update-notice]'), 0);
    await until.attribute(row, 'data-newer', '0');
    await until.text(row.getByTestId('form-row-saved'), 'v2');

    // Every version stays on record, newest first: v2 in force, v1 superseded.
    await row.getByTestId('form-view').click();
    const versions = staff.page.locator('[data-testid=form-version]');
    await until.count(versions, 2);
    expect(await versions.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-version')}:${e.getAttribute('data-status')}`))).toEqual(['v2:current', 'v1:superseded']);
    // The picture without the "downloading" toast over the drawer's title.
    await until.hidden(staff.page.locator('.ant-message-notice'), 10_000);
    await staff.page.waitForTimeout(400); // let the drawer finish sliding in before the picture
    await staff.page.screenshot({ path: screenshot('forms-versions') });
  });
});
