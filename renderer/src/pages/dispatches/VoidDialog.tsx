import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { dispatchReference } from './dispatch-text';

interface VoidDialogProps {
  dispatch: Dispatch;
  onDone(dispatch: Dispatch): void;
  onClose(): void;
}

/** "Hủy văn bản…": an issued dispatch is never deleted; it is voided with a reason and keeps its number. */
export function VoidDialog({ dispatch, onDone, onClose }: VoidDialogProps) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reasonError = tried && !reason.trim() ? 'Hãy nhập lý do hủy văn bản.' : null;

  const submit = async (): Promise<void> => {
    setTried(true);
    if (!reason.trim()) return;
    onDone(await api.call('dispatches.void', { id: dispatch.id, reason: reason.trim() }));
  };

  return (
    <FormDialog
      title={`Hủy văn bản ${dispatchReference(dispatch)}`}
      submitLabel="Hủy văn bản"
      submitTone="danger"
      cancelLabel="Đóng"
      onClose={onClose}
      onSubmit={submit}
    >
      <p className="dialog-lead">Văn bản đã hủy vẫn ở trong sổ văn bản đi (gạch ngang, ghi lý do) và số của nó không được cấp lại.</p>
      <Field label="Lý do hủy" required error={reasonError}>
        {(control) => <textarea {...control} className="input textarea" rows={3} maxLength={500} data-autofocus value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
