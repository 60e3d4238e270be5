import { useEffect, useState } from 'react';
import type { Unit } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

/**
 * What the recognised fields are chosen from: every unit (a report may come from one since merged;
 * hundreds at most). Dispatches, thousands after a few years, are searched as the clerk types
 * (DispatchPicker) instead.
 */
export interface ReferenceData {
  units: Unit[];
}

export function useReferenceData(): { data: ReferenceData | null; error: string | null } {
  const [data, setData] = useState<ReferenceData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    api.call('units.list', { query: '', groupId: null, includeInactive: true }).then(
      (units) => {
        if (!stale) setData({ units });
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, []);
  return { data, error };
}
