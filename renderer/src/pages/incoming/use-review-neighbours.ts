import type { ReviewNeighbours } from '../../../../shared/domain/incoming';
import { useApiValue } from '../../api/use-api-value';

/**
 * Where a document stands in "Chờ xác nhận" ("3/120") and which documents come before and after
 * it, asked of the core rather than read off the whole queue (thousands after a few years). Null
 * until known; a failed call leaves it null and the page works without it.
 */
export function useReviewNeighbours(id: number): ReviewNeighbours | null {
  return useApiValue('incoming.reviewNeighbours', { id });
}
