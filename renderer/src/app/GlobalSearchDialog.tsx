import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ApiOutput } from '../../../shared/api';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { Dialog } from '../components/Dialog';
import { navigate } from './routes';
import { NO_FILTERS, SearchFilterBar, type DialogFilters } from './SearchFilterBar';

type SearchResult = ApiOutput<'search.query'>[number];
type Kind = SearchResult['kind'];

const GROUPS: { kind: Kind; heading: string }[] = [
  { kind: 'incoming', heading: 'Văn bản đến' },
  { kind: 'dispatch', heading: 'Văn bản đi' },
  { kind: 'unit', heading: 'Đơn vị' },
  { kind: 'file', heading: 'Tệp' },
];

const DEBOUNCE_MS = 200;

/** The snippet text with each highlighted range wrapped in <mark>; overlapping or out-of-range offsets are clamped. */
export function highlightedSnippet(text: string, highlights: [number, number][]): ReactNode[] {
  const parts: ReactNode[] = [];
  let position = 0;
  const ranges = [...highlights].sort((a, b) => a[0] - b[0]);
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.max(position, Math.min(rawStart, text.length));
    const end = Math.max(start, Math.min(rawEnd, text.length));
    if (end <= start) continue;
    if (start > position) parts.push(text.slice(position, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    position = end;
  }
  if (position < text.length) parts.push(text.slice(position));
  return parts;
}

function openResult(result: SearchResult): void {
  if (result.kind === 'incoming') navigate('incoming', result.id);
  else if (result.kind === 'file' && result.documentId !== null) navigate('incoming', result.documentId);
  else if (result.kind === 'dispatch') navigate('dispatches', result.id);
  else navigate('units');
}

/** A unit or a dispatch found becomes a filter: what that unit sent, what answers that dispatch. */
function filterFor(result: SearchResult): Partial<DialogFilters> | null {
  if (result.kind === 'unit') return { unit: { id: result.id, name: result.title } };
  if (result.kind === 'dispatch') return { dispatch: { id: result.id, label: result.subtitle.replace(/^Văn bản đi /, '') }, type: null };
  return null;
}

/** The years and units the filters offer, asked for once when the dialog opens. */
function useFilterChoices() {
  const [choices, setChoices] = useState<{ years: number[]; units: { id: number; name: string }[] }>({ years: [], units: [] });
  useEffect(() => {
    let current = true;
    Promise.all([api.call('incoming.years', {}), api.call('dispatches.years', {}), api.call('units.list', { includeInactive: true })]).then(
      ([incoming, outgoing, units]) => {
        if (!current) return;
        const years = [...new Set([...incoming, ...outgoing])].sort((a, b) => b - a);
        setChoices({ years, units: units.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name, 'vi')) });
      },
      () => undefined, // the filters are a convenience: searching still works without them
    );
    return () => {
      current = false;
    };
  }, []);
  return choices;
}

/**
 * One search over received documents, dispatches, units and file names (Ctrl+K), narrowed by the
 * filters under the box; Enter opens the chosen result, Alt+Enter on a unit or dispatch filters by it.
 */
export function GlobalSearchDialog({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<DialogFilters>(NO_FILTERS);
  const choices = useFilterChoices();
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setResults(null);
      setError(null);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      const { type, year, status, unit, dispatch } = filters;
      api.call('search.query', { query: text, limit: 50, type, year, status, unitId: unit?.id ?? null, dispatchId: dispatch?.id ?? null }).then(
        (found) => {
          if (!current) return;
          setResults(found);
          setError(null);
          setSelected(0);
        },
        (failure: unknown) => {
          if (current) setError(errorMessage(failure));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, filters]);

  // The results in the order shown: grouped by kind, so ↑/↓ follow the screen.
  const ordered = useMemo(() => GROUPS.flatMap((g) => (results ?? []).filter((r) => r.kind === g.kind)), [results]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, ordered]);

  const open = (result: SearchResult): void => {
    onClose();
    openResult(result);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    // The filters' own controls keep their keys (arrows change a select, Enter presses a chip).
    if (['SELECT', 'BUTTON'].includes((event.target as HTMLElement).tagName)) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (ordered.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((i) => (i + step + ordered.length) % ordered.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const result = ordered[selected];
      const filter = result && event.altKey ? filterFor(result) : null;
      if (filter) setFilters((f) => ({ ...f, ...filter }));
      else if (result && !event.altKey) open(result);
    }
  };

  return (
    <Dialog title="Tìm kiếm" onClose={onClose} onKeyDown={onKeyDown} size="large" testId="global-search">
      <input
        type="search"
        className="input global-search-input"
        data-autofocus
        aria-label="Tìm kiếm"
        aria-controls="global-search-results"
        placeholder={'Tìm văn bản đến, văn bản đi, đơn vị, tệp… (gõ không dấu được; "cụm từ" trong ngoặc kép)'}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <SearchFilterBar filters={filters} onChange={setFilters} years={choices.years} units={choices.units} />
      <div id="global-search-results" className="global-search-results" role="listbox" aria-label="Kết quả tìm kiếm" ref={listRef}>
        {error && <p className="global-search-empty">{error}</p>}
        {!error && results && ordered.length === 0 && <p className="global-search-empty">Không tìm thấy “{query.trim()}”.</p>}
        {!error &&
          GROUPS.map(({ kind, heading }) => {
            const group = ordered.filter((r) => r.kind === kind);
            if (group.length === 0) return null;
            return (
              <div key={kind} className="global-search-group" role="group" aria-label={heading}>
                <h3 className="global-search-heading">{heading}</h3>
                {group.map((result) => {
                  const index = ordered.indexOf(result);
                  return (
                    <div
                      key={`${result.kind}-${result.id}`}
                      role="option"
                      aria-selected={index === selected}
                      className="global-search-result"
                      data-testid="global-search-result"
                      onMouseMove={() => setSelected(index)}
                      onClick={() => open(result)}
                    >
                      <div className="global-search-result-title">
                        <span>{result.title}</span>
                        {result.date && <span className="global-search-result-date">{result.date}</span>}
                      </div>
                      {result.subtitle && <div className="global-search-result-subtitle">{result.subtitle}</div>}
                      {result.snippet && <div className="global-search-result-snippet">{highlightedSnippet(result.snippet.text, result.snippet.highlights)}</div>}
                      {filterFor(result) && (
                        <button
                          type="button"
                          className="global-search-filter-by"
                          tabIndex={-1}
                          title="Lọc kết quả theo mục này (Alt+Enter)"
                          onClick={(event) => {
                            event.stopPropagation();
                            setFilters((f) => ({ ...f, ...filterFor(result) }));
                          }}
                        >
                          {result.kind === 'unit' ? 'Văn bản của đơn vị này' : 'Văn bản trả lời công văn này'}
                        </button>
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
      </div>
    </Dialog>
  );
}
