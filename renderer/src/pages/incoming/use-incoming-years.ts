import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** The years whose incoming register has entries, newest first, always with this year: what the year selector offers. */
export function useIncomingYears(thisYear: number, version: number): number[] {
  const [years, setYears] = useState<number[]>([thisYear]);
  useEffect(() => {
    let stale = false;
    api.call('incoming.years', {}).then(
      (found) => {
        if (!stale) setYears([...new Set([thisYear, ...found])].sort((a, b) => b - a));
      },
      () => undefined, // only a convenience: the register itself reports a failure
    );
    return () => {
      stale = true;
    };
  }, [thisYear, version]);
  return years;
}

let shownYear: number | null = null;

/** The register's year survives opening a document and coming back. */
export function rememberRegisterYear(year: number): void {
  shownYear = year;
}

export function rememberedRegisterYear(): number | null {
  return shownYear;
}
