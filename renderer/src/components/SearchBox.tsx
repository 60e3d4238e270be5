import { forwardRef, type KeyboardEvent } from 'react';
import { SearchIcon } from './icons';

interface SearchBoxProps {
  id: string;
  /** Read by screen readers ("Tìm đơn vị"). */
  label: string;
  placeholder: string;
  testId: string;
  value: string;
  onChange(value: string): void;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
}

/** The list pages' search field: icon, hidden label, and the Ctrl+F hint. */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(
  { id, label, placeholder, testId, value, onChange, onKeyDown },
  ref,
) {
  return (
    <div className="search-box">
      <SearchIcon />
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        type="search"
        className="input search-input"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        Ctrl+F
      </kbd>
    </div>
  );
});
