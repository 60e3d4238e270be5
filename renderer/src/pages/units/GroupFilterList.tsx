import type { UnitGroup } from '../../../../shared/domain/unit';
import { UNGROUPED_TITLE, type GroupFilter } from './units-by-group';

interface GroupFilterListProps {
  groups: UnitGroup[];
  counts: Map<GroupFilter, number>;
  value: GroupFilter;
  onChange(filter: GroupFilter): void;
  onManageGroups(): void;
}

/** The list of groups beside the table: pick one to see only its units. */
export function GroupFilterList({ groups, counts, value, onChange, onManageGroups }: GroupFilterListProps) {
  const items: { filter: GroupFilter; label: string }[] = [
    { filter: 'all', label: 'Tất cả' },
    ...groups.map((group) => ({ filter: group.id, label: group.name })),
  ];
  if ((counts.get('ungrouped') ?? 0) > 0) items.push({ filter: 'ungrouped', label: UNGROUPED_TITLE });

  return (
    <nav className="group-filter" aria-label="Lọc theo nhóm">
      <h2 className="group-filter-heading">Nhóm đơn vị</h2>
      <ul className="group-filter-list">
        {items.map((item) => (
          <li key={String(item.filter)}>
            <button
              type="button"
              className="group-filter-item"
              aria-pressed={item.filter === value}
              onClick={() => onChange(item.filter)}
            >
              <span className="group-filter-label">{item.label}</span>
              <span className="group-filter-count">{counts.get(item.filter) ?? 0}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-subtle group-filter-manage" onClick={onManageGroups}>
        Quản lý nhóm…
      </button>
    </nav>
  );
}
