import { isEmail } from '../../../../shared/domain/unit';
import type { FieldControlProps } from '../../components/Field';
import { emailList } from './unit-form-values';

interface EmailListInputProps {
  control: FieldControlProps;
  value: string;
  onChange(value: string): void;
}

/** E-mail addresses one per line, echoed below as chips so that a mistyped one stands out. */
export function EmailListInput({ control, value, onChange }: EmailListInputProps) {
  const emails = emailList(value).map((email) => ({ email, valid: isEmail(email) }));
  // One valid address needs no echo; several, or any mistyped one, are shown as chips.
  const showChips = emails.length > 1 || emails.some((e) => !e.valid);
  return (
    <>
      <textarea
        {...control}
        className="input textarea"
        rows={3}
        spellCheck={false}
        placeholder="vanthu@kiengiang.gov.vn"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {showChips && (
        <ul className="chip-list">
          {emails.map(({ email, valid }, index) => (
            <li key={`${email}-${index}`} className={`chip${valid ? '' : ' chip-invalid'}`}>
              {email}
              {!valid && <span className="chip-note"> — không hợp lệ</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
