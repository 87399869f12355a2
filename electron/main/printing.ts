// Printing the page to PDF and saving files where the user chooses (print:toPdf, file:save).
// The renderer only suggests a file name, already validated by the channel's schema; where the
// file goes is decided by the user in the operating system's save dialog, never by the page.
// Failures are answered with a code, not thrown, and the chosen path stays out of the log: it
// names the user's folders, which is nobody's business in a support ticket.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  extensionOf,
  extensionsFor,
  type FileSaveArgs,
  type PrintToPdfArgs,
  type SaveResult,
} from '../../shared/protocol/ipc';

/** What `webContents.printToPDF` is given: the page's own CSS `@page` size wins when it has one. */
export interface PdfOptions {
  pageSize: 'A4' | 'A5';
  landscape: boolean;
  printBackground: true;
  preferCSSPageSize: true;
}

/** The part of a `WebContents` that prints itself. */
export interface PrintableContents {
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
}

export interface SaveDialogOptionsLike {
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

/** Electron's `dialog`; `W` is the window type the dialog is parented to. */
export interface SaveDialogHost<W> {
  showSaveDialog(window: W, options: SaveDialogOptionsLike): Promise<{ canceled: boolean; filePath?: string }>;
}

/** The subset of `node:fs/promises` used to write the chosen file; tests pass an in-memory fake. */
export interface SaveFileSystem {
  writeFile(file: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export interface FileSaverOptions<W> {
  dialog: SaveDialogHost<W>;
  fs: SaveFileSystem;
  /** The window that shows the sender's page, for the dialog to belong to; null if none does. */
  windowOf: (sender: unknown) => W | null;
  /** Where the dialog opens, e.g. `app.getPath('documents')`; the OS's choice when absent. */
  defaultDirectory?: () => string;
  log?: (message: string, error?: unknown) => void;
}

export interface FileSaver {
  /** Prints the sender's page to PDF, then asks where to save it. */
  printToPdf(sender: unknown, args: PrintToPdfArgs): Promise<SaveResult>;
  /** Asks where to save the bytes, after checking them against their hash if one is given. */
  save(sender: unknown, args: FileSaveArgs): Promise<SaveResult>;
}

const FAILED: SaveResult = { saved: false, error: 'ipc.internal_error' };

function isPrintable(sender: unknown): sender is PrintableContents {
  return typeof sender === 'object' && sender !== null && typeof (sender as { printToPDF?: unknown }).printToPDF === 'function';
}

/** What is safe to log about a failure: its code ('ENOSPC', 'EACCES'), never its message, which names the path. */
function failureCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (typeof name === 'string') return name;
  }
  return 'unknown';
}

export function createFileSaver<W>(options: FileSaverOptions<W>): FileSaver {
  const log = options.log ?? (() => undefined);

  function defaultPath(name: string): string {
    let directory: string | undefined;
    try {
      directory = options.defaultDirectory?.();
    } catch {
      directory = undefined;
    }
    return directory ? path.join(directory, name) : name;
  }

  async function saveWithDialog(window: W, name: string, bytes: Uint8Array, extensions: readonly string[]): Promise<SaveResult> {
    let choice: { canceled: boolean; filePath?: string };
    try {
      choice = await options.dialog.showSaveDialog(window, {
        defaultPath: defaultPath(name),
        // Named by the extension: the dialog's own labels are in the OS's language already.
        filters: [{ name: (extensions[0] ?? extensionOf(name)).toUpperCase(), extensions: [...extensions] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
    } catch (error) {
      log(`saving: the save dialog failed (${failureCode(error)})`);
      return FAILED;
    }
    const target = choice.filePath;
    if (choice.canceled || !target) return { saved: false };

    // Written beside the target, then renamed over it: a failed write (disk full, unplugged
    // drive) leaves any file the user chose to replace as it was, and no half a file behind.
    const partial = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
    try {
      await options.fs.writeFile(partial, bytes);
      await options.fs.rename(partial, target);
    } catch (error) {
      await options.fs.rm(partial, { force: true }).catch(() => undefined);
      log(`saving: cannot write the file (${failureCode(error)})`);
      return FAILED;
    }
    return { saved: true, path: target };
  }

  return {
    async printToPdf(sender, args) {
      const window = options.windowOf(sender);
      if (window === null || !isPrintable(sender)) {
        log('printing: the sender has no window to print');
        return FAILED;
      }
      let pdf: Uint8Array;
      try {
        // Before the dialog: the PDF shows the page as it was when the button was pressed.
        pdf = await sender.printToPDF({
          pageSize: args.pageSize ?? 'A4',
          landscape: args.landscape ?? false,
          printBackground: true,
          preferCSSPageSize: true,
        });
      } catch (error) {
        log(`printing: printToPDF failed (${failureCode(error)})`);
        return FAILED;
      }
      return saveWithDialog(window, args.name, pdf, ['pdf']);
    },

    async save(sender, args) {
      if (args.sha256 !== undefined) {
        // Hashed again here: the bytes crossed two process boundaries since they were checked.
        const actual = createHash('sha256').update(args.bytes).digest('hex');
        if (actual !== args.sha256) {
          log('saving: refused bytes that do not match their sha256');
          return { saved: false, error: 'ipc.invalid_argument' };
        }
      }
      const window = options.windowOf(sender);
      if (window === null) {
        log('saving: the sender has no window');
        return FAILED;
      }
      return saveWithDialog(window, args.name, args.bytes, extensionsFor(args.mediaType));
    },
  };
}
