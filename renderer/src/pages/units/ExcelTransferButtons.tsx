import { useRef, useState, type ChangeEvent } from 'react';
import type { UnitImportResult } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useToast } from '../../app/toasts';
import { ExportIcon, ImportIcon } from '../../components/icons';
import { readFileBytes } from '../../components/read-file-bytes';
import { downloadFile } from '../../components/download-file';

interface ExcelTransferButtonsProps {
  onImported(fileName: string, result: UnitImportResult): void;
}

/** "Nhập từ Excel…" (choose a .xlsx, send its bytes) and "Xuất Excel" (save the bytes the core returns). */
export function ExcelTransferButtons({ onImported }: ExcelTransferButtonsProps) {
  const showToast = useToast();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy('import');
    try {
      const bytes = await readFileBytes(file);
      onImported(file.name, await api.call('units.importXlsx', bytes));
    } catch (error) {
      showToast({ tone: 'error', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const exportFile = async (): Promise<void> => {
    setBusy('export');
    try {
      const file = await api.call('units.exportXlsx', {});
      downloadFile(file);
      showToast({ message: `Đã xuất danh sách đơn vị ra tệp ${file.fileName}.` });
    } catch (error) {
      showToast({ tone: 'error', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <button type="button" className="button" disabled={busy !== null} aria-busy={busy === 'import'} onClick={() => fileInput.current?.click()}>
        <ImportIcon />
        Nhập từ Excel…
      </button>
      <input
        ref={fileInput}
        type="file"
        hidden
        aria-label="Nhập từ Excel…"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => void importFile(e)}
      />
      <button type="button" className="button" disabled={busy !== null} aria-busy={busy === 'export'} onClick={() => void exportFile()}>
        <ExportIcon />
        Xuất Excel
      </button>
    </>
  );
}
