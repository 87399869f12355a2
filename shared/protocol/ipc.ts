// The one map of IPC channels between the renderer (through the preload) and the Electron
// main process. Every channel name, argument schema and result type is declared here once;
// the main-process handlers, the preload bridge and the renderer's platform wrapper all derive
// their types from this map, so a channel cannot be renamed or reshaped on one side only.
import { z } from 'zod';
import { sha256HexSchema } from '../domain/attachment';
import { userSchema } from '../domain/directory';
import { isoInstantSchema } from '../domain/ids';

export const LANGUAGES = ['zh-CN', 'en', 'es'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

// `user:password@host` in a saved server URL would leak credentials into logs, CSP headers and
// socket handshakes; credentials belong to the sign-in flow, never to settings.
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;

export const serverUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2048)
  .refine((value) => !URL_WITH_CREDENTIALS.test(value), {
    error: 'must not contain a user name or password',
  });

export const settingsSchema = z.object({
  serverUrl: serverUrlSchema,
  language: languageSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

// Strict so a misspelt key is reported instead of being silently dropped.
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  serverUrl: 'http://127.0.0.1:8470',
  language: 'zh-CN',
});

/**
 * Reads settings from untrusted storage (a JSON file, localStorage). Missing keys take their
 * default so an older file keeps working after a field is added; anything invalid yields
 * `null` and the caller falls back to defaults.
 */
export function parseStoredSettings(raw: unknown): Settings | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const result = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...raw });
  return result.success ? result.data : null;
}

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  electron: z.literal(true),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const notificationSchema = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
  })
  .strict();
export type NotificationRequest = z.infer<typeof notificationSchema>;

/**
 * The unread count shown on the app's icon (dock, taskbar, launcher); 0 clears it. Capped
 * because no launcher shows more than a few digits, and the renderer is not trusted to stay sane.
 */
export const badgeCountSchema = z.number().int().min(0).max(99_999);
export type BadgeCount = z.infer<typeof badgeCountSchema>;

/**
 * The signed-in session kept across restarts, so that someone who signed in once can open
 * Bureau with no server and keep working offline. The token is a bearer credential: the
 * desktop app keeps it only encrypted with Electron's safeStorage
 * (electron/main/sessionVault.ts); a plain browser has nothing better than localStorage
 * (renderer/platform/browser.ts). Wherever it is read back from, it is validated again.
 */
export const savedSessionSchema = z.object({
  serverUrl: serverUrlSchema,
  // The server issues >= 128 random bits; the upper bound only caps what a caller can send.
  token: z.string().min(20).max(4096),
  expiresAt: isoInstantSchema,
  user: userSchema,
});
export type SavedSession = z.infer<typeof savedSessionSchema>;

/** Reads a session back from untrusted storage (a decrypted file, localStorage): `null` if invalid. */
export function parseStoredSession(raw: unknown): SavedSession | null {
  const result = savedSessionSchema.safeParse(raw);
  return result.success ? result.data : null;
}

export const IPC_ERROR_CODES = [
  'ipc.invalid_argument',
  'ipc.forbidden_sender',
  'ipc.internal_error',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

// ---------------------------------------------------------------------------------------------
// Saving files where the user chooses (a PDF of the page, a copy of a form)
// ---------------------------------------------------------------------------------------------

export const FILE_NAME_MAX_LENGTH = 200;
/** What a saved file may hold: 50 MiB, far above any form template or printed sheet. */
export const SAVE_FILE_MAX_BYTES = 50 * 1024 * 1024;

/**
 * The media types a file may be saved as, each with the extensions its name may end in. The
 * forms library's formats (PDF, Word, Excel, OpenDocument, scanned paper forms) and the CSV
 * exports; anything else is refused, so the renderer cannot drop an executable or a script
 * with an innocent name into the user's folders.
 */
export const SAVE_MEDIA_TYPES = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'text/csv': ['csv'],
  // A meeting exported for Outlook and other calendar programs.
  'text/calendar': ['ics'],
} as const satisfies Record<string, readonly string[]>;

/** `text/csv; charset=utf-8` -> `text/csv`: the parameters do not change what the file is. */
export function mediaTypeEssence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The extensions a file of this media type may be saved with; empty if it may not be saved. */
export function extensionsFor(mediaType: string): readonly string[] {
  const essence = mediaTypeEssence(mediaType);
  return Object.hasOwn(SAVE_MEDIA_TYPES, essence) ? SAVE_MEDIA_TYPES[essence as keyof typeof SAVE_MEDIA_TYPES] : [];
}

/** The part after the last dot, lower-case; '' when there is none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

// Path separators of every OS, the other characters Windows refuses in a name, and controls.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARACTERS = /[/\\<>:"|?*\u0000-\u001f\u007f]/;

/**
 * A file name offered in the save dialog: a name, never a path, and one that every OS accepts.
 * It only suggests; the user may still pick any folder and name in the dialog.
 */
export const suggestedFileNameSchema = z
  .string()
  .min(1)
  .max(FILE_NAME_MAX_LENGTH)
  .refine((name) => !UNSAFE_NAME_CHARACTERS.test(name), { error: 'must be a file name, without / \\ : * ? " < > | or control characters' })
  .refine((name) => name.trim() === name, { error: 'must not start or end with a space' })
  .refine((name) => !name.startsWith('.'), { error: 'must not start with a dot' });

/**
 * Turns any text (a claim's title, a form's name) into a safe file name with this extension:
 * unsafe characters become "_", runs of space collapse, and the name is cut to fit.
 */
export function safeFileName(text: string, extension: string): string {
  const suffix = `.${extension}`;
  const stem = text
    .replace(new RegExp(UNSAFE_NAME_CHARACTERS.source, 'g'), '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  // Cut whole code points, so a title never ends in half a surrogate pair.
  let fitted = '';
  for (const char of stem) {
    if (fitted.length + char.length > FILE_NAME_MAX_LENGTH - suffix.length) break;
    fitted += char;
  }
  fitted = fitted.trim();
  return `${fitted === '' ? 'document' : fitted}${suffix}`;
}

export const PDF_PAGE_SIZES = ['A4', 'A5'] as const;

export const printToPdfArgsSchema = z
  .object({
    name: suggestedFileNameSchema.refine((name) => extensionOf(name) === 'pdf', { error: 'must end in .pdf' }),
    pageSize: z.enum(PDF_PAGE_SIZES).optional(),
    landscape: z.boolean().optional(),
  })
  .strict();
export type PrintToPdfArgs = z.infer<typeof printToPdfArgsSchema>;

export const fileSaveArgsSchema = z
  .object({
    name: suggestedFileNameSchema,
    mediaType: z.string().min(1).max(200),
    // Any Uint8Array (a Buffer included), whatever buffer backs it.
    bytes: z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'must be a Uint8Array' })
      .refine((bytes) => bytes.byteLength <= SAVE_FILE_MAX_BYTES, { error: `must be at most ${SAVE_FILE_MAX_BYTES} bytes` }),
    /** If given, the bytes are hashed again where they are written and refused if they differ. */
    sha256: sha256HexSchema.optional(),
  })
  .strict()
  .refine((args) => extensionsFor(args.mediaType).length > 0, { error: 'this media type may not be saved', path: ['mediaType'] })
  .refine((args) => extensionsFor(args.mediaType).includes(extensionOf(args.name)), {
    error: 'the name must end in an extension of its media type',
    path: ['name'],
  });
export type FileSaveArgs = z.infer<typeof fileSaveArgsSchema>;

/**
 * Where the file went: `saved` with the path the user chose, or not saved, with no error when
 * the user cancelled the dialog and with a code when writing failed or the bytes were refused.
 * Handled failures are answered, not thrown, so the renderer needs no error-message parsing.
 */
export const saveResultSchema = z.union([
  z.object({ saved: z.literal(true), path: z.string().min(1) }),
  z.object({ saved: z.literal(false), error: z.enum(IPC_ERROR_CODES).optional() }),
]);
export type SaveResult = z.infer<typeof saveResultSchema>;

// No-argument channels still get a schema: the renderer is untrusted, and a stray argument
// is a caller bug worth reporting rather than ignoring.
const noArgument = z.undefined();

export const ipcContract = {
  'app:getInfo': { arg: noArgument, result: appInfoSchema },
  'settings:get': { arg: noArgument, result: settingsSchema },
  'settings:set': { arg: settingsPatchSchema, result: settingsSchema },
  'notify:show': { arg: notificationSchema, result: z.void() },
  'notify:setBadge': { arg: badgeCountSchema, result: z.void() },
  'session:load': { arg: noArgument, result: savedSessionSchema.nullable() },
  // Strict at the top level, like the settings patch: a misspelt key is a caller bug.
  'session:save': { arg: savedSessionSchema.strict(), result: z.void() },
  'session:clear': { arg: noArgument, result: z.void() },
  'print:toPdf': { arg: printToPdfArgsSchema, result: saveResultSchema },
  'file:save': { arg: fileSaveArgsSchema, result: saveResultSchema },
} as const satisfies Record<`${string}:${string}`, { arg: z.ZodType; result: z.ZodType }>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
/** What a caller passes (schema input). */
export type IpcArgs<K extends IpcChannel> = z.input<IpcContract[K]['arg']>;
/** What a handler receives after validation (schema output). */
export type IpcParsedArgs<K extends IpcChannel> = z.output<IpcContract[K]['arg']>;
export type IpcResult<K extends IpcChannel> = z.output<IpcContract[K]['result']>;

export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

export type IpcMethod<K extends IpcChannel> = undefined extends IpcArgs<K>
  ? () => Promise<IpcResult<K>>
  : (arg: IpcArgs<K>) => Promise<IpcResult<K>>;

type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;
export type IpcDomain = DomainOf<IpcChannel>;

/**
 * The object the preload exposes as `window.bureau`: one namespace per channel domain, one
 * method per verb, e.g. `'settings:set'` -> `bureau.settings.set(patch)`.
 */
export type BureauDesktopApi = {
  readonly [D in IpcDomain]: {
    readonly [K in IpcChannel as K extends `${D}:${infer V}` ? V : never]: IpcMethod<K>;
  };
};

export function splitChannel(channel: IpcChannel): { domain: IpcDomain; verb: string } {
  const separator = channel.indexOf(':');
  return {
    domain: channel.slice(0, separator) as IpcDomain,
    verb: channel.slice(separator + 1),
  };
}

/**
 * Electron only carries an error's message across `invoke` (prefixed with "Error invoking
 * remote method ..."), so handlers put the code first in the message and callers recover it
 * here.
 */
export function ipcErrorCodeOf(error: unknown): IpcErrorCode | null {
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return IPC_ERROR_CODES.find((code) => message.includes(code)) ?? null;
}

/** Error message for an invalid argument: the code, then where and why, for the developer. */
export function invalidArgumentMessage(channel: IpcChannel, error: z.ZodError): string {
  const details = error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(argument)'}: ${issue.message}`)
    .join('; ');
  return `ipc.invalid_argument: ${channel}: ${details}`;
}
