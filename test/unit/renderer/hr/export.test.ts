// HR's exports: a CSV that Excel opens with Chinese intact and cannot be tricked into running
// formulas, and an XLSX read back with the library that wrote it.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { csvBlob, csvField, guardFormula, sheetName, toCsv, toXlsx, XLSX_MEDIA_TYPE, type ExportTable } from '../../../../renderer/features/hr/export';

const table: ExportTable = {
  columns: ['姓名', '假期类型', '天数', '请假事由'],
  rows: [
    ['王强', '年休假', 3, '回老家探望父母'],
    ['赵敏', '病假', 0.5, '发烧，需就医'],
    ['陈静', '事假', 1, '他说"马上回来"\n第二行'],
    ['孙磊', '调休', -1, null],
  ],
};

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    const csv = toCsv(table);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('姓名,假期类型,天数,请假事由');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180), doubling inner quotes', () => {
    const lines = toCsv(table).slice(1).split('\r\n');
    expect(lines[1]).toBe('王强,年休假,3,回老家探望父母');
    // A full-width comma is text, not a separator: no quotes needed.
    expect(lines[2]).toBe('赵敏,病假,0.5,发烧，需就医');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"马上回来"')).toBe('"他说""马上回来"""');
    // A line break inside a field stays inside the quotes, so the row count is unchanged.
    expect(toCsv(table)).toContain('"他说""马上回来""\n第二行"');
  });

  it('writes empty cells as nothing and numbers as numbers, negative ones unguarded', () => {
    expect(csvField(null)).toBe('');
    expect(toCsv(table)).toContain('孙磊,调休,-1,\r\n');
  });

  it.each(['=HYPERLINK("http://x","点我")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'])('neutralises a text cell starting like a formula: %j', (text) => {
    expect(guardFormula(text)).toBe(`'${text}`);
    const field = csvField(text);
    // Whatever quoting follows, the spreadsheet sees the apostrophe first.
    expect(field.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('leaves ordinary text alone, including a dash inside it', () => {
    expect(guardFormula('2026-03-02 至 2026-03-04')).toBe('2026-03-02 至 2026-03-04');
    expect(guardFormula('李娜批准')).toBe('李娜批准');
  });

  it('guards the formula inside a quoted field as well', () => {
    expect(csvField('=1+1,2')).toBe(`"'=1+1,2"`);
  });

  it('makes a Blob of UTF-8 text that keeps the BOM', async () => {
    const blob = csvBlob(table);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3, 9))).toBe('姓名');
  });
});

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // An ArrayBuffer, as a browser would hand it over.
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

describe('XLSX export', () => {
  it('writes one sheet whose header and rows read back as written', async () => {
    const workbook = await readBack(await toXlsx(table, '请假记录'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['请假记录']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '假期类型', '天数', '请假事由']);
    expect(sheet.getRow(2).values).toEqual([undefined, '王强', '年休假', 3, '回老家探望父母']);
    expect(sheet.getCell('C3').value).toBe(0.5);
    expect(sheet.getCell('D4').value).toBe('他说"马上回来"\n第二行');
    expect(sheet.getCell('C5').value).toBe(-1);
    expect(sheet.getCell('D5').value).toBeNull();
    expect(sheet.rowCount).toBe(5);
  });

  it('types numbers as numbers and text as text, so a formula-like text is never a formula', async () => {
    const workbook = await readBack(await toXlsx({ columns: ['事由', '天数'], rows: [['=1+1', 2]] }, 'x'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A2').value).toBe('=1+1');
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
  });

  it('bolds and freezes the header and puts filters on it', async () => {
    const sheet = (await readBack(await toXlsx(table, '请假记录'))).worksheets[0]!;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    // Chinese text is counted double-width, so columns fit it.
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(16);
  });

  it('cleans sheet names Excel would refuse', () => {
    expect(sheetName('a/b:c?d*e[f]g\\h')).toBe('a b c d e f g h');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('  ')).toBe('Sheet1');
  });

  it('has the media type Excel registers for .xlsx', () => {
    expect(XLSX_MEDIA_TYPE).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
