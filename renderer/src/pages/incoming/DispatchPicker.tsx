import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useDebouncedValue } from '../../app/use-debounced-value';
import type { FieldControlProps } from '../../components/Field';
import { SearchIcon } from '../../components/icons';
import { formatDate } from '../../formatting/dates';
import { dispatchReference } from '../dispatches/dispatch-text';

const SUBJECT_CHARS = 70;
/** Dispatches asked for at a time; "Xem thêm" asks for the next ones. */
const PAGE = 20;
const SEARCH_DELAY_MS = 150;

/** "864/STTTT-TTBCBC ngày 03/08/2021": which dispatch, at a glance. */
function dispatchHeading(dispatch: Dispatch): string {
  return `${dispatchReference(dispatch)}${dispatch.issueDate ? ` ngày ${formatDate(dispatch.issueDate)}` : ''}`;
}

/** "864/STTTT-TTBCBC ngày 03/08/2021 – V/v đẩy mạnh tuyên truyền…": enough to tell dispatches apart. */
function dispatchLabel(dispatch: Dispatch): string {
  const subject = dispatch.subject.length > SUBJECT_CHARS ? `${dispatch.subject.slice(0, SUBJECT_CHARS - 1)}…` : dispatch.subject;
  return `${dispatchHeading(dispatch)}${subject ? ` – V/v ${subject}` : ''}`;
}

interface Found {
  query: string;
  items: Dispatch[];
  total: number;
}

/** A page of the issued dispatches matching `query` (number, symbol or words of the subject, diacritics optional), the newest first. */
const issuedPage = (query: string, offset: number) => api.call('dispatches.list', { status: 'issued', year: null, query, offset, limit: PAGE });

/** The search as the clerk types: a page, then the next ones on request. */
function useDispatchSearch(query: string, enabled: boolean) {
  const debounced = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let stale = false;
    issuedPage(debounced, 0).then(
      (p) => {
        if (stale) return;
        setFound({ query: debounced, ...p });
        setError(null);
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [debounced, enabled]);
  const more = (): void => {
    if (!found) return;
    issuedPage(found.query, found.items.length).then(
      (p) => setFound((now) => (now === found ? { ...found, items: [...found.items, ...p.items], total: p.total } : now)),
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  // Results for what is typed now; those of an earlier query stay on screen meanwhile, but are not chosen by Enter.
  return { found, current: found !== null && found.query === query.trim(), error, more };
}

type Option = { key: string; kind: 'none' } | { key: string; kind: 'dispatch'; dispatch: Dispatch } | { key: string; kind: 'more'; remaining: number };

interface DispatchPickerProps {
  control: FieldControlProps;
  /** The id chosen (null: none), and the dispatch itself once loaded (null meanwhile). */
  valueId: number | null;
  value: Dispatch | null;
  onChange(dispatch: Dispatch | null): void;
}

/**
 * "Trả lời công văn": the outgoing dispatch a received document answers, found by typing its
 * number, symbol or words of its subject, among the issued ones (thousands after a few years, so
 * they are searched, never all loaded). Arrows move, Enter chooses, Escape puts back what was chosen.
 */
export function DispatchPicker({ control, valueId, value, onChange }: DispatchPickerProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  /** Enter pressed before the results for what was typed came: they are chosen from when they come. */
  const [enterPending, setEnterPending] = useState(false);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const { found, current, error, more } = useDispatchSearch(query, open);

  const items = found?.items ?? [];
  const remaining = found ? found.total - items.length : 0;
  const options: Option[] = [
    { key: 'none', kind: 'none' },
    ...items.map((dispatch): Option => ({ key: `d${dispatch.id}`, kind: 'dispatch', dispatch })),
    ...(remaining > 0 ? [{ key: 'more', kind: 'more', remaining } as const] : []),
  ];
  const active = Math.min(highlight, options.length - 1);

  // The list in view (the field may sit low in a panel that scrolls), and the highlighted option in it while the arrows move.
  useEffect(() => {
    const list = listRef.current;
    list?.scrollIntoView({ block: 'nearest' });
    list?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, open, items.length]);

  const close = (): void => {
    setOpen(false);
    setQuery('');
    setEnterPending(false);
  };
  const choose = (option: Option): void => {
    if (option.kind === 'more') {
      more();
      return;
    }
    onChange(option.kind === 'dispatch' ? option.dispatch : null);
    close();
  };

  // What Enter takes: the highlighted option; "none" only when highlighted on purpose, not because nothing was found.
  const enterChoice = (): Option | null => {
    const option = options[active];
    return option && (option.kind !== 'none' || highlight === 0) ? option : null;
  };
  useEffect(() => {
    if (!enterPending || !current) return;
    setEnterPending(false);
    const option = enterChoice();
    if (option) choose(option);
    // Runs when the results come (or Enter is pressed); the callbacks read that render's options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enterPending, current]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' && open && !event.ctrlKey && !event.metaKey) {
      // Inside a dialog's form, Enter chooses here rather than submitting.
      event.preventDefault();
      const option = enterChoice();
      if (!current) setEnterPending(true);
      else if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const shown = value ? dispatchLabel(value) : '';
  return (
    <div className="combobox dispatch-picker">
      <div className="search-box combobox-box">
        <SearchIcon />
        <input
          {...control}
          className="input search-input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${listId}-${options[active].key}` : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={open ? 'Gõ số, ký hiệu hoặc vài chữ của trích yếu…' : valueId !== null ? 'Đang tải công văn đã chọn…' : 'Không trả lời công văn nào — gõ để tìm'}
          title={shown || undefined}
          value={open ? query : shown}
          onFocus={(e) => e.target.select()}
          onClick={() => setOpen(true)}
          onChange={(e) => {
            setQuery(e.target.value);
            // Typing puts the first dispatch found under Enter; an empty box, "none".
            setHighlight(e.target.value.trim() ? 1 : 0);
            setOpen(true);
          }}
          onBlur={close}
          onKeyDown={onKeyDown}
        />
      </div>
      {open && (
        <ul id={listId} ref={listRef} className="combobox-list" role="listbox" aria-label="Công văn đã ban hành">
          {options.map((option, index) => (
            <li
              key={option.key}
              id={`${listId}-${option.key}`}
              role="option"
              aria-selected={index === active}
              className={`combobox-option${option.kind === 'dispatch' && option.dispatch.id === valueId ? ' combobox-option-current' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setHighlight(index)}
              onClick={() => choose(option)}
            >
              {option.kind === 'none' && <span className="combobox-option-label">— Không trả lời công văn nào —</span>}
              {option.kind === 'dispatch' && (
                <>
                  <span className="combobox-option-label">
                    {dispatchHeading(option.dispatch)}
                    {option.dispatch.id === valueId && ' (đang chọn)'}
                  </span>
                  <span className="combobox-option-detail">V/v {option.dispatch.subject}</span>
                </>
              )}
              {option.kind === 'more' && <span className="combobox-option-label dispatch-picker-more">Xem thêm ({option.remaining} công văn nữa)</span>}
            </li>
          ))}
          {(error || !found || items.length === 0) && (
            <li role="presentation" className="dispatch-picker-status">
              {error ?? (!found ? 'Đang tìm…' : found.query ? `Không có công văn đã ban hành nào khớp “${found.query}”.` : 'Chưa có công văn nào được ban hành.')}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
