import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../../shared/api';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { fetchBackupFile } from '../../api/http-client';
import { useHealth } from '../../app/health';
import { navigate } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { saveBlob } from '../../components/download-file';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../formatting/dates';
import { BackupFolderPanel } from './BackupFolderPanel';
import { BackupHealthNotice } from './BackupHealthNotice';
import { BackupsTable } from './BackupsTable';
import { useBackupActions } from './use-backup-actions';
import { describeBackupSource } from './backup-text';

/** "Sao lưu & khôi phục": the backups, "Sao lưu ngay", restore and its undo, the backup folder, the database checks. */
export function BackupPage() {
  const { health, refresh } = useHealth();
  const showToast = useToast();
  const [list, setList] = useState<ApiOutput<'backup.list'> | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [backingUp, setBackingUp] = useState(false);
  const [confirmUndo, setConfirmUndo] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const reload = (): void => setVersion((v) => v + 1);
  const actions = useBackupActions(reload);

  // The checks run once the window is up: show their latest outcome rather than the one from start.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    let stale = false;
    api.call('backup.list', {}).then(
      (loaded) => {
        if (stale) return;
        setList(loaded);
        setListError(null);
      },
      (e: unknown) => {
        if (!stale) setListError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [version]);

  const backupNow = async (): Promise<void> => {
    setBackingUp(true);
    try {
      const result = await api.call('backup.now', {});
      const name = result.backup.id.slice('thu-cong/'.length);
      // Browser mode downloads the file; Electron has already asked where to save a copy.
      if (result.download) saveBlob(await fetchBackupFile(result.download), result.download);
      showToast({ message: result.savedTo ? `Đã sao lưu và lưu một bản tại ${result.savedTo}.` : `Đã sao lưu: ${name}.` });
      reload();
      void refresh();
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setBackingUp(false);
    }
  };

  const undo = async (): Promise<void> => {
    setUndoing(true);
    try {
      await api.call('backup.undoRestore', {});
      navigate('backup');
      window.location.reload();
    } catch (e) {
      setConfirmUndo(false);
      setUndoing(false);
      showToast({ tone: 'error', message: errorMessage(e) });
    }
  };

  const newest = list?.backups[0];
  return (
    <div className="page page-fixed-header backup-page">
      <header className="page-header">
        <h1 className="page-title">Sao lưu &amp; khôi phục</h1>
        <div className="toolbar">
          {actions.restoreFileButton}
          <button type="button" className="button button-primary button-wide" disabled={backingUp} aria-busy={backingUp} onClick={() => void backupNow()}>
            {backingUp ? 'Đang sao lưu…' : 'Sao lưu ngay'}
          </button>
        </div>
      </header>
      <div className="page-scroll-body">
        <BackupHealthNotice />
        {health.restore && (
          <Notice
            tone="info"
            action={
              <button type="button" className="button" onClick={() => setConfirmUndo(true)}>
                Hoàn tác khôi phục
              </button>
            }
          >
            Lúc {formatDateTime(health.restore.at)} đã khôi phục dữ liệu từ {describeBackupSource(health.restore.from)}. Dữ liệu trước đó vẫn được giữ lại
            nên có thể hoàn tác.
          </Notice>
        )}
        {actions.error && <Notice tone="error">{actions.error}</Notice>}
        <div className="backup-layout">
          <section className="panel" aria-labelledby="backups-title">
            <h2 className="panel-title" id="backups-title">
              Các bản sao lưu
            </h2>
            <p className="panel-description">
              VănThư tự sao lưu mỗi ngày và khi đóng, giữ 7 bản hằng ngày, 4 bản hằng tuần và 12 bản hằng tháng; tệp gốc chỉ chép một lần và
              dùng chung cho mọi bản. “Sao lưu ngay” tạo một tệp .vanthu-backup đầy đủ để cất giữ hay mang sang máy khác.
            </p>
            {listError && <Notice tone="error">{listError}</Notice>}
            {list ? (
              <>
                <BackupsTable backups={list.backups} busyId={actions.busyId} onRestore={actions.askRestore} onVerify={(b) => void actions.verify(b)} />
                <p className="backup-summary">
                  {newest ? `Lần sao lưu gần nhất: ${formatDateTime(newest.takenAt)}. ` : ''}Thư mục: <span className="backup-path">{list.folder}</span>
                </p>
              </>
            ) : (
              !listError && <p className="panel-description">Đang tải…</p>
            )}
          </section>
          <div className="backup-aside">
            <BackupFolderPanel
              onSaved={() => {
                reload();
                void refresh();
              }}
            />
            <section className="panel" aria-labelledby="checks-title">
              <h2 className="panel-title" id="checks-title">
                Kiểm tra cơ sở dữ liệu
              </h2>
              <dl className="backup-facts">
                <dt>Kiểm tra nhanh (mỗi lần mở)</dt>
                <dd>{health.database.quickCheckAt ? `${formatDateTime(health.database.quickCheckAt)}: không có lỗi` : 'Chưa chạy'}</dd>
                <dt>Kiểm tra toàn bộ (hằng tuần)</dt>
                <dd>{health.database.fullCheckAt ? formatDateTime(health.database.fullCheckAt) : 'Chưa chạy'}</dd>
                <dt>Thư mục dữ liệu</dt>
                <dd className="backup-path">{health.dataDir}</dd>
                <dt>Tệp nhật ký</dt>
                <dd className="backup-path">{health.logFile}</dd>
              </dl>
            </section>
          </div>
        </div>
      </div>
      {actions.dialog}
      {confirmUndo && health.restore && (
        <ConfirmDialog title="Hoàn tác khôi phục?" confirmLabel={undoing ? 'Đang hoàn tác…' : 'Hoàn tác'} danger busy={undoing} onConfirm={() => void undo()} onCancel={() => setConfirmUndo(false)}>
          <p>
            Dữ liệu trước lần khôi phục lúc {formatDateTime(health.restore.at)} sẽ được đặt lại. Dữ liệu hiện tại (của bản khôi phục, kể cả
            những gì đã làm sau đó) được giữ lại trong thư mục dữ liệu, không bị xóa.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
