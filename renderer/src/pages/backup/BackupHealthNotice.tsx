import { useHealth } from '../../app/health';
import { routeHref } from '../../app/routes';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../formatting/dates';

/** The last automatic backup failed: said on the overview and the backup screen until one succeeds. */
export function BackupHealthNotice({ linkToBackup = false }: { linkToBackup?: boolean }) {
  const { health } = useHealth();
  const { lastError, lastErrorAt } = health.backup;
  if (!lastError) return null;
  return (
    <Notice
      tone="error"
      action={
        linkToBackup && (
          <a className="button" href={routeHref('backup')}>
            Mở Sao lưu &amp; khôi phục
          </a>
        )
      }
    >
      <strong>Sao lưu tự động {lastErrorAt ? `lúc ${formatDateTime(lastErrorAt)} ` : ''}không thành công.</strong> {lastError}
    </Notice>
  );
}
