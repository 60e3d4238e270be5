import type { SearchKind, SearchStatus } from '../../../shared/domain/search';
import { YearSelect } from '../components/YearSelect';

/** The filters of the global search as the dialog holds them: a unit and a dispatch keep their names for the chips. */
export interface DialogFilters {
  type: SearchKind | null;
  year: number | null;
  status: SearchStatus | null;
  unit: { id: number; name: string } | null;
  dispatch: { id: number; label: string } | null;
}

export const NO_FILTERS: DialogFilters = { type: null, year: null, status: null, unit: null, dispatch: null };

const KINDS: { kind: SearchKind | null; label: string }[] = [
  { kind: null, label: 'Tất cả' },
  { kind: 'incoming', label: 'Văn bản đến' },
  { kind: 'dispatch', label: 'Văn bản đi' },
  { kind: 'unit', label: 'Đơn vị' },
  { kind: 'file', label: 'Tệp' },
];

const STATUSES: { status: SearchStatus; label: string }[] = [
  { status: 'registered', label: 'Đã vào sổ' },
  { status: 'needs_review', label: 'Chờ xác nhận' },
  { status: 'draft', label: 'Dự thảo' },
  { status: 'issued', label: 'Đã ban hành' },
  { status: 'voided', label: 'Đã hủy' },
];

interface SearchFilterBarProps {
  filters: DialogFilters;
  onChange(filters: DialogFilters): void;
  /** Years that have documents, newest first. */
  years: number[];
  units: { id: number; name: string }[];
}

/** What to look in (chips), and the year, status, unit and dispatch to narrow to. */
export function SearchFilterBar({ filters, onChange, years, units }: SearchFilterBarProps) {
  const set = (change: Partial<DialogFilters>): void => onChange({ ...filters, ...change });
  return (
    <div className="global-search-filters">
      <div className="global-search-kinds" role="group" aria-label="Tìm trong">
        {KINDS.map(({ kind, label }) => (
          <button key={label} type="button" className="chip" aria-pressed={filters.type === kind} onClick={() => set({ type: kind })}>
            {label}
          </button>
        ))}
      </div>
      <label className="visually-hidden" htmlFor="global-search-year">
        Năm
      </label>
      <YearSelect id="global-search-year" years={years} value={filters.year} onChange={(year) => set({ year })} allLabel="Mọi năm" />
      <select
        className="input"
        aria-label="Trạng thái"
        value={filters.status ?? ''}
        onChange={(e) => set({ status: e.target.value === '' ? null : (e.target.value as SearchStatus) })}
      >
        <option value="">Mọi trạng thái</option>
        {STATUSES.map(({ status, label }) => (
          <option key={status} value={status}>
            {label}
          </option>
        ))}
      </select>
      <select
        className="input global-search-unit"
        aria-label="Đơn vị"
        value={filters.unit?.id ?? ''}
        onChange={(e) => set({ unit: units.find((u) => u.id === Number(e.target.value)) ?? null })}
      >
        <option value="">Mọi đơn vị</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      {filters.dispatch && (
        <button type="button" className="chip" aria-pressed="true" title="Bỏ lọc theo văn bản đi này" onClick={() => set({ dispatch: null })}>
          Trả lời {filters.dispatch.label} ×
        </button>
      )}
    </div>
  );
}
