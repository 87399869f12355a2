// Type-checks every folder with its own tsconfig.json (npm run typecheck). Each folder narrows
// `lib` and `types` (shared/: no DOM, no Node; renderer/: DOM, no Node; ...), so a call that is
// wrong for a runtime fails here. All configs have noEmit. Runs every folder, then reports.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const folders = ['shared', 'server', 'electron', 'renderer', 'test'];
const tsc = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');

if (!existsSync(tsc)) {
  console.error(`typecheck: ${tsc} not found; run npm ci first.`);
  process.exit(1);
}

const failed = [];
for (const folder of folders) {
  const project = join(folder, 'tsconfig.json');
  if (!existsSync(join(root, project))) {
    console.error(`typecheck: ${project} is missing`);
    failed.push(folder);
    continue;
  }
  const started = Date.now();
  const result = spawnSync(tsc, ['-p', project, '--pretty'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error) {
    console.error(`typecheck: could not run tsc for ${folder}/: ${result.error.message}`);
    failed.push(folder);
  } else if (result.status !== 0) {
    console.error(`typecheck: ${folder}/ FAILED (tsc -p ${project}, ${seconds}s)`);
    failed.push(folder);
  } else {
    console.log(`typecheck: ${folder}/ ok (${seconds}s)`);
  }
}

if (failed.length > 0) {
  console.error(`typecheck failed in: ${failed.map((f) => `${f}/`).join(', ')}`);
  process.exit(1);
}
