import type { ReactNode } from 'react';
import { GapRow, LoadingRow, useVirtualTable } from './virtual-table';

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
  /** Every row of the register, `undefined` where its page has not arrived yet (use-paged-rows). */
  rows: readonly (Row | undefined)[];
  /** Asks for the rows [start, end) when they come into view. */
  onRowsNeeded(start: number, end: number): void;
  /** Draw every row, not only those in view: for printing the whole register. */
  drawAll?: boolean;
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

/** A row's height before it is drawn and measured (one line of text). */
const ROW_ESTIMATE = 34;

/**
 * A register book as the decree prints it: the named columns, their numbers under them, one row per
 * entry; arrows, Page Up/Down, Home/End and Enter move and open. Only the rows in view are drawn,
 * and their pages are loaded as they come into view.
 */
export function RegisterTable<Row>({
  label,
  className,
  testId,
  rowTestId,
  columns,
  rows,
  onRowsNeeded,
  drawAll = false,
  rowId,
  rowIdAttribute,
  rowTitle,
  isStruck,
  actions,
  selectedId,
  onSelect,
  onOpen,
}: RegisterTableProps<Row>) {
  const table = useVirtualTable({ rows, onRowsNeeded, estimate: ROW_ESTIMATE, drawAll, rowId, rowIdAttribute, selectedId, onSelect, onOpen });
  const columnCount = columns.length + (actions ? 1 : 0);

  return (
    <table className={`data-table register-table${className ? ` ${className}` : ''}`} role="grid" aria-readonly="true" aria-label={label} aria-rowcount={rows.length + 1} data-testid={testId}>
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
      <tbody ref={table.bodyRef} onKeyDown={table.onKeyDown}>
        <GapRow height={table.padTop} />
        {table.drawn.map(({ index, row }) => {
          if (row === undefined) return <LoadingRow key={`loading-${index}`} index={index} columns={columnCount} />;
          const id = rowId(row);
          return (
            <tr
              key={id}
              className={`register-row${isStruck?.(row) ? ' register-row-voided' : ''}`}
              data-testid={rowTestId}
              data-index={index}
              {...{ [rowIdAttribute]: id }}
              aria-rowindex={index + 2}
              tabIndex={id === table.focusableId ? 0 : -1}
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
        <GapRow height={table.padBottom} />
      </tbody>
    </table>
  );
}
