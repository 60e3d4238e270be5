import { Fragment, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { OBLIGATION_LABELS, type TrackingPeriod, type TrackingRow } from '../../../../shared/domain/tracking';
import type { MatrixRow } from './tracking-matrix';
import { sectionsOf } from './tracking-matrix';
import { cellDetail, deadlineStanding, lastDayLabel } from './tracking-text';
import { TrackingCounts } from './TrackingCounts';

/** A cell's place: the unit's row and the period's column. */
export interface CellKey {
  unitId: number;
  periodKey: string;
}

interface TrackingMatrixProps {
  periods: TrackingPeriod[];
  rows: MatrixRow[];
  today: string;
  selected: CellKey | null;
  onSelect(cell: CellKey): void;
  onOpen(cell: CellKey): void;
}

const MOVES: Record<string, (r: number, c: number, rows: number, cols: number) => [number, number]> = {
  ArrowUp: (r, c) => [r - 1, c],
  ArrowDown: (r, c) => [r + 1, c],
  ArrowLeft: (r, c) => [r, c - 1],
  ArrowRight: (r, c) => [r, c + 1],
  Home: (r) => [r, 0],
  End: (r, _c, _rows, cols) => [r, cols - 1],
  PageUp: (r, c) => [r - 10, c],
  PageDown: (r, c) => [r + 10, c],
};

/**
 * Units (under their group headers) × periods. Each cell says the status in words and colour,
 * with the received date and the days late or overdue. Arrow keys move between cells; Enter or
 * a click opens the cell's details.
 */
export function TrackingMatrix({ periods, rows, today, selected, onSelect, onOpen }: TrackingMatrixProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const sections = sectionsOf(rows);
  const order = new Map(rows.map((row, index) => [row.unit.id, index]));
  const selectedRow = selected ? order.get(selected.unitId) : undefined;
  const selectedColumn = selected ? periods.findIndex((p) => p.period.key === selected.periodKey) : -1;
  const [focusRow, focusColumn] = selectedRow !== undefined && selectedColumn >= 0 ? [selectedRow, selectedColumn] : [0, 0];

  const cellAt = (r: number, c: number): CellKey | null => {
    const row = rows[r];
    const period = periods[c];
    return row && period ? { unitId: row.unit.id, periodKey: period.period.key } : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-r]');
    if (!cell) return;
    const [r, c] = [Number(cell.dataset.r), Number(cell.dataset.c)];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const key = cellAt(r, c);
      if (key && rows[r]?.cells[c]) onOpen(key);
      return;
    }
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const [nextRow, nextColumn] = move(r, c, rows.length, periods.length);
    const target = [Math.max(0, Math.min(rows.length - 1, nextRow)), Math.max(0, Math.min(periods.length - 1, nextColumn))] as const;
    bodyRef.current?.querySelector<HTMLElement>(`td[data-r="${target[0]}"][data-c="${target[1]}"]`)?.focus();
  };

  return (
    <table
      className="tracking-matrix"
      role="grid"
      aria-readonly="true"
      aria-label="Bảng theo dõi báo cáo"
      data-testid="tracking-matrix"
      style={{ '--periods': periods.length } as CSSProperties}
    >
      <colgroup>
        <col className="tracking-col-unit" />
        {periods.map((p) => (
          <col key={p.period.key} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="tracking-unit-head">
            Đơn vị <span className="tracking-unit-count">({rows.length})</span>
          </th>
          {periods.map((p) => (
            <PeriodHeader key={p.period.key} period={p.period} today={today} />
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {sections.map((section) => (
          <Fragment key={section.key}>
            <tr className="tracking-group-row">
              <th scope="colgroup" colSpan={periods.length + 1}>
                <span className="tracking-group-title">
                  {section.title} <span className="tracking-group-count">({section.rows.length})</span>
                </span>
              </th>
            </tr>
            {section.rows.map((row) => {
              const r = order.get(row.unit.id) ?? 0;
              return (
                <tr key={row.unit.id} className="tracking-row" data-testid="tracking-row">
                  <th scope="row" className="tracking-unit">
                    {row.unit.name}
                  </th>
                  {row.cells.map((cell, c) => {
                    const key = cellAt(r, c)!;
                    return (
                      <StatusCell
                        key={key.periodKey}
                        cell={cell}
                        r={r}
                        c={c}
                        periodKey={key.periodKey}
                        focusable={r === focusRow && c === focusColumn}
                        selected={selected !== null && selected.unitId === key.unitId && selected.periodKey === key.periodKey}
                        onFocus={() => onSelect(key)}
                        onOpen={() => onOpen(key)}
                      />
                    );
                  })}
                </tr>
              );
            })}
          </Fragment>
        ))}
      </tbody>
      <TrackingCounts periods={periods} />
    </table>
  );
}

function PeriodHeader({ period, today }: { period: TrackingPeriod['period']; today: string }) {
  const standing = deadlineStanding(period.dueDate, today);
  return (
    <th scope="col" className="tracking-period-head" data-period={period.key}>
      <span className="tracking-period-label">{period.label}</span>
      <span className="tracking-period-due">{lastDayLabel(period)}</span>
      <span className={`tracking-period-standing tracking-standing-${standing.tone}`}>{standing.text}</span>
    </th>
  );
}

interface StatusCellProps {
  cell: TrackingRow | null;
  r: number;
  c: number;
  periodKey: string;
  focusable: boolean;
  selected: boolean;
  onFocus(): void;
  onOpen(): void;
}

function StatusCell({ cell, r, c, periodKey, focusable, selected, onFocus, onOpen }: StatusCellProps) {
  const common = { 'data-r': r, 'data-c': c, 'data-period': periodKey, tabIndex: focusable ? 0 : -1, onFocus } as const;
  if (!cell) {
    return (
      <td {...common} role="gridcell" className="tracking-cell tracking-cell-none" title="Đơn vị không phải báo cáo kỳ này">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">Không phải báo cáo kỳ này</span>
      </td>
    );
  }
  const detail = cellDetail(cell);
  return (
    <td
      {...common}
      role="gridcell"
      className={`tracking-cell obligation-${cell.status}`}
      aria-selected={selected}
      data-testid="tracking-cell"
      title={cell.exemption ? `Miễn: ${cell.exemption.reason}` : 'Xem văn bản và thao tác (Enter)'}
      onClick={onOpen}
    >
      <span className="tracking-cell-label">{OBLIGATION_LABELS[cell.status]}</span>
      {detail && <span className="tracking-cell-detail">{detail}</span>}
    </td>
  );
}
