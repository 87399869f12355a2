// Makes `npm start` and `npm test` work in a fresh clone: runs before anything is installed, so
// it uses Node built-ins only. Quiet when everything is in place.
//
//   node build/ensure-deps.mjs          (prestart) npm packages
//   node build/ensure-deps.mjs --test   (pretest)  npm packages + Chromium, PostgreSQL, CJK fonts
//
// npm packages: `npm ci` (with ELECTRON_SKIP_BINARY_DOWNLOAD=1: the Electron binary cannot be
// downloaded here, DESIGN.md section 6) when node_modules is missing or older than
// package-lock.json.
// System packages: when one is missing and we are root with apt-get, install it (set
// BUREAU_NO_APT=1 to prevent that); otherwise print the command and go on, and the tests that
// need it fail or skip with their own message.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const forTests = process.argv.includes('--test');

ensureNodeModules();
if (forTests) ensureSystemPackages();

function ensureNodeModules() {
  const lockFile = join(root, 'package-lock.json');
  const installedLock = join(root, 'node_modules', '.package-lock.json');
  let reason = null;
  if (!existsSync(join(root, 'node_modules'))) reason = 'node_modules is missing';
  else if (!existsSync(installedLock)) reason = 'node_modules was not installed by npm';
  else if (existsSync(lockFile) && statSync(installedLock).mtimeMs < statSync(lockFile).mtimeMs) {
    // package-lock.json is newer. `npm install <pkg>` can write it just after node_modules, so
    // look at the content before paying for a full reinstall.
    if (sameInstall(lockFile, installedLock)) {
      try {
        const stamp = new Date(Math.max(Date.now(), statSync(lockFile).mtimeMs));
        utimesSync(installedLock, stamp, stamp); // so the next run is a plain mtime check again
      } catch {
        // read-only node_modules: compare the content again next time
      }
    } else {
      reason = 'package-lock.json changed since the last install';
    }
  }
  if (!reason) return;

  const ci = existsSync(lockFile);
  const args = ci ? ['ci'] : ['install'];
  console.log(`[ensure-deps] ${reason}: running npm ${args.join(' ')} (ELECTRON_SKIP_BINARY_DOWNLOAD=1)`);
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    shell: process.platform === 'win32',
  });
  if (result.error || result.status !== 0) {
    console.error(`[ensure-deps] npm ${args.join(' ')} failed${result.error ? `: ${result.error.message}` : ` (exit ${result.status})`}`);
    process.exit(result.status || 1);
  }
}

/** True when every package of the lock file is installed at its locked version. */
function sameInstall(lockFile, installedLock) {
  try {
    const wanted = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {};
    const installed = JSON.parse(readFileSync(installedLock, 'utf8')).packages ?? {};
    for (const [path, entry] of Object.entries(wanted)) {
      if (path === '') continue;
      const present = installed[path];
      // Optional packages for other platforms are in the lock file but never installed.
      if (!present) {
        if (entry.optional || entry.devOptional) continue;
        return false;
      }
      if (present.version !== entry.version || Boolean(present.link) !== Boolean(entry.link)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function ensureSystemPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push({ pkg: 'chromium', what: 'Chromium (/usr/bin/chromium) for the e2e tests' });
  if (!postgresInstalled()) missing.push({ pkg: 'postgresql', what: 'PostgreSQL (/usr/lib/postgresql/*/bin/initdb) for the integration tests' });
  if (!cjkFontsInstalled()) missing.push({ pkg: 'fonts-noto-cjk', what: 'CJK fonts (fonts-noto-cjk) for Chinese text in the e2e tests' });
  if (missing.length === 0) return;

  const packages = missing.map((m) => m.pkg);
  const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');

  if (isRoot && hasApt && !process.env.BUREAU_NO_APT) {
    console.log(`[ensure-deps] the tests need ${missing.map((m) => m.what).join('; ')}: installing ${packages.join(' ')} with apt-get (set BUREAU_NO_APT=1 to skip).`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const steps = [['update'], ['install', '-y', ...packages]];
    for (const args of steps) {
      const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
      if (result.error || result.status !== 0) {
        console.error(`[ensure-deps] apt-get ${args.join(' ')} failed; tests that need ${packages.join(', ')} will fail or be skipped. Run by hand: ${command}`);
        return;
      }
    }
    return;
  }

  const why = !hasApt ? 'apt-get is not available' : !isRoot ? 'not running as root' : 'BUREAU_NO_APT is set';
  console.warn(`[ensure-deps] missing ${missing.map((m) => m.what).join('; ')}.`);
  console.warn(`[ensure-deps] not installing them (${why}). To install, run:`);
  console.warn(`    sudo sh -c '${command}'`);
  console.warn('[ensure-deps] continuing: the tests that need them will fail or be skipped with a message.');
}

function postgresInstalled() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return false;
  return readdirSync(base).some((version) => existsSync(join(base, version, 'bin', 'initdb')));
}

function cjkFontsInstalled() {
  if (existsSync('/usr/share/fonts/opentype/noto')) return true;
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return !result.error && result.status === 0 && result.stdout.trim() !== '';
}
