// Reading an official calendar from a file an administrator brings on a USB stick (no
// internet): JSON (one year or a list, in the shape of officialYearSchema) or CSV with one day
// per line: `date,kind,holiday` where kind is `holiday`/`休` or `workday`/`班`. Bad input gives
// a translatable reason with the line it is on, and nothing is imported.
import type { ReasonCode } from '../i18n/reasons';
import { isIsoDate } from './dates';
import { officialYearSchema, type OfficialYear } from './official';

export type ImportResult = { ok: true; years: OfficialYear[] } | { ok: false; code: ReasonCode; line?: number; detail?: string };

const MAX_BYTES = 1_000_000;
const HOLIDAY = new Set(['holiday', 'off', '休', '假']);
const WORKDAY = new Set(['workday', 'work', '班', '上班']);

function validate(years: unknown[]): ImportResult {
  const out: OfficialYear[] = [];
  for (const y of years) {
    const parsed = officialYearSchema.safeParse(y);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const code = issue?.message.startsWith('calendar.') ? (issue.message as ReasonCode) : 'calendar.bad_file';
      return { ok: false, code, detail: issue?.path.join('.') ?? '' };
    }
    if (out.some((o) => o.year === parsed.data.year)) return { ok: false, code: 'calendar.duplicate_day', detail: String(parsed.data.year) };
    out.push(parsed.data);
  }
  return out.length > 0 ? { ok: true, years: out } : { ok: false, code: 'calendar.bad_file' };
}

function fromCsv(text: string, source: string): ImportResult {
  const byYear = new Map<number, OfficialYear>();
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || (i === 0 && /^date\s*,/i.test(line))) continue;
    const [date = '', kind = '', holiday = ''] = line.split(',').map((c) => c.trim());
    const lower = kind.toLowerCase();
    if (!isIsoDate(date) || (!HOLIDAY.has(lower) && !WORKDAY.has(lower)) || holiday === '') return { ok: false, code: 'calendar.bad_line', line: i + 1 };
    const year = Number(date.slice(0, 4));
    const entry = byYear.get(year) ?? { year, source, holidays: [], workdays: [] };
    (HOLIDAY.has(lower) ? entry.holidays : entry.workdays).push({ date, holiday });
    byYear.set(year, entry);
  }
  return validate([...byYear.values()].sort((a, b) => a.year - b.year));
}

export function importCalendar(fileName: string, text: string): ImportResult {
  if (text.length > MAX_BYTES) return { ok: false, code: 'calendar.bad_file', detail: 'too large' };
  const body = text.replace(/^\uFEFF/, ''); // Excel writes a BOM
  if (/\.json$/i.test(fileName)) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return { ok: false, code: 'calendar.bad_file' };
    }
    return validate(Array.isArray(data) ? data : [data]);
  }
  if (/\.csv$/i.test(fileName)) return fromCsv(body, fileName);
  return { ok: false, code: 'calendar.unsupported_format' };
}
