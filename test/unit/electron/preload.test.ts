import { describe, expect, it, vi } from 'vitest';
import { createDesktopApi, PRELOAD_CHANNELS } from '../../../electron/preload/api';
import { IPC_CHANNELS } from '../../../shared/protocol/ipc';

// The real 'electron' module cannot load outside Electron; the preload only needs these two.
const bridge = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(() => Promise.resolve('ok')),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: bridge.exposeInMainWorld },
  ipcRenderer: { invoke: bridge.invoke, send: vi.fn(), on: vi.fn() },
}));

describe('preload bridge', () => {
  it('covers exactly the channels of the shared map', () => {
    expect([...PRELOAD_CHANNELS].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('groups one method per channel by domain and forwards one argument', async () => {
    const invoke = vi.fn((channel: string, arg: unknown) => Promise.resolve({ channel, arg }));
    const api = createDesktopApi(invoke);
    expect(Object.keys(api).sort()).toEqual(['app', 'file', 'notify', 'print', 'session', 'settings']);
    expect(Object.keys(api.session).sort()).toEqual(['clear', 'load', 'save']);
    await expect(api.settings.set({ language: 'en' })).resolves.toEqual({
      channel: 'settings:set',
      arg: { language: 'en' },
    });
    await api.app.getInfo();
    expect(invoke).toHaveBeenLastCalledWith('app:getInfo', undefined);
  });

  it('forwards the session channels', async () => {
    const invoke = vi.fn((channel: string, arg: unknown) => Promise.resolve({ channel, arg }));
    const api = createDesktopApi(invoke);
    const session = {
      serverUrl: 'http://10.1.2.3:8470',
      token: 't'.repeat(43),
      expiresAt: '2026-03-01T12:00:00.000Z',
      user: { id: 'u1', username: 'u', displayName: 'U', departmentId: 'd', managerId: null, rank: 1, title: '', roles: [], active: true },
    };
    await api.session.save(session);
    expect(invoke).toHaveBeenLastCalledWith('session:save', session);
    await api.session.load();
    expect(invoke).toHaveBeenLastCalledWith('session:load', undefined);
    await api.session.clear();
    expect(invoke).toHaveBeenLastCalledWith('session:clear', undefined);
  });

  it('forwards printing to PDF and saving a file, bytes included', async () => {
    const invoke = vi.fn((channel: string, arg: unknown) => Promise.resolve({ channel, arg }));
    const api = createDesktopApi(invoke);
    await api.print.toPdf({ name: '出差审批单.pdf', pageSize: 'A4' });
    expect(invoke).toHaveBeenLastCalledWith('print:toPdf', { name: '出差审批单.pdf', pageSize: 'A4' });
    const bytes = new Uint8Array([37, 80, 68, 70]);
    await api.file.save({ name: 'form.pdf', mediaType: 'application/pdf', bytes });
    expect(invoke).toHaveBeenLastCalledWith('file:save', { name: 'form.pdf', mediaType: 'application/pdf', bytes });
  });

  it("exposes only the API as window.bureau, never ipcRenderer", async () => {
    await import('../../../electron/preload/index');
    expect(bridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = bridge.exposeInMainWorld.mock.calls[0] ?? [];
    expect(key).toBe('bureau');
    const exposed = api as Record<string, Record<string, unknown>>;
    const members = Object.entries(exposed).flatMap(([domain, methods]) =>
      Object.entries(methods).map(([verb, value]) => [`${domain}:${verb}`, typeof value]),
    );
    expect(members.sort()).toEqual([...IPC_CHANNELS].sort().map((channel) => [channel, 'function']));

    await (exposed['notify']?.['show'] as (arg: unknown) => Promise<unknown>)({ title: 't', body: 'b' });
    expect(bridge.invoke).toHaveBeenCalledWith('notify:show', { title: 't', body: 'b' });
    expect(Object.keys(exposed['session'] ?? {}).sort()).toEqual(['clear', 'load', 'save']);
    await (exposed['session']?.['load'] as () => Promise<unknown>)();
    expect(bridge.invoke).toHaveBeenLastCalledWith('session:load', undefined);
  });
});
