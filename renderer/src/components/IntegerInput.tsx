import { useState } from 'react';
import type { FieldControlProps } from './Field';

interface IntegerInputProps {
  control?: FieldControlProps;
  value: number | null;
  /** Called with each whole number in range as it is typed, and with null when the field is emptied (if `allowEmpty`). */
  onChange(value: number | null): void;
  min: number;
  max: number;
  allowEmpty?: boolean;
  className?: string;
  'aria-label'?: string;
  /** Takes the focus when it appears (`autoFocus`), or when its dialog opens (`dialogFocus`). */
  autoFocus?: boolean;
  dialogFocus?: boolean;
}

/**
 * A whole number typed as text: what is typed stays on screen while it is incomplete or out
 * of range, and only a valid number reaches the form.
 */
export function IntegerInput({ control, value, onChange, min, max, allowEmpty, className, 'aria-label': ariaLabel, autoFocus, dialogFocus }: IntegerInputProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    // The value changed from outside (another field, a reset): show it.
    setShownValue(value);
    setText(value === null ? '' : String(value));
  }
  const parsed = /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
  const valid = text.trim() === '' ? Boolean(allowEmpty) : parsed !== null && parsed >= min && parsed <= max;
  return (
    <input
      {...control}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className={`input input-integer ${className ?? ''}`}
      aria-label={ariaLabel}
      autoFocus={autoFocus}
      data-autofocus={dialogFocus || undefined}
      aria-invalid={!valid || control?.['aria-invalid'] || undefined}
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        const t = next.trim();
        if (t === '' && allowEmpty) {
          setShownValue(null);
          onChange(null);
        } else if (/^\d+$/.test(t) && Number(t) >= min && Number(t) <= max) {
          setShownValue(Number(t));
          onChange(Number(t));
        }
      }}
      onBlur={() => {
        if (!valid) {
          setText(shownValue === null ? '' : String(shownValue));
        }
      }}
    />
  );
}
