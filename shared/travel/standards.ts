// The travel standards engine: what a TravelStandards document (shared/domain/travelStandards)
// says about one traveller and one place. Everything here is a lookup over data finance
// maintains, so that a new edition of the standards is an import, not a release.
//
// A lookup that finds no standard (a rank in no band, a region without a cap for the band)
// answers null rather than throwing: the claim form shows "no standard" and finance decides,
// instead of the whole claim failing. checkStandards refuses documents where that could happen
// by mistake, and the importer runs it.
import {
  TRANSPORT_CLASSES,
  TRANSPORT_MODES,
  type RankBand,
  type RegionStandard,
  type TransportClass,
  type TransportMode,
  type TravelStandards,
} from '../domain/travelStandards';

/** What the engine reads of a standards document: the stored one, or one just imported. */
export type StandardsData = Omit<TravelStandards, 'id' | 'updatedAt' | 'updatedBy'>;

export type DestinationScope = 'in_province' | 'out_of_province' | 'abroad';

/** The band a rank (职级, 1..30) falls in; null when no band covers it. */
export function rankBandOf(std: StandardsData, rank: number): RankBand | null {
  return std.rankBands.find((b) => rank >= b.minRank && rank <= b.maxRank) ?? null;
}

/**
 * A city as written on a ticket or an invoice, compared by name: surrounding spaces (also the
 * full-width space) and one trailing 市 are dropped, so '广州市' and '广州 ' are 广州. Nothing
 * else is guessed: '广州南站' is not 广州.
 */
export function cityKey(city: string): string {
  const trimmed = city.trim();
  return trimmed.length > 1 && trimmed.endsWith('市') ? trimmed.slice(0, -1).trim() : trimmed;
}

/**
 * The region a city belongs to: the region listing it, else the default region (其他地区).
 * Null only for a document whose default region does not exist (checkStandards refuses it).
 */
export function regionOfCity(std: StandardsData, city: string): RegionStandard | null {
  const key = cityKey(city);
  const listed = key === '' ? undefined : std.regions.find((r) => r.cities.some((c) => cityKey(c) === key));
  return listed ?? std.regions.find((r) => r.id === std.defaultRegionId) ?? null;
}

/**
 * Where a destination is from the agency's point of view. The default region's province is
 * usually not the home province, so a city no region lists is out of province: list the home
 * province's cities to have them count as in province.
 */
export function destinationScope(std: StandardsData, city: string): DestinationScope {
  const region = regionOfCity(std, city);
  if (region?.abroad) return 'abroad';
  return region?.province === std.homeProvince ? 'in_province' : 'out_of_province';
}

/** The lodging cap per night, in fen, for a rank in a city; null when the standards set none. */
export function lodgingCapFen(std: StandardsData, city: string, rank: number): number | null {
  const band = rankBandOf(std, rank);
  const region = regionOfCity(std, city);
  if (!band || !region) return null;
  return region.lodgingCapFen[band.id] ?? null;
}

/** The highest class a rank may travel in by a mode; null when the standards set none. */
export function allowedClass(std: StandardsData, rank: number, mode: TransportMode): TransportClass | null {
  const band = rankBandOf(std, rank);
  if (!band) return null;
  return std.transportClasses[band.id]?.[mode] ?? null;
}

/** Position of a class on a mode's ladder (TRANSPORT_CLASSES, lowest first); -1 if not on it. */
function classRank(mode: TransportMode, cls: TransportClass): number {
  return (TRANSPORT_CLASSES[mode] as readonly string[]).indexOf(cls);
}

/** Whether a rank may travel in `cls` by `mode`: its allowed class or any below it. */
export function classAllowed(std: StandardsData, rank: number, mode: TransportMode, cls: TransportClass): boolean {
  const allowed = allowedClass(std, rank, mode);
  if (allowed === null) return false;
  const wanted = classRank(mode, cls);
  const limit = classRank(mode, allowed);
  return wanted >= 0 && limit >= 0 && wanted <= limit;
}

/** A lodging line of a claim: the total paid for `nights` nights in one city. */
export interface LodgingLineInput {
  kind: 'lodging';
  city: string;
  nights: number;
  amountFen: number;
}

/** Any other line: allowances and fares are checked elsewhere (perDiem, classAllowed). */
export interface OtherLineInput {
  kind: 'transport' | 'meals' | 'local_transport' | 'other';
  amountFen: number;
}

export type ClaimLineInput = LodgingLineInput | OtherLineInput;

export interface TravellerInput {
  rank: number;
}

export interface OverStandard {
  code: 'claim.over_standard';
  /** The most the line may claim: cap per night × nights. */
  limitFen: number;
}

/**
 * Whether a line exceeds the standard: a lodging line over cap × nights. The total is compared,
 * not each night, because hotels invoice a stay, and one dear night beside cheap ones is within
 * the standard. Null when within it, or when no standard applies (see lodgingCapFen).
 */
export function checkLine(std: StandardsData, line: ClaimLineInput, traveller: TravellerInput): OverStandard | null {
  if (line.kind !== 'lodging') return null;
  const cap = lodgingCapFen(std, line.city, traveller.rank);
  if (cap === null) return null;
  const limitFen = cap * Math.max(0, line.nights);
  return line.amountFen > limitFen ? { code: 'claim.over_standard', limitFen } : null;
}

/** Where a standards document contradicts itself: the field, and the region's index if one. */
export interface StandardsProblem {
  field: string;
  regionIndex?: number;
}

/**
 * The first inconsistency the schema cannot see: overlapping rank bands, duplicate ids, a city
 * in two regions, a missing default region, a band without a lodging cap or transport classes,
 * a class that is not on its mode's ladder. Null when there is none.
 */
export function checkStandards(std: StandardsData): StandardsProblem | null {
  const bands = std.rankBands;
  for (const [i, b] of bands.entries()) {
    if (b.minRank > b.maxRank) return { field: `rankBands.${i}` };
    if (bands.some((o, j) => j < i && (o.id === b.id || (o.minRank <= b.maxRank && b.minRank <= o.maxRank)))) return { field: `rankBands.${i}` };
    const classes = std.transportClasses[b.id];
    if (!classes) return { field: `transportClasses.${b.id}` };
    for (const mode of TRANSPORT_MODES) {
      if (classRank(mode, classes[mode]) < 0) return { field: `transportClasses.${b.id}.${mode}` };
    }
  }
  const bandIds = new Set(bands.map((b) => b.id));
  for (const id of Object.keys(std.transportClasses)) if (!bandIds.has(id)) return { field: `transportClasses.${id}` };
  const ids = new Set<string>();
  const cities = new Set<string>();
  for (const [i, r] of std.regions.entries()) {
    if (ids.has(r.id)) return { field: 'id', regionIndex: i };
    ids.add(r.id);
    for (const id of bandIds) if (r.lodgingCapFen[id] === undefined) return { field: 'lodgingCapFen', regionIndex: i };
    for (const id of Object.keys(r.lodgingCapFen)) if (!bandIds.has(id)) return { field: 'lodgingCapFen', regionIndex: i };
    for (const c of r.cities) {
      const key = cityKey(c);
      if (key === '' || cities.has(key)) return { field: 'cities', regionIndex: i };
      cities.add(key);
    }
  }
  if (!ids.has(std.defaultRegionId)) return { field: 'defaultRegionId' };
  return null;
}
