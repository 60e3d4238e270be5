import type { Aggregation, ConsolidatedIndicator, FormRow, FormValue, IndicatorKind, IndicatorRow } from '../../../../shared/domain/form';

/** What a value cell holds, as the clerk chooses it. */
export const KIND_LABELS: Readonly<Record<IndicatorKind, string>> = {
  integer: 'Số nguyên',
  decimal: 'Số thập phân',
  percent: 'Tỷ lệ %',
  boolean: 'Có/Không',
  text: 'Văn bản',
};

/** How the units' values become one figure in the report. */
export const AGGREGATION_LABELS: Readonly<Record<Aggregation, string>> = {
  sum: 'Cộng',
  average: 'Trung bình',
  min: 'Nhỏ nhất',
  max: 'Lớn nhất',
  count_yes: 'Đếm “Có”',
  list: 'Liệt kê',
};

/** The ways a kind of value can be consolidated; the first is what a new indicator of that kind gets. */
export const AGGREGATIONS_FOR: Readonly<Record<IndicatorKind, readonly Aggregation[]>> = {
  integer: ['sum', 'average', 'min', 'max'],
  decimal: ['sum', 'average', 'min', 'max'],
  percent: ['average', 'min', 'max'],
  boolean: ['count_yes', 'list'],
  text: ['list'],
};

/** Yes/no and text values have no unit of measure; a percentage's is "%". */
export function kindHasUnit(kind: IndicatorKind): boolean {
  return kind === 'integer' || kind === 'decimal';
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A figure as written in Vietnamese: "1.234", "12,5"; a percentage with its sign. */
export function formatNumber(value: number, kind: IndicatorKind | null = null): string {
  return kind === 'percent' ? `${numberFormat.format(value)}%` : numberFormat.format(value);
}

/** A unit's value for the screen; null when the cell was empty or unreadable. */
export function formatFormValue(value: FormValue | undefined, kind: IndicatorKind | null): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return formatNumber(value, kind);
  return value;
}

/** A consolidated figure: "1.234", "12,5%" (average of percentages), "7 đơn vị có", or the units' texts. */
export function formatConsolidated(indicator: Pick<ConsolidatedIndicator, 'value' | 'aggregation'>, kind: IndicatorKind | null): string | null {
  const { value, aggregation } = indicator;
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (aggregation === 'count_yes') return `${numberFormat.format(value)} đơn vị có`;
  return formatNumber(value, kind);
}

/** The form's indicators by code (case-insensitive, as the core reads them). */
export function indicatorsByCode(rows: readonly FormRow[]): Map<string, IndicatorRow> {
  const map = new Map<string, IndicatorRow>();
  for (const row of rows) if (row.kind === 'indicator') map.set(row.code.toUpperCase(), row);
  return map;
}
