import { useState } from 'react';
import type { ReportingRequirement } from '../../../../shared/domain/dispatch';
import type { Unit } from '../../../../shared/domain/unit';
import { reportingPeriods } from '../../../../shared/tracking/periods';
import { api } from '../../api/client';
import { useToast } from '../../app/toasts';
import { downloadFile } from '../../components/download-file';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { formatDate } from '../../formatting/dates';

interface FormForUnitDialogProps {
  dispatchId: number;
  requirement: ReportingRequirement;
  /** The units expected to report, in the order the dispatch names them. */
  units: Unit[];
  today: string;
  onClose(): void;
}

/** The period a unit is most likely filling in now: the first whose last day has not passed, else the last one. */
function currentPeriodKey(requirement: ReportingRequirement, today: string): string {
  const periods = reportingPeriods(requirement);
  return (periods.find((p) => p.lastDay >= today) ?? periods[periods.length - 1])?.key ?? '';
}

/**
 * "Tải cho một đơn vị…": the .xlsx with the unit's name filled in and its id and the period in the
 * hidden sheet, so the file it sends back is recognised even when renamed or forwarded.
 */
export function FormForUnitDialog({ dispatchId, requirement, units, today, onClose }: FormForUnitDialogProps) {
  const showToast = useToast();
  const periods = reportingPeriods(requirement);
  const [unitId, setUnitId] = useState<number | null>(units[0]?.id ?? null);
  const [periodKey, setPeriodKey] = useState(() => currentPeriodKey(requirement, today));

  const submit = async (): Promise<void> => {
    if (unitId === null) return;
    const file = await api.call('forms.renderXlsx', { dispatchId, unitId, periodKey: periodKey || null });
    downloadFile(file);
    showToast({ message: `Đã tạo tệp ${file.fileName}.` });
    onClose();
  };

  return (
    <FormDialog title="Tải biểu mẫu cho một đơn vị" size="small" testId="form-for-unit-dialog" submitLabel="Tải biểu mẫu" submitDisabled={unitId === null} onClose={onClose} onSubmit={submit}>
      <div className="form-stack">
        {units.length === 0 ? (
          <p className="muted">Công văn chưa có đơn vị nào phải báo cáo. Hãy chọn các đơn vị trong mục “Yêu cầu báo cáo”.</p>
        ) : (
          <Field label="Đơn vị" hint="Tên đơn vị được điền sẵn trong tệp; tệp gửi về được nhận ra đúng đơn vị.">
            {(control) => (
              <select {...control} className="input" data-autofocus value={unitId ?? ''} onChange={(e) => setUnitId(Number(e.target.value))}>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {periods.length > 1 && (
          <Field label="Kỳ báo cáo">
            {(control) => (
              <select {...control} className="input" value={periodKey} onChange={(e) => setPeriodKey(e.target.value)}>
                {periods.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label} — hạn cuối {formatDate(p.lastDay)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
    </FormDialog>
  );
}
