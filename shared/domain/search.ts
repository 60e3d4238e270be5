import { z } from 'zod';
import { Id } from './common.js';

/** What one search looks through: received documents, outgoing dispatches, units, and received files by name. */
export const SearchKind = z.enum(['incoming', 'dispatch', 'unit', 'file']);
export type SearchKind = z.infer<typeof SearchKind>;

/** A received document's status, or an outgoing dispatch's: each narrows the kind it belongs to. */
export const SearchStatus = z.enum(['registered', 'needs_review', 'draft', 'issued', 'voided']);
export type SearchStatus = z.infer<typeof SearchStatus>;

export const INCOMING_STATUSES: readonly SearchStatus[] = ['registered', 'needs_review'];
export const DISPATCH_STATUSES: readonly SearchStatus[] = ['draft', 'issued', 'voided'];

/**
 * Narrowing a search. A filter keeps only the kinds it applies to: a year keeps documents,
 * dispatches and files (units have none); a dispatch keeps the documents that answer it and their
 * files; a unit keeps what it sent and the dispatches addressed to it.
 */
export const SearchFilters = z.object({
  type: SearchKind.nullable().default(null),
  year: z.number().int().min(1900).max(2200).nullable().default(null),
  unitId: Id.nullable().default(null),
  dispatchId: Id.nullable().default(null),
  status: SearchStatus.nullable().default(null),
});
export type SearchFilters = z.output<typeof SearchFilters>;

export const SearchHit = z.object({
  kind: SearchKind,
  /** The document's, dispatch's or unit's id; a file's own id. */
  id: Id,
  /** For a file: the received document it belongs to (what opens at a click). */
  documentId: Id.nullable(),
  title: z.string(),
  subtitle: z.string(),
  date: z.string().nullable(),
  snippet: z.object({ text: z.string(), highlights: z.array(z.tuple([z.number().int(), z.number().int()])) }).nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** Which kinds a search with these filters can return. */
export function kindsFor(filters: SearchFilters): SearchKind[] {
  const all = SearchKind.options.filter((k) => filters.type === null || filters.type === k);
  return all.filter((kind) => {
    if (kind === 'unit') return filters.year === null && filters.unitId === null && filters.dispatchId === null && filters.status === null;
    if (kind === 'dispatch') return filters.dispatchId === null && (filters.status === null || DISPATCH_STATUSES.includes(filters.status));
    return filters.status === null || INCOMING_STATUSES.includes(filters.status);
  });
}
