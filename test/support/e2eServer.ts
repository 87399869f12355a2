// The server the browser tests talk to: the demo agency in an in-memory PGlite, serving the web
// build in dist/renderer (built once by globalSetup.e2e.ts) on a free port. And where the
// tests' screenshots go (test/e2e/screenshots/, rewritten by every run).
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../server/app';
import { silentLogger } from '../../server/log';

/** The password of every demo account on the e2e server. */
export const E2E_PASSWORD = 'e2e-demo-password';

const staticDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export function startE2eServer(): Promise<RunningServer> {
  return startServer({ database: { kind: 'pglite', dataDir: null }, port: 0, staticDir, seedDemo: E2E_PASSWORD, log: silentLogger });
}

/** The path of the screenshot `name` (test/e2e/screenshots/<name>.png). */
export const screenshot = (name: string) => fileURLToPath(new URL(`../e2e/screenshots/${name}.png`, import.meta.url));
