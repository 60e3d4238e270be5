import type { Unit, UnitGroup } from '../../../../shared/domain/unit';

/** Which part of the list the clerk is looking at: everything, one group, or the units without a group. */
export type GroupFilter = 'all' | 'ungrouped' | number;

export interface UnitSection {
  key: string;
  title: string;
  units: Unit[];
}

export const UNGROUPED_TITLE = 'Chưa phân nhóm';

function isUngrouped(unit: Unit, groupIds: Set<number>): boolean {
  return unit.groupId === null || !groupIds.has(unit.groupId);
}

export function filterByGroup(units: Unit[], filter: GroupFilter, groups: UnitGroup[]): Unit[] {
  if (filter === 'all') return units;
  if (filter === 'ungrouped') {
    const groupIds = new Set(groups.map((g) => g.id));
    return units.filter((unit) => isUngrouped(unit, groupIds));
  }
  return units.filter((unit) => unit.groupId === filter);
}

/** The units under their groups, in group order (units keep the core's order); empty groups left out. */
export function sectionsByGroup(units: Unit[], groups: UnitGroup[]): UnitSection[] {
  const groupIds = new Set(groups.map((g) => g.id));
  const sections: UnitSection[] = groups.map((group) => ({
    key: `group-${group.id}`,
    title: group.name,
    units: units.filter((unit) => unit.groupId === group.id),
  }));
  sections.push({ key: 'ungrouped', title: UNGROUPED_TITLE, units: units.filter((unit) => isUngrouped(unit, groupIds)) });
  return sections.filter((section) => section.units.length > 0);
}

/** How many of `units` each filter would show. */
export function countByGroup(units: Unit[], groups: UnitGroup[]): Map<GroupFilter, number> {
  const counts = new Map<GroupFilter, number>([['all', units.length]]);
  for (const group of groups) counts.set(group.id, 0);
  const groupIds = new Set(groups.map((g) => g.id));
  let ungrouped = 0;
  for (const unit of units) {
    if (isUngrouped(unit, groupIds)) ungrouped++;
    else if (unit.groupId !== null) counts.set(unit.groupId, (counts.get(unit.groupId) ?? 0) + 1);
  }
  counts.set('ungrouped', ungrouped);
  return counts;
}
