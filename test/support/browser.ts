// Debian's Chromium driven by playwright-core, and a page object for Bureau's screens.
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
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

const WAIT_MS = 20_000;

/** Waiting assertions for playwright-core (which has no expect): each fails with what it waited for. */
export const until = {
  visible: (l: Locator, timeout = WAIT_MS) => l.first().waitFor({ state: 'visible', timeout }),
  hidden: (l: Locator, timeout = WAIT_MS) => l.first().waitFor({ state: 'hidden', timeout }),
  async count(l: Locator, n: number, timeout = WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const got = await l.count();
      if (got === n) return;
      if (Date.now() > deadline) throw new Error(`expected ${n} of ${l.toString()}, found ${got}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  },
  attribute: (l: Locator, name: string, value: string, timeout = WAIT_MS) =>
    l.and(l.page().locator(`[${name}="${value}"]`)).first().waitFor({ state: 'attached', timeout }),
  text: (l: Locator, text: string, timeout = WAIT_MS) => l.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout }),
};

/** The text field behind a test id, whether antd put the id on the control or on its wrapper. */
export function field(page: Page, testId: string, tag = 'input'): Locator {
  return page.locator(`${tag}[data-testid="${testId}"], [data-testid="${testId}"] ${tag}`).first();
}

/**
 * Types a date into an antd date picker and clicks its day (Enter would also submit the form
 * around the picker). On a loaded machine a click can land while the panel re-renders the typed
 * date and be lost: the day is clicked again while the panel stays open.
 */
export async function pickDate(page: Page, testId: string, date: string): Promise<void> {
  const input = field(page, testId);
  await input.click();
  await input.fill(date);
  const panel = page.locator('.ant-picker-dropdown:visible');
  for (let attempt = 0; ; attempt++) {
    const day = panel.locator(`.ant-picker-cell[title="${date}"]`);
    if ((await panel.count()) > 0) await day.click({ timeout: 5_000 }).catch(() => undefined);
    try {
      await until.hidden(panel, 5_000);
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  const value = await input.inputValue();
  if (value !== date) throw new Error(`the date picker ${testId} shows ${value}, not ${date}`);
}

/** A signed-in person in their own browser context (their own IndexedDB and storage). */
export class Desk {
  /** Requests this person created in this test run, to tell the new row from the others. */
  private readonly created = new Set<string>();

  private constructor(
    readonly context: BrowserContext,
    public page: Page,
  ) {}

  /** Closes the tab and opens the app again in a new one, as after a restart. */
  async reopen(url: string): Promise<void> {
    await this.page.close();
    this.page = await this.context.newPage();
    await this.page.goto(url);
  }

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
    await until.visible(this.testId('current-user'));
  }

  syncIndicator() {
    return this.testId('sync-indicator');
  }

  async waitSynced(): Promise<void> {
    await until.visible(this.page.locator('[data-testid=sync-indicator][data-state=online][data-pending="0"]'));
  }

  async submitLeave(form: { type: string; start: string; end: string; endHalf?: 'am' | 'pm'; reason: string }): Promise<string> {
    await this.testId('nav-new').click();
    await until.visible(this.page.locator('[data-testid=leave-submit]:not([disabled])'));
    await this.testId('leave-type').click();
    await this.testId(`leave-type-option-${form.type}`).click();
    await this.testId('leave-start').fill(form.start);
    await this.testId('leave-start').press('Enter');
    await this.testId('leave-end').click();
    await this.testId('leave-end').fill(form.end);
    await this.testId('leave-end').press('Enter');
    if (form.endHalf) await this.testId(`leave-end-half-${form.endHalf}`).click();
    await this.testId('leave-reason').fill(form.reason);
    const rows = this.page.locator('[data-testid=request-row]');
    await this.testId('leave-submit').click();
    await until.count(rows, this.created.size + 1);
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    const id = ids.find((x) => x !== null && !this.created.has(x));
    if (!id) throw new Error('no new request row appeared');
    this.created.add(id);
    return id;
  }

  row(id: string) {
    return this.page.locator(`[data-testid=request-row][data-id="${id}"]`);
  }

  /** The app's route (a hash route: '#/claims/new?trip=…') as a URL. */
  route(): URL {
    return new URL(new URL(this.page.url()).hash.slice(1) || '/', 'http://app');
  }

  /** Waits for the app's router to reach a page (client-side: no load event to wait for). */
  async untilRoute(matches: (url: URL) => boolean, timeout = WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!matches(this.route())) {
      if (Date.now() > deadline) throw new Error(`still at ${this.page.url()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * One desk per user name, each in its own browser context, signed in one after the other and
 * then synced: `const [staff, head] = await signedInDesks(browser, url, ['wangqiang', 'lina'], PASSWORD)`.
 */
export async function signedInDesks<const U extends readonly string[]>(browser: Browser, serverUrl: string, usernames: U, password: string): Promise<{ [K in keyof U]: Desk }> {
  const desks = await Promise.all(usernames.map(() => Desk.open(browser, serverUrl)));
  for (const [i, desk] of desks.entries()) await desk.signIn(usernames[i]!, password);
  await Promise.all(desks.map((d) => d.waitSynced()));
  return desks as { [K in keyof U]: Desk };
}
