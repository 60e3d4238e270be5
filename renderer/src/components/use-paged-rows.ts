import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../shared/domain/paging';
import { errorMessage } from '../api/error-message';

/** Rows asked for at a time: two screens' worth, cheap to validate and send (tests/bench/scale-bench.ts). */
export const PAGE_SIZE = 50;

export interface PagedRows<Row> {
  /** One slot per row of the whole list, `undefined` until its page has arrived; null before the first page. */
  rows: (Row | undefined)[] | null;
  error: string | null;
  /** Loads the pages holding rows [start, end) that are not loaded or loading yet. */
  request(start: number, end: number): void;
  /** Every row at once (printing a whole register); the list then holds them all. */
  loadAll(): Promise<Row[]>;
}

/**
 * A long list loaded a page at a time as it scrolls. `load(offset, limit)` fetches one page (a
 * null limit: everything); `key` names what is listed (its filters, a version after a change):
 * when it changes, the list starts over from its first page.
 */
export function usePagedRows<Row>(load: (offset: number, limit: number | null) => Promise<Page<Row>>, key: string): PagedRows<Row> {
  const [state, setState] = useState<{ key: string; rows: (Row | undefined)[] | null; error: string | null }>({ key, rows: null, error: null });
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  // The pages asked for under the current key; a new key forgets them (and late answers for the old one are dropped).
  const requested = useRef({ key, pages: new Set<number>() });

  const fetchPage = useCallback(
    (page: number): void => {
      const listKey = requested.current.key;
      requested.current.pages.add(page);
      loadRef.current(page * PAGE_SIZE, PAGE_SIZE).then(
        ({ items, total }) =>
          setState((s) => {
            if (s.key !== listKey) return s;
            const rows = s.rows ? s.rows.slice(0, total) : [];
            rows.length = total; // new slots are holes: not loaded yet
            items.forEach((row, i) => (rows[page * PAGE_SIZE + i] = row));
            return { key: listKey, rows, error: null };
          }),
        (e: unknown) => {
          requested.current.pages.delete(page);
          setState((s) => (s.key === listKey ? { ...s, error: errorMessage(e) } : s));
        },
      );
    },
    [],
  );

  useEffect(() => {
    requested.current = { key, pages: new Set() };
    setState({ key, rows: null, error: null });
    fetchPage(0);
  }, [key, fetchPage]);

  const request = useCallback(
    (start: number, end: number): void => {
      for (let page = Math.floor(start / PAGE_SIZE); page * PAGE_SIZE < end; page++) {
        if (!requested.current.pages.has(page)) fetchPage(page);
      }
    },
    [fetchPage],
  );

  const loadAll = useCallback(async (): Promise<Row[]> => {
    const listKey = requested.current.key;
    const { items } = await loadRef.current(0, null);
    setState((s) => (s.key === listKey ? { key: listKey, rows: items, error: null } : s));
    return items;
  }, []);

  const current = state.key === key ? state : { rows: null, error: null };
  return { rows: current.rows, error: current.error, request, loadAll };
}
