import { useEffect, useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { Unit } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

/** What the recognised fields are chosen from: every unit (a report may come from one since merged) and the issued dispatches. */
export interface ReferenceData {
  units: Unit[];
  dispatches: Dispatch[];
}

export function useReferenceData(): { data: ReferenceData | null; error: string | null } {
  const [data, setData] = useState<ReferenceData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    Promise.all([
      api.call('units.list', { query: '', groupId: null, includeInactive: true }),
      api.call('dispatches.list', { status: 'issued', year: null, query: '' }),
    ]).then(
      ([units, dispatches]) => {
        if (!stale) setData({ units, dispatches: dispatches.items });
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
