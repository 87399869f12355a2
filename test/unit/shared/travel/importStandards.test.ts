// Importing standards finance brings on a USB stick: the whole document as JSON, or the region
// table as CSV from a spreadsheet, with the bad line named and nothing imported on error.
import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../../../shared/i18n/reasons';
import { EXAMPLE_TRAVEL_STANDARDS as STD } from '../../../../shared/travel/exampleStandards';
import { importStandards, type StandardsBase } from '../../../../shared/travel/importStandards';

const { id: _id, updatedAt: _at, updatedBy: _by, regions: _regions, ...baseFields } = STD;
const base: StandardsBase = { ...baseFields, name: '本单位差旅费标准', example: false };

const y = (fen: number) => (fen / 100).toFixed(2);
const HEADER = 'region_id,name,province,abroad,cities,lodging_senior,lodging_other,meals,local_transport';
const rows = STD.regions.map((r) =>
  [r.id, r.name, r.province, r.abroad ? 'true' : 'false', r.cities.join(';'), y(r.lodgingCapFen.senior!), y(r.lodgingCapFen.other!), y(r.mealFenPerDay), y(r.localTransportFenPerDay)].join(','),
);

describe('standards import', () => {
  it('gives reasons the catalogs translate', () => {
    expect(REASON_CODES).toEqual(expect.arrayContaining(['standards.bad_file', 'standards.bad_line', 'standards.unsupported_format']));
  });

  it('reads a JSON document, ignoring the stored fields of an exported one', () => {
    const result = importStandards('standards.json', JSON.stringify(STD), base);
    if (!result.ok) throw new Error(result.code);
    const { id: _i, updatedAt: _u, updatedBy: _b, ...expected } = STD;
    expect(result.standards).toEqual(expected);
    expect(importStandards('standards.txt', `\uFEFF ${JSON.stringify(STD)}`, base).ok).toBe(true);
  });

  it('refuses a broken or inconsistent JSON document as a whole', () => {
    expect(importStandards('s.json', '{"name":', base)).toEqual({ ok: false, code: 'standards.bad_file', params: {} });
    expect(importStandards('s.json', JSON.stringify({ ...STD, homeProvince: '' }), base)).toEqual({ ok: false, code: 'standards.bad_file', params: { field: 'homeProvince' } });
    expect(importStandards('s.json', JSON.stringify({ ...STD, defaultRegionId: 'nowhere' }), base)).toEqual({ ok: false, code: 'standards.bad_file', params: { field: 'defaultRegionId' } });
    const twice = { ...STD, regions: [...STD.regions, { ...STD.regions[0], id: 'beijing_again' }] };
    expect(importStandards('s.json', JSON.stringify(twice), base)).toEqual({ ok: false, code: 'standards.bad_file', params: { field: `regions.${STD.regions.length}.cities` } });
  });

  it('reads the region table from CSV with a BOM, Windows line ends, a header and comments', () => {
    const text = `\uFEFF${HEADER}\r\n# 示例\r\n${rows.join('\r\n')}\r\n\r\n`;
    const result = importStandards('标准.csv', text, base);
    if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.params)}`);
    expect(result.standards).toEqual({ ...base, example: false, regions: STD.regions });
    // No header, quoted fields, full-width separators and padding cells are fine too.
    const quoted = importStandards('x', `beijing,"北京",CN-BJ,否,"北京；北京市辖区",650,"1,000.50",100,80,,\n${rows.slice(1).join('\n')}`, base, 'csv');
    if (!quoted.ok) throw new Error(quoted.code);
    expect(quoted.standards.regions[0]).toMatchObject({ cities: ['北京', '北京市辖区'], lodgingCapFen: { senior: 65000, other: 100050 }, abroad: false });
  });

  it('names the line of a bad CSV row', () => {
    const at = (line: number, row: string) => {
      const lines = [HEADER, '# comment', ...rows];
      lines[line - 1] = row;
      return importStandards('s.csv', lines.join('\r\n'), base);
    };
    const bad = (line: number) => ({ ok: false, code: 'standards.bad_line', params: { line } });
    expect(at(3, 'beijing,北京,CN-BJ,maybe,北京,650,500,100,80')).toEqual(bad(3));
    expect(at(4, 'shanghai,上海,CN-SH,false,上海,600.001,500,100,80')).toEqual(bad(4));
    expect(at(4, 'shanghai,上海,CN-SH,false,上海,-600,500,100,80')).toEqual(bad(4));
    expect(at(5, 'tianjin,天津,CN-TJ,false,天津,480,380,100')).toEqual(bad(5));
    expect(at(5, 'tianjin,天津,CN-TJ,false,天津,480,380,100,80,extra')).toEqual(bad(5));
    expect(at(5, 'tianjin,"天津,CN-TJ,false,天津,480,380,100,80')).toEqual(bad(5));
    // Caught by the schema and by the cross-checks, still named by line.
    expect(at(6, 'Guangzhou,广州,CN-GD,false,广州,550,450,100,80')).toEqual(bad(6));
    expect(at(6, 'guangzhou,,CN-GD,false,广州,550,450,100,80')).toEqual(bad(6));
    expect(at(7, 'shenzhen,深圳,CN-GD,false,深圳;广州市,550,450,100,80')).toEqual(bad(7));
    expect(at(7, 'beijing,深圳,CN-GD,false,深圳,550,450,100,80')).toEqual(bad(7));
  });

  it('refuses a CSV file that cannot make a document', () => {
    expect(importStandards('s.csv', `${HEADER}\n`, base)).toEqual({ ok: false, code: 'standards.bad_file', params: { field: 'regions' } });
    expect(importStandards('s.csv', rows.filter((r) => !r.startsWith('other,')).join('\n'), base)).toEqual({
      ok: false,
      code: 'standards.bad_file',
      params: { field: 'defaultRegionId' },
    });
    const threeBands = { ...base, rankBands: [...base.rankBands, { id: 'minister', name: '部级', minRank: 31, maxRank: 31 }] };
    expect(importStandards('s.csv', rows.join('\n'), threeBands)).toMatchObject({ ok: false, code: 'standards.bad_file', params: { field: 'rankBands' } });
    expect(importStandards('s.csv', 'x'.repeat(1_000_001), base)).toMatchObject({ ok: false, code: 'standards.bad_file' });
  });

  it('refuses formats it does not read', () => {
    expect(importStandards('standards.xlsx', 'PK\u0003\u0004', base)).toEqual({ ok: false, code: 'standards.unsupported_format', params: {} });
  });
});
