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
    // Only the count of dispatches that ask for reports is wanted: the total of a one-row page.
    Promise.all([api.call('dashboard.get', {}), api.call('dispatches.list', { status: 'issued', asksReports: true, limit: 1 })]).then(
      ([dashboard, trackable]) => {
        if (!stale) setData({ state: 'ready', dashboard, trackable: trackable.total });
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
