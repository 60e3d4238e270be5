import { useRef, useState, type KeyboardEvent } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useAppState } from '../../app/app-context';
import { navigate } from '../../app/routes';
import { useToast } from '../../app/toasts';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { PlusIcon } from '../../components/icons';
import { SearchBox } from '../../components/SearchBox';
import { Notice } from '../../components/Notice';
import { YearSelect } from '../../components/YearSelect';
import { DispatchesTable } from './DispatchesTable';
import { lastDepartment } from './department-memory';
import { useDispatchList } from './use-dispatch-list';
import { useDispatchYears } from './use-dispatch-years';
import { ProfileMissingNotice } from '../../components/ProfileMissingNotice';

const SEARCH_DEBOUNCE_MS = 200;

/** "Văn bản đi": drafts first, then what was issued or voided; search, a year filter, and "Soạn công văn". */
export function DispatchesPage() {
  const { info, profile } = useAppState();
  const showToast = useToast();
  const thisYear = Number(info.today.slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableAreaRef = useRef<HTMLDivElement>(null);
  const searched = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const { rows: dispatches, error, request } = useDispatchList(year, searched);
  const years = useDispatchYears(thisYear);

  const compose = async (): Promise<void> => {
    if (creating || !profile) return;
    setCreating(true);
    try {
      const signer = profile.signers[0];
      const draft = await api.call('dispatches.createDraft', {
        departmentCode: profile.departments.some((d) => d.code === lastDepartment()) ? lastDepartment() : '',
        signer: signer ? { name: signer.name, title: signer.title, authority: signer.authority } : null,
      });
      navigate('dispatches', draft.id);
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
      setCreating(false);
    }
  };

  const focusSearch = (): void => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  useKeyboardShortcut('n', () => void compose());
  useKeyboardShortcut('f', focusSearch);
  useKeyboardShortcut('k', focusSearch);

  const open = (d: Dispatch): void => navigate('dispatches', d.id);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      tableAreaRef.current?.querySelector<HTMLElement>('tr[tabindex="0"]')?.focus();
    }
  };

  return (
    <div className="page page-fixed-header dispatches-page">
      <header className="page-header">
        <h1 className="page-title">Văn bản đi</h1>
        <div className="toolbar">
          <button type="button" className="button button-primary" title="Soạn công văn mới (Ctrl+N)" disabled={!profile || creating} aria-busy={creating} onClick={() => void compose()}>
            <PlusIcon />
            Soạn công văn
          </button>
        </div>
      </header>

      {!profile && (
        <ProfileMissingNotice />
      )}

      <div className="list-filter-bar">
        <SearchBox
          ref={searchRef}
          id="dispatches-search"
          label="Tìm văn bản đi"
          placeholder="Tìm theo trích yếu, nơi nhận, nội dung…"
          testId="dispatches-search"
          value={query}
          onChange={setQuery}
          onKeyDown={onSearchKeyDown}
        />
        <label className="inline-label" htmlFor="dispatches-year">
          Năm
        </label>
        <YearSelect id="dispatches-year" years={years} value={year} onChange={setYear} allLabel="Tất cả các năm" />
        <span className="list-result-count" aria-live="polite">
          {dispatches && `${dispatches.length} văn bản`}
        </span>
      </div>

      {error && <Notice tone="error">{error}</Notice>}

      <div className="table-scroll list-table-scroll" ref={tableAreaRef}>
        {dispatches === null ? (
          <p className="empty-state">Đang tải danh sách văn bản đi…</p>
        ) : dispatches.length === 0 ? (
          <p className="empty-state">{emptyText(searched, year)}</p>
        ) : (
          <DispatchesTable dispatches={dispatches} onRowsNeeded={request} selectedId={selectedId} onSelect={setSelectedId} onOpen={open} />
        )}
      </div>
    </div>
  );
}

function emptyText(query: string, year: number | null): string {
  const when = year === null ? '' : ` trong năm ${year}`;
  if (query) return `Không có văn bản đi nào${when} khớp với “${query}”. Hãy thử từ khóa ngắn hơn (có thể gõ không dấu).`;
  return `Chưa có văn bản đi nào${when}. Bấm “Soạn công văn” (Ctrl+N) để soạn văn bản đầu tiên.`;
}
