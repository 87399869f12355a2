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

/** The part of Electron's `app` that shows a count on the app's icon. */
export interface BadgeHost {
  /** Returns false where the desktop has no badge (Windows, most Linux launchers). */
  setBadgeCount(count?: number): boolean;
}

export interface BadgeOptions {
  app: BadgeHost;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Returns `setBadge(count)`. The renderer re-sends the count whenever its list changes; the
 * launcher is only touched when the number differs. A desktop without badges is not an error
 * (the in-app bell still shows the count), and neither is a launcher that throws.
 */
export function createBadgeSetter(options: BadgeOptions): (count: number) => void {
  let shown: number | null = null;
  return (count) => {
    if (count === shown) return;
    shown = count;
    try {
      options.app.setBadgeCount(count);
    } catch (error) {
      options.log?.('notifications: cannot set the badge', error);
    }
  };
}
