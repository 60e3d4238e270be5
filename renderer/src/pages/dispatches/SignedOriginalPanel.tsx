import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { DispatchFile } from '../../../../shared/api';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useToast } from '../../app/toasts';
import { downloadFile } from '../../components/download-file';
import { DownloadIcon, PlusIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { readFileBytes } from '../../components/read-file-bytes';
import { formatFileSize } from '../../formatting/file-size';

/** `2025-07-01T08:30:00.000Z` → `01/07/2025 15:30` in the clerk's time zone. */
function addedText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** "Bản gốc đã ký": the signed scan or digitally signed PDF kept with an issued (or voided) dispatch, unchanged. */
export function SignedOriginalPanel({ dispatchId }: { dispatchId: number }) {
  const showToast = useToast();
  const [files, setFiles] = useState<DispatchFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let stale = false;
    api.call('dispatches.files', { id: dispatchId }).then(
      (result) => {
        if (!stale) setFiles(result);
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [dispatchId]);

  const attach = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setFiles(await api.call('dispatches.attachSignedOriginal', { id: dispatchId, file: await readFileBytes(file) }));
      showToast({ message: `Đã gắn bản gốc đã ký ${file.name}.` });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async (file: DispatchFile): Promise<void> => {
    try {
      downloadFile(await api.call('dispatches.fileBytes', { fileId: file.id }));
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    }
  };

  return (
    <section className="panel register-summary signed-original" aria-label="Bản gốc đã ký" data-testid="signed-original">
      <div className="register-summary-head">
        <h2 className="panel-title">Bản gốc đã ký</h2>
        <button type="button" className="button" disabled={busy} aria-busy={busy} onClick={() => inputRef.current?.click()}>
          <PlusIcon />
          Gắn bản gốc đã ký…
        </button>
        <input ref={inputRef} type="file" hidden accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx" aria-label="Chọn tệp bản gốc đã ký" onChange={(e) => void attach(e)} />
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      <p className="panel-description">Bản quét hoặc tệp PDF đã ký số được lưu nguyên vẹn, không sửa đổi, cùng văn bản này.</p>
      {files === null ? (
        !error && <p className="muted">Đang tải…</p>
      ) : files.length === 0 ? (
        <p className="muted">Chưa gắn bản gốc đã ký.</p>
      ) : (
        <ul className="signed-original-files">
          {files.map((file) => (
            <li key={file.id}>
              <button type="button" className="button button-subtle" title="Tải tệp về máy" onClick={() => void download(file)}>
                <DownloadIcon />
                {file.fileName}
              </button>
              <span className="muted">
                {formatFileSize(file.size)} · gắn lúc {addedText(file.addedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
