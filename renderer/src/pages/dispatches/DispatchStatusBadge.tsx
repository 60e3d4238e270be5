import type { DispatchStatus } from '../../../../shared/domain/dispatch';
import { STATUS_LABELS } from './dispatch-text';

const TONES: Record<DispatchStatus, string> = { draft: 'badge-draft', issued: 'badge-success', voided: 'badge-danger' };

export function DispatchStatusBadge({ status }: { status: DispatchStatus }) {
  return <span className={`badge ${TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}
