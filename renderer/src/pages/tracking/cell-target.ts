import type { TrackingPeriod, TrackingRow } from '../../../../shared/domain/tracking';

/** One cell of the matrix: a unit's obligation for one period of one dispatch. */
export interface CellTarget {
  dispatchId: number;
  period: TrackingPeriod['period'];
  unit: TrackingRow['unit'];
}
