import { useEffect, useState } from 'react';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useAppState } from '../../app/app-context';
import { navigate } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { downloadFile } from '../../components/download-file';
import { ExportIcon, PlusIcon, PrintIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { YearSelect } from '../../components/YearSelect';
import { useReviewCount } from '../intake/ImportSessionProvider';
import { arrivalLabel } from './incoming-text';
import { IncomingRegisterTable, type IncomingRegisterRow } from './IncomingRegisterTable';
import { PaperDocumentDialog } from './PaperDocumentDialog';
import { rememberedRegisterYear, rememberRegisterYear, useIncomingYears } from './use-incoming-years';

/** "Sổ văn bản đến": the incoming register of a year with the decree's ten columns; Excel, print, and documents received on paper. */
export function IncomingRegisterPage() {
  const { info, profile } = useAppState();
  const showToast = useToast();
  const { refresh: refreshReviewCount } = useReviewCount();
  const thisYear = Number(info.today.slice(0, 4));
  const [version, setVersion] = useState(0);
  const years = useIncomingYears(thisYear, version);
  const [year, setYear] = useState(() => rememberedRegisterYear() ?? thisYear);
  const [rows, setRows] = useState<IncomingRegisterRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const [addingPaper, setAddingPaper] = useState(false);

  useEffect(() => {
    rememberRegisterYear(year);
    let stale = false;
    api.call('register.incoming', { year }).then(
      (result) => {
        if (stale) return;
        setRows(result);
        setError(null);
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [year, version]);

  useKeyboardShortcut('p', () => window.print(), !addingPaper);
  useKeyboardShortcut('n', () => setAddingPaper(true), !addingPaper);

  const exportXlsx = async (): Promise<void> => {
    setExporting(true);
    try {
      const file = await api.call('register.incomingXlsx', { year });
      downloadFile(file);
      showToast({ message: `Đã xuất sổ văn bản đến năm ${year} ra tệp ${file.fileName}.` });
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  const onPaperRegistered = (document: IncomingDocument): void => {
    setAddingPaper(false);
    setYear(document.arrivalYear);
    setSelectedId(document.id);
    setVersion((v) => v + 1);
    refreshReviewCount();
    showToast({ message: `Đã vào sổ văn bản đến số ${arrivalLabel(document.arrivalNumber, document.arrivalYear)}.` });
  };

  return (
    <div className="page page-fixed-header register-page incoming-register-page">
      <header className="page-header">
        <h1 className="page-title">Sổ văn bản đến</h1>
        <div className="toolbar">
          <label className="inline-label" htmlFor="incoming-register-year">
            Năm
          </label>
          <YearSelect id="incoming-register-year" years={years} value={year} onChange={(y) => y !== null && setYear(y)} />
          <button type="button" className="button" title="Vào sổ một văn bản nhận bản giấy (Ctrl+N)" onClick={() => setAddingPaper(true)}>
            <PlusIcon />
            Nhập văn bản giấy…
          </button>
          <button type="button" className="button" disabled={exporting} aria-busy={exporting} onClick={() => void exportXlsx()}>
            <ExportIcon />
            Xuất Excel
          </button>
          <button type="button" className="button" title="In sổ khổ A4 ngang (Ctrl+P)" onClick={() => window.print()}>
            <PrintIcon />
            In
          </button>
        </div>
      </header>

      {error && <Notice tone="error">{error}</Notice>}

      <div className="register-print-heading" aria-hidden="true">
        <p>{profile?.agencyName.toLocaleUpperCase('vi')}</p>
        <h2>SỔ ĐĂNG KÝ VĂN BẢN ĐẾN</h2>
        <p>Năm {year}</p>
      </div>

      <div className="table-scroll register-table-scroll">
        {rows === null ? (
          <p className="empty-state">Đang tải sổ văn bản đến…</p>
        ) : rows.length === 0 ? (
          <p className="empty-state">
            Năm {year} chưa có văn bản đến nào. Văn bản vào sổ khi được nhập ở màn hình “Nhập văn bản đến” (hoặc kéo thả tệp vào cửa sổ); văn bản nhận
            bản giấy thì bấm “Nhập văn bản giấy…”.
          </p>
        ) : (
          <IncomingRegisterTable rows={rows} selectedId={selectedId} onSelect={setSelectedId} onOpen={(row) => navigate('incoming', row.documentId)} />
        )}
      </div>

      {addingPaper && <PaperDocumentDialog onClose={() => setAddingPaper(false)} onRegistered={onPaperRegistered} />}
    </div>
  );
}
