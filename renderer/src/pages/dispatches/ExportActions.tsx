import { useState } from 'react';
import type { FileBytes } from '../../../../shared/api';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { downloadFile } from '../../components/download-file';
import { DownloadIcon, PrintIcon } from '../../components/icons';
import { MenuButton } from '../../components/MenuButton';

interface ExportActionsProps {
  dispatchId: number;
  /** True when the dispatch has a number: then a copy with the number left blank is worth offering. */
  numbered: boolean;
  /** Saves what is still unsaved first, so that the file has what the clerk sees; false when that failed. */
  beforeExport(): Promise<boolean>;
}

/** "Xuất tệp" (.docx, .docx with a blank number, PDF, e-mail draft) and "In" (the preview, A4). */
export function ExportActions({ dispatchId, numbered, beforeExport }: ExportActionsProps) {
  const showToast = useToast();
  const [busy, setBusy] = useState(false);

  const run = async (make: () => Promise<FileBytes>): Promise<void> => {
    setBusy(true);
    try {
      if (!(await beforeExport())) {
        showToast({ tone: 'error', message: 'Chưa lưu được dự thảo nên chưa xuất tệp. Hãy xem lý do ở đầu trang.' });
        return;
      }
      const file = await make();
      downloadFile(file);
      showToast({ message: `Đã tạo tệp ${file.fileName}.` });
    } catch (error) {
      showToast({ tone: 'error', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const print = async (): Promise<void> => {
    if (await beforeExport()) window.print();
  };
  useKeyboardShortcut('p', () => void print());

  return (
    <>
      <MenuButton
        label={
          <>
            <DownloadIcon />
            Xuất tệp
          </>
        }
        busy={busy}
        items={[
          { label: 'Tải .docx', title: 'Văn bản Word để in, ký và đóng dấu', onSelect: () => void run(() => api.call('dispatches.renderDocx', { id: dispatchId })) },
          ...(numbered
            ? [
                {
                  label: 'Tải .docx (để trống số)',
                  title: 'Bản Word chừa chỗ viết số bằng tay',
                  onSelect: () => void run(() => api.call('dispatches.renderDocx', { id: dispatchId, blankNumber: true })),
                },
              ]
            : []),
          { label: 'Tải PDF', title: 'Bản PDF khổ A4, giống bản xem trước', onSelect: () => void run(() => api.call('dispatches.renderPdf', { id: dispatchId })) },
          {
            label: 'Tạo email (.eml)',
            title: 'Thư nháp gửi các đơn vị, đính kèm bản PDF và .docx; mở bằng Outlook hoặc Thunderbird để gửi',
            onSelect: () => void run(() => api.call('dispatches.emailDraft', { id: dispatchId })),
          },
        ]}
      />
      <button type="button" className="button" title="In văn bản khổ A4 (Ctrl+P)" onClick={() => void print()}>
        <PrintIcon />
        In
      </button>
    </>
  );
}
