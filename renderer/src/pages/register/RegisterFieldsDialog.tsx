import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { DateInput } from '../../components/DateInput';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { IntegerInput } from '../../components/IntegerInput';
import { Notice } from '../../components/Notice';
import { formatDate, parseDate } from '../../formatting/dates';
import { dispatchReference } from '../dispatches/dispatch-text';

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sentDate = parseDate(sentText);
  const defaultKeeper = dispatch.departmentCode ? `VT, ${dispatch.departmentCode}` : 'VT';

  const submit = async (): Promise<void> => {
    if (busy || sentDate === undefined) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('dispatches.updateRegisterFields', {
        id: dispatch.id,
        copies,
        fileKeeper: fileKeeper.trim() || null,
        notes: notes.trim() || null,
        sentDate,
      });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Sổ văn bản đi: ${dispatchReference(dispatch)}`}
      size="medium"
      testId="register-fields-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            Lưu
          </button>
          <button type="button" className="button" onClick={onClose}>
            Hủy
          </button>
        </>
      }
    >
      {error && <Notice tone="error">{error}</Notice>}
      <p className="dialog-lead">V/v {dispatch.subject}</p>
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
    </Dialog>
  );
}
