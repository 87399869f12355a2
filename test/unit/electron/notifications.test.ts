import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createNotifier, type NotificationConstructor } from '../../../electron/main/notifications';

function fakeNotificationClass(supported: boolean) {
  const shown: Array<{ title: string; body: string }> = [];
  const instances: EventEmitter[] = [];
  class FakeNotification extends EventEmitter {
    static isSupported(): boolean {
      return supported;
    }
    constructor(private readonly options: { title: string; body: string }) {
      super();
      instances.push(this);
    }
    show(): void {
      shown.push(this.options);
    }
  }
  const ctor: NotificationConstructor = FakeNotification;
  return { ctor, shown, instances };
}

describe('notifications', () => {
  it('shows an Electron notification and focuses the app on click', () => {
    const { ctor, shown, instances } = fakeNotificationClass(true);
    const onClick = vi.fn();
    createNotifier({ Notification: ctor, onClick })({ title: 'Leave approved', body: '2 days' });
    expect(shown).toEqual([{ title: 'Leave approved', body: '2 days' }]);
    instances[0]?.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('does nothing where notifications are unsupported', () => {
    const { ctor, shown, instances } = fakeNotificationClass(false);
    createNotifier({ Notification: ctor })({ title: 'x', body: 'y' });
    expect(instances).toEqual([]);
    expect(shown).toEqual([]);
  });
});
