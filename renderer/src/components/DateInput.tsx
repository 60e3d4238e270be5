import { formatDate, parseDate } from '../formatting/dates';
import type { FieldControlProps } from './Field';

interface DateInputProps {
  control: FieldControlProps;
  /** What the clerk typed; tidied to dd/mm/yyyy when the field is left. */
  value: string;
  onChange(value: string): void;
}

/**
 * A date typed as dd/mm/yyyy whatever the language of the browser or of Windows
 * (the native date field follows the system language and may show mm/dd/yyyy).
 */
export function DateInput({ control, value, onChange }: DateInputProps) {
  return (
    <input
      {...control}
      type="text"
      className="input input-date"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const iso = parseDate(value);
        if (iso) onChange(formatDate(iso));
      }}
    />
  );
}
