import { useRef, useState, type KeyboardEvent } from 'react';
import type { Unit, UnitImportResult } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useAppState } from '../../app/app-context';
import { useToast } from '../../app/toasts';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useKeyboardShortcut } from '../../app/use-keyboard-shortcut';
import { PlusIcon } from '../../components/icons';
import { SearchBox } from '../../components/SearchBox';
import { Notice } from '../../components/Notice';
import { ExcelTransferButtons } from './ExcelTransferButtons';
import { GroupFilterList } from './GroupFilterList';
import { GroupsDialog } from './GroupsDialog';
import { ImportResultDialog } from './ImportResultDialog';
import { UnitFormDialog, type UnitRemoval } from './UnitFormDialog';
import { countByGroup, filterByGroup, sectionsByGroup, type GroupFilter } from './units-by-group';
import { UnitsTable } from './UnitsTable';
import { useUnitsData } from './use-units-data';
import { ProfileMissingNotice } from '../../components/ProfileMissingNotice';

type UnitsDialog =
  | { kind: 'create' }
  | { kind: 'edit'; unit: Unit }
  | { kind: 'groups' }
  | { kind: 'import-result'; fileName: string; result: UnitImportResult };

const SEARCH_DEBOUNCE_MS = 150;

/** "Đơn vị nhận": the directory of recipient units, by group, with search, editing and Excel import/export. */
export function UnitsPage() {
  const { info, profile } = useAppState();
  const showToast = useToast();
  const [query, setQuery] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [groupFilter, setGroupFilter] = useState<GroupFilter>('all');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<UnitsDialog | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableAreaRef = useRef<HTMLDivElement>(null);

  const searchedQuery = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const { units, groups, error, reload } = useUnitsData(searchedQuery, includeInactive);

  const allUnits = units ?? [];
  const visibleUnits = filterByGroup(allUnits, groupFilter, groups);
  const sections = sectionsByGroup(visibleUnits, groups);
  const counts = countByGroup(allUnits, groups);

  const focusSearch = (): void => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  useKeyboardShortcut('f', focusSearch, dialog === null);
  useKeyboardShortcut('k', focusSearch, dialog === null);
  useKeyboardShortcut('n', () => setDialog({ kind: 'create' }), dialog === null);

  /** Closes the dialog and puts the keyboard back on the selected row. */
  const closeDialog = (): void => {
    setDialog(null);
    window.requestAnimationFrame(() => {
      const area = tableAreaRef.current;
      const row = area?.querySelector<HTMLElement>('tr[aria-selected="true"]') ?? area?.querySelector<HTMLElement>('tr[tabindex="0"]');
      row?.focus();
    });
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      tableAreaRef.current?.querySelector<HTMLElement>('tr[tabindex="0"]')?.focus();
    }
  };

  const reactivate = async (unit: Unit): Promise<void> => {
    try {
      await api.call('units.setActive', { id: unit.id, active: true });
      reload();
      showToast({ message: `Đã kích hoạt lại ${unit.name}.` });
    } catch (e) {
      showToast({ tone: 'error', message: errorMessage(e) });
    }
  };

  const onSaved = (unit: Unit, created: boolean): void => {
    setSelectedId(unit.id);
    closeDialog();
    reload();
    showToast({ message: created ? `Đã thêm đơn vị ${unit.name}.` : `Đã lưu đơn vị ${unit.name}.` });
  };

  const onActiveChanged = (unit: Unit): void => {
    closeDialog();
    reload();
    if (unit.active) {
      showToast({ message: `Đã kích hoạt lại ${unit.name}.` });
    } else {
      showToast({ message: `Đã ngừng hoạt động ${unit.name}.`, action: { label: 'Hoàn tác', run: () => void reactivate(unit) } });
    }
  };

  const onRemoved = (removal: UnitRemoval, name: string): void => {
    closeDialog();
    reload();
    showToast({
      message:
        removal.outcome === 'deleted'
          ? `Đã xóa đơn vị ${name}.`
          : `Đơn vị ${name} đang được tham chiếu nên đã chuyển sang ngừng hoạt động.`,
    });
  };

  const onImported = (fileName: string, result: UnitImportResult): void => {
    if (result.imported) reload();
    setDialog({ kind: 'import-result', fileName, result });
  };

  return (
    <div className="page page-fixed-header units-page">
      <header className="page-header">
        <h1 className="page-title">Đơn vị nhận</h1>
        <div className="toolbar">
          <button type="button" className="button button-primary" title="Ctrl+N" onClick={() => setDialog({ kind: 'create' })}>
            <PlusIcon />
            Thêm đơn vị
          </button>
          <ExcelTransferButtons onImported={onImported} />
        </div>
      </header>

      {!profile && (
        <ProfileMissingNotice />
      )}

      <div className="units-layout">
        <GroupFilterList
          groups={groups}
          counts={counts}
          value={groupFilter}
          onChange={setGroupFilter}
          onManageGroups={() => setDialog({ kind: 'groups' })}
        />

        <section className="units-main" aria-label="Danh sách đơn vị">
          <div className="units-filter-bar">
            <SearchBox
              ref={searchRef}
              id="units-search"
              label="Tìm đơn vị"
              placeholder="Tìm theo tên, tên gọi khác, email…"
              testId="units-search"
              value={query}
              onChange={setQuery}
              onKeyDown={onSearchKeyDown}
            />
            <label className="checkbox">
              <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
              <span>Hiện cả đơn vị ngừng hoạt động</span>
            </label>
            <span className="units-result-count" aria-live="polite">
              {units && `${visibleUnits.length} đơn vị`}
            </span>
          </div>

          {error && <Notice tone="error">{error}</Notice>}

          <div className="table-scroll units-table-scroll" ref={tableAreaRef}>
            {units === null ? (
              <p className="empty-state">Đang tải danh sách đơn vị…</p>
            ) : visibleUnits.length === 0 ? (
              <p className="empty-state">{emptyText(searchedQuery, includeInactive, groupFilter, allUnits.length)}</p>
            ) : (
              <UnitsTable
                sections={sections}
                selectedId={selectedId}
                today={info.today}
                onSelect={setSelectedId}
                onOpen={(unit) => setDialog({ kind: 'edit', unit })}
              />
            )}
          </div>
        </section>
      </div>

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UnitFormDialog
          unit={dialog.kind === 'edit' ? dialog.unit : undefined}
          groups={groups}
          defaultGroupId={typeof groupFilter === 'number' ? groupFilter : null}
          onClose={closeDialog}
          onSaved={onSaved}
          onActiveChanged={onActiveChanged}
          onRemoved={onRemoved}
        />
      )}
      {dialog?.kind === 'groups' && <GroupsDialog groups={groups} onChanged={reload} onClose={closeDialog} />}
      {dialog?.kind === 'import-result' && <ImportResultDialog fileName={dialog.fileName} result={dialog.result} onClose={closeDialog} />}
    </div>
  );
}

/** The sentence shown instead of an empty table: why it is empty and what to do. */
function emptyText(query: string, includeInactive: boolean, groupFilter: GroupFilter, matchingInAllGroups: number): string {
  const inactiveHint = includeInactive ? '' : ' Đơn vị ngừng hoạt động đang được ẩn: chọn “Hiện cả đơn vị ngừng hoạt động” để xem cả chúng.';
  if (query) {
    if (groupFilter !== 'all' && matchingInAllGroups > 0) {
      return `Nhóm này không có đơn vị nào khớp với “${query}”, nhưng các nhóm khác có ${matchingInAllGroups} đơn vị: chọn “Tất cả” để xem.`;
    }
    return `Không tìm thấy đơn vị nào khớp với “${query}”. Hãy thử từ khóa ngắn hơn (có thể gõ không dấu, ví dụ “kien luong”).${inactiveHint}`;
  }
  if (groupFilter !== 'all') return `Nhóm này chưa có đơn vị nào. Bấm “Thêm đơn vị” để thêm đơn vị vào nhóm.${inactiveHint}`;
  return `Chưa có đơn vị nhận nào${includeInactive ? '' : ' đang hoạt động'}. Bấm “Thêm đơn vị” để thêm từng đơn vị, hoặc “Nhập từ Excel…” để nhập cả danh sách từ tệp Excel.`;
}
