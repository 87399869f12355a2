// End to end in Debian's Chromium: a business trip from request to payment. 王强 asks to go from
// 广州 to 北京 by train and back, with an estimate and a cash advance; 李娜 approves (out of
// province: manager, then department head — both her, so one step). Back from the trip he claims
// it: the per-diem allowances are filled in from the trip, he adds his hotel bill with its
// invoice number and a photo of the receipt. 李娜 approves, 杨帆 (finance) reviews and records the
// payment; 王强 sees it paid with the bank reference and prints the 差旅费报销单, whose amount in
// capital numerals (大写) is the total of what he entered and the allowances shown.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, agencyDate } from '../../shared/calendar/dates';
import { capitalAmount, formatYuan, parseYuan, sumFen } from '../../shared/money/money';
import type { RunningServer } from '../../server/app';
import { chromiumMissing, Desk, field, launchChromium, pickDate, signedInDesks, until } from '../support/browser';
import { E2E_PASSWORD, screenshot, startE2eServer } from '../support/e2eServer';

const today = agencyDate(new Date().toISOString());
// A week ahead, back two days later: in the future, and within this year or the next.
const outbound = addDays(today, 7);
const back = addDays(outbound, 2);
const LODGING = '960.00';
const NIGHTS = 2;
const ADVANCE = '1000';
const INVOICE = `44031${String(Date.now()).slice(-8)}`;
const REFERENCE = 'ZF-2026-0815';

/** A small valid PNG (a grey square), as a phone photo of the receipt would be. */
function receiptPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const size = 16;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(size, 0xa0)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

async function typeCity(desk: Desk, testId: string, city: string): Promise<void> {
  const input = field(desk.page, testId);
  await input.click();
  await desk.page.keyboard.type(city);
  // The suggestion is the city itself: choosing it closes the list and keeps the value.
  await desk.page.locator(`.ant-select-item-option[title="${city}"]:visible, .ant-select-item-option:visible:has-text("${city}")`).first().click();
}

async function chooseOption(desk: Desk, selectTestId: string, option: Locator): Promise<void> {
  await desk.testId(selectTestId).click();
  await option.click();
}

describe.skipIf(chromiumMissing)('a business trip, its travel claim, and the payment', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Desk;
  let head: Desk;
  let finance: Desk;
  let tripId = '';
  let claimId = '';
  let totalFen = 0;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    [staff, head, finance] = await signedInDesks(browser, server.url, ['wangqiang', 'lina', 'yangfan'], E2E_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the traveller asks for a trip to Beijing by train, with an estimate and an advance; his head approves it', async () => {
    await staff.testId('nav-trips').click();
    await staff.testId('new-trip-button').click();
    await until.visible(staff.page.locator('[data-testid=trip-submit]:not([disabled])'));
    await staff.testId('trip-purpose').fill('赴国家部委参加政务信息化工作座谈会');

    await typeCity(staff, 'trip-leg-from-0', '广州');
    await typeCity(staff, 'trip-leg-to-0', '北京');
    await pickDate(staff.page, 'trip-leg-date-0', outbound);
    await chooseOption(staff, 'trip-leg-class-0', staff.page.locator('[data-testid=trip-leg-class-option-second]:visible'));

    // The return leg starts where the first one arrived, by the same mode.
    await staff.testId('trip-add-leg').click();
    await until.count(staff.page.locator('[data-testid=trip-leg]'), 2);
    expect(await field(staff.page, 'trip-leg-from-1').inputValue()).toBe('北京');
    await typeCity(staff, 'trip-leg-to-1', '广州');
    await pickDate(staff.page, 'trip-leg-date-1', back);
    await chooseOption(staff, 'trip-leg-class-1', staff.page.locator('[data-testid=trip-leg-class-option-second]:visible'));

    await staff.testId('trip-estimate-transport').fill('1,100');
    await staff.testId('trip-estimate-lodging').fill('1000');
    await staff.testId('trip-estimate-meals').fill('300');
    await staff.testId('trip-advance').fill(ADVANCE);

    await staff.testId('trip-submit').click();
    const row = staff.page.locator('[data-testid=trip-row]');
    await until.count(row, 1);
    tripId = (await row.first().getAttribute('data-id')) ?? '';
    expect(tripId).not.toBe('');
    await staff.waitSynced();

    await head.testId('nav-travelApprovals').click();
    const routed = head.page.locator(`[data-testid=routed-row][data-kind=trip][data-id="${tripId}"]`);
    await until.visible(routed);
    // Manager and department head are the same person: one step, shown to her once.
    await until.count(routed, 1);
    await routed.getByTestId('routed-approve').click();
    await head.testId('routed-confirm').click();
    await until.count(routed, 0);
    await head.waitSynced();

    await until.attribute(staff.page.locator(`[data-testid=trip-row][data-id="${tripId}"]`), 'data-status', 'approved');
  });

  it('he claims the trip: allowances filled in, a hotel bill with its invoice number and receipt photo', async () => {
    await staff.page.locator(`[data-testid=trip-row][data-id="${tripId}"]`).getByTestId('trip-view').click();
    const detail = staff.testId('trip-detail');
    await until.attribute(detail, 'data-status', 'approved');
    await staff.page.locator('.ant-drawer').getByTestId('trip-claim').click();
    await staff.untilRoute((url) => url.pathname === '/claims/new' && url.searchParams.get('trip') === tripId);

    // The trip's per-diem allowances (meals and local transport, per day in Beijing).
    const allowances = staff.page.locator('[data-testid=claim-allowance]');
    await until.visible(allowances);
    const texts = await allowances.allInnerTexts();
    const allowanceFen = texts.map((text) => {
      const amount = /¥[\d,]+\.\d{2}\s*$/.exec(text)?.[0];
      const fen = amount ? parseYuan(amount.trim()) : null;
      if (fen === null) throw new Error(`no amount in the allowance row "${text}"`);
      return fen;
    });
    expect(allowanceFen.length).toBeGreaterThan(0);
    expect(allowanceFen.every((fen) => fen > 0)).toBe(true);

    await staff.testId('claim-add-line').click();
    await until.count(staff.page.locator('[data-testid=claim-line]'), 1);
    await chooseOption(staff, 'claim-line-category-0', staff.page.locator('.ant-select-item-option[title="住宿费"]:visible'));
    await until.visible(staff.testId('claim-line-city-0'));
    await pickDate(staff.page, 'claim-line-date-0', outbound);
    await field(staff.page, 'claim-line-amount-0').fill(LODGING);
    await field(staff.page, 'claim-line-invoice-0').fill(INVOICE);
    await field(staff.page, 'claim-line-description-0').fill('北京住宿两晚');
    await field(staff.page, 'claim-line-city-0').fill('北京');
    await field(staff.page, 'claim-line-nights-0').fill(String(NIGHTS));
    await staff.testId('claim-line-receipts-0').locator('input[type=file][data-testid=attachment-input]').setInputFiles({ name: '住宿发票.png', mimeType: 'image/png', buffer: receiptPng() });
    await until.count(staff.testId('claim-line-receipts-0').getByTestId('attachment-item'), 1);
    // Within the Beijing lodging standard: no explanation asked for.
    await until.count(staff.testId('claim-line-over-0'), 0);

    const lodgingFen = parseYuan(LODGING) ?? 0;
    totalFen = sumFen([lodgingFen, ...allowanceFen]);
    await until.text(staff.testId('claim-capital'), capitalAmount(totalFen));
    // The advance he drew is offset: what is still owed to him.
    await until.text(staff.testId('claim-payable'), formatYuan(totalFen - (parseYuan(ADVANCE) ?? 0)));

    await staff.testId('claim-submit').click();
    await staff.untilRoute((url) => /^\/claims\/[^/]+$/.test(url.pathname) && url.pathname !== '/claims/new');
    claimId = decodeURIComponent(staff.route().pathname.split('/')[2] ?? '');
    await until.attribute(staff.testId('claim-detail'), 'data-id', claimId);
    await until.attribute(staff.testId('claim-detail'), 'data-status', 'pending');
    await staff.waitSynced();
  });

  it('the head approves the claim, finance reviews it and records the payment', async () => {
    await head.testId('nav-travelApprovals').click();
    const headRow = head.page.locator(`[data-testid=routed-row][data-kind=claim][data-id="${claimId}"]`);
    await until.visible(headRow);
    await headRow.getByTestId('routed-approve').click();
    await until.text(head.testId('routed-summary'), capitalAmount(totalFen));
    await head.testId('routed-confirm').click();
    await until.count(headRow, 0);
    await head.waitSynced();

    await finance.testId('nav-travelApprovals').click();
    const financeRow = finance.page.locator(`[data-testid=routed-row][data-kind=claim][data-id="${claimId}"]`);
    await until.visible(financeRow);
    await financeRow.getByTestId('routed-approve').click();
    await finance.testId('routed-comment').fill('票据齐全，同意报销');
    await finance.testId('routed-confirm').click();
    await until.count(financeRow, 0);
    await finance.waitSynced();

    await finance.testId('nav-financeClaims').click();
    const payRow = finance.page.locator(`[data-testid=finance-claim-row][data-id="${claimId}"]`);
    await until.attribute(payRow, 'data-status', 'approved');
    await payRow.getByTestId('finance-mark-paid').click();
    await finance.testId('finance-payment-reference').fill(REFERENCE);
    await pickDate(finance.page, 'finance-payment-date', today);
    await finance.testId('finance-payment-confirm').click();
    // The list shows approved claims, waiting for payment: the paid one leaves it.
    await until.count(payRow, 0);
    await finance.waitSynced();
  });

  it('the traveller sees it paid and prints the claim sheet, the amount in capital numerals', async () => {
    const detail = staff.testId('claim-detail');
    await until.attribute(detail, 'data-status', 'paid', 30_000);
    await until.text(detail, REFERENCE);

    await staff.page.locator('.ant-drawer').getByTestId('claim-print').click();
    await staff.untilRoute((url) => url.pathname === `/print/claim/${claimId}`);
    const sheet = staff.page.locator('[data-testid=print-sheet][data-kind=claim]');
    await until.visible(sheet);
    expect((await staff.testId('print-capital').innerText()).trim()).toBe(capitalAmount(totalFen));
    await until.text(sheet, INVOICE);
    await until.text(sheet, REFERENCE);

    await sheet.screenshot({ path: screenshot('claim-sheet') });
    const pdf = join(mkdtempSync(join(tmpdir(), 'bureau-e2e-')), 'claim-sheet.pdf');
    await staff.page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(readFileSync(pdf).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(statSync(pdf).size).toBeGreaterThan(10 * 1024);
  });
});
