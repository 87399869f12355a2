/**
 * In a plain browser, installs the service worker that keeps the app's files for offline
 * reopening (public/sw.js). Browsers allow it only in secure contexts (https, or localhost):
 * on a plain-http intranet address the app still works offline once open, and the desktop app
 * is the way to reopen it with no server.
 */
export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('./sw.js').catch(() => undefined);
}
