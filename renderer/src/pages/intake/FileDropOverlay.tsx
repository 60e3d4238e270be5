import { useEffect, useRef, useState } from 'react';
import { navigate } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { ImportIcon } from '../../components/icons';
import { entriesOfDrop } from './dropped-files';
import { useImportSession } from './ImportSessionProvider';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** A modal dialog is open: a drop must not take the clerk away from what they are typing. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * Files and folders dragged over any screen: an overlay says where they go, and dropping them
 * queues them for import and shows the import screen.
 */
export function FileDropOverlay() {
  const { enqueue, receivedDateText } = useImportSession();
  const showToast = useToast();
  const [visible, setVisible] = useState(false);
  const depth = useRef(0);
  const enqueueRef = useRef(enqueue);
  useEffect(() => {
    enqueueRef.current = enqueue;
  });

  useEffect(() => {
    const onDragEnter = (event: DragEvent): void => {
      if (!carriesFiles(event) || dialogOpen()) return;
      depth.current += 1;
      setVisible(true);
    };
    const onDragLeave = (event: DragEvent): void => {
      if (!carriesFiles(event) || depth.current === 0) return;
      depth.current -= 1;
      // Leaving the window: whatever the count of nested enters and leaves says, the drag is gone.
      const outside = event.clientX <= 0 || event.clientY <= 0 || event.clientX >= window.innerWidth || event.clientY >= window.innerHeight;
      if (outside) depth.current = 0;
      if (depth.current === 0) setVisible(false);
    };
    const onDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file in place of the application.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = dialogOpen() ? 'none' : 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      depth.current = 0;
      setVisible(false);
      if (dialogOpen()) return;
      entriesOfDrop(event.dataTransfer).then(
        (entries) => {
          if (entries.length === 0) {
            showToast({ tone: 'error', message: 'Không có tệp nào để nhập trong những gì vừa thả.' });
          } else if (!enqueueRef.current(entries)) {
            showToast({ tone: 'error', message: 'Ngày nhận không hợp lệ: hãy sửa ô “Ngày nhận” (dd/mm/yyyy) rồi thả lại tệp.' });
          }
          navigate('intake');
        },
        () => showToast({ tone: 'error', message: 'Không đọc được các tệp vừa thả. Hãy chọn tệp bằng nút “Chọn tệp…” (Ctrl+O).' }),
      );
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [showToast]);

  if (!visible) return null;
  return (
    <div className="file-drop-overlay" data-testid="file-drop-overlay">
      <div className="file-drop-card">
        <ImportIcon />
        <p className="file-drop-title">Thả tệp vào đây để nhập văn bản đến</p>
        <p className="file-drop-detail">
          Thư điện tử (.eml, .msg), văn bản (.pdf, .docx, .doc, .xlsx), tệp nén .zip hoặc cả thư mục.
          {receivedDateText.trim() ? ` Ngày nhận: ${receivedDateText.trim()}.` : ' Ngày nhận: ngày của thư điện tử, nếu không có thì hôm nay.'}
        </p>
      </div>
    </div>
  );
}
