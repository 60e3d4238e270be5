import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ApiOutput } from '../../../shared/api';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { Dialog } from '../components/Dialog';
import { navigate } from './routes';

type SearchResult = ApiOutput<'search.query'>[number];
type Kind = SearchResult['kind'];

const GROUPS: { kind: Kind; heading: string }[] = [
  { kind: 'incoming', heading: 'Văn bản đến' },
  { kind: 'dispatch', heading: 'Văn bản đi' },
  { kind: 'unit', heading: 'Đơn vị' },
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
  else if (result.kind === 'dispatch') navigate('dispatches', result.id);
  else navigate('units');
}

/** One search over received documents, dispatches and units (Ctrl+K); Enter opens the chosen result. */
export function GlobalSearchDialog({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
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
      api.call('search.query', { query: text, limit: 50 }).then(
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
  }, [query]);

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
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (ordered.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((i) => (i + step + ordered.length) % ordered.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const result = ordered[selected];
      if (result) open(result);
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
        placeholder={'Tìm văn bản đến, văn bản đi, đơn vị… (gõ không dấu được; "cụm từ" trong ngoặc kép)'}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
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
