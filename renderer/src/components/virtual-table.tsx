import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { rowKeyboardHandler } from './use-row-keyboard';
import { useVirtualRows } from './use-virtual-rows';

interface VirtualTableOptions<Row> {
  /** Every row of the list, `undefined` where its page has not arrived yet (use-paged-rows). */
  rows: readonly (Row | undefined)[];
  /** Asks for the rows [start, end) when they come into view or a key moves to them. */
  onRowsNeeded(start: number, end: number): void;
  /** A row's height before it is measured. */
  estimate: number;
  /** Draw every row (printing). */
  drawAll?: boolean;
  rowId(row: Row): number;
  /** The data attribute that carries the row's id, e.g. "data-dispatch-id". */
  rowIdAttribute: `data-${string}`;
  selectedId: number | null;
  onSelect(id: number): void;
  onOpen(row: Row): void;
}

export interface VirtualTable<Row> {
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  /** The rows to draw, each with its index in the whole list. */
  drawn: { index: number; row: Row | undefined }[];
  padTop: number;
  padBottom: number;
  /** The row that takes Tab focus: the selected one when drawn, else the first drawn. */
  focusableId: number | null;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

/**
 * A long table, drawn only where it is in view and loaded a page at a time, whose rows are chosen
 * one at a time: ↑ ↓, Page Up/Down, Home and End move the selection (scrolling and loading as
 * needed), Enter opens. Each drawn row must carry `data-index` and the `rowIdAttribute`.
 */
export function useVirtualTable<Row>({ rows, onRowsNeeded, estimate, drawAll = false, rowId, rowIdAttribute, selectedId, onSelect, onOpen }: VirtualTableOptions<Row>): VirtualTable<Row> {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const { start, end, padTop, padBottom, scrollToIndex } = useVirtualRows(bodyRef, rows, estimate, !drawAll);
  // A keyboard move to a row not drawn (or not loaded) yet: selected and focused once it is there.
  const pendingIndex = useRef<number | null>(null);

  useEffect(() => onRowsNeeded(start, end), [onRowsNeeded, start, end]);

  useEffect(() => {
    const index = pendingIndex.current;
    const row = index === null ? undefined : rows[index];
    if (row === undefined) return;
    const element = bodyRef.current?.querySelector<HTMLElement>(`[${rowIdAttribute}="${rowId(row)}"]`);
    if (!element) return;
    pendingIndex.current = null;
    if (rowId(row) !== selectedId) onSelect(rowId(row));
    element.focus({ preventScroll: true });
  });

  const selectedIndex = rows.findIndex((r) => r !== undefined && rowId(r) === selectedId);
  // Not rows.slice().map(): map skips the holes where pages have not arrived.
  const drawn = Array.from({ length: end - start }, (_, offset) => ({ index: start + offset, row: rows[start + offset] }));
  const firstDrawn = drawn.find((d) => d.row !== undefined)?.row;
  const focusableId = selectedIndex >= start && selectedIndex < end ? selectedId : firstDrawn === undefined ? null : rowId(firstDrawn);

  const moveTo = (index: number): void => {
    pendingIndex.current = index;
    scrollToIndex(index);
    onRowsNeeded(index, index + 1);
    const row = rows[index];
    if (row !== undefined) onSelect(rowId(row));
  };
  const onKeyDown = rowKeyboardHandler(rows.length, selectedIndex, moveTo, () => {
    const row = rows[selectedIndex];
    if (row !== undefined) onOpen(row);
  });

  return { bodyRef, drawn, padTop, padBottom, focusableId, onKeyDown };
}

/** The blank space standing for rows not drawn. */
export function GapRow({ height }: { height: number }) {
  return height > 0 ? <tr className="virtual-gap" aria-hidden="true" style={{ height }} /> : null;
}

/** A row whose page is on its way. */
export function LoadingRow({ index, columns }: { index: number; columns: number }) {
  return (
    <tr className="loading-row" data-index={index} aria-busy="true">
      <td colSpan={columns} className="muted">
        Đang tải…
      </td>
    </tr>
  );
}
