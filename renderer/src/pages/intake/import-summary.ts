import type { ImportStatus } from '../../../../shared/domain/incoming';
import type { ImportItem } from './import-queue';

export interface ImportSummary {
  /** Files (or folders) the clerk gave, and how many of them have been dealt with, imported or not. */
  total: number;
  processed: number;
  working: ImportItem | null;
  /** Files that "Dừng" held back. */
  stopped: number;
  /** Files the core could not be asked about: too large for browser mode, or the call failed. */
  notImported: number;
  byStatus: Record<ImportStatus, number>;
}

const PROCESSED: ReadonlySet<ImportItem['state']> = new Set(['done', 'failed', 'too-large']);

export function summarise(items: readonly ImportItem[]): ImportSummary {
  const byStatus: Record<ImportStatus, number> = { registered: 0, needs_review: 0, duplicate: 0, rejected: 0 };
  for (const item of items) for (const result of item.results) byStatus[result.status] += 1;
  return {
    total: items.length,
    processed: items.filter((item) => PROCESSED.has(item.state)).length,
    working: items.find((item) => item.state === 'working') ?? null,
    stopped: items.filter((item) => item.state === 'stopped').length,
    notImported: items.filter((item) => item.state === 'failed' || item.state === 'too-large').length,
    byStatus,
  };
}
