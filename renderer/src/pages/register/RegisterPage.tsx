import { useEffect, useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useAppState } from '../../app/app-context';
import { navigate } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { downloadFile } from '../../components/download-file';
import { ExportIcon, PrintIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { YearSelect } from '../../components/YearSelect';
import { useDispatchYears } from '../dispatches/use-dispatch-years';
import { RegisterFieldsDialog } from './RegisterFieldsDialog';
import { RegisterTable, type RegisterRow } from './RegisterTable';

/** "Sổ văn bản đi": the outgoing register of a year with the decree's ten columns; Excel and print. */
export function RegisterPage() {
  const { info, profile } = useAppState();
  const showToast = useToast();
  const thisYear = Number(info.today.slice(0, 4));
  const years = useDispatchYears(thisYear);
  const [year, setYear] = useState(thisYear);
  const [rows, setRows] = useState<RegisterRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Dispatch | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let stale = false;
    api.call('register.outgoing', { year }).then(
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

  useKeyboardShortcut('p', () => window.print());

  const exportXlsx = async (): Promise<void> => {
    setExporting(true);
    try {
      const file = await api.call('register.outgoingXlsx', { year });
      downloadFile(file);
      showToast({ message: `Đã xuất sổ văn bản đi năm ${year} ra tệp ${file.fileName}.` });
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  const editFields = async (row: RegisterRow): Promise<void> => {
    try {
      setEditing(await api.call('dispatches.get', { id: row.dispatchId }));
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    }
  };

  return (
    <div className="page page-fixed-header register-page">
      <header className="page-header">
        <h1 className="page-title">Sổ văn bản đi</h1>
        <div className="toolbar">
          <label className="inline-label" htmlFor="register-year">
            Năm
          </label>
          <YearSelect id="register-year" years={years} value={year} onChange={(y) => y !== null && setYear(y)} />
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
        <h2>SỔ ĐĂNG KÝ VĂN BẢN ĐI</h2>
        <p>Năm {year}</p>
      </div>

      <div className="table-scroll register-table-scroll">
        {rows === null ? (
          <p className="empty-state">Đang tải sổ văn bản đi…</p>
        ) : rows.length === 0 ? (
          <p className="empty-state">Năm {year} chưa có văn bản đi nào được ban hành. Văn bản vào sổ khi bấm “Ban hành…” trong trình soạn công văn.</p>
        ) : (
          <RegisterTable
            rows={rows}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onOpen={(row) => navigate('dispatches', row.dispatchId)}
            onEditFields={(row) => void editFields(row)}
          />
        )}
      </div>

      {editing && (
        <RegisterFieldsDialog
          dispatch={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setVersion((v) => v + 1);
            showToast({ message: 'Đã lưu thông tin sổ văn bản đi.' });
          }}
        />
      )}
    </div>
  );
}
