// Vitest globalSetup of the e2e project: builds the web renderer once (`npm run build:web`,
// output in dist/renderer) before any browser test starts, so the tests serve a real build.
// Set BUREAU_E2E_SKIP_BUILD=1 to reuse an existing build while iterating on a test.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(): Promise<void> {
  if (process.env.BUREAU_E2E_SKIP_BUILD) {
    console.warn('[e2e] BUREAU_E2E_SKIP_BUILD is set: using the existing dist/renderer build.');
    return;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(npm, ['run', 'build:web', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run build:web failed (${signal ?? `exit ${code}`}): the e2e tests need a renderer build.`));
    });
  });
}
