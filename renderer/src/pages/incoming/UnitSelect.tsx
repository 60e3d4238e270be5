import type { Unit } from '../../../../shared/domain/unit';
import type { FieldControlProps } from '../../components/Field';

interface UnitSelectProps {
  control: FieldControlProps;
  units: readonly Unit[];
  value: number | null;
  onChange(unitId: number | null): void;
}

/** The sending unit, chosen from the directory by group; units no longer active stay choosable, marked as such. */
export function UnitSelect({ control, units, value, onChange }: UnitSelectProps) {
  const groups = new Map<string, Unit[]>();
  for (const unit of units) {
    const name = unit.groupName ?? 'Chưa xếp nhóm';
    groups.set(name, [...(groups.get(name) ?? []), unit]);
  }
  return (
    <select {...control} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">— Chưa rõ đơn vị gửi —</option>
      {[...groups].map(([group, members]) => (
        <optgroup key={group} label={group}>
          {members.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
              {unit.active ? '' : ' (ngừng hoạt động)'}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
