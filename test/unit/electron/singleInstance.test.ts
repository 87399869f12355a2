import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, type FocusableWindow, type SingleInstanceApp } from '../../../electron/main/singleInstance';

class FakeApp extends EventEmitter implements SingleInstanceApp {
  readonly quit = vi.fn();
  constructor(private readonly lockAvailable: boolean) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }
}

function fakeWindow(state: { minimized?: boolean; visible?: boolean; destroyed?: boolean } = {}) {
  const window = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    isVisible: () => state.visible ?? true,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  } satisfies FocusableWindow;
  return window;
}

describe('single instance', () => {
  it('quits when another instance holds the lock', () => {
    const app = new FakeApp(false);
    const getWindow = vi.fn(() => null);
    expect(claimSingleInstance(app, getWindow)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps running with the lock, and brings its window back when launched again', () => {
    const app = new FakeApp(true);
    const window = fakeWindow({ minimized: true, visible: false });
    expect(claimSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();

    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('only focuses a window that is already visible', () => {
    const app = new FakeApp(true);
    const window = fakeWindow();
    claimSingleInstance(app, () => window);
    app.emit('second-instance');
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.show).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('ignores a second launch before the window exists or after it is destroyed', () => {
    const app = new FakeApp(true);
    let current: FocusableWindow | null = null;
    claimSingleInstance(app, () => current);
    expect(() => app.emit('second-instance')).not.toThrow();
    const destroyed = fakeWindow({ destroyed: true });
    current = destroyed;
    app.emit('second-instance');
    expect(destroyed.focus).not.toHaveBeenCalled();
  });
});
