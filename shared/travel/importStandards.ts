// Reading travel standards from a file finance brings (no internet):
// - JSON: the whole document (travelStandardsSchema without id, updatedAt and updatedBy; an
//   exported document with those fields is accepted, they are ignored);
// - CSV, as finance keeps the region table in a spreadsheet: one row per region,
//     region_id,name,province,abroad,cities,lodging_senior,lodging_other,meals,local_transport
//   with `;`-separated cities and amounts in yuan ('650', '1,005.50' in quotes). The header row
//   is optional, `#` starts a comment, a BOM and Windows line ends are accepted. The rest of the
//   document (name, rank bands 'senior' and 'other', transport classes, the default region, ...)
//   comes from `base`, which the import form fills in.
// Bad input gives a translatable reason, with the line it is on where there is one, and
// nothing is imported.
import { travelStandardsSchema } from '../domain/travelStandards';
import { parseYuan } from '../money/money';
import { checkStandards, type StandardsData } from './standards';

export type StandardsFormat = 'json' | 'csv';

export type StandardsImportCode = 'standards.bad_file' | 'standards.bad_line' | 'standards.unsupported_format';

export type ImportStandardsResult =
  | { ok: true; standards: StandardsData }
  | {
      ok: false;
      code: StandardsImportCode;
      /** `line`: 1-based line of the file (CSV); `field`: what is wrong where no line says it. */
      params: { line?: number; field?: string };
    };

/** What a CSV file does not carry. */
export type StandardsBase = Omit<StandardsData, 'regions'>;

const MAX_CHARS = 1_000_000;
const CSV_COLUMNS = ['region_id', 'name', 'province', 'abroad', 'cities', 'lodging_senior', 'lodging_other', 'meals', 'local_transport'] as const;
const CSV_BANDS = ['senior', 'other'];
const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '']);

const dataSchema = travelStandardsSchema.omit({ id: true, updatedAt: true, updatedBy: true });

const badFile = (field?: string): ImportStandardsResult => ({ ok: false, code: 'standards.bad_file', params: field ? { field } : {} });
const badLine = (line: number): ImportStandardsResult => ({ ok: false, code: 'standards.bad_line', params: { line } });

/**
 * Schema first, then the cross-checks (checkStandards). `lineOfRegion` maps a region's index to
 * its CSV line, so that a problem in one row names the row.
 */
function validate(data: unknown, lineOfRegion?: readonly number[]): ImportStandardsResult {
  const regionLine = (index: unknown) => (typeof index === 'number' ? lineOfRegion?.[index] : undefined);
  const parsed = dataSchema.safeParse(data);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path ?? [];
    const line = path[0] === 'regions' ? regionLine(path[1]) : undefined;
    return line === undefined ? badFile(path.join('.')) : badLine(line);
  }
  const problem = checkStandards(parsed.data);
  if (problem) {
    const line = regionLine(problem.regionIndex);
    if (line !== undefined) return badLine(line);
    return badFile(problem.regionIndex === undefined ? problem.field : `regions.${problem.regionIndex}.${problem.field}`);
  }
  return { ok: true, standards: parsed.data };
}

/** One CSV record's fields (RFC 4180 quoting, within one line); null for an unclosed quote. */
function csvFields(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += line[i];
        i++;
      }
      // Only spaces may follow a closing quote before the comma.
      while (line[i] === ' ') i++;
      if (i < line.length && line[i] !== ',') return null;
    } else {
      const end = line.indexOf(',', i);
      field = line.slice(i, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    }
    fields.push(field.trim());
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

function fromCsv(text: string, base: StandardsBase): ImportStandardsResult {
  // The columns name the bands: a base with other bands cannot take this file.
  const bandIds = base.rankBands.map((b) => b.id).sort();
  if (bandIds.join() !== [...CSV_BANDS].sort().join()) return badFile('rankBands');
  const regions: unknown[] = [];
  const lineOfRegion: number[] = [];
  let seenRow = false;
  for (const [i, raw] of text.split(/\r\n|\n|\r/).entries()) {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const first = !seenRow;
    seenRow = true;
    if (first && /^"?region_id"?\s*,/i.test(line)) continue;
    const fields = csvFields(line);
    // Spreadsheets pad rows with empty cells: extra columns are allowed when empty.
    if (!fields || fields.length < CSV_COLUMNS.length || fields.slice(CSV_COLUMNS.length).some((f) => f !== '')) return badLine(lineNo);
    const [id = '', name = '', province = '', abroadText = '', citiesText = '', senior = '', other = '', meals = '', local = ''] = fields;
    const abroad = abroadText.toLowerCase();
    const [seniorFen, otherFen, mealsFen, localFen] = [senior, other, meals, local].map(parseYuan);
    if ((!TRUE.has(abroad) && !FALSE.has(abroad)) || [seniorFen, otherFen, mealsFen, localFen].some((a) => a === null)) return badLine(lineNo);
    regions.push({
      id,
      name,
      province,
      abroad: TRUE.has(abroad),
      cities: citiesText
        .split(/[;；]/)
        .map((c) => c.trim())
        .filter((c) => c !== ''),
      lodgingCapFen: { senior: seniorFen, other: otherFen },
      mealFenPerDay: mealsFen,
      localTransportFenPerDay: localFen,
    });
    lineOfRegion.push(lineNo);
  }
  if (regions.length === 0) return badFile('regions');
  // Standards finance brings are its own, never the shipped example.
  return validate({ ...base, example: false, regions }, lineOfRegion);
}

/** The format: the caller's word, else the file name's extension, else a JSON object's brace. */
function detectFormat(fileName: string, body: string, format: StandardsFormat | undefined): StandardsFormat | null {
  if (format) return format;
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (body.trimStart().startsWith('{')) return 'json';
  return null;
}

/**
 * Standards from a file's text. `base` supplies what a CSV file does not carry (a JSON file
 * carries everything and ignores it).
 */
export function importStandards(fileName: string, text: string, base: StandardsBase, format?: StandardsFormat): ImportStandardsResult {
  if (text.length > MAX_CHARS) return badFile('size');
  const body = text.replace(/^\uFEFF/, ''); // Excel writes a BOM
  const kind = detectFormat(fileName, body, format);
  if (kind === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return badFile();
    }
    return validate(data);
  }
  if (kind === 'csv') return fromCsv(body, base);
  return { ok: false, code: 'standards.unsupported_format', params: {} };
}
