import { useEffect, useState } from 'react';
import type { FileBytes } from '../../../../shared/api';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { downloadFile } from '../../components/download-file';
import { DownloadIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { fileRoleLabel, mainFile } from './incoming-text';
import { PdfPages } from './PdfPages';

type IncomingFile = IncomingDocument['files'][number];

interface LoadedFile {
  fileId: number;
  file: FileBytes;
  bytes: Uint8Array;
}

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = { jpg: 'image/jpeg', png: 'image/png' };

function ImagePreview({ bytes, kind, name }: { bytes: Uint8Array; kind: string; name: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([bytes.slice()], { type: IMAGE_TYPES[kind] }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes, kind]);
  return url ? <img className="image-preview" src={url} alt={name} /> : null;
}

/** What the file looks like, where this window can show it; otherwise why not and how to open it. */
function FilePreview({ loaded, file }: { loaded: LoadedFile; file: IncomingFile }) {
  const [unreadable, setUnreadable] = useState(false);
  if (file.contentKind === 'pdf' && !unreadable) return <PdfPages bytes={loaded.bytes} onUnreadable={() => setUnreadable(true)} />;
  if (file.contentKind in IMAGE_TYPES) return <ImagePreview bytes={loaded.bytes} kind={file.contentKind} name={file.fileName} />;
  if (file.contentKind === 'txt') return <pre className="text-preview">{new TextDecoder('utf-8').decode(loaded.bytes)}</pre>;
  return (
    <div className="viewer-message">
      <p>
        {unreadable ? 'Không hiển thị được tệp PDF này trong cửa sổ.' : `Không xem trước được tệp “${file.fileName}” trong cửa sổ này.`} Bấm “Mở tệp gốc” để lưu
        tệp về máy rồi mở bằng chương trình thường dùng (Word, Excel, trình đọc PDF, Outlook…).
      </p>
      {file.readNote && <p className="viewer-read-note">Khi đọc tệp: {file.readNote}</p>}
    </div>
  );
}

/** The original files of a received document, unchanged: the one chosen shown, each one downloadable. */
export function OriginalFileViewer({ document }: { document: IncomingDocument }) {
  const [fileId, setFileId] = useState<number | null>(() => mainFile(document)?.id ?? null);
  const [loaded, setLoaded] = useState<LoadedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const file = document.files.find((f) => f.id === fileId) ?? null;

  useEffect(() => {
    if (fileId === null) return;
    let stale = false;
    setError(null);
    api.call('incoming.fileBytes', { id: document.id, fileId }).then(
      (bytes) => {
        if (!stale) setLoaded({ fileId, file: bytes, bytes: decodeBase64(bytes.base64) });
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [document.id, fileId]);

  if (!file) {
    return (
      <section className="file-viewer" aria-label="Tệp gốc">
        <p className="viewer-message">Văn bản này không có tệp đính kèm (nhập từ bản giấy).</p>
      </section>
    );
  }
  const current = loaded?.fileId === file.id ? loaded : null;
  return (
    <section className="file-viewer" aria-label="Tệp gốc" data-testid="file-viewer">
      <div className="file-viewer-bar">
        {document.files.length > 1 ? (
          <select className="input file-viewer-select" aria-label="Tệp đang xem" value={file.id} onChange={(e) => setFileId(Number(e.target.value))}>
            {document.files.map((f) => (
              <option key={f.id} value={f.id}>
                {fileRoleLabel(f.role)}: {f.fileName}
              </option>
            ))}
          </select>
        ) : (
          <span className="file-viewer-name" title={file.displayPath}>
            {file.fileName}
          </span>
        )}
        <button
          type="button"
          className="button"
          title="Lưu tệp gốc (không thay đổi) về máy để mở bằng chương trình khác"
          disabled={!current}
          onClick={() => current && downloadFile(current.file)}
        >
          <DownloadIcon />
          Mở tệp gốc
        </button>
      </div>
      <div className="file-viewer-body">
        {error ? (
          <Notice tone="error">{error}</Notice>
        ) : current ? (
          <FilePreview key={file.id} loaded={current} file={file} />
        ) : (
          <p className="viewer-message">Đang tải tệp gốc…</p>
        )}
      </div>
    </section>
  );
}
