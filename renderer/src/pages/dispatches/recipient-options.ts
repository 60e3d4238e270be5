import type { Recipient } from '../../../../shared/domain/dispatch';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { fold, matchesFolded } from '../../../../shared/vn/fold';

export interface RecipientOption {
  key: string;
  recipient: Recipient;
  /** What the list shows beside the label: "Nhóm · 23 đơn vị", the unit's group. */
  detail: string;
  section: 'Nhóm đơn vị' | 'Đơn vị' | 'Ghi tự do';
}

const MAX_UNIT_OPTIONS = 40;

function groupRecipient(group: UnitGroup): Recipient {
  return { kind: 'group', groupId: group.id, label: group.kinhGuiLabel.trim() || group.name };
}

function unitRecipient(unit: Unit): Recipient {
  return { kind: 'unit', unitId: unit.id, label: unit.name };
}

function isChosen(recipient: Recipient, chosen: readonly Recipient[]): boolean {
  return chosen.some((c) =>
    c.kind === 'group' && recipient.kind === 'group'
      ? c.groupId === recipient.groupId
      : c.kind === 'unit' && recipient.kind === 'unit'
        ? c.unitId === recipient.unitId
        : false,
  );
}

/**
 * What the "Thêm nơi nhận" box offers for what was typed: matching groups (printed as their
 * Kính gửi wording), matching units, and the typed text itself as a free line.
 */
export function recipientOptions(query: string, groups: readonly UnitGroup[], units: readonly Unit[], chosen: readonly Recipient[]): RecipientOption[] {
  const q = query.trim();
  const groupOptions: RecipientOption[] = groups
    .filter((g) => !q || matchesFolded(fold(`${g.name} ${g.kinhGuiLabel}`), q))
    .map((g) => ({ key: `g${g.id}`, recipient: groupRecipient(g), detail: `Cả nhóm · ${g.unitCount} đơn vị`, section: 'Nhóm đơn vị' as const }))
    .filter((o) => !isChosen(o.recipient, chosen));
  const unitOptions: RecipientOption[] = units
    .filter((u) => !q || matchesFolded(fold([u.name, u.shortName ?? '', ...u.aliases].join(' ')), q))
    .map((u) => ({ key: `u${u.id}`, recipient: unitRecipient(u), detail: u.groupName ?? '', section: 'Đơn vị' as const }))
    .filter((o) => !isChosen(o.recipient, chosen))
    .slice(0, MAX_UNIT_OPTIONS);
  const free: RecipientOption[] = q ? [{ key: 'text', recipient: { kind: 'text', label: q }, detail: 'Dòng ghi tự do', section: 'Ghi tự do' }] : [];
  return [...groupOptions, ...unitOptions, ...free];
}
