import { useCallback, useEffect, useState } from 'react';
import type { TrackingPeriod } from '../../../../shared/domain/tracking';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

interface Tracking {
  /** Every period of the dispatch; null until the answer for this dispatch arrives. */
  periods: TrackingPeriod[] | null;
  error: string | null;
  /** Asks again, after an exemption was given or withdrawn. */
  reload(): void;
}

interface Loaded {
  dispatchId: number;
  periods: TrackingPeriod[];
}

/** Who has reported for each period of a dispatch, as of the application's "today". */
export function useTracking(dispatchId: number | null): Tracking {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (dispatchId === null) return;
    let stale = false;
    api.call('tracking.get', { dispatchId }).then(
      (periods) => {
        if (stale) return;
        setLoaded({ dispatchId, periods });
        setError(null);
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [dispatchId, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { periods: loaded && loaded.dispatchId === dispatchId ? loaded.periods : null, error, reload };
}
