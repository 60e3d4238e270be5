import { useRef, useState, type ReactNode } from 'react';
import type { ApiInput } from '../../../../shared/api';
import type { BackupItem } from '../../../../shared/domain/backup';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { navigate } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { readFileBytes } from '../../components/read-file-bytes';
import { formatDateTime } from '../../formatting/dates';
import { formatFileSize } from '../../formatting/file-size';
import { MAX_UPLOAD_BYTES } from './backup-text';

interface PendingRestore {
  /** "bản sao lưu lúc 15/01/2025 10:30", "tệp Sao lưu.vanthu-backup". */
  label: string;
  id: string;
  input(): Promise<ApiInput<'backup.restore'>>;
}

/**
 * Restore (after asking), verify and restore-from-file, for the backup screen and the damaged-database
 * screen alike. A restore replaces every screen's data, so the window reloads onto the backup screen,
 * which then offers "Hoàn tác khôi phục".
 */
export function useBackupActions(onChanged: () => void) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const restore = async (what: PendingRestore): Promise<void> => {
    setBusyId(what.id);
    setError(null);
    try {
      await api.call('backup.restore', await what.input());
      navigate('backup');
      window.location.reload();
    } catch (e) {
      setPending(null);
      setError(errorMessage(e));
      setBusyId(null);
    }
  };

  const verify = async (backup: BackupItem): Promise<void> => {
    setBusyId(backup.id);
    setError(null);
    try {
      await api.call('backup.verify', { backupId: backup.id });
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  const askRestore = (backup: BackupItem): void =>
    setPending({ id: backup.id, label: `bản sao lưu lúc ${formatDateTime(backup.takenAt)}`, input: async () => ({ backupId: backup.id }) });

  const askRestoreFile = (file: File): void => {
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(
        `Tệp ${file.name} lớn ${formatFileSize(file.size)}, quá 50 MB để tải lên. Hãy chép tệp vào thư mục "thu-cong" trong thư mục sao lưu: nó sẽ hiện trong danh sách để khôi phục.`,
      );
      return;
    }
    if (!file.name.toLowerCase().endsWith('.vanthu-backup')) {
      setError(`Tệp ${file.name} không phải bản sao lưu VănThư (.vanthu-backup).`);
      return;
    }
    setPending({ id: 'upload', label: `tệp ${file.name}`, input: async () => ({ upload: await readFileBytes(file) }) });
  };

  /** The hidden file chooser and its button. */
  const restoreFileButton: ReactNode = (
    <>
      <input
        ref={fileInput}
        type="file"
        accept=".vanthu-backup"
        className="visually-hidden"
        aria-label="Chọn tệp sao lưu để khôi phục"
        data-testid="restore-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) askRestoreFile(file);
        }}
      />
      <button type="button" className="button" disabled={busyId !== null} onClick={() => fileInput.current?.click()}>
        Khôi phục từ tệp…
      </button>
    </>
  );

  const dialog: ReactNode = pending && (
    <ConfirmDialog
      title="Khôi phục dữ liệu?"
      confirmLabel={busyId ? 'Đang khôi phục…' : 'Khôi phục'}
      danger
      busy={busyId !== null}
      onConfirm={() => void restore(pending)}
      onCancel={() => (busyId ? undefined : setPending(null))}
    >
      <p>
        Toàn bộ dữ liệu (sổ văn bản, đơn vị, tệp gốc) sẽ được thay bằng {pending.label}. Bản sao lưu được kiểm tra mã từng tệp trước khi
        thay; dữ liệu hiện tại được giữ lại trong thư mục dữ liệu để có thể <strong>hoàn tác</strong>.
      </p>
    </ConfirmDialog>
  );

  return { busyId, error, dialog, askRestore, verify, restoreFileButton };
}
