import { useRef, type ReactNode } from 'react';
import { rowKeyboardHandler } from './use-row-keyboard';

/** One of the decree's register columns (nd30 §5); its number "(1) … (10)" is its place in the list. */
export interface RegisterColumn<Row> {
  label: string;
  /** The header cell's class (the column's width in print). */
  className: string;
  /** The body cell's class. */
  cellClassName?: string;
  /** Struck through with the row when the row is struck (a voided dispatch keeps its place). */
  struck?: boolean;
  cell(row: Row): ReactNode;
}

interface RegisterTableProps<Row> {
  /** The table's accessible name, e.g. "Sổ đăng ký văn bản đi". */
  label: string;
  className?: string;
  testId: string;
  rowTestId: string;
  columns: readonly RegisterColumn<Row>[];
  rows: readonly Row[];
  rowId(row: Row): number;
  /** The data attribute that carries the row's id, e.g. "data-dispatch-id". */
  rowIdAttribute: `data-${string}`;
  rowTitle(row: Row): string;
  /** Rows shown struck through, e.g. voided dispatches. */
  isStruck?(row: Row): boolean;
  /** A last, screen-only cell of buttons for the row (not printed, not numbered). */
  actions?(row: Row): ReactNode;
  selectedId: number | null;
  onSelect(id: number): void;
  onOpen(row: Row): void;
}

/** A register book as the decree prints it: the named columns, their numbers under them, one row per entry; arrows and Enter move and open. */
export function RegisterTable<Row>({
  label,
  className,
  testId,
  rowTestId,
  columns,
  rows,
  rowId,
  rowIdAttribute,
  rowTitle,
  isStruck,
  actions,
  selectedId,
  onSelect,
  onOpen,
}: RegisterTableProps<Row>) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const selectedIndex = rows.findIndex((r) => rowId(r) === selectedId);
  const first = rows[0];
  const focusableId = selectedIndex >= 0 ? selectedId : first === undefined ? null : rowId(first);

  const moveTo = (index: number): void => {
    const row = rows[index];
    if (row === undefined) return;
    onSelect(rowId(row));
    bodyRef.current?.querySelector<HTMLElement>(`[${rowIdAttribute}="${rowId(row)}"]`)?.focus();
  };
  const onKeyDown = rowKeyboardHandler(rows.length, selectedIndex, moveTo, () => {
    const row = rows[selectedIndex];
    if (row !== undefined) onOpen(row);
  });

  return (
    <table className={`data-table register-table${className ? ` ${className}` : ''}`} role="grid" aria-readonly="true" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.className}>
              {c.label}
            </th>
          ))}
          {actions && (
            <th scope="col" className="no-print">
              <span className="visually-hidden">Thao tác</span>
            </th>
          )}
        </tr>
        <tr className="register-column-numbers" aria-hidden="true">
          {columns.map((c, i) => (
            <th key={c.label}>({i + 1})</th>
          ))}
          {actions && <th className="no-print" />}
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {rows.map((row) => {
          const id = rowId(row);
          return (
            <tr
              key={id}
              className={`register-row${isStruck?.(row) ? ' register-row-voided' : ''}`}
              data-testid={rowTestId}
              {...{ [rowIdAttribute]: id }}
              tabIndex={id === focusableId ? 0 : -1}
              aria-selected={id === selectedId}
              title={rowTitle(row)}
              onFocus={() => onSelect(id)}
              onClick={() => onOpen(row)}
            >
              {columns.map((c) => {
                const cellClass = [c.struck ? 'register-struck' : null, c.cellClassName].filter(Boolean).join(' ') || undefined;
                return (
                  <td key={c.label} className={cellClass}>
                    {c.cell(row)}
                  </td>
                );
              })}
              {actions && <td className="actions no-print">{actions(row)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
