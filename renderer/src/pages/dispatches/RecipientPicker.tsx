import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Recipient } from '../../../../shared/domain/dispatch';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { ArrowDownIcon, ArrowUpIcon, CloseIcon, SearchIcon } from '../../components/icons';
import { recipientOptions, type RecipientOption } from './recipient-options';

interface RecipientPickerProps {
  recipients: Recipient[];
  onChange(recipients: Recipient[]): void;
  groups: UnitGroup[];
  units: Unit[];
  readOnly: boolean;
}

const KIND_LABELS: Record<Recipient['kind'], string> = { group: 'Nhóm', unit: 'Đơn vị', text: 'Ghi tự do' };

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * "Kính gửi": the addressees in print order. A group prints as its Kính gửi wording ("Các sở,
 * ban, ngành cấp tỉnh"), a unit as its name, a free line as typed.
 */
export function RecipientPicker({ recipients, onChange, groups, units, readOnly }: RecipientPickerProps) {
  const groupSizes = new Map(groups.map((g) => [g.id, g.unitCount]));
  return (
    <div className="recipient-picker">
      {recipients.length === 0 ? (
        <p className="recipient-empty">Chưa có nơi nhận. Gõ tên nhóm hoặc đơn vị vào ô dưới đây.</p>
      ) : (
        <ol className="recipient-list" aria-label="Kính gửi">
          {recipients.map((recipient, index) => (
            <li key={`${recipient.kind}-${index}`} className="recipient-item" data-testid="recipient-item">
              <span className="recipient-dash" aria-hidden="true">
                -
              </span>
              {recipient.kind === 'text' && !readOnly ? (
                <input
                  className="input recipient-label-input"
                  aria-label={`Nơi nhận ${index + 1}`}
                  value={recipient.label}
                  onChange={(e) => onChange(recipients.map((r, i) => (i === index ? { ...r, label: e.target.value } : r)))}
                />
              ) : (
                <span className="recipient-label">{recipient.label}</span>
              )}
              <span className={`recipient-kind recipient-kind-${recipient.kind}`}>
                {KIND_LABELS[recipient.kind]}
                {recipient.kind === 'group' && groupSizes.has(recipient.groupId) && ` · ${groupSizes.get(recipient.groupId)} đơn vị`}
              </span>
              {!readOnly && (
                <span className="recipient-actions">
                  <button type="button" className="icon-button icon-button-small" title="Lên trên" aria-label={`Chuyển “${recipient.label}” lên`} disabled={index === 0} onClick={() => onChange(move(recipients, index, index - 1))}>
                    <ArrowUpIcon />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button-small"
                    title="Xuống dưới"
                    aria-label={`Chuyển “${recipient.label}” xuống`}
                    disabled={index === recipients.length - 1}
                    onClick={() => onChange(move(recipients, index, index + 1))}
                  >
                    <ArrowDownIcon />
                  </button>
                  <button type="button" className="icon-button icon-button-small" title="Bỏ nơi nhận này" aria-label={`Bỏ “${recipient.label}”`} onClick={() => onChange(recipients.filter((_, i) => i !== index))}>
                    <CloseIcon />
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && <RecipientSearch recipients={recipients} groups={groups} units={units} onAdd={(r) => onChange([...recipients, r])} />}
    </div>
  );
}

interface RecipientSearchProps {
  recipients: Recipient[];
  groups: UnitGroup[];
  units: Unit[];
  onAdd(recipient: Recipient): void;
}

/** A combobox: type part of a name (with or without diacritics), pick a group, a unit, or keep the text as typed. */
function RecipientSearch({ recipients, groups, units, onAdd }: RecipientSearchProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const options = open ? recipientOptions(query, groups, units, recipients) : [];
  const current = Math.min(highlight, options.length - 1);

  // Keep the highlighted suggestion in view while the arrows move through a long list.
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current, open]);

  const choose = (option: RecipientOption): void => {
    onAdd(option.recipient);
    setQuery('');
    setHighlight(0);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight(options.length ? (current + step + options.length) % options.length : 0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[current];
      if (open && option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <div className="search-box combobox-box">
        <SearchIcon />
        <input
          className="input search-input"
          role="combobox"
          aria-label="Thêm nơi nhận"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[current] ? `${listId}-${options[current].key}` : undefined}
          placeholder="Thêm nơi nhận: gõ tên nhóm hoặc đơn vị, hoặc ghi tự do…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setHighlight(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      {open && options.length > 0 && (
        <ul id={listId} ref={listRef} className="combobox-list" role="listbox" aria-label="Gợi ý nơi nhận">
          {options.flatMap((option, index) => [
            ...(index === 0 || options[index - 1]?.section !== option.section
              ? [
                  <li key={`section-${option.section}`} role="presentation" className="combobox-section">
                    {option.section}
                  </li>,
                ]
              : []),
            <li
              key={option.key}
              id={`${listId}-${option.key}`}
              role="option"
              aria-selected={index === current}
              className="combobox-option"
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setHighlight(index)}
              onClick={() => choose(option)}
            >
              <span className="combobox-option-label">{option.recipient.kind === 'text' ? `Thêm “${option.recipient.label}”` : option.recipient.label}</span>
              <span className="combobox-option-detail">{option.detail}</span>
            </li>,
          ])}
        </ul>
      )}
    </div>
  );
}
