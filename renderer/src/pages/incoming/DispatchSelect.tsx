import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { FieldControlProps } from '../../components/Field';
import { formatDate } from '../../formatting/dates';
import { dispatchReference } from '../dispatches/dispatch-text';

const SUBJECT_CHARS = 70;

/** "864/STTTT-TTBCBC ngày 03/08/2021 – V/v đẩy mạnh tuyên truyền…": enough to tell dispatches apart in a list. */
function dispatchOptionLabel(dispatch: Dispatch): string {
  const subject = dispatch.subject.length > SUBJECT_CHARS ? `${dispatch.subject.slice(0, SUBJECT_CHARS - 1)}…` : dispatch.subject;
  const date = dispatch.issueDate ? ` ngày ${formatDate(dispatch.issueDate)}` : '';
  return `${dispatchReference(dispatch)}${date}${subject ? ` – V/v ${subject}` : ''}`;
}

interface DispatchSelectProps {
  control: FieldControlProps;
  dispatches: readonly Dispatch[];
  value: number | null;
  onChange(dispatchId: number | null): void;
}

/** The outgoing dispatch a received document answers, among those issued. */
export function DispatchSelect({ control, dispatches, value, onChange }: DispatchSelectProps) {
  return (
    <select {...control} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">— Không trả lời công văn nào —</option>
      {dispatches.map((dispatch) => (
        <option key={dispatch.id} value={dispatch.id}>
          {dispatchOptionLabel(dispatch)}
        </option>
      ))}
    </select>
  );
}
