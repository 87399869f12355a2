// Standards to and from files: the base a CSV import completes (the standards in force, marked
// as the agency's own), and the JSON export finance keeps or moves to another installation.
import type { TravelStandards } from '../../../shared/domain/travelStandards';
import type { StandardsBase } from '../../../shared/travel/importStandards';
import type { StandardsData } from '../../../shared/travel/standards';

/** What a CSV import does not carry, from the standards in force. An imported file is never example data. */
export function importBase(current: TravelStandards): StandardsBase {
  const { id: _id, updatedAt: _at, updatedBy: _by, regions: _regions, ...rest } = current;
  return { ...rest, example: false };
}

/** The document as travelStandards.save takes it (no id, no audit fields). */
export function standardsData(doc: TravelStandards): StandardsData {
  const { id: _id, updatedAt: _at, updatedBy: _by, ...data } = doc;
  return data;
}

/** A JSON file importStandards reads back as the same standards. */
export function exportStandardsJson(doc: TravelStandards): string {
  return `${JSON.stringify(standardsData(doc), null, 2)}\n`;
}

/** File name for an export: 差旅标准-<effective date>.json. */
export function exportFileName(doc: Pick<TravelStandards, 'effectiveFrom'>): string {
  return `travel-standards-${doc.effectiveFrom}.json`;
}

/** Fen as plain yuan for the standards table (no symbol: the column says yuan). */
export function yuanCell(fen: number | undefined): string {
  if (fen === undefined) return '—';
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
