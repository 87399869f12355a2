import type { NotificationRequest } from '../../shared/protocol/ipc';

export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface NotificationConstructor {
  isSupported(): boolean;
  new (options: { title: string; body: string }): NotificationLike;
}

export interface NotifierOptions {
  Notification: NotificationConstructor;
  /** Typically brings the main window to the front. */
  onClick?: () => void;
}

/**
 * Returns `show(request)`. Where the OS has no notification support it does nothing: a
 * notification is a courtesy, and its absence must not fail the caller.
 */
export function createNotifier(options: NotifierOptions): (request: NotificationRequest) => void {
  // Electron notifications that are only referenced from JS can be garbage-collected
  // while still on screen, losing their click handler; keep them until closed or clicked.
  const live = new Set<NotificationLike>();
  return (request) => {
    if (!options.Notification.isSupported()) return;
    const notification = new options.Notification({ title: request.title, body: request.body });
    live.add(notification);
    notification.on('click', () => {
      live.delete(notification);
      options.onClick?.();
    });
    notification.on('close', () => live.delete(notification));
    notification.show();
  };
}
