import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** The years that have issued dispatches, newest first, always with this year: what the year selectors offer. */
export function useDispatchYears(thisYear: number): number[] {
  const [years, setYears] = useState<number[]>([thisYear]);
  useEffect(() => {
    let stale = false;
    api.call('dispatches.years', {}).then(
      (found) => {
        if (!stale) setYears([...new Set([thisYear, ...found])].sort((a, b) => b - a));
      },
      () => undefined, // only a convenience: the page's own list reports a failure
    );
    return () => {
      stale = true;
    };
  }, [thisYear]);
  return years;
}
