import { useState } from 'react';
import type { Dispatch, ReportingRequirement } from '../../../../shared/domain/dispatch';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { defaultExpectedUnitIds } from './expected-units';
import { ExpectedUnitsField } from './ExpectedUnitsField';
import { RequirementEditor } from './RequirementEditor';
import { requirementProblem } from './requirement-text';

interface RequirementDialogProps {
  dispatch: Dispatch;
  /** Every unit, inactive ones too. */
  units: Unit[];
  groups: UnitGroup[];
  today: string;
  onClose(): void;
  onSaved(dispatch: Dispatch): void;
}

/**
 * "Sửa yêu cầu báo cáo…" on an issued dispatch: the deadline, the periods and the units expected,
 * as VănThư tracks them (a deadline extended by the superior body, a unit added). The printed
 * công văn stays as it was; the core records the change in the audit log.
 */
const sameUnits = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function RequirementDialog({ dispatch, units, groups, today, onClose, onSaved }: RequirementDialogProps) {
  const activeUnits = units.filter((u) => u.active);
  const fromRecipients = defaultExpectedUnitIds(dispatch.recipients, activeUnits);
  const [requirement, setRequirement] = useState<ReportingRequirement | null>(dispatch.requirement);
  // Empty means "Các nơi nhận ở Kính gửi": chosen when the units expected are exactly those (as issuing counted them).
  const [expectedUnitIds, setExpectedUnitIds] = useState(() => (sameUnits(dispatch.expectedUnitIds, fromRecipients) ? [] : dispatch.expectedUnitIds));
  // The units already expected stay on offer even if deactivated since, so ticking others does not drop them.
  const offered = units.filter((u) => u.active || dispatch.expectedUnitIds.includes(u.id));

  const submit = async (): Promise<void> => {
    if (requirement && requirementProblem(requirement)) return; // shown beside the field
    // "Các nơi nhận ở Kính gửi": counted now, as issuing would have counted them.
    const expected = requirement && expectedUnitIds.length === 0 ? fromRecipients : expectedUnitIds;
    const unchanged = JSON.stringify(requirement) === JSON.stringify(dispatch.requirement) && sameUnits(expected, dispatch.expectedUnitIds);
    if (unchanged) {
      onClose();
      return;
    }
    onSaved(await api.call('dispatches.updateRequirement', { id: dispatch.id, requirement, expectedUnitIds: expected }));
  };

  return (
    <FormDialog title="Sửa yêu cầu báo cáo" size="large" testId="requirement-dialog" submitLabel="Lưu" onClose={onClose} onSubmit={submit}>
      <p className="dialog-lead">
        Công văn đã ban hành giữ nguyên như bản đã in và gửi đi; chỉ thay đổi những gì VănThư theo dõi: hạn báo cáo, các kỳ và đơn vị phải báo cáo (ví dụ khi
        cơ quan cấp trên gia hạn). Thay đổi được ghi vào nhật ký.
      </p>
      <RequirementEditor requirement={requirement} onChange={setRequirement} today={today} />
      {requirement && (
        <ExpectedUnitsField
          recipients={dispatch.recipients}
          expectedUnitIds={expectedUnitIds}
          onChange={setExpectedUnitIds}
          units={offered}
          groups={groups}
          readOnly={false}
          afterIssue
        />
      )}
    </FormDialog>
  );
}
