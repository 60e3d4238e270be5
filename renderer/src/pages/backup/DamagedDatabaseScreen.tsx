import { useEffect, useState } from 'react';
import type { BackupItem, Health } from '../../../../shared/domain/backup';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { AppLogo } from '../../components/AppLogo';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../formatting/dates';
import { latestGoodBackup } from './backup-text';
import { BackupsTable } from './BackupsTable';
import { useBackupActions } from './use-backup-actions';

/**
 * "Cơ sở dữ liệu bị hỏng": shown instead of the application when the core found the database
 * damaged (it then runs only health, backups and restore, so nothing crashes again and again).
 * Offers the latest good backup first, any other backup or a file, and says where the data and the log are.
 */
export function DamagedDatabaseScreen({ health }: { health: Health }) {
  const [backups, setBackups] = useState<BackupItem[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const actions = useBackupActions(() => setVersion((v) => v + 1));

  useEffect(() => {
    let stale = false;
    api.call('backup.list', {}).then(
      (list) => {
        if (!stale) setBackups(list.backups);
      },
      (e: unknown) => {
        if (!stale) setListError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [version]);

  const latest = backups && latestGoodBackup(backups);
  return (
    <div className="damaged-screen">
      <main className="damaged-card" aria-labelledby="damaged-title">
        <AppLogo className="first-run-logo" size={40} />
        <h1 className="damaged-title" id="damaged-title">
          Cơ sở dữ liệu bị hỏng
        </h1>
        <p className="damaged-lead">
          VănThư phát hiện tệp cơ sở dữ liệu bị hỏng (thường do mất điện, tắt máy đột ngột hoặc ổ đĩa lỗi) nên đã tạm dừng mọi thao tác với
          dữ liệu để không làm hỏng thêm. Hãy khôi phục từ bản sao lưu gần nhất. Dữ liệu hỏng không bị xóa: nó được giữ lại trong thư mục
          dữ liệu để bộ phận kỹ thuật có thể cứu những gì còn đọc được.
        </p>
        {actions.error && <Notice tone="error">{actions.error}</Notice>}
        {listError && <Notice tone="error">{listError}</Notice>}
        {latest ? (
          <div className="damaged-recommended">
            <div>
              <strong>Bản sao lưu gần nhất còn tốt:</strong> {formatDateTime(latest.takenAt)}
              {latest.verified?.ok ? ' (đã kiểm tra)' : ' (sẽ được kiểm tra trước khi khôi phục)'}
            </div>
            <button type="button" className="button button-primary" disabled={actions.busyId !== null} onClick={() => actions.askRestore(latest)}>
              Khôi phục bản này
            </button>
          </div>
        ) : (
          backups && (
            <Notice tone="info">
              Thư mục sao lưu {health.backup.folder} chưa có bản sao lưu nào dùng được. Nếu có tệp .vanthu-backup (đã tải về hoặc chép ra USB),
              hãy bấm “Khôi phục từ tệp…”.
            </Notice>
          )
        )}
        <section className="damaged-section" aria-labelledby="damaged-backups-title">
          <div className="damaged-section-header">
            <h2 className="panel-title" id="damaged-backups-title">
              Các bản sao lưu
            </h2>
            {actions.restoreFileButton}
          </div>
          {backups ? <BackupsTable backups={backups} busyId={actions.busyId} onRestore={actions.askRestore} onVerify={(b) => void actions.verify(b)} /> : !listError && <p>Đang tải…</p>}
        </section>
        <dl className="backup-facts damaged-facts">
          <dt>Thư mục dữ liệu</dt>
          <dd className="backup-path">{health.dataDir}</dd>
          <dt>Thư mục sao lưu</dt>
          <dd className="backup-path">{health.backup.folder}</dd>
          <dt>Tệp nhật ký (gửi cho bộ phận kỹ thuật)</dt>
          <dd className="backup-path">{health.logFile}</dd>
        </dl>
        <details className="damaged-details">
          <summary>Chi tiết lỗi do SQLite báo</summary>
          <ul>
            {health.database.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </details>
      </main>
      {actions.dialog}
    </div>
  );
}
