// One embedded database folder, one process: a second opener is told clearly and changes nothing.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/open';
import { DataDirInUse } from '../../server/store/dataDirLock';

describe('embedded database folder lock', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bureau-lock-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second opener while a live process holds it, and frees it on close', async () => {
    const dataDir = join(dir, 'a');
    // Another live process owns the folder.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await mkdir(dataDir, { recursive: true });
      await writeFile(join(dataDir, 'bureau.lock'), String(other.pid));
      await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toBeInstanceOf(DataDirInUse);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that is gone, and releases it on close', async () => {
    const dataDir = join(dir, 'b');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'bureau.lock'), '999999999');
    const db = await openDatabase({ kind: 'pglite', dataDir });
    expect(await readFile(join(dataDir, 'bureau.lock'), 'utf8')).toBe(String(process.pid));
    await db.close();
    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
  });
});
