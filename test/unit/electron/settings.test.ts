import { describe, expect, it, vi } from 'vitest';
import { loadSettingsStore, SETTINGS_FILE_NAME } from '../../../electron/main/settings';
import { DEFAULT_SETTINGS } from '../../../shared/protocol/ipc';
import { MemoryFileSystem } from './fakes';

const USER_DATA = '/home/clerk/.config/Bureau';
const FILE = `${USER_DATA}/${SETTINGS_FILE_NAME}`;

async function storeWithFile(contents: string | undefined) {
  const fs = new MemoryFileSystem();
  if (contents !== undefined) fs.files.set(FILE, contents);
  const log = vi.fn();
  const store = await loadSettingsStore({ fs, directory: USER_DATA, log });
  return { fs, store, log };
}

describe('settings store', () => {
  it('starts from defaults when there is no file, quietly', async () => {
    const { store, log } = await storeWithFile(undefined);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(log).not.toHaveBeenCalled();
  });

  it.each([
    ['truncated JSON', '{"serverUrl": "http://10.0.0.1'],
    ['an empty file', ''],
    ['a JSON array', '[1, 2]'],
    ['JSON null', 'null'],
    ['a javascript: server URL', JSON.stringify({ serverUrl: 'javascript:alert(1)', language: 'en' })],
    ['an unknown language', JSON.stringify({ serverUrl: 'http://10.0.0.1', language: 'klingon' })],
    ['a wrongly typed field', JSON.stringify({ serverUrl: 42, language: 'en' })],
  ])('falls back to defaults on a corrupt file: %s', async (_name, contents) => {
    const { store, log } = await storeWithFile(contents);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledOnce();
  });

  it('reads a valid file, filling fields it lacks with defaults', async () => {
    const { store } = await storeWithFile(JSON.stringify({ language: 'es', futureField: 1 }));
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'es' });
  });

  it('overwrites a corrupt file on the next update', async () => {
    const { fs, store } = await storeWithFile('garbage');
    await store.update({ language: 'en' });
    expect(JSON.parse(fs.files.get(FILE) ?? '')).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(fs.files.has(`${FILE}.tmp`)).toBe(false);
  });

  it('hands out copies, so callers cannot mutate the stored value', async () => {
    const { store } = await storeWithFile(undefined);
    const copy = store.get();
    copy.language = 'es';
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('treats an undefined field in a patch as "unchanged"', async () => {
    const { store } = await storeWithFile(undefined);
    await expect(store.update({ language: undefined, serverUrl: 'http://10.9.8.7' })).resolves.toEqual({
      ...DEFAULT_SETTINGS,
      serverUrl: 'http://10.9.8.7',
    });
  });

  it('applies concurrent updates in order', async () => {
    const { fs, store } = await storeWithFile(undefined);
    await Promise.all([
      store.update({ language: 'en' }),
      store.update({ serverUrl: 'http://10.0.0.2' }),
      store.update({ language: 'es' }),
    ]);
    const expected = { serverUrl: 'http://10.0.0.2', language: 'es' };
    expect(store.get()).toEqual(expected);
    expect(JSON.parse(fs.files.get(FILE) ?? '')).toEqual(expected);
  });

  it('keeps the previous value when the write fails, and recovers afterwards', async () => {
    const { fs, store } = await storeWithFile(undefined);
    fs.failWrites = true;
    await expect(store.update({ language: 'en' })).rejects.toThrow('ENOSPC');
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    fs.failWrites = false;
    await expect(store.update({ language: 'es' })).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'es' });
  });
});
