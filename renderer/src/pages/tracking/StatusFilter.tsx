import { OBLIGATION_LABELS, type ObligationStatus } from '../../../../shared/domain/tracking';
import { STATUS_ORDER } from './tracking-text';

interface StatusFilterProps {
  /** How many cells of the table (as filtered by group) have each status. */
  counts: ReadonlyMap<ObligationStatus, number>;
  value: ObligationStatus | null;
  onChange(status: ObligationStatus | null): void;
}

/** The colour legend, which is also the status filter: pick one to see only the units with that status. */
export function StatusFilter({ counts, value, onChange }: StatusFilterProps) {
  return (
    <div className="status-filter" role="group" aria-label="Lọc theo tình trạng">
      <button type="button" className="status-chip" aria-pressed={value === null} onClick={() => onChange(null)}>
        Tất cả
      </button>
      {STATUS_ORDER.map((status) => (
        <button
          key={status}
          type="button"
          className={`status-chip obligation-${status}`}
          aria-pressed={value === status}
          title={value === status ? 'Bấm lần nữa để bỏ lọc' : `Chỉ xem đơn vị có ô “${OBLIGATION_LABELS[status]}”`}
          onClick={() => onChange(value === status ? null : status)}
        >
          <span className="status-chip-swatch" aria-hidden="true" />
          {OBLIGATION_LABELS[status]}
          <span className="status-chip-count">{counts.get(status) ?? 0}</span>
        </button>
      ))}
    </div>
  );
}
