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
  const emails = emailList(value);
  return (
    <>
      <textarea
        {...control}
        className="input textarea"
        rows={3}
        spellCheck={false}
        placeholder={'vanthu@kiengiang.gov.vn\nmột địa chỉ mỗi dòng'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {emails.length > 0 && (
        <ul className="chip-list" aria-label="Các địa chỉ email đã nhập">
          {emails.map((email, index) => {
            const valid = isEmail(email);
            return (
              <li key={`${email}-${index}`} className={`chip${valid ? '' : ' chip-invalid'}`}>
                {email}
                {!valid && <span className="chip-note"> — không hợp lệ</span>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
