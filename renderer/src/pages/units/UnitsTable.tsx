import { useRef, type KeyboardEvent } from 'react';
import type { Unit } from '../../../../shared/domain/unit';
import type { UnitSection } from './units-by-group';
import { UnitStatusBadge } from './UnitStatusBadge';

interface UnitsTableProps {
  sections: UnitSection[];
  selectedId: number | null;
  today: string;
  onSelect(unitId: number): void;
  onOpen(unit: Unit): void;
}

const COLUMN_COUNT = 5;

/**
 * The units under their group headings. One row is selected; arrow keys, Home and End
 * move the selection, Enter (or a click) opens the unit.
 */
export function UnitsTable({ sections, selectedId, today, onSelect, onOpen }: UnitsTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const rows = sections.flatMap((section) => section.units);
  const selectedIndex = rows.findIndex((unit) => unit.id === selectedId);
  const focusableId = selectedIndex >= 0 ? selectedId : (rows[0]?.id ?? null);

  const moveTo = (index: number): void => {
    const unit = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!unit) return;
    onSelect(unit.id);
    bodyRef.current?.querySelector<HTMLElement>(`[data-unit-id="${unit.id}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>): void => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(selectedIndex + 1),
      ArrowUp: () => moveTo(selectedIndex < 0 ? 0 : selectedIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      PageDown: () => moveTo(selectedIndex + 10),
      PageUp: () => moveTo(selectedIndex - 10),
      Enter: () => {
        const unit = rows[selectedIndex];
        if (unit) onOpen(unit);
      },
    };
    const action = keys[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  };

  return (
    <table className="data-table units-table" role="grid" aria-readonly="true" aria-label="Danh sách đơn vị nhận" data-testid="units-table">
      <thead>
        <tr>
          <th scope="col">Tên đơn vị</th>
          <th scope="col">Email</th>
          <th scope="col">Mã định danh</th>
          <th scope="col">Điện thoại</th>
          <th scope="col">Trạng thái</th>
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {sections.map((section) => (
          <UnitSectionRows
            key={section.key}
            section={section}
            selectedId={selectedId}
            focusableId={focusableId}
            today={today}
            onSelect={onSelect}
            onOpen={onOpen}
          />
        ))}
      </tbody>
    </table>
  );
}

interface UnitSectionRowsProps {
  section: UnitSection;
  selectedId: number | null;
  focusableId: number | null;
  today: string;
  onSelect(unitId: number): void;
  onOpen(unit: Unit): void;
}

function UnitSectionRows({ section, selectedId, focusableId, today, onSelect, onOpen }: UnitSectionRowsProps) {
  return (
    <>
      <tr className="units-group-row">
        <th scope="colgroup" colSpan={COLUMN_COUNT}>
          <span className="units-group-name">{section.title}</span>
          <span className="units-group-count">{section.units.length}</span>
        </th>
      </tr>
      {section.units.map((unit) => (
        <UnitRow
          key={unit.id}
          unit={unit}
          selected={unit.id === selectedId}
          focusable={unit.id === focusableId}
          today={today}
          onSelect={onSelect}
          onOpen={onOpen}
        />
      ))}
    </>
  );
}

interface UnitRowProps {
  unit: Unit;
  selected: boolean;
  focusable: boolean;
  today: string;
  onSelect(unitId: number): void;
  onOpen(unit: Unit): void;
}

function UnitRow({ unit, selected, focusable, today, onSelect, onOpen }: UnitRowProps) {
  const [firstEmail, ...otherEmails] = unit.emails;
  return (
    <tr
      className={`units-row${unit.active ? '' : ' units-row-inactive'}`}
      data-testid="unit-row"
      data-unit-id={unit.id}
      tabIndex={focusable ? 0 : -1}
      aria-selected={selected}
      onFocus={() => onSelect(unit.id)}
      onClick={() => onOpen(unit)}
    >
      <td className="units-name-cell">
        <span className="units-name-line">
          <span className="units-name">{unit.name}</span>
          {unit.shortName && <span className="units-short-name">{unit.shortName}</span>}
        </span>
      </td>
      <td className="units-nowrap">
        <span className="units-email-cell">
          {firstEmail ? (
            <span className="units-email" title={unit.emails.join('\n')}>
              {firstEmail}
            </span>
          ) : (
            <span className="muted">—</span>
          )}
          {otherEmails.length > 0 && <span className="units-more-emails">+{otherEmails.length}</span>}
          {unit.isSample && <span className="badge badge-sample">Dữ liệu mẫu</span>}
        </span>
      </td>
      <td className="units-nowrap">{unit.code ?? <span className="muted">—</span>}</td>
      <td className="units-nowrap">{unit.phone ?? <span className="muted">—</span>}</td>
      <td className="units-nowrap">
        <UnitStatusBadge unit={unit} today={today} />
      </td>
    </tr>
  );
}
