import { useEffect, useState } from 'react';

/** The current instant, refreshed every `everyMs`: a meeting that ends while the page is open moves on by itself. */
export function useNow(everyMs = 30_000): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
