// The saved session on the desktop (DESIGN.md section 5: "secrets kept with safeStorage"). Its
// token is a bearer credential, so it is written only encrypted with Electron's safeStorage
// (Keychain on macOS, DPAPI on Windows, libsecret/KWallet on Linux), to a file in the user-data
// folder. When the OS offers no such encryption nothing is kept at all, never the token in
// clear: the user then signs in at each start, and the session they open works as usual,
// offline included, until the app quits.
//
// The file is untrusted input (another OS user's key, a half-written or hand-edited file, an
// older version), so it is decrypted and validated on every read; anything wrong reads as "no
// saved session".
import path from 'node:path';
import { parseStoredSession, savedSessionSchema, type SavedSession } from '../../shared/protocol/ipc';

/** The part of Electron's `safeStorage` the vault uses; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store holds the key. */
  getSelectedStorageBackend?(): string;
}

/** The subset of `node:fs/promises` the vault uses; tests pass an in-memory fake. */
export interface VaultFileSystem {
  readFile(file: string): Promise<Buffer>;
  writeFile(file: string, data: Uint8Array, options: { mode: number }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export interface SessionVaultOptions {
  safeStorage: SafeStorageLike;
  fs: VaultFileSystem;
  /** `app.getPath('userData')`. */
  directory: string;
  /** `process.platform`: on Linux the secret-store backend is checked as well. */
  platform?: string;
  log?: (message: string, error?: unknown) => void;
}

export interface SessionVault {
  /** The saved session, or `null` when there is none, or none that can be decrypted and read. */
  load(): Promise<SavedSession | null>;
  /** Encrypts and writes the session; without OS encryption, writes nothing (see above). */
  save(session: SavedSession): Promise<void>;
  clear(): Promise<void>;
}

export const SESSION_FILE_NAME = 'session.bin';

/**
 * Linux backends that do not protect anything: `basic_text` means no secret store was found
 * and safeStorage falls back to a password hard-coded in Electron, which is the token in clear
 * in all but name; `unknown` is only reported before the app is ready.
 */
const UNPROTECTED_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

export function createSessionVault(options: SessionVaultOptions): SessionVault {
  const { safeStorage, fs, directory } = options;
  const file = path.join(directory, SESSION_FILE_NAME);
  const log = (message: string, error?: unknown): void => options.log?.(message, error);
  let reportedUnavailable = false;
  // One operation at a time, in call order: a clear right after a save must not be overtaken
  // by that save's rename and bring the session back.
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  function encryptionAvailable(): boolean {
    let available: boolean;
    try {
      available =
        safeStorage.isEncryptionAvailable() &&
        !(options.platform === 'linux' && UNPROTECTED_LINUX_BACKENDS.has(safeStorage.getSelectedStorageBackend?.() ?? 'unknown'));
    } catch {
      available = false;
    }
    if (!available && !reportedUnavailable) {
      reportedUnavailable = true;
      log('session: the OS offers no encryption (safeStorage), so the session is not kept across restarts');
    }
    return available;
  }

  async function load(): Promise<SavedSession | null> {
    if (!encryptionAvailable()) return null;
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch (error) {
      if (!isMissingFile(error)) log(`session: cannot read ${file}`, error);
      return null;
    }
    let text: string;
    try {
      text = safeStorage.decryptString(data);
    } catch (error) {
      // Another OS user's file, a reset keychain, a damaged file: sign in again.
      log(`session: cannot decrypt ${file}`, error);
      return null;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      log(`session: ${file} does not hold JSON`);
      return null;
    }
    const session = parseStoredSession(raw);
    if (!session) log(`session: ${file} holds an invalid session`);
    return session;
  }

  async function save(session: SavedSession): Promise<void> {
    const valid = savedSessionSchema.parse(session);
    if (!encryptionAvailable()) {
      // Nothing is written, and an older session must not come back at the next start in
      // place of this one.
      await clear();
      return;
    }
    const encrypted = safeStorage.encryptString(JSON.stringify(valid));
    // Write-then-rename: a crash mid-write leaves the old file intact, never a torn one.
    const temporary = `${file}.tmp`;
    await fs.mkdir(directory, { recursive: true });
    await fs.writeFile(temporary, encrypted, { mode: 0o600 });
    await fs.rename(temporary, file);
  }

  async function clear(): Promise<void> {
    await fs.rm(file, { force: true });
  }

  return {
    load: () => serial(load),
    save: (session) => serial(() => save(session)),
    clear: () => serial(clear),
  };
}
