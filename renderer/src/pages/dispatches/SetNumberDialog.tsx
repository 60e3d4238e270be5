import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { UserFacingError } from '../../api/error-message';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { IntegerInput } from '../../components/IntegerInput';

interface SetNumberDialogProps {
  dispatch: Dispatch;
  onDone(dispatch: Dispatch): void;
  onClose(): void;
}

/** "Ghi số viết tay…": records the number written by hand on a dispatch issued without one. */
export function SetNumberDialog({ dispatch, onDone, onClose }: SetNumberDialogProps) {
  const [number, setNumber] = useState<number | null>(null);

  const submit = async (): Promise<void> => {
    if (number === null) throw new UserFacingError('Hãy nhập số đã viết tay trên bản giấy.');
    onDone(await api.call('dispatches.setNumber', { id: dispatch.id, number }));
  };

  return (
    <FormDialog title="Ghi số viết tay" submitLabel="Ghi số" onClose={onClose} onSubmit={submit}>
      <Field label="Số văn bản" required hint={`Số đã viết trên bản giấy, trước “/${dispatch.symbol}”. Số đã ghi thì không sửa được.`}>
        {(control) => <IntegerInput control={control} className="input-number" value={number} min={1} max={999999} allowEmpty dialogFocus onChange={setNumber} />}
      </Field>
    </FormDialog>
  );
}
