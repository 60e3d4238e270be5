import { useEffect, useState } from 'react';
import type { Dashboard } from '../../../../shared/domain/tracking';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

export type DashboardData =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  /** `trackable`: how many issued dispatches ask for reports (none: the deadline lists explain how to start). */
  | { state: 'ready'; dashboard: Dashboard; trackable: number };

/** What the first screen shows, asked for each time it opens. */
export function useDashboard(): DashboardData {
  const [data, setData] = useState<DashboardData>({ state: 'loading' });
  useEffect(() => {
    let stale = false;
    Promise.all([api.call('dashboard.get', {}), api.call('dispatches.list', { status: 'issued' })]).then(
      ([dashboard, issued]) => {
        if (!stale) setData({ state: 'ready', dashboard, trackable: issued.items.filter((d) => d.requirement !== null).length });
      },
      (e: unknown) => {
        if (!stale) setData({ state: 'failed', message: errorMessage(e) });
      },
    );
    return () => {
      stale = true;
    };
  }, []);
  return data;
}
