import { useEffect, useState, type ReactNode } from 'react';
import type { ApiOutput } from '../../../shared/api';
import type { Page } from '../../../shared/domain/paging';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useAppState } from '../app/app-context';
import { useToast } from '../app/toasts';
import { downloadFile } from './download-file';
import { ExportIcon, PrintIcon } from './icons';
import { Notice } from './Notice';
import { usePagedRows } from './use-paged-rows';
import { YearSelect } from './YearSelect';

type RegisterKind = 'outgoing' | 'incoming';
type RegisterRow<K extends RegisterKind> = ApiOutput<`register.${K}`>['items'][number];

function loadRegister<K extends RegisterKind>(kind: K, year: number, offset: number, limit: number | null): Promise<Page<RegisterRow<K>>> {
  return (kind === 'outgoing' ? api.call('register.outgoing', { year, offset, limit }) : api.call('register.incoming', { year, offset, limit })) as Promise<
    Page<RegisterRow<K>>
  >;
}

/**
 * The rows of a register for a year, a page at a time as the table scrolls, loaded again when
 * `version` changes; its Excel export; and printing, which first loads every row of the year so
 * that the printed book is whole.
 */
export function useRegister<K extends RegisterKind>(kind: K, year: number, version: number) {
  const showToast = useToast();
  const { rows, error, request, loadAll } = usePagedRows((offset, limit) => loadRegister(kind, year, offset, limit), `${kind}/${year}/${version}`);
  const [exporting, setExporting] = useState(false);
  const [printing, setPrinting] = useState(false);

  // Every row is drawn now: print, and go back to drawing the rows in view when the dialog closes.
  useEffect(() => {
    if (!printing) return;
    const done = (): void => setPrinting(false);
    window.addEventListener('afterprint', done);
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);

  const print = async (): Promise<void> => {
    try {
      await loadAll();
      setPrinting(true);
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    }
  };

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

  return { rows, error, request, exporting, exportXlsx, printing, print: () => void print() };
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
  /** Prints the whole year (useRegister's `print`). */
  onPrint(): void;
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
  onPrint,
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
          <button type="button" className="button" title="In sổ khổ A4 ngang (Ctrl+P)" onClick={onPrint}>
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
