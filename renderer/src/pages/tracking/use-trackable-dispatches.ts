import { useEffect, useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

export type TrackableDispatches = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; dispatches: Dispatch[] };

/** The issued dispatches that ask for reports, the most recent first (the one shown when none is chosen). */
export function useTrackableDispatches(): TrackableDispatches {
  const [result, setResult] = useState<TrackableDispatches>({ state: 'loading' });
  useEffect(() => {
    let stale = false;
    api.call('dispatches.list', { status: 'issued', asksReports: true }).then(
      (all) => {
        if (stale) return;
        const dispatches = all.items
          .sort((a, b) => (b.issueDate ?? '').localeCompare(a.issueDate ?? '') || b.id - a.id);
        setResult({ state: 'ready', dispatches });
      },
      (e: unknown) => {
        if (!stale) setResult({ state: 'failed', message: errorMessage(e) });
      },
    );
    return () => {
      stale = true;
    };
  }, []);
  return result;
}
