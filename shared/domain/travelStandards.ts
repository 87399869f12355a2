// Travel standards (差旅费标准) as data, maintained by finance and imported from a file: lodging
// caps per region and rank band, meal and local-transport allowances per day, and the transport
// class each rank band may use. One document per edition ('travelStandards').
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { idSchema, isoInstantSchema } from './ids';
import { minorSchema } from './money';

export const TRANSPORT_MODES = ['train', 'plane', 'ship', 'car', 'bus'] as const;
export const transportModeSchema = z.enum(TRANSPORT_MODES);
export type TransportMode = z.infer<typeof transportModeSchema>;

/** Classes per mode, lowest first (a rank may use its class and any below it). */
export const TRANSPORT_CLASSES = {
  train: ['second', 'first', 'business'],
  plane: ['economy', 'business', 'first'],
  ship: ['third', 'second', 'first'],
  car: ['standard'],
  bus: ['standard'],
} as const satisfies Record<TransportMode, readonly string[]>;
export const transportClassSchema = z.enum(['second', 'first', 'business', 'economy', 'third', 'standard']);
export type TransportClass = z.infer<typeof transportClassSchema>;

/** A band of ranks (职级) treated alike by the standards, e.g. 司局级 (12..30) and 其他人员 (1..11). */
export const rankBandSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/).max(40),
  name: z.string().min(1).max(40),
  minRank: z.number().int().min(1).max(30),
  maxRank: z.number().int().min(1).max(30),
});
export type RankBand = z.infer<typeof rankBandSchema>;

export const regionStandardSchema = z.object({
  /** A short code ('beijing', 'guangdong_other'). */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/).max(40),
  name: z.string().min(1).max(60),
  /** Province the region belongs to ('CN-BJ'); 'abroad' regions use a country code. */
  province: z.string().min(1).max(20),
  abroad: z.boolean(),
  /** Cities the region covers (Chinese names as written on tickets and invoices). */
  cities: z.array(z.string().min(1).max(40)).max(400),
  /** Lodging cap per night by rank band id, in fen. */
  lodgingCapFen: z.record(z.string(), minorSchema),
  /** Meal allowance per calendar day (伙食补助费), in fen. */
  mealFenPerDay: minorSchema,
  /** Local transport allowance per calendar day (市内交通费), in fen. */
  localTransportFenPerDay: minorSchema,
});
export type RegionStandard = z.infer<typeof regionStandardSchema>;

export const travelStandardsSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(100),
  /** Shipped sample data, not an agency's real standards: the UI says so. */
  example: z.boolean(),
  /** The agency's own province: a trip elsewhere is 'out of province'. */
  homeProvince: z.string().min(1).max(20),
  effectiveFrom: isoDateSchema,
  rankBands: z.array(rankBandSchema).min(1).max(10),
  regions: z.array(regionStandardSchema).min(1).max(500),
  /** The highest class each band may use, per mode. */
  transportClasses: z.record(z.string(), z.record(transportModeSchema, transportClassSchema)),
  /** Region used for a city no region lists. */
  defaultRegionId: z.string().max(40),
  active: z.boolean(),
  updatedAt: isoInstantSchema,
  updatedBy: idSchema.nullable(),
});
export type TravelStandards = z.infer<typeof travelStandardsSchema>;
