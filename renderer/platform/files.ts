// Printing to PDF and saving a file where the user chooses. The desktop app prints the page to
// PDF itself and asks where to put it (Electron's save dialog); a browser can only open its
// print dialog (where "Save as PDF" is one of the printers) and hand a file to its downloads.
// Both hosts take the same arguments and refuse the same ones, with the desktop's error codes.
import { sha256HexOf } from '../../shared/crypto/sha256';
import {
  fileSaveArgsSchema,
  ipcErrorCodeOf,
  printToPdfArgsSchema,
  type BureauDesktopApi,
  type IpcErrorCode,
  type PrintToPdfArgs,
  type SaveResult,
} from '../../shared/protocol/ipc';

export type PdfOptions = Omit<PrintToPdfArgs, 'name'>;

export interface SaveFileRequest {
  /** The name offered in the dialog; its extension must be one of the media type's. */
  name: string;
  mediaType: string;
  bytes: Uint8Array;
  /** Lower-case hex SHA-256 of the bytes: if given, bytes that differ are refused. */
  sha256?: string;
}

export type SaveOutcome =
  /** Written where the user chose; only the file name is given, for "Saved to …". */
  | { status: 'saved'; fileName: string }
  /** The user closed the dialog without saving. */
  | { status: 'cancelled' }
  /** Browser: the print dialog was shown; whatever the user did there, the page cannot know. */
  | { status: 'printDialog' }
  /** Browser: handed to the browser's downloads, which decide where it goes. */
  | { status: 'downloaded'; fileName: string }
  /** Refused (`ipc.invalid_argument`: a bad name, type or size, or bytes not matching their hash) or failed. */
  | { status: 'failed'; error: IpcErrorCode };

export interface FilesApi {
  print: {
    /** The current page as a PDF named `name` (which must end in .pdf). */
    toPdf(name: string, options?: PdfOptions): Promise<SaveOutcome>;
  };
  file: {
    save(request: SaveFileRequest): Promise<SaveOutcome>;
  };
}

/** Starts a download of `url` as `fileName` (a click on an `<a download>` link). */
export interface DownloadHost {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  clickDownloadLink(url: string, fileName: string): void;
}

export interface BrowserFilesEnvironment {
  /** `window.print`; absent where the page cannot print. */
  print?: () => (() => void) | undefined;
  downloads?: () => DownloadHost | undefined;
  /** Runs a clean-up once the browser has taken the download (revoking its object URL). */
  later?: (task: () => void) => void;
}

/** The last part of a path, whatever the OS's separator. */
export function fileNameOf(filePath: string): string {
  return filePath.split(/[\\/]/).pop() ?? filePath;
}

function fromResult(result: SaveResult): SaveOutcome {
  if (result.saved) return { status: 'saved', fileName: fileNameOf(result.path) };
  return result.error === undefined ? { status: 'cancelled' } : { status: 'failed', error: result.error };
}

function failed(error: unknown): SaveOutcome {
  return { status: 'failed', error: ipcErrorCodeOf(error) ?? 'ipc.internal_error' };
}

export function desktopFiles(desktop: BureauDesktopApi): FilesApi {
  return {
    print: {
      toPdf: (name, options = {}) => desktop.print.toPdf({ ...options, name }).then(fromResult, failed),
    },
    file: {
      save: (request) => desktop.file.save(request).then(fromResult, failed),
    },
  };
}

/** The real DOM: a hidden link in the page, clicked, then removed. */
export function documentDownloads(scope: { document?: Document; URL?: typeof URL }): DownloadHost | undefined {
  const { document, URL: urls } = scope;
  if (!document || !urls) return undefined;
  return {
    createObjectURL: (blob) => urls.createObjectURL(blob),
    revokeObjectURL: (url) => urls.revokeObjectURL(url),
    clickDownloadLink(url, fileName) {
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
    },
  };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // crypto.subtle exists only in secure contexts; the client opened at a plain http:// LAN
  // address has none, hence the fallback.
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (!subtle) return sha256HexOf(bytes);
  const digest = new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(bytes)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function browserFiles(env: BrowserFilesEnvironment): FilesApi {
  const later = env.later ?? ((task: () => void) => setTimeout(task, 0));
  return {
    print: {
      async toPdf(name, options = {}) {
        if (!printToPdfArgsSchema.safeParse({ ...options, name }).success) return { status: 'failed', error: 'ipc.invalid_argument' };
        const print = env.print?.();
        if (!print) return { status: 'failed', error: 'ipc.internal_error' };
        // The browser's dialog offers "Save as PDF"; the page's @page rule sets the paper.
        print();
        return { status: 'printDialog' };
      },
    },
    file: {
      async save(request) {
        const parsed = fileSaveArgsSchema.safeParse(request);
        if (!parsed.success) return { status: 'failed', error: 'ipc.invalid_argument' };
        const { name, mediaType, bytes, sha256 } = parsed.data;
        if (sha256 !== undefined && (await sha256Hex(bytes)) !== sha256) return { status: 'failed', error: 'ipc.invalid_argument' };
        const downloads = env.downloads?.();
        if (!downloads) return { status: 'failed', error: 'ipc.internal_error' };
        // A copy, so the Blob owns plain ArrayBuffer-backed bytes the caller can no longer change.
        const url = downloads.createObjectURL(new Blob([new Uint8Array(bytes)], { type: mediaType }));
        try {
          downloads.clickDownloadLink(url, name);
        } finally {
          // Some browsers start the download only after click() returns.
          later(() => downloads.revokeObjectURL(url));
        }
        return { status: 'downloaded', fileName: name };
      },
    },
  };
}
