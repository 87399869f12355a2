import { describe, expect, it } from 'vitest';
import { EXAMPLE_TRAVEL_STANDARDS as STD } from '../../../../shared/travel/exampleStandards';
import { importStandards } from '../../../../shared/travel/importStandards';
import { exportStandardsJson, importBase, standardsData, yuanCell } from '../../../../renderer/features/finance/standardsFile';

describe('standards files', () => {
  it('exports JSON that imports back as the same standards', () => {
    const text = exportStandardsJson(STD);
    const result = importStandards('standards.json', text, importBase(STD));
    expect(result).toEqual({ ok: true, standards: standardsData(STD) });
    expect(text).not.toContain('updatedAt');
  });

  it('completes a CSV import from the standards in force, no longer marked as example data', () => {
    const csv = 'region_id,name,province,abroad,cities,lodging_senior,lodging_other,meals,local_transport\nguangzhou,广州,CN-GD,false,广州,600,480,100,80\nother,其他地区,CN-XX,false,,500,380,100,80\n';
    const result = importStandards('regions.csv', csv, importBase(STD));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.standards.example).toBe(false);
    expect(result.standards.regions.map((r) => r.id)).toEqual(['guangzhou', 'other']);
    expect(result.standards.regions[0]?.lodgingCapFen).toEqual({ senior: 60_000, other: 48_000 });
    expect(result.standards.rankBands).toEqual(STD.rankBands);
  });

  it('shows amounts in yuan, with fen only when there are some', () => {
    expect(yuanCell(65_000)).toBe('650');
    expect(yuanCell(65_050)).toBe('650.50');
    expect(yuanCell(undefined)).toBe('—');
  });
});
