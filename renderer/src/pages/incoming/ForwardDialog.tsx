import { useState } from 'react';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { api } from '../../api/client';
import { useAppState } from '../../app/app-context';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { formatDate, parseDate } from '../../formatting/dates';
import { arrivalLabel } from './incoming-text';

interface ForwardDialogProps {
  document: IncomingDocument;
  onClose(): void;
  onForwarded(document: IncomingDocument): void;
}

/** "Chuyển cho…": to which department or person the document went, and when (the register's columns 7 and 8). */
export function ForwardDialog({ document, onClose, onForwarded }: ForwardDialogProps) {
  const { info, profile } = useAppState();
  const [to, setTo] = useState(document.forwardedTo ?? '');
  const [dateText, setDateText] = useState(formatDate(document.forwardedDate ?? info.today));
  const [attempted, setAttempted] = useState(false);
  const date = parseDate(dateText);
  const toError = attempted && !to.trim() ? 'Hãy nhập đơn vị hoặc người nhận.' : null;
  const dateError = date === undefined || (attempted && date === null) ? 'Hãy nhập ngày chuyển dạng dd/mm/yyyy.' : null;

  const submit = async (): Promise<void> => {
    setAttempted(true);
    if (!to.trim() || !date) return;
    onForwarded(await api.call('incoming.forward', { id: document.id, to: to.trim(), date }));
  };

  return (
    <FormDialog
      title={`Chuyển văn bản đến số ${arrivalLabel(document.arrivalNumber, document.arrivalYear)}`}
      testId="forward-dialog"
      submitLabel="Chuyển"
      onClose={onClose}
      onSubmit={submit}
    >
      <div className="form-stack">
        <Field label="Đơn vị hoặc người nhận" required error={toError} hint="Phòng, ban hoặc người được giao xử lý, ví dụ “Phòng Thông tin - Báo chí - Xuất bản” hoặc “Ông Nguyễn Văn A”.">
          {(control) => (
            <>
              <input {...control} className="input" list="forward-departments" data-autofocus maxLength={300} value={to} onChange={(e) => setTo(e.target.value)} />
              <datalist id="forward-departments">
                {profile?.departments.map((d) => (
                  <option key={d.code} value={d.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Ngày chuyển" required error={dateError}>
          {(control) => <DateInput control={control} value={dateText} onChange={setDateText} />}
        </Field>
      </div>
    </FormDialog>
  );
}
