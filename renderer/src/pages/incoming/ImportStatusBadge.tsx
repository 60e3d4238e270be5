import type { ImportStatus } from '../../../../shared/domain/incoming';
import { IMPORT_STATUS_LABELS } from './incoming-text';

const TONES: Readonly<Record<ImportStatus, string>> = {
  registered: 'badge-success',
  needs_review: 'badge-warning',
  duplicate: 'badge-neutral',
  rejected: 'badge-danger',
};

/** "Đã vào sổ", "Chờ xác nhận", "Trùng" or "Bị từ chối", in the colour of what follows from it. */
export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return <span className={`badge ${TONES[status]}`}>{IMPORT_STATUS_LABELS[status]}</span>;
}
