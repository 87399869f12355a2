// Smoke test of the real desktop app through Playwright's Electron driver. It needs the
// Electron binary, which cannot be downloaded on the project's build machines
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1): there it is skipped, and says so. Everything it checks is
// also unit-tested with fakes in test/unit/electron/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BureauDesktopApi } from '../../shared/protocol/ipc';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The Electron executable, or null. `require('electron')` throws when the binary is absent. */
function findElectronBinary(): string | null {
  try {
    const executable: unknown = createRequire(import.meta.url)('electron');
    return typeof executable === 'string' && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();
const SKIP_REASON = 'no Electron binary on this machine (node_modules/electron/dist is missing)';
if (!electronBinary) console.warn(`[e2e] electron smoke test skipped: ${SKIP_REASON}`);

describe.skipIf(!electronBinary)(`Electron smoke test (skipped if ${SKIP_REASON})`, () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    if (!process.env['BUREAU_E2E_SKIP_BUILD']) {
      const build = spawnSync(
        process.execPath,
        [path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
        { cwd: repoRoot, stdio: 'inherit' },
      );
      if (build.status !== 0) throw new Error('electron-vite build failed');
    }
    userData = mkdtempSync(path.join(tmpdir(), 'bureau-electron-'));
    // Without ELECTRON_RENDERER_URL the app loads its built files, as a packaged app does.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] =>
          entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL',
      ),
    );
    app = await _electron.launch({
      executablePath: electronBinary ?? undefined,
      // A private profile: no clash with a running Bureau's single-instance lock or settings.
      // Chromium refuses to start as root without --no-sandbox (CI containers); the renderer
      // is still created with `sandbox: true`.
      args: [
        repoRoot,
        `--user-data-dir=${userData}`,
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      cwd: repoRoot,
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('opens a window titled Bureau from app://bureau/', async () => {
    expect(await page.title()).toContain('Bureau');
    expect(page.url()).toMatch(/^app:\/\/bureau\//);
  });

  it('answers window.bureau.app.getInfo() through the preload', async () => {
    const info = await page.evaluate(() =>
      (globalThis as unknown as { bureau: BureauDesktopApi }).bureau.app.getInfo(),
    );
    expect(info.electron).toBe(true);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    const exposesIpc = await page.evaluate(() => 'ipcRenderer' in globalThis || 'require' in globalThis);
    expect(exposesIpc).toBe(false);
  });

  it('refuses to navigate to or open an external URL', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/bureau\//);
    expect(app.windows()).toHaveLength(1);
  });
});
