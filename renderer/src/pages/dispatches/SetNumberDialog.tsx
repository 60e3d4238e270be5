import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { IntegerInput } from '../../components/IntegerInput';
import { Notice } from '../../components/Notice';

interface SetNumberDialogProps {
  dispatch: Dispatch;
  onDone(dispatch: Dispatch): void;
  onClose(): void;
}

/** "Ghi số viết tay…": records the number written by hand on a dispatch issued without one. */
export function SetNumberDialog({ dispatch, onDone, onClose }: SetNumberDialogProps) {
  const [number, setNumber] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (busy) return;
    if (number === null) {
      setError('Hãy nhập số đã viết tay trên bản giấy.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('dispatches.setNumber', { id: dispatch.id, number }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Ghi số viết tay"
      size="small"
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            Ghi số
          </button>
          <button type="button" className="button" onClick={onClose}>
            Hủy
          </button>
        </>
      }
    >
      {error && <Notice tone="error">{error}</Notice>}
      <Field label="Số văn bản" required hint={`Số đã viết trên bản giấy, trước “/${dispatch.symbol}”. Số đã ghi thì không sửa được.`}>
        {(control) => <IntegerInput control={control} className="input-number" value={number} min={1} max={999999} allowEmpty dialogFocus onChange={setNumber} />}
      </Field>
    </Dialog>
  );
}
