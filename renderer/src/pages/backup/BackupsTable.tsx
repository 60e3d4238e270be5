import type { BackupItem } from '../../../../shared/domain/backup';
import { formatDateTime } from '../../formatting/dates';
import { formatFileSize } from '../../formatting/file-size';
import { KIND_LABELS, TRIGGER_LABELS } from './backup-text';

interface BackupsTableProps {
  backups: readonly BackupItem[];
  /** The backup an action is running on (its buttons are disabled). */
  busyId: string | null;
  onRestore(backup: BackupItem): void;
  onVerify(backup: BackupItem): void;
}

function Verified({ backup, disabled, onVerify }: { backup: BackupItem; disabled: boolean; onVerify(): void }) {
  const v = backup.verified;
  return (
    <div className="backup-verified">
      {!v ? (
        <span className="badge badge-neutral">Chưa kiểm tra</span>
      ) : v.ok ? (
        <span className="badge badge-success" title={v.problem ?? undefined}>
          Tốt
        </span>
      ) : (
        <span className="badge badge-danger">Hỏng</span>
      )}
      {v && !v.ok && <span className="backup-problem">{v.problem}</span>}
      <span className="backup-verified-at">
        {v && `${formatDateTime(v.at)} · `}
        <button type="button" className="link-button" disabled={disabled} onClick={onVerify}>
          Kiểm tra lại
        </button>
      </span>
    </div>
  );
}

/** The backups of the backup folder, newest first: when, why kept, how big, whether verified; restore and verify. */
export function BackupsTable({ backups, busyId, onRestore, onVerify }: BackupsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table backups-table" aria-label="Các bản sao lưu" data-testid="backups-table">
        <thead>
          <tr>
            <th scope="col" className="backups-col-time">Thời điểm</th>
            <th scope="col" className="backups-col-kind">Loại</th>
            <th scope="col" className="backups-col-size numeric">Kích thước</th>
            <th scope="col">Tình trạng</th>
            <th scope="col" className="backups-col-actions actions">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.length === 0 && (
            <tr>
              <td colSpan={5} className="table-empty">
                Chưa có bản sao lưu nào trong thư mục sao lưu.
              </td>
            </tr>
          )}
          {backups.map((b) => (
            <tr key={b.id} data-backup-id={b.id}>
              <td>
                <div>{formatDateTime(b.takenAt)}</div>
                <div className="backup-trigger">{b.source === 'manual' ? b.id.slice('thu-cong/'.length) : `Tự động, ${TRIGGER_LABELS[b.trigger]}`}</div>
              </td>
              <td>
                <ul className="chip-list">
                  {b.kinds.map((kind) => (
                    <li key={kind} className={`badge ${kind === 'manual' ? 'badge-sample' : 'badge-neutral'}`}>
                      {KIND_LABELS[kind]}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="numeric">{formatFileSize(b.bytes)}</td>
              <td>
                <Verified backup={b} disabled={busyId !== null} onVerify={() => onVerify(b)} />
              </td>
              <td className="actions">
                <button type="button" className="button" disabled={busyId !== null} onClick={() => onRestore(b)}>
                  {busyId === b.id ? 'Đang xử lý…' : 'Khôi phục…'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
