import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers, isTrustedSender, registerIpcHandlers, type IpcInvokeEvent } from '../../../electron/main/ipc';
import { createFileSaver } from '../../../electron/main/printing';
import { createOriginMatcher } from '../../../electron/main/security';
import { createSessionVault } from '../../../electron/main/sessionVault';
import { loadSettingsStore } from '../../../electron/main/settings';
import { ipcErrorCodeOf, printToPdfArgsSchema, safeFileName, SAVE_FILE_MAX_BYTES } from '../../../shared/protocol/ipc';
import {
  FakeIpcMain,
  FakePrintableContents,
  FakeSafeStorage,
  FakeSaveDialog,
  MemoryFileSystem,
  MemoryVaultFileSystem,
  fakeFrame,
  fakeWindow,
} from './fakes';

const USER_DATA = '/home/clerk/.config/Bureau';
const DOCUMENTS = '/home/clerk/Documents';
const APP_URL = 'app://bureau/index.html';
const CHOSEN = '/home/clerk/报销/差旅费报销单-广州培训.pdf';

async function setup() {
  const mainFrame = fakeFrame(APP_URL);
  const contents = new FakePrintableContents(mainFrame);
  const window = fakeWindow(mainFrame, contents);
  // Another window of the app: it must never be printed or parent the dialog.
  const otherContents = new FakePrintableContents(fakeFrame(APP_URL, { processId: 7, frameToken: 'other' }));
  const otherWindow = fakeWindow(otherContents.mainFrame, otherContents);
  const windows = [otherWindow, window];
  const dialog = new FakeSaveDialog<(typeof windows)[number]>();
  const fs = new MemoryVaultFileSystem();
  const log = vi.fn<(message: string, error?: unknown) => void>();
  const handlers = createIpcHandlers({
    appInfo: () => ({ version: '1.2.3', platform: 'linux', electron: true }),
    settings: await loadSettingsStore({ fs: new MemoryFileSystem(), directory: USER_DATA }),
    notify: () => undefined,
    session: createSessionVault({ safeStorage: new FakeSafeStorage(), fs: new MemoryVaultFileSystem(), directory: USER_DATA }),
    files: createFileSaver({
      dialog,
      fs,
      windowOf: (sender) => windows.find((w) => w.webContents === sender) ?? null,
      defaultDirectory: () => DOCUMENTS,
      log,
    }),
  });
  const ipcMain = new FakeIpcMain();
  registerIpcHandlers(ipcMain, handlers, {
    isTrustedSender: (event) => isTrustedSender(event, window, createOriginMatcher(APP_URL)),
    log,
  });
  const ownEvent = (overrides: Partial<IpcInvokeEvent> = {}): IpcInvokeEvent => ({
    sender: contents,
    senderFrame: mainFrame,
    ...overrides,
  });
  /** Everything the logger was given, as one string, to look for paths in. */
  const logged = () => JSON.stringify(log.mock.calls.map((call) => call.map((part) => (part instanceof Error ? part.message : part))));
  return { contents, otherContents, window, otherWindow, dialog, fs, log, logged, ipcMain, ownEvent };
}

describe('print:toPdf', () => {
  it('prints the sender, asks where to save in a dialog of its window, and writes the PDF there', async () => {
    const s = await setup();
    s.dialog.answer = { canceled: false, filePath: CHOSEN };
    const result = await s.ipcMain.invoke('print:toPdf', s.ownEvent(), {
      name: '差旅费报销单-广州培训-2025-03-02.pdf',
      pageSize: 'A5',
      landscape: true,
    });
    expect(result).toEqual({ saved: true, path: CHOSEN });
    expect(s.contents.printed).toEqual([{ pageSize: 'A5', landscape: true, printBackground: true, preferCSSPageSize: true }]);
    expect(s.otherContents.printed).toEqual([]);
    expect(s.dialog.shown).toHaveLength(1);
    expect(s.dialog.shown[0]?.window).toBe(s.window);
    expect(s.dialog.shown[0]?.options).toMatchObject({
      defaultPath: `${DOCUMENTS}/差旅费报销单-广州培训-2025-03-02.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(s.fs.files.get(CHOSEN)).toEqual(Buffer.from(s.contents.pdf));
    // Nothing else is left in the folder (no partial file).
    expect([...s.fs.files.keys()]).toEqual([CHOSEN]);
    expect(s.logged()).not.toContain(CHOSEN);
  });

  it('prints on A4, portrait, unless told otherwise', async () => {
    const s = await setup();
    await s.ipcMain.invoke('print:toPdf', s.ownEvent(), { name: 'claim.pdf' });
    expect(s.contents.printed).toEqual([{ pageSize: 'A4', landscape: false, printBackground: true, preferCSSPageSize: true }]);
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const s = await setup();
    // A path may come back with a cancel (what was typed before Cancel was pressed): still nothing.
    s.dialog.answer = { canceled: true, filePath: CHOSEN };
    await expect(s.ipcMain.invoke('print:toPdf', s.ownEvent(), { name: 'claim.pdf' })).resolves.toEqual({ saved: false });
    expect(s.dialog.shown).toHaveLength(1);
    expect(s.fs.operations).toEqual([]);
  });

  it.each([
    ['a parent-folder path', '../x.pdf'],
    ['a path into a folder', 'a/b.pdf'],
    ['a Windows path', 'C:\\Users\\clerk\\x.pdf'],
    ['an empty name', ''],
    ['a name that only is the extension', '.pdf'],
    ['another extension', 'claim.docx'],
    ['no extension', 'claim'],
    ['a control character', 'claim\u0000.pdf'],
    ['a 201-character name', `${'报'.repeat(197)}.pdf`],
    ['a number', 42],
  ])('refuses %s, without printing, asking or writing anything', async (_name, name) => {
    const s = await setup();
    s.dialog.answer = { canceled: false, filePath: CHOSEN };
    const call = s.ipcMain.invoke('print:toPdf', s.ownEvent(), { name });
    await expect(call).rejects.toThrow('ipc.invalid_argument');
    await call.catch((error: unknown) => expect(ipcErrorCodeOf(error)).toBe('ipc.invalid_argument'));
    expect(s.contents.printed).toEqual([]);
    expect(s.dialog.shown).toEqual([]);
    expect(s.fs.operations).toEqual([]);
  });

  it.each([
    ['an unknown page size', { name: 'x.pdf', pageSize: 'Letter' }],
    ['an unknown option', { name: 'x.pdf', margins: 'none' }],
  ])('refuses %s', async (_name, argument) => {
    const s = await setup();
    await expect(s.ipcMain.invoke('print:toPdf', s.ownEvent(), argument)).rejects.toThrow('ipc.invalid_argument');
    expect(s.contents.printed).toEqual([]);
  });

  it('refuses a caller that is not our window, without printing', async () => {
    const s = await setup();
    const call = s.ipcMain.invoke('print:toPdf', s.ownEvent({ sender: s.otherContents, senderFrame: s.otherContents.mainFrame }), {
      name: 'x.pdf',
    });
    await expect(call).rejects.toThrow('ipc.forbidden_sender');
    expect(s.otherContents.printed).toEqual([]);
    expect(s.contents.printed).toEqual([]);
    expect(s.dialog.shown).toEqual([]);
  });

  it('answers a failed print with a code, without asking where to save', async () => {
    const s = await setup();
    s.contents.failure = new Error('Printing failed');
    await expect(s.ipcMain.invoke('print:toPdf', s.ownEvent(), { name: 'x.pdf' })).resolves.toEqual({
      saved: false,
      error: 'ipc.internal_error',
    });
    expect(s.dialog.shown).toEqual([]);
    expect(s.fs.operations).toEqual([]);
    expect(s.log).toHaveBeenCalled();
  });

  it('answers a failed write with a code, keeps the file it was to replace, and logs no path', async () => {
    const s = await setup();
    s.fs.files.set(CHOSEN, Buffer.from('the old PDF'));
    s.fs.failWrites = true;
    s.dialog.answer = { canceled: false, filePath: CHOSEN };
    await expect(s.ipcMain.invoke('print:toPdf', s.ownEvent(), { name: 'x.pdf' })).resolves.toEqual({
      saved: false,
      error: 'ipc.internal_error',
    });
    expect(s.fs.files.get(CHOSEN)?.toString()).toBe('the old PDF');
    expect([...s.fs.files.keys()]).toEqual([CHOSEN]);
    expect(s.logged()).toContain('ENOSPC');
    expect(s.logged()).not.toContain('/home/clerk');
  });
});

describe('file:save', () => {
  const bytes = new Uint8Array(randomBytes(4096));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const target = '/home/clerk/Documents/出差审批单.docx';

  it('writes exactly the bytes where the user chose', async () => {
    const s = await setup();
    s.dialog.answer = { canceled: false, filePath: target };
    const result = await s.ipcMain.invoke('file:save', s.ownEvent(), { name: '出差审批单.docx', mediaType: docx, bytes, sha256 });
    expect(result).toEqual({ saved: true, path: target });
    expect(new Uint8Array(s.fs.files.get(target) ?? [])).toEqual(bytes);
    expect(s.dialog.shown[0]?.window).toBe(s.window);
    expect(s.dialog.shown[0]?.options.filters).toEqual([{ name: 'DOCX', extensions: ['docx'] }]);
    expect(s.contents.printed).toEqual([]);
    expect(s.logged()).not.toContain(target);
  });

  it('offers every extension of the media type and accepts its parameters', async () => {
    const s = await setup();
    s.dialog.answer = { canceled: false, filePath: '/tmp/scan.jpeg' };
    await s.ipcMain.invoke('file:save', s.ownEvent(), { name: 'scan.jpeg', mediaType: 'image/jpeg', bytes });
    expect(s.dialog.shown[0]?.options.filters).toEqual([{ name: 'JPG', extensions: ['jpg', 'jpeg'] }]);
    s.dialog.answer = { canceled: false, filePath: '/tmp/export.csv' };
    await expect(
      s.ipcMain.invoke('file:save', s.ownEvent(), { name: 'export.csv', mediaType: 'text/csv; charset=utf-8', bytes }),
    ).resolves.toEqual({ saved: true, path: '/tmp/export.csv' });
  });

  it('writes nothing when the user cancels', async () => {
    const s = await setup();
    await expect(s.ipcMain.invoke('file:save', s.ownEvent(), { name: 'a.docx', mediaType: docx, bytes })).resolves.toEqual({
      saved: false,
    });
    expect(s.fs.operations).toEqual([]);
  });

  it('refuses bytes that do not match their sha256, before asking anything', async () => {
    const s = await setup();
    s.dialog.answer = { canceled: false, filePath: target };
    const tampered = new Uint8Array(bytes);
    tampered[100] = (tampered[100] ?? 0) ^ 0xff;
    await expect(
      s.ipcMain.invoke('file:save', s.ownEvent(), { name: 'a.docx', mediaType: docx, bytes: tampered, sha256 }),
    ).resolves.toEqual({ saved: false, error: 'ipc.invalid_argument' });
    expect(s.dialog.shown).toEqual([]);
    expect(s.fs.operations).toEqual([]);
  });

  it.each([
    ['more than 50 MiB', () => ({ name: 'big.pdf', mediaType: 'application/pdf', bytes: new Uint8Array(SAVE_FILE_MAX_BYTES + 1) })],
    ['a name with a path', () => ({ name: '../../.bashrc.pdf', mediaType: 'application/pdf', bytes })],
    ['an extension that is not the media type’s', () => ({ name: 'form.exe', mediaType: 'application/pdf', bytes })],
    ['a media type that may not be saved', () => ({ name: 'run.sh', mediaType: 'application/x-sh', bytes })],
    ['a PDF name for a Word file', () => ({ name: 'form.pdf', mediaType: docx, bytes })],
    ['bytes as an array of numbers', () => ({ name: 'a.pdf', mediaType: 'application/pdf', bytes: [1, 2, 3] })],
    ['bytes as a string', () => ({ name: 'a.pdf', mediaType: 'application/pdf', bytes: '%PDF' })],
    ['a malformed sha256', () => ({ name: 'a.pdf', mediaType: 'application/pdf', bytes, sha256: 'ABC' })],
  ])('refuses %s and writes nothing', async (_name, makeArgument) => {
    const s = await setup();
    s.dialog.answer = { canceled: false, filePath: target };
    const call = s.ipcMain.invoke('file:save', s.ownEvent(), makeArgument());
    await expect(call).rejects.toThrow('ipc.invalid_argument');
    expect(s.dialog.shown).toEqual([]);
    expect(s.fs.operations).toEqual([]);
  });

  it('accepts exactly 50 MiB', async () => {
    const s = await setup();
    s.dialog.answer = { canceled: false, filePath: '/tmp/big.pdf' };
    const big = new Uint8Array(SAVE_FILE_MAX_BYTES);
    await expect(s.ipcMain.invoke('file:save', s.ownEvent(), { name: 'big.pdf', mediaType: 'application/pdf', bytes: big })).resolves.toEqual({
      saved: true,
      path: '/tmp/big.pdf',
    });
    expect(s.fs.files.get('/tmp/big.pdf')?.length).toBe(SAVE_FILE_MAX_BYTES);
  });
});

describe('suggested file names', () => {
  it('makes a safe name of any title', () => {
    expect(safeFileName('差旅费报销单-赴广州: 培训/会议  2025', 'pdf')).toBe('差旅费报销单-赴广州_ 培训_会议 2025.pdf');
    expect(safeFileName('..\\..\\secret', 'pdf')).toBe('_.._secret.pdf');
    expect(safeFileName('   ', 'pdf')).toBe('document.pdf');
  });

  it('cuts a long title to fit, never in half a character', () => {
    const name = safeFileName(`${'报'.repeat(150)}${'😀'.repeat(50)}`, 'pdf');
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name).toMatch(/^报{150}(😀)+\.pdf$/u);
  });

  it.each(['a/b', '..', 'x'.repeat(500), 'tab\there', ' spaced '])('always yields a name the channel accepts (%s)', (title) => {
    expect(printToPdfArgsSchema.safeParse({ name: safeFileName(title, 'pdf') }).success).toBe(true);
  });
});
