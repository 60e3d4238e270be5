import { useHealth } from '../../app/health';
import { routeHref } from '../../app/routes';
import { formatDateTime } from '../../formatting/dates';

/** In the status bar on every screen: when the last backup was made, or that automatic backup failed. */
export function BackupStatusItem() {
  const { backup } = useHealth().health;
  const failed = backup.lastError !== null;
  return (
    <span className={`status-bar-item status-bar-backup${failed ? ' status-bar-backup-failed' : ''}`} title={backup.lastError ?? undefined}>
      <a href={routeHref('backup')}>
        {failed ? 'Sao lưu tự động không thành công' : backup.lastAt ? `Sao lưu gần nhất: ${formatDateTime(backup.lastAt)}` : 'Chưa có bản sao lưu'}
      </a>
    </span>
  );
}
