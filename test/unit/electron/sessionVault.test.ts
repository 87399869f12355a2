// The desktop session vault: encrypted at rest with safeStorage, never in clear, and anything
// unreadable reads as "no saved session".
import { describe, expect, it, vi } from 'vitest';
import { createSessionVault, SESSION_FILE_NAME } from '../../../electron/main/sessionVault';
import type { SavedSession } from '../../../shared/protocol/ipc';
import { FakeSafeStorage, MemoryVaultFileSystem, sampleSession } from './fakes';

const USER_DATA = '/home/clerk/.config/Bureau';
const FILE = `${USER_DATA}/${SESSION_FILE_NAME}`;

function setup(options: { platform?: string; fs?: MemoryVaultFileSystem; safeStorage?: FakeSafeStorage } = {}) {
  const fs = options.fs ?? new MemoryVaultFileSystem();
  const safeStorage = options.safeStorage ?? new FakeSafeStorage();
  const log = vi.fn();
  const open = () => createSessionVault({ safeStorage, fs, directory: USER_DATA, platform: options.platform ?? 'linux', log });
  return { fs, safeStorage, log, vault: open(), open };
}

describe('session vault', () => {
  it('has nothing to load at first, and says nothing about it', async () => {
    const { vault, log } = setup();
    await expect(vault.load()).resolves.toBeNull();
    expect(log).not.toHaveBeenCalled();
  });

  it('round-trips a session across a restart, encrypted on disk', async () => {
    const { vault, fs, open } = setup();
    const session = sampleSession();
    await vault.save(session);

    const onDisk = fs.files.get(FILE);
    if (!onDisk) throw new Error('no session file');
    for (const encoding of ['utf8', 'latin1', 'utf16le', 'base64', 'hex'] as const) {
      expect(onDisk.toString(encoding)).not.toContain(session.token);
    }
    expect(onDisk.toString('utf8')).not.toContain(session.user.username);
    expect(onDisk.toString('utf8')).not.toContain('serverUrl');
    // Written atomically and readable by its owner only.
    expect(fs.operations).toEqual([`write ${FILE}.tmp`, `rename ${FILE}.tmp ${FILE}`]);
    expect(fs.files.has(`${FILE}.tmp`)).toBe(false);
    expect(fs.modes.get(FILE)).toBe(0o600);

    // A fresh start (a new vault over the same folder and OS key) reads it back.
    await expect(open().load()).resolves.toEqual(session);
  });

  it('replaces the session on the next save and forgets it on clear', async () => {
    const { vault } = setup();
    await vault.save(sampleSession());
    const renewed = sampleSession({ token: 'n'.repeat(43), expiresAt: '2026-03-02T12:00:00.000Z' });
    await vault.save(renewed);
    await expect(vault.load()).resolves.toEqual(renewed);
    await vault.clear();
    await expect(vault.load()).resolves.toBeNull();
    await expect(vault.clear()).resolves.toBeUndefined();
  });

  it('cannot be read with another OS key (another user, a reset keychain)', async () => {
    const { vault, fs } = setup();
    await vault.save(sampleSession());
    const other = setup({ fs, safeStorage: new FakeSafeStorage() });
    await expect(other.vault.load()).resolves.toBeNull();
    expect(other.log).toHaveBeenCalledOnce();
  });

  it.each<[string, (safeStorage: FakeSafeStorage) => Buffer]>([
    ['random bytes', () => Buffer.from('this is not a ciphertext at all, just some bytes')],
    ['an empty file', () => Buffer.alloc(0)],
    ['a plaintext session (hand-written)', () => Buffer.from(JSON.stringify(sampleSession()))],
    ['encrypted text that is not JSON', (s) => s.encryptString('{"serverUrl": "http://10.1')],
    ['an encrypted JSON array', (s) => s.encryptString('[1, 2]')],
    ['an encrypted session with a short token', (s) => s.encryptString(JSON.stringify(sampleSession({ token: 'short' })))],
    [
      'an encrypted session with a file: server',
      (s) => s.encryptString(JSON.stringify(sampleSession({ serverUrl: 'file:///etc/passwd' }))),
    ],
    [
      'an encrypted session without a user',
      (s) => s.encryptString(JSON.stringify({ ...sampleSession(), user: undefined })),
    ],
  ])('reads a corrupt file as no session: %s', async (_name, contents) => {
    const { vault, fs, safeStorage, log } = setup();
    fs.files.set(FILE, contents(safeStorage));
    await expect(vault.load()).resolves.toBeNull();
    expect(log).toHaveBeenCalledOnce();
    // Nothing in the log gives the token away.
    expect(JSON.stringify(log.mock.calls)).not.toContain(sampleSession().token);
  });

  it('refuses an invalid session and writes nothing', async () => {
    const { vault, fs } = setup();
    const invalid = { ...sampleSession(), token: 'short' } satisfies SavedSession;
    await expect(vault.save(invalid)).rejects.toThrow();
    expect(fs.operations).toEqual([]);
  });

  it('keeps the previous session when a write fails', async () => {
    const { vault, fs } = setup();
    await vault.save(sampleSession());
    fs.failWrites = true;
    await expect(vault.save(sampleSession({ token: 'n'.repeat(43) }))).rejects.toThrow('ENOSPC');
    fs.failWrites = false;
    await expect(vault.load()).resolves.toEqual(sampleSession());
  });

  it('applies a save and a clear in call order', async () => {
    const { vault, fs } = setup();
    await Promise.all([vault.save(sampleSession()), vault.clear()]);
    expect(fs.files.size).toBe(0);
    await Promise.all([vault.clear(), vault.save(sampleSession())]);
    await expect(vault.load()).resolves.toEqual(sampleSession());
  });
});

describe('session vault without OS encryption', () => {
  it('writes nothing, loads nothing, and logs it once', async () => {
    const { vault, fs, safeStorage, log } = setup();
    safeStorage.available = false;
    await expect(vault.save(sampleSession())).resolves.toBeUndefined();
    await expect(vault.save(sampleSession())).resolves.toBeUndefined();
    await expect(vault.load()).resolves.toBeNull();
    expect(fs.operations.filter((operation) => !operation.startsWith('rm '))).toEqual([]);
    expect(fs.files.size).toBe(0);
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[0])).toMatch(/no encryption/);
  });

  it('does not let an older session come back in place of a newer one it could not keep', async () => {
    const { vault, fs, safeStorage } = setup();
    await vault.save(sampleSession());
    safeStorage.available = false;
    await vault.save(sampleSession({ token: 'n'.repeat(43) }));
    expect(fs.files.size).toBe(0);
    safeStorage.available = true;
    await expect(vault.load()).resolves.toBeNull();
  });

  it("treats Linux's basic_text store (a hard-coded password) as no encryption", async () => {
    const { vault, fs, safeStorage, log } = setup({ platform: 'linux' });
    safeStorage.backend = 'basic_text';
    await vault.save(sampleSession());
    expect(fs.files.size).toBe(0);
    await expect(vault.load()).resolves.toBeNull();
    expect(log).toHaveBeenCalledOnce();
  });

  it('asks for the Linux store on Linux only', async () => {
    const { vault, safeStorage } = setup({ platform: 'win32' });
    safeStorage.backend = 'basic_text';
    const backend = vi.spyOn(safeStorage, 'getSelectedStorageBackend');
    await vault.save(sampleSession());
    await expect(vault.load()).resolves.toEqual(sampleSession());
    expect(backend).not.toHaveBeenCalled();
  });

  it('still clears a session saved while encryption was available', async () => {
    const { vault, fs, safeStorage } = setup();
    await vault.save(sampleSession());
    safeStorage.available = false;
    await vault.clear();
    expect(fs.files.size).toBe(0);
  });
});
