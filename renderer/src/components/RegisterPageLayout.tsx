import { useEffect, useState, type ReactNode } from 'react';
import type { ApiOutput } from '../../../shared/api';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useAppState } from '../app/app-context';
import { useToast } from '../app/toasts';
import { downloadFile } from './download-file';
import { ExportIcon, PrintIcon } from './icons';
import { Notice } from './Notice';
import { YearSelect } from './YearSelect';

type RegisterKind = 'outgoing' | 'incoming';
type RegisterRows<K extends RegisterKind> = ApiOutput<`register.${K}`>;

function loadRegister<K extends RegisterKind>(kind: K, year: number): Promise<RegisterRows<K>> {
  return (kind === 'outgoing' ? api.call('register.outgoing', { year }) : api.call('register.incoming', { year })) as Promise<RegisterRows<K>>;
}

/** The rows of a register for a year, loaded again when `version` changes; and its Excel export. */
export function useRegister<K extends RegisterKind>(kind: K, year: number, version: number) {
  const showToast = useToast();
  const [rows, setRows] = useState<RegisterRows<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let stale = false;
    loadRegister(kind, year).then(
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
  }, [kind, year, version]);

  const exportXlsx = async (): Promise<void> => {
    setExporting(true);
    try {
      const file = await api.call(kind === 'outgoing' ? 'register.outgoingXlsx' : 'register.incomingXlsx', { year });
      downloadFile(file);
      showToast({ message: `Đã xuất sổ văn bản ${kind === 'outgoing' ? 'đi' : 'đến'} năm ${year} ra tệp ${file.fileName}.` });
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  return { rows, error, exporting, exportXlsx };
}

interface RegisterPageLayoutProps {
  /** "đi" or "đến": names the page, the printed heading and the loading line. */
  direction: 'đi' | 'đến';
  className?: string;
  yearSelectId: string;
  years: number[];
  year: number;
  onYearChange(year: number): void;
  /** Buttons before "Xuất Excel" and "In". */
  toolbarStart?: ReactNode;
  exporting: boolean;
  onExport(): void;
  error: string | null;
  loading: boolean;
  /** The sentence shown when the year has no entries; `children` (the table) otherwise. */
  empty: ReactNode | null;
  children: ReactNode;
  /** A dialog opened from the page. */
  dialog?: ReactNode;
}

/** The page around a register book: the year, Excel and print; the printed heading with the agency's name. */
export function RegisterPageLayout({
  direction,
  className,
  yearSelectId,
  years,
  year,
  onYearChange,
  toolbarStart,
  exporting,
  onExport,
  error,
  loading,
  empty,
  children,
  dialog,
}: RegisterPageLayoutProps) {
  const { profile } = useAppState();
  return (
    <div className={`page page-fixed-header register-page${className ? ` ${className}` : ''}`}>
      <header className="page-header">
        <h1 className="page-title">Sổ văn bản {direction}</h1>
        <div className="toolbar">
          <label className="inline-label" htmlFor={yearSelectId}>
            Năm
          </label>
          <YearSelect id={yearSelectId} years={years} value={year} onChange={(y) => y !== null && onYearChange(y)} />
          {toolbarStart}
          <button type="button" className="button" disabled={exporting} aria-busy={exporting} onClick={onExport}>
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
        <h2>SỔ ĐĂNG KÝ VĂN BẢN {direction.toLocaleUpperCase('vi')}</h2>
        <p>Năm {year}</p>
      </div>

      <div className="table-scroll register-table-scroll">
        {loading ? <p className="empty-state">Đang tải sổ văn bản {direction}…</p> : empty ? <p className="empty-state">{empty}</p> : children}
      </div>

      {dialog}
    </div>
  );
}
