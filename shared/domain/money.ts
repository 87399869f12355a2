// Money is integer minor units (fen for CNY), never floating point.
import { z } from 'zod';

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'] as const;
export const currencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof currencySchema>;

/** An amount in minor units (fen, cents); at most 100 million yuan. */
export const minorSchema = z.number().int().min(0).max(10_000_000_000);
