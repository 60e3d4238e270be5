
interface YearSelectProps {
  /** The years to offer, newest first. */
  years: number[];
  /** Null for "every year" (offered only with `allLabel`). */
  value: number | null;
  onChange(year: number | null): void;
  /** The option for "no year filter", e.g. "Tất cả các năm". */
  allLabel?: string;
  id?: string;
}

/** Chooses the year a list or register shows. */
export function YearSelect({ years, value, onChange, allLabel, id }: YearSelectProps) {
  const offered = value === null || years.includes(value) ? years : [value, ...years].sort((a, b) => b - a);
  return (
    <select
      id={id}
      className="input year-select"
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      {allLabel && <option value="">{allLabel}</option>}
      {offered.map((year) => (
        <option key={year} value={year}>
          Năm {year}
        </option>
      ))}
    </select>
  );
}
