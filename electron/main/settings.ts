// Desktop settings, persisted as JSON in the user-data folder. The file is untrusted input
// (hand edits, half-written files, older versions), so it is validated on every read.
import path from 'node:path';
import {
  DEFAULT_SETTINGS,
  parseStoredSettings,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/protocol/ipc';

/** The subset of `node:fs/promises` the store uses; tests pass an in-memory fake. */
export interface SettingsFileSystem {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

export interface SettingsStore {
  get(): Settings;
  /** Validates, writes, and only then changes what `get()` returns. */
  update(patch: SettingsPatch): Promise<Settings>;
}

export interface SettingsStoreOptions {
  fs: SettingsFileSystem;
  /** `app.getPath('userData')`. */
  directory: string;
  log?: (message: string) => void;
}

export const SETTINGS_FILE_NAME = 'settings.json';

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

async function readSettings(options: SettingsStoreOptions, file: string): Promise<Settings> {
  let text: string;
  try {
    text = await options.fs.readFile(file, 'utf8');
  } catch (error) {
    if (!isMissingFile(error)) options.log?.(`settings: cannot read ${file}, using defaults`);
    return { ...DEFAULT_SETTINGS };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    options.log?.(`settings: ${file} is not valid JSON, using defaults`);
    return { ...DEFAULT_SETTINGS };
  }
  const settings = parseStoredSettings(raw);
  if (!settings) {
    options.log?.(`settings: ${file} holds invalid settings, using defaults`);
    return { ...DEFAULT_SETTINGS };
  }
  return settings;
}

export async function loadSettingsStore(options: SettingsStoreOptions): Promise<SettingsStore> {
  const file = path.join(options.directory, SETTINGS_FILE_NAME);
  let current = await readSettings(options, file);
  // Updates run one after another so two quick writes cannot interleave their renames.
  let queue: Promise<unknown> = Promise.resolve();

  async function write(next: Settings): Promise<void> {
    // Write-then-rename: a crash mid-write leaves the old file intact, never a torn one.
    const temporary = `${file}.tmp`;
    await options.fs.mkdir(options.directory, { recursive: true });
    await options.fs.writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
    await options.fs.rename(temporary, file);
  }

  return {
    get: () => ({ ...current }),
    update(patch) {
      const run = queue.then(async () => {
        // `{ language: undefined }` means "leave it", not "erase it".
        const changes = Object.fromEntries(
          Object.entries(patch).filter(([, value]) => value !== undefined),
        );
        const next = settingsSchema.parse({ ...current, ...changes });
        await write(next);
        current = next;
        return { ...next };
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
