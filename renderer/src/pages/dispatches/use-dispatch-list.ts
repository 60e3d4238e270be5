import { useCallback } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { usePagedRows, type PagedRows } from '../../components/use-paged-rows';
import { savesSettled } from './use-draft-autosave';

/** The dispatches of a year (or of all years) matching `query`, a page at a time; waits for drafts still being saved. */
export function useDispatchList(year: number | null, query: string): PagedRows<Dispatch> {
  const load = useCallback(
    (offset: number, limit: number | null) => savesSettled().then(() => api.call('dispatches.list', { year, status: null, query, offset, limit })),
    [year, query],
  );
  return usePagedRows(load, JSON.stringify([year, query]));
}
