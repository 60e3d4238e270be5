import { useState } from 'react';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import type { CellTarget } from './cell-target';
import { periodPhrase } from './tracking-text';

interface ExemptDialogProps {
  target: CellTarget;
  onDone(): void;
  onClose(): void;
}

/** "Miễn báo cáo…": the unit is not counted for the period; the reason is required and kept with who decided it. */
export function ExemptDialog({ target, onDone, onClose }: ExemptDialogProps) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reasonError = tried && !reason.trim() ? 'Hãy ghi lý do miễn báo cáo.' : null;

  const submit = async (): Promise<void> => {
    setTried(true);
    if (!reason.trim()) return;
    await api.call('tracking.exempt', { dispatchId: target.dispatchId, unitId: target.unit.id, periodKey: target.period.key, reason: reason.trim() });
    onDone();
  };

  return (
    <FormDialog title="Miễn báo cáo" submitLabel="Miễn báo cáo" onClose={onClose} onSubmit={submit}>
      <p className="dialog-lead">
        {target.unit.name} không phải báo cáo kỳ {periodPhrase(target.period.label)}: không tính vào số phải báo cáo và không có tên trong công văn đôn
        đốc. Có thể bỏ miễn sau.
      </p>
      <Field label="Lý do miễn" required error={reasonError} hint="Ví dụ: đơn vị đã giải thể; đã báo cáo chung với đơn vị cấp trên.">
        {(control) => <textarea {...control} className="input textarea" rows={3} maxLength={500} data-autofocus value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
