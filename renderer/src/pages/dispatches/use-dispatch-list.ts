import { useEffect, useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { savesSettled } from './use-draft-autosave';

interface DispatchList {
  /** Null until the first answer arrives. */
  dispatches: Dispatch[] | null;
  error: string | null;
}

/** The dispatches of a year (or of all years) matching `query`; waits for drafts still being saved. */
export function useDispatchList(year: number | null, query: string): DispatchList {
  const [dispatches, setDispatches] = useState<Dispatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    savesSettled()
      .then(() => api.call('dispatches.list', { year, status: null, query }))
      .then(
        (result) => {
          if (stale) return;
          setDispatches(result);
          setError(null);
        },
        (e: unknown) => {
          if (!stale) setError(errorMessage(e));
        },
      );
    return () => {
      stale = true;
    };
  }, [year, query]);

  return { dispatches, error };
}
