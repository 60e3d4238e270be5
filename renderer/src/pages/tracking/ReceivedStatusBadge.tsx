import { ImportStatus } from '../../../../shared/domain/incoming';
import { ImportStatusBadge } from '../incoming/ImportStatusBadge';

/** A received document's register status ("Đã vào sổ", "Chờ xác nhận"…), as the incoming screens show it. */
export function ReceivedStatusBadge({ status }: { status: string }) {
  const known = ImportStatus.safeParse(status);
  return known.success ? <ImportStatusBadge status={known.data} /> : <span className="badge badge-neutral">{status}</span>;
}
