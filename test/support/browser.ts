// Debian's Chromium driven by playwright-core, and a page object for Bureau's screens.
import { chromium, expect as pwExpect, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.BUREAU_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM) && !process.env.CI;
if (chromiumMissing) console.warn(`[e2e] skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export { pwExpect };

/** A signed-in person in their own browser context (their own IndexedDB and storage). */
export class Desk {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, serverUrl: string, locale = 'zh-CN'): Promise<Desk> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(serverUrl);
    return new Desk(context, page);
  }

  testId(id: string) {
    return this.page.getByTestId(id);
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.testId('signin-username').fill(username);
    await this.testId('signin-password').fill(password);
    await this.testId('signin-submit').click();
    await pwExpect(this.testId('current-user')).toBeVisible();
  }

  syncIndicator() {
    return this.testId('sync-indicator');
  }

  async waitSynced(): Promise<void> {
    await pwExpect(this.page.locator('[data-testid=sync-indicator][data-state=online][data-pending="0"]')).toBeVisible({ timeout: 20_000 });
  }

  async submitLeave(form: { type: string; start: string; end: string; endHalf?: 'am' | 'pm'; reason: string }): Promise<string> {
    await this.testId('nav-new').click();
    await pwExpect(this.testId('leave-submit')).toBeEnabled({ timeout: 20_000 });
    await this.testId('leave-type').click();
    await this.testId(`leave-type-option-${form.type}`).click();
    await this.testId('leave-start').fill(form.start);
    await this.testId('leave-start').press('Enter');
    await this.testId('leave-end').click();
    await this.testId('leave-end').fill(form.end);
    await this.testId('leave-end').press('Enter');
    if (form.endHalf) await this.testId(`leave-end-half-${form.endHalf}`).click();
    await this.testId('leave-reason').fill(form.reason);
    const before = await this.page.locator('[data-testid=request-row]').count().catch(() => 0);
    await this.testId('leave-submit').click();
    const rows = this.page.locator('[data-testid=request-row]');
    await pwExpect(rows).toHaveCount(before + 1);
    const id = await rows.first().getAttribute('data-id');
    if (!id) throw new Error('the new request row has no id');
    return id;
  }

  row(id: string) {
    return this.page.locator(`[data-testid=request-row][data-id="${id}"]`);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
