import type { ObligationStatus, TrackingPeriod, TrackingRow } from '../../../../shared/domain/tracking';

/**
 * The units × periods table built from the core's one-table-per-period answer. A unit may be
 * expected in some periods only (it ceased, or its successor took over): its cell is empty there.
 */

export type MatrixUnit = TrackingRow['unit'];

export interface MatrixRow {
  unit: MatrixUnit;
  /** One per period shown, in order; null where the unit is not expected to report. */
  cells: (TrackingRow | null)[];
}

export interface MatrixSection {
  key: string;
  group: GroupFilter;
  title: string;
  rows: MatrixRow[];
}

/** "all", one group ("g3"), or the units without a group ("none"). */
export type GroupFilter = string;
export const ALL_GROUPS: GroupFilter = 'all';

export const UNGROUPED_TITLE = 'Chưa phân nhóm';

const groupKey = (unit: MatrixUnit): GroupFilter => (unit.groupId === null ? 'none' : `g${unit.groupId}`);

/**
 * Every unit of every period, in the registry's order (the core sorts each period so): a unit
 * that only some periods have is placed after the unit it follows there.
 */
export function buildMatrix(periods: readonly TrackingPeriod[]): MatrixRow[] {
  const order: number[] = [];
  const units = new Map<number, MatrixUnit>();
  for (const period of periods) {
    let previous = -1;
    for (const { unit } of period.rows) {
      const at = order.indexOf(unit.id);
      if (at >= 0) {
        previous = at;
        continue;
      }
      order.splice(previous + 1, 0, unit.id);
      units.set(unit.id, unit);
      previous += 1;
    }
  }
  const byPeriod = periods.map((p) => new Map(p.rows.map((row) => [row.unit.id, row])));
  return order.map((id) => ({ unit: units.get(id)!, cells: byPeriod.map((rows) => rows.get(id) ?? null) }));
}

/** The groups that have units in the table, in table order, for the group filter. */
export function matrixGroups(rows: readonly MatrixRow[]): { key: GroupFilter; title: string; count: number }[] {
  const groups = new Map<GroupFilter, { key: GroupFilter; title: string; count: number }>();
  for (const { unit } of rows) {
    const key = groupKey(unit);
    const group = groups.get(key) ?? { key, title: unit.groupName ?? UNGROUPED_TITLE, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The rows of one group (or all) that have `status` in at least one of the periods shown (or any status). */
export function filterRows(rows: readonly MatrixRow[], group: GroupFilter, status: ObligationStatus | null): MatrixRow[] {
  return rows.filter(
    (row) => (group === ALL_GROUPS || groupKey(row.unit) === group) && (status === null || row.cells.some((cell) => cell?.status === status)),
  );
}

/** How many cells of `rows` have each status (for the legend). */
export function countStatuses(rows: readonly MatrixRow[]): Map<ObligationStatus, number> {
  const counts = new Map<ObligationStatus, number>();
  for (const row of rows) for (const cell of row.cells) if (cell) counts.set(cell.status, (counts.get(cell.status) ?? 0) + 1);
  return counts;
}

/** Consecutive rows of the same group under one header, as in the unit registry. */
export function sectionsOf(rows: readonly MatrixRow[]): MatrixSection[] {
  const sections: MatrixSection[] = [];
  for (const row of rows) {
    const group = groupKey(row.unit);
    const last = sections.at(-1);
    if (last && last.group === group) last.rows.push(row);
    else sections.push({ key: `${group}-${sections.length}`, group, title: row.unit.groupName ?? UNGROUPED_TITLE, rows: [row] });
  }
  return sections;
}
