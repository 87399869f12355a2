// Sandboxed preloads cannot load modules other than 'electron', so this file imports no
// runtime code from shared/ (everything here is bundled into the preload): the channel list
// below is checked against the shared map at compile time instead, and a missing or extra
// channel fails the type check.
import type { BureauDesktopApi, IpcChannel } from '../../shared/protocol/ipc';

const CHANNELS = {
  'app:getInfo': true,
  'settings:get': true,
  'settings:set': true,
  'notify:show': true,
  'notify:setBadge': true,
  'session:load': true,
  'session:save': true,
  'session:clear': true,
  'print:toPdf': true,
  'file:save': true,
} as const satisfies Record<IpcChannel, true>;

export const PRELOAD_CHANNELS = Object.keys(CHANNELS) as IpcChannel[];

export type Invoke = (channel: IpcChannel, arg: unknown) => Promise<unknown>;

/** One function per channel, grouped by domain: `'settings:set'` -> `api.settings.set`. */
export function createDesktopApi(invoke: Invoke): BureauDesktopApi {
  const api: Record<string, Record<string, (arg?: unknown) => Promise<unknown>>> = {};
  for (const channel of PRELOAD_CHANNELS) {
    const separator = channel.indexOf(':');
    const domain = channel.slice(0, separator);
    const verb = channel.slice(separator + 1);
    // Only the first argument is forwarded: every channel takes at most one, and main
    // rejects anything else anyway.
    (api[domain] ??= {})[verb] = (arg?: unknown) => invoke(channel, arg);
  }
  // Built dynamically from the same channel names BureauDesktopApi is derived from.
  return api as unknown as BureauDesktopApi;
}
