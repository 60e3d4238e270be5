import { useEffect, useState, type FormEvent } from 'react';
import type { BackupSettings, FolderCheck } from '../../../../shared/domain/backup';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useToast } from '../../app/toasts';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { formatFileSize } from '../../formatting/file-size';

/** What a folder check found, in one or two sentences. */
function CheckResult({ check }: { check: FolderCheck }) {
  if (check.problem) return <Notice tone="error">{check.problem}</Notice>;
  return (
    <div className="backup-folder-check" data-testid="folder-check">
      <p>
        {check.exists ? 'Thư mục ghi được' : 'Thư mục chưa có, sẽ được tạo khi lưu'}
        {check.freeBytes !== null && <>; ổ đĩa còn trống {formatFileSize(check.freeBytes)}</>}.
      </p>
      {check.sameDriveAsData && (
        <p className="backup-folder-warning">
          Thư mục này nằm cùng ổ đĩa với dữ liệu: nếu ổ đĩa hỏng sẽ mất cả dữ liệu lẫn bản sao lưu. Nên chọn một ổ đĩa khác hoặc ổ USB.
        </p>
      )}
    </div>
  );
}

/** "Thư mục sao lưu": where automatic backups and "Sao lưu ngay" files go; checked before it is saved. */
export function BackupFolderPanel({ onSaved }: { onSaved(): void }) {
  const showToast = useToast();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [folder, setFolder] = useState('');
  const [check, setCheck] = useState<FolderCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    api.call('backup.settings', {}).then(
      (loaded) => {
        if (stale) return;
        setSettings(loaded);
        setFolder(loaded.folder);
        setCheck(loaded.check);
      },
      (e: unknown) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
  }, []);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const save = (chosen: string | null) =>
    run(async () => {
      const saved = await api.call('backup.saveSettings', { folder: chosen });
      setSettings(saved);
      setFolder(saved.folder);
      setCheck(saved.check);
      showToast({ message: `Từ nay bản sao lưu được lưu vào ${saved.folder}.` });
      onSaved();
    });

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void save(folder.trim());
  };

  return (
    <section className="panel" aria-labelledby="backup-folder-title" data-testid="backup-folder">
      <h2 className="panel-title" id="backup-folder-title">
        Thư mục sao lưu
      </h2>
      <p className="panel-description">
        Mặc định là thư mục “sao-luu” trong thư mục dữ liệu, luôn ghi được. Để bản sao lưu còn khi ổ đĩa hỏng, hãy chọn một thư mục trên ổ
        đĩa khác (D:, ổ USB, ổ mạng), ví dụ D:\SaoLuu\VanThu.
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {settings ? (
        <form className="form-stack" noValidate onSubmit={onSubmit}>
          <Field label="Đường dẫn thư mục" hint={settings.isDefault ? 'Đang dùng thư mục mặc định.' : `Mặc định: ${settings.defaultFolder}`}>
            {(control) => (
              <input
                {...control}
                className="input"
                autoComplete="off"
                spellCheck={false}
                value={folder}
                onChange={(e) => {
                  setFolder(e.target.value);
                  setCheck(null);
                }}
              />
            )}
          </Field>
          {check && <CheckResult check={check} />}
          <div className="button-row">
            <button type="button" className="button" disabled={busy || !folder.trim()} onClick={() => void run(async () => setCheck(await api.call('backup.checkFolder', { folder: folder.trim() })))}>
              Kiểm tra thư mục
            </button>
            <button type="submit" className="button button-primary" disabled={busy || !folder.trim() || folder.trim() === settings.folder}>
              Lưu thư mục
            </button>
            {!settings.isDefault && (
              <button type="button" className="button button-subtle" disabled={busy} onClick={() => void save(null)}>
                Dùng thư mục mặc định
              </button>
            )}
          </div>
        </form>
      ) : (
        !error && <p className="panel-description">Đang tải…</p>
      )}
    </section>
  );
}
