import { z } from 'zod';

/** The most rows one page may ask for; a list screen asks for far fewer and loads more as it scrolls. */
export const MAX_PAGE_SIZE = 1000;

/**
 * Which rows of a long list: `offset` rows skipped, then at most `limit`. Without a limit, every
 * row (the CLI, exports): callers written before paging keep getting the whole list.
 */
export const PageRequest = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).nullable().default(null),
};
export interface Paging {
  offset: number;
  limit: number | null;
}
export const EVERY_ROW: Paging = { offset: 0, limit: null };

/** One page of a list and how many rows the whole list has, in a stable order. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}
export interface Page<T> {
  items: T[];
  total: number;
}

/** SQLite's LIMIT/OFFSET for a page: -1 is "no limit". */
export function sqlLimit(paging: Paging): { limit: number; offset: number } {
  return { limit: paging.limit ?? -1, offset: paging.offset };
}
