import type { Unit } from '../../../../shared/domain/unit';
import { dayAfter, formatDate } from '../../formatting/dates';

interface UnitStatus {
  label: string;
  tone: 'success' | 'neutral' | 'warning';
}

function unitStatus(unit: Unit, today: string): UnitStatus {
  // "Hiệu lực đến" is the last valid day: a unit valid until 30/06/2025 has ceased from 01/07/2025.
  if (unit.validUntil && unit.validUntil < today) {
    return { label: `Hết hiệu lực từ ${formatDate(dayAfter(unit.validUntil))}`, tone: 'warning' };
  }
  if (!unit.active) return { label: 'Ngừng hoạt động', tone: 'neutral' };
  return { label: 'Đang hoạt động', tone: 'success' };
}

export function UnitStatusBadge({ unit, today }: { unit: Unit; today: string }) {
  const status = unitStatus(unit, today);
  const successor = unit.successorName ? `Đơn vị kế thừa: ${unit.successorName}` : undefined;
  return (
    <span className={`badge badge-${status.tone}`} title={successor}>
      {status.label}
    </span>
  );
}
