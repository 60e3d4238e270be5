import type { Recipient } from '../../../../shared/domain/dispatch';
import type { Unit } from '../../../../shared/domain/unit';

/**
 * The units expected to report when the clerk has not chosen them: the units named in Kính
 * gửi, and every active unit of a group named there (the core does the same at issue time).
 */
export function defaultExpectedUnitIds(recipients: readonly Recipient[], activeUnits: readonly Unit[]): number[] {
  const ids = new Set<number>();
  for (const r of recipients) {
    if (r.kind === 'unit') ids.add(r.unitId);
    if (r.kind === 'group') for (const u of activeUnits) if (u.groupId === r.groupId) ids.add(u.id);
  }
  return [...ids];
}
