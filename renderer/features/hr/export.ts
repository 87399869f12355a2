// Exporting a table to a file HR opens in Excel or WPS: CSV (UTF-8 with a byte-order mark, so
// Excel reads Chinese correctly; RFC 4180 quoting) and XLSX (exceljs, loaded only when someone
// exports, so its ~1 MB stays out of the main bundle).
//
// Formula injection (CWE-1236): a CSV cell starting with = + - @ (or a tab or carriage return,
// which some spreadsheets strip before looking) is run as a formula when the file is opened.
// Every text cell that starts so is prefixed with an apostrophe, which spreadsheets show as
// text. Numbers stay numbers: a negative day count is data, not a formula. XLSX cells are
// written typed (text as shared strings), so nothing in them is ever evaluated.

export type Cell = string | number | null;

export interface ExportTable {
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
  /** Column widths in characters (XLSX only); by default from the content. */
  widths?: readonly number[];
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell a spreadsheet would take for a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: guarded, then quoted when it holds a comma, a quote or a line break (RFC 4180 §2). */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : guardFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file as text: BOM, header, rows, each line ended by CRLF (RFC 4180 §2). */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return BOM + lines.map((line) => `${line}\r\n`).join('');
}

export function csvBlob(table: ExportTable): Blob {
  return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ExcelModule = typeof import('exceljs');

/** exceljs is CommonJS: bundlers and Node expose it as the default export, types as named ones. */
async function loadExcel(): Promise<ExcelModule> {
  const mod: ExcelModule & { default?: ExcelModule } = await import('exceljs');
  return mod.default ?? mod;
}

/**
 * Fetches the workbook library ahead of need. In the browser the offline shell keeps only the
 * files it has seen, so loading it once while the server is reachable is what lets HR export
 * to Excel later with no network; it also makes the first export immediate.
 */
export function preloadXlsx(): void {
  loadExcel().catch(() => undefined);
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/** Display width of a text: CJK characters take two columns. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function autoWidths(table: ExportTable): number[] {
  return table.columns.map((header, i) => {
    const widest = table.rows.reduce((max, row) => Math.max(max, textWidth(row[i] === null || row[i] === undefined ? '' : String(row[i]))), textWidth(header));
    return Math.min(60, Math.max(8, widest + 2));
  });
}

/** The table as an .xlsx workbook of one sheet: bold frozen header with filters, typed cells. */
export async function toXlsx(table: ExportTable, name: string): Promise<Uint8Array> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'Bureau';
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = table.widths ?? autoWidths(table);
  sheet.columns = table.columns.map((header, i) => ({ header, width: widths[i] ?? 12 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? null));
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

export async function xlsxBlob(table: ExportTable, name: string): Promise<Blob> {
  const bytes = await toXlsx(table, name);
  return new Blob([bytes.slice().buffer], { type: XLSX_MEDIA_TYPE });
}

/**
 * Saves a blob under `filename` through an object URL and a temporary <a download>: the same
 * path works in every browser and in Electron (which shows its save dialog for it).
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
