// The travel standards as finance edits them field by field: amounts as the yuan typed (so a
// typo can be shown where it was made), a region's place as a scope (省内 / 省外 / 境外) rather
// than a province code, and the conversion back to what travelStandards.save takes, checked by
// the same schema and the same checkStandards the mutator runs. The first problem names the
// field it is in, so the editor can show it there.
import { TRANSPORT_CLASSES, TRANSPORT_MODES, type RegionStandard, type TransportClass, type TransportMode } from '../../../../shared/domain/travelStandards';
import { standardsSaveArgs } from '../../../../shared/mutators/travel';
import { parseYuan } from '../../../../shared/money/money';
import { checkStandards, cityKey, type DestinationScope, type StandardsData } from '../../../../shared/travel/standards';
import { yuanCell } from '../standardsFile';

export interface RegionDraft {
  /** Row key for the table: stays put while the row is edited. */
  key: string;
  id: string;
  name: string;
  scope: DestinationScope;
  /** The region's province or country code, kept where its scope still allows it. */
  province: string;
  cities: string[];
  /** Lodging cap per night in yuan as typed, by rank band id. */
  lodging: Record<string, string>;
  meals: string;
  local: string;
}

export type ClassTable = Record<string, Record<TransportMode, TransportClass>>;

export interface StandardsDraft {
  name: string;
  effectiveFrom: string;
  regions: RegionDraft[];
  transportClasses: ClassTable;
}

export type RegionField = 'name' | 'scope' | 'cities' | 'lodging' | 'meals' | 'local' | 'row';

/** Where a problem is: the field the editor marks. */
export type ProblemPlace =
  | { at: 'name' }
  | { at: 'effectiveFrom' }
  | { at: 'regions' }
  | { at: 'bands' }
  | { at: 'region'; index: number; field: RegionField; band?: string }
  | { at: 'class'; band: string; mode: TransportMode };

export type ProblemCode =
  | 'required'
  | 'tooLong'
  | 'amount'
  | 'date'
  | 'cityEmpty'
  | 'cityTwice'
  | 'tooManyCities'
  | 'noRegions'
  | 'tooManyRegions'
  | 'classNotOnMode'
  | 'bands'
  | 'defaultRegion'
  | 'invalid';

export interface DraftProblem {
  place: ProblemPlace;
  /** A key under finance.standards.problem.*, with its parameters. */
  code: ProblemCode;
  params?: Record<string, string | number>;
}

export type DraftResult = { ok: true; data: StandardsData } | { ok: false; problem: DraftProblem };

export function scopeOfRegion(region: Pick<RegionStandard, 'abroad' | 'province'>, homeProvince: string): DestinationScope {
  if (region.abroad) return 'abroad';
  return region.province === homeProvince ? 'in_province' : 'out_of_province';
}

/** 'CN' is no province: a region elsewhere in China without its own code. */
const SOMEWHERE_IN_CHINA = 'CN';
/** ISO 3166's "unspecified": a region abroad without its own country code. */
const SOMEWHERE_ABROAD = 'ZZ';

/**
 * The province a region gets for its scope: the home province for 省内; for 省外 and 境外 the
 * code it had, unless that code is the home province (the region was just moved out of it).
 */
export function provinceForScope(scope: DestinationScope, province: string, homeProvince: string): string {
  if (scope === 'in_province') return homeProvince;
  const kept = province !== homeProvince && province !== '' ? province : null;
  if (scope === 'abroad') return kept !== null && kept !== SOMEWHERE_IN_CHINA ? kept : SOMEWHERE_ABROAD;
  return kept ?? SOMEWHERE_IN_CHINA;
}

function regionDraft(region: RegionStandard, homeProvince: string): RegionDraft {
  return {
    key: region.id,
    id: region.id,
    name: region.name,
    scope: scopeOfRegion(region, homeProvince),
    province: region.province,
    cities: [...region.cities],
    lodging: Object.fromEntries(Object.entries(region.lodgingCapFen).map(([band, fen]) => [band, yuanCell(fen)])),
    meals: yuanCell(region.mealFenPerDay),
    local: yuanCell(region.localTransportFenPerDay),
  };
}

/** The lowest class of every mode: what a band without classes starts from. */
function lowestClasses(): Record<TransportMode, TransportClass> {
  return Object.fromEntries(TRANSPORT_MODES.map((mode) => [mode, TRANSPORT_CLASSES[mode][0]])) as Record<TransportMode, TransportClass>;
}

export function toDraft(data: StandardsData): StandardsDraft {
  return {
    name: data.name,
    effectiveFrom: data.effectiveFrom,
    regions: data.regions.map((r) => regionDraft(r, data.homeProvince)),
    // One row per band, each mode filled: the editor edits exactly the bands there are.
    transportClasses: Object.fromEntries(data.rankBands.map((b) => [b.id, { ...lowestClasses(), ...data.transportClasses[b.id] }])),
  };
}

/** An id no region of the draft has: region_1, region_2, ... */
function newRegionId(regions: readonly RegionDraft[]): string {
  const taken = new Set(regions.map((r) => r.id));
  let n = 1;
  while (taken.has(`region_${n}`)) n++;
  return `region_${n}`;
}

/**
 * A new, empty region at the end (out of province, no cities), its allowances those of the
 * default region as a starting point; its name and cities are for finance to fill in.
 */
export function addRegion(draft: StandardsDraft, base: Pick<StandardsData, 'defaultRegionId' | 'rankBands'>): StandardsDraft {
  const id = newRegionId(draft.regions);
  const fallback = draft.regions.find((r) => r.id === base.defaultRegionId);
  const region: RegionDraft = {
    key: `new:${id}`,
    id,
    name: '',
    scope: 'out_of_province',
    province: SOMEWHERE_IN_CHINA,
    cities: [],
    lodging: Object.fromEntries(base.rankBands.map((b) => [b.id, fallback?.lodging[b.id] ?? ''])),
    meals: fallback?.meals ?? '',
    local: fallback?.local ?? '',
  };
  return { ...draft, regions: [...draft.regions, region] };
}

/** The draft without one region; the default region (for cities no region lists) stays. */
export function removeRegion(draft: StandardsDraft, key: string, defaultRegionId: string): StandardsDraft {
  return { ...draft, regions: draft.regions.filter((r) => r.key !== key || r.id === defaultRegionId) };
}

export function updateRegion(draft: StandardsDraft, key: string, patch: Partial<Omit<RegionDraft, 'key' | 'id'>>): StandardsDraft {
  return { ...draft, regions: draft.regions.map((r) => (r.key === key ? { ...r, ...patch } : r)) };
}

export function updateClass(draft: StandardsDraft, band: string, mode: TransportMode, cls: TransportClass): StandardsDraft {
  const current = draft.transportClasses[band] ?? lowestClasses();
  return { ...draft, transportClasses: { ...draft.transportClasses, [band]: { ...current, [mode]: cls } } };
}

/** What each region field of the schema is in the editor. */
const REGION_FIELDS: Record<string, RegionField> = {
  id: 'row',
  name: 'name',
  province: 'scope',
  abroad: 'scope',
  cities: 'cities',
  lodgingCapFen: 'lodging',
  mealFenPerDay: 'meals',
  localTransportFenPerDay: 'local',
};

interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  maximum?: number | bigint;
  minimum?: number | bigint;
}

/** A schema issue as the place it is in and what to say about it. */
function schemaProblem(issue: SchemaIssue): DraftProblem {
  const [head, index, field, sub] = issue.path;
  const tooLong = issue.code === 'too_big' ? { code: 'tooLong' as const, params: { max: Number(issue.maximum) } } : null;
  if (head === 'name') return { place: { at: 'name' }, ...(tooLong ?? { code: 'required' }) };
  if (head === 'effectiveFrom') return { place: { at: 'effectiveFrom' }, code: 'date' };
  if (head === 'rankBands') return { place: { at: 'bands' }, code: 'bands' };
  if (head === 'transportClasses' && typeof index === 'string') {
    const mode = TRANSPORT_MODES.find((m) => m === field) ?? TRANSPORT_MODES[0];
    return { place: { at: 'class', band: index, mode }, code: 'classNotOnMode' };
  }
  if (head === 'regions' && typeof index === 'number') {
    const regionField = REGION_FIELDS[String(field)] ?? 'row';
    const place = { at: 'region' as const, index, field: regionField, ...(regionField === 'lodging' && typeof sub === 'string' ? { band: sub } : {}) };
    if (regionField === 'name') return { place, ...(tooLong ?? { code: 'required' }) };
    if (regionField === 'cities') {
      if (sub === undefined) return { place, code: 'tooManyCities', params: { max: Number(issue.maximum) } };
      return { place, ...(tooLong ?? { code: 'cityEmpty' }) };
    }
    return { place, code: regionField === 'lodging' || regionField === 'meals' || regionField === 'local' ? 'amount' : 'invalid' };
  }
  if (head === 'regions') return { place: { at: 'regions' }, ...(issue.code === 'too_big' ? { code: 'tooManyRegions', params: { max: Number(issue.maximum) } } : { code: 'noRegions' }) };
  return { place: { at: 'regions' }, code: 'invalid' };
}

/** The city checkStandards refused in region `index`: empty, or listed before (here or in another region). */
function cityProblem(regions: readonly StandardsData['regions'][number][], index: number): DraftProblem {
  const place = { at: 'region' as const, index, field: 'cities' as const };
  const seen = new Map<string, string>();
  for (const [i, r] of regions.entries()) {
    for (const c of r.cities) {
      const key = cityKey(c);
      if (i === index) {
        if (key === '') return { place, code: 'cityEmpty' };
        const where = seen.get(key);
        if (where !== undefined) return { place, code: 'cityTwice', params: { city: c.trim(), region: where } };
      }
      if (!seen.has(key)) seen.set(key, r.name);
    }
    if (i === index) break;
  }
  return { place, code: 'invalid' };
}

/** A problem checkStandards found, in the editor's terms. */
function consistencyProblem(data: StandardsData, problem: NonNullable<ReturnType<typeof checkStandards>>): DraftProblem {
  const { field, regionIndex } = problem;
  if (regionIndex !== undefined) {
    if (field === 'cities') return cityProblem(data.regions, regionIndex);
    if (field === 'lodgingCapFen') return { place: { at: 'region', index: regionIndex, field: 'lodging' }, code: 'required' };
    return { place: { at: 'region', index: regionIndex, field: 'row' }, code: 'invalid' };
  }
  if (field.startsWith('rankBands')) return { place: { at: 'bands' }, code: 'bands' };
  if (field === 'defaultRegionId') return { place: { at: 'regions' }, code: 'defaultRegion' };
  const [, band = '', mode] = field.split('.');
  return { place: { at: 'class', band, mode: TRANSPORT_MODES.find((m) => m === mode) ?? TRANSPORT_MODES[0] }, code: 'classNotOnMode' };
}

/**
 * The standards to save from the draft, or the first problem: amounts that are not yuan first
 * (row by row), then what the save mutation's schema refuses, then what checkStandards refuses.
 * What finance saves is the agency's own: never the shipped example any more.
 */
export function draftToData(draft: StandardsDraft, base: StandardsData): DraftResult {
  const regions: StandardsData['regions'] = [];
  for (const [index, r] of draft.regions.entries()) {
    const amount = (text: string | undefined, field: RegionField, band?: string): number | DraftProblem => {
      const trimmed = text?.trim() ?? '';
      const fen = trimmed === '' ? null : parseYuan(trimmed);
      if (fen !== null) return fen;
      return { place: { at: 'region', index, field, ...(band ? { band } : {}) }, code: trimmed === '' ? 'required' : 'amount' };
    };
    const lodgingCapFen: Record<string, number> = {};
    for (const band of base.rankBands) {
      const fen = amount(r.lodging[band.id], 'lodging', band.id);
      if (typeof fen !== 'number') return { ok: false, problem: fen };
      lodgingCapFen[band.id] = fen;
    }
    const meals = amount(r.meals, 'meals');
    if (typeof meals !== 'number') return { ok: false, problem: meals };
    const local = amount(r.local, 'local');
    if (typeof local !== 'number') return { ok: false, problem: local };
    regions.push({
      id: r.id,
      name: r.name.trim(),
      province: provinceForScope(r.scope, r.province, base.homeProvince),
      abroad: r.scope === 'abroad',
      cities: r.cities.map((c) => c.trim()).filter((c) => c !== ''),
      lodgingCapFen,
      mealFenPerDay: meals,
      localTransportFenPerDay: local,
    });
  }
  const candidate = {
    ...base,
    example: false,
    name: draft.name.trim(),
    effectiveFrom: draft.effectiveFrom,
    regions,
    transportClasses: Object.fromEntries(base.rankBands.map((b) => [b.id, draft.transportClasses[b.id] ?? lowestClasses()])),
  };
  const parsed = standardsSaveArgs.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: issue ? schemaProblem(issue) : { place: { at: 'regions' }, code: 'invalid' } };
  }
  const problem = checkStandards(parsed.data);
  if (problem) return { ok: false, problem: consistencyProblem(parsed.data, problem) };
  return { ok: true, data: parsed.data };
}

/** Whether a problem is at this field of this region (and band, for a lodging cap). */
export function problemAt(problem: DraftProblem | null, index: number, field: RegionField, band?: string): boolean {
  const p = problem?.place;
  if (p?.at !== 'region' || p.index !== index || p.field !== field) return false;
  return band === undefined || p.band === undefined || p.band === band;
}
