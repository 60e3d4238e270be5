import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { dispatchReference } from './dispatch-text';

interface VoidDialogProps {
  dispatch: Dispatch;
  onDone(dispatch: Dispatch): void;
  onClose(): void;
}

/** "Hủy văn bản…": an issued dispatch is never deleted; it is voided with a reason and keeps its number. */
export function VoidDialog({ dispatch, onDone, onClose }: VoidDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const reasonError = tried && !reason.trim() ? 'Hãy nhập lý do hủy văn bản.' : null;

  const submit = async (): Promise<void> => {
    setTried(true);
    if (busy || !reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('dispatches.void', { id: dispatch.id, reason: reason.trim() }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Hủy văn bản ${dispatchReference(dispatch)}`}
      size="small"
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="submit" className="button button-danger" disabled={busy} aria-busy={busy}>
            Hủy văn bản
          </button>
          <button type="button" className="button" onClick={onClose}>
            Đóng
          </button>
        </>
      }
    >
      {error && <Notice tone="error">{error}</Notice>}
      <p className="dialog-lead">Văn bản đã hủy vẫn ở trong sổ văn bản đi (gạch ngang, ghi lý do) và số của nó không được cấp lại.</p>
      <Field label="Lý do hủy" required error={reasonError}>
        {(control) => <textarea {...control} className="input textarea" rows={3} maxLength={500} data-autofocus value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </Dialog>
  );
}
