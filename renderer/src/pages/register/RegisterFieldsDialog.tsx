import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { IntegerInput } from '../../components/IntegerInput';
import { formatDate, parseDate } from '../../formatting/dates';
import { dispatchReference, subjectLine } from '../dispatches/dispatch-text';

interface RegisterFieldsDialogProps {
  dispatch: Dispatch;
  onSaved(dispatch: Dispatch): void;
  onClose(): void;
}

/** The outgoing-register columns filled in after issue: copies, who keeps the file copy, when it was sent, notes. */
export function RegisterFieldsDialog({ dispatch, onSaved, onClose }: RegisterFieldsDialogProps) {
  const [copies, setCopies] = useState<number | null>(dispatch.copies);
  const [fileKeeper, setFileKeeper] = useState(dispatch.fileKeeper ?? '');
  const [sentText, setSentText] = useState(dispatch.sentDate ? formatDate(dispatch.sentDate) : '');
  const [notes, setNotes] = useState(dispatch.notes ?? '');
  const sentDate = parseDate(sentText);
  const defaultKeeper = dispatch.departmentCode ? `VT, ${dispatch.departmentCode}` : 'VT';

  const submit = async (): Promise<void> => {
    if (sentDate === undefined) return;
    const saved = await api.call('dispatches.updateRegisterFields', {
      id: dispatch.id,
      copies,
      fileKeeper: fileKeeper.trim() || null,
      notes: notes.trim() || null,
      sentDate,
    });
    onSaved(saved);
  };

  return (
    <FormDialog
      title={`Sổ văn bản đi: ${dispatchReference(dispatch)}`}
      size="medium"
      testId="register-fields-dialog"
      submitLabel="Lưu"
      onClose={onClose}
      onSubmit={submit}
    >
      <p className="dialog-lead">{subjectLine(dispatch)}</p>
      <div className="form-grid">
        <Field label="Số lượng bản">
          {(control) => <IntegerInput control={control} className="input-number" value={copies} min={0} max={10000} allowEmpty dialogFocus onChange={setCopies} />}
        </Field>
        <Field label="Ngày chuyển" error={sentDate === undefined ? 'Hãy nhập ngày dạng dd/mm/yyyy.' : null}>
          {(control) => <DateInput control={control} value={sentText} onChange={setSentText} />}
        </Field>
        <Field label="Đơn vị, người nhận bản lưu" wide hint={`Để trống thì ghi “${defaultKeeper}”.`}>
          {(control) => <input {...control} className="input" maxLength={300} placeholder={defaultKeeper} value={fileKeeper} onChange={(e) => setFileKeeper(e.target.value)} />}
        </Field>
        <Field label="Ghi chú" wide>
          {(control) => <textarea {...control} className="input textarea" rows={3} maxLength={500} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
      </div>
    </FormDialog>
  );
}
