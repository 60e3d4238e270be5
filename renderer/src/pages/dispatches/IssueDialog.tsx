import { useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import { api } from '../../api/client';
import { UserFacingError } from '../../api/error-message';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { IntegerInput } from '../../components/IntegerInput';
import { formatDate, parseDate } from '../../formatting/dates';

type Numbering = 'next' | 'typed' | 'later';

interface IssueDialogProps {
  dispatchId: number;
  /** "công văn", "báo cáo": what is being issued. */
  noun: string;
  today: string;
  /** Saves what is still unsaved in the editor; false when that failed. */
  beforeIssue(): Promise<boolean>;
  onIssued(dispatch: Dispatch): void;
  onClose(): void;
}

/** "Ban hành…": the date, and the number: the next one of the year, one typed by hand, or left blank to write by hand. */
export function IssueDialog({ dispatchId, noun, today, beforeIssue, onIssued, onClose }: IssueDialogProps) {
  const [dateText, setDateText] = useState(formatDate(today));
  const [numbering, setNumbering] = useState<Numbering>('next');
  const [number, setNumber] = useState<number | null>(null);
  const date = parseDate(dateText);
  const dateError = date ? null : 'Hãy nhập ngày ban hành dạng dd/mm/yyyy.';
  const numberError = numbering === 'typed' && number === null ? 'Hãy nhập số văn bản (số nguyên dương).' : null;

  const submit = async (): Promise<void> => {
    if (!date || numberError) return;
    if (!(await beforeIssue())) {
      throw new UserFacingError('Chưa lưu được dự thảo nên chưa ban hành. Hãy xem lý do ở đầu trang, sửa rồi ban hành lại.');
    }
    const issued = await api.call('dispatches.issue', {
      id: dispatchId,
      date,
      number: numbering === 'typed' ? number : null,
      numberLater: numbering === 'later',
    });
    onIssued(issued);
  };

  return (
    <FormDialog title={`Ban hành ${noun}`} testId="issue-dialog" submitLabel="Ban hành" onClose={onClose} onSubmit={submit}>
      <div className="form-stack">
        <Field label="Ngày ban hành" required error={dateError}>
          {(control) => <DateInput control={control} value={dateText} onChange={setDateText} />}
        </Field>
        <fieldset className="radio-group">
          <legend className="field-label">Số văn bản</legend>
          <label className="checkbox">
            <input type="radio" name="numbering" checked={numbering === 'next'} onChange={() => setNumbering('next')} data-autofocus />
            <span>Lấy số tiếp theo trong sổ văn bản đi của năm</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="numbering" checked={numbering === 'typed'} onChange={() => setNumbering('typed')} />
            <span>Dùng số đã có:</span>
          </label>
          {numbering === 'typed' && (
            <div className="radio-detail">
              <IntegerInput aria-label="Số văn bản" className="input-number" value={number} min={1} max={999999} allowEmpty autoFocus onChange={setNumber} />
              {numberError && <p className="field-error">{numberError}</p>}
            </div>
          )}
          <label className="checkbox">
            <input type="radio" name="numbering" checked={numbering === 'later'} onChange={() => setNumbering('later')} />
            <span>Để trống số để viết tay sau khi ký</span>
          </label>
          {numbering === 'later' && <p className="field-hint radio-detail">Ghi số vào VănThư sau bằng “Ghi số viết tay…”.</p>}
        </fieldset>
      </div>
    </FormDialog>
  );
}
