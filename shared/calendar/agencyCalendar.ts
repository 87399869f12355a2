// The calendar every day count uses, on the client and on the server alike. Until
// administrators can import and edit years (synced as documents), it is the official data
// Bureau ships.
import { CN_2026 } from './cn2026';
import { officialCalendar } from './official';
import type { WorkCalendar } from './workingDays';

export const SHIPPED_YEARS = [CN_2026] as const;

export const agencyCalendar: WorkCalendar = officialCalendar(SHIPPED_YEARS);
