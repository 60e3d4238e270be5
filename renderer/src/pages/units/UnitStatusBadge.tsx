import type { Unit } from '../../../../shared/domain/unit';
import { formatDate } from '../../formatting/dates';

interface UnitStatus {
  label: string;
  tone: 'success' | 'neutral' | 'warning';
}

export function unitStatus(unit: Unit, today: string): UnitStatus {
  if (unit.validUntil && unit.validUntil < today) {
    return { label: `Hết hiệu lực từ ${formatDate(unit.validUntil)}`, tone: 'warning' };
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
