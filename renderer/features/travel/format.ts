// Small display helpers shared by the travel pages.
import type { Leg } from '../../../shared/domain/travel';

/** Destinations in travel order without repeats; the return to the starting city is left out. */
export function destinationsOf(legs: readonly Leg[]): string[] {
  const origin = legs[0]?.fromCity.trim();
  const out: string[] = [];
  for (const leg of legs) {
    const city = leg.toCity.trim();
    if (city !== origin && !out.includes(city)) out.push(city);
  }
  return out.length > 0 ? out : [...new Set(legs.map((l) => l.toCity.trim()))];
}
