import type { DispatchContent, Recipient } from '../../../../shared/domain/dispatch';
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

/** The units a dispatch expects reports from, as units: those ticked, else those its Kính gửi names. */
export function expectedUnitsOf(content: Pick<DispatchContent, 'expectedUnitIds' | 'recipients'>, units: readonly Unit[]): Unit[] {
  const ids = content.expectedUnitIds.length > 0 ? content.expectedUnitIds : defaultExpectedUnitIds(content.recipients, units.filter((u) => u.active));
  const byId = new Map(units.map((u) => [u.id, u]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
