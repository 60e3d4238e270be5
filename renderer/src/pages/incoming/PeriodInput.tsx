import type { Dispatch } from '../../../../shared/domain/dispatch';
import { reportingPeriods } from '../../../../shared/tracking/periods';
import type { FieldControlProps } from '../../components/Field';
import { formatDate } from '../../formatting/dates';
import { periodLabel } from './incoming-text';

interface PeriodInputProps {
  control: FieldControlProps;
  /** The dispatch answered: when it asks for reports, its periods are offered. */
  dispatch: Dispatch | null;
  value: string;
  onChange(key: string): void;
}

/** The reporting period: one of the answered dispatch's periods, else a key typed by hand (2021, 2022-H1, 2023-Q3, 2023-07). */
export function PeriodInput({ control, dispatch, value, onChange }: PeriodInputProps) {
  if (!dispatch?.requirement) {
    return (
      <input
        {...control}
        className="input"
        autoComplete="off"
        spellCheck={false}
        placeholder="ví dụ 2021, 2022-H1, 2023-Q3, 2023-07"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const periods = reportingPeriods(dispatch.requirement);
  const known = value === '' || periods.some((p) => p.key === value);
  return (
    <select {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">— Chưa rõ kỳ báo cáo —</option>
      {!known && <option value={value}>{periodLabel(value)} (không thuộc các kỳ của công văn)</option>}
      {periods.map((p) => (
        <option key={p.key} value={p.key}>
          {p.label} – hạn cuối {formatDate(p.lastDay)}
        </option>
      ))}
    </select>
  );
}
