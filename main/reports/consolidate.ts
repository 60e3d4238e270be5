import type { Consolidation, ConsolidatedIndicator, DataForm, FormCorrection, FormSubmission, FormValue, IndicatorRow } from '../../shared/domain/form.js';

/**
 * Consolidation (tổng hợp): one figure per indicator over the units' current submissions.
 * Pure: the caller chooses the submissions (registered, the latest of each unit) and the
 * units' order; nothing here touches the database.
 *
 * A value counts when its cell had no problem and it is of the indicator's kind (a number
 * for whole numbers, decimals and percentages; yes/no for yes/no; text for text). Values with
 * a problem or of the wrong kind are left out of every figure and returned in `excluded`, so
 * that the report can say what was not counted and why. Each unit's `values` in the result are
 * the values that counted, so that a table of units × indicators adds up to the figures.
 * A value the clerk corrected counts as corrected; it and the units' own notes are returned in
 * `remarks`, for the appendix to say.
 */

export interface ExcludedValue {
  unitId: number;
  unitName: string;
  indicatorCode: string;
  indicatorName: string;
  /** The cell's own problem ("Ô D12: «mười» không phải là số"), or why the value does not fit the indicator. */
  reason: string;
}

/** What the appendix says beside a unit's value: the unit's own note, the clerk's correction. */
export interface ValueRemark {
  unitId: number;
  unitName: string;
  indicatorCode: string;
  indicatorName: string;
  /** The unit's "Ghi chú" beside the indicator. */
  note: string | null;
  correction: FormCorrection | null;
}

export interface ConsolidationResult {
  consolidation: Consolidation;
  excluded: ExcludedValue[];
  /** In the units' order, then the form's. */
  remarks: ValueRemark[];
}

type Usable = number | boolean | string;

/** Rounds away binary noise (0.1 + 0.2) without touching real decimals. */
const clean = (x: number): number => Math.round(x * 1e9) / 1e9;

function usableValue(row: IndicatorRow, value: FormValue): Usable | null {
  switch (row.valueKind) {
    case 'integer':
    case 'decimal':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'text':
      return typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ') : null;
  }
}

/** Yes/no counts as 1/0 in a sum or an average; text has no number. */
function numeric(value: Usable): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

function aggregate(row: IndicatorRow, values: { unitName: string; value: Usable }[]): ConsolidatedIndicator['value'] {
  if (values.length === 0) return null;
  if (row.aggregation === 'list') return values.map((v) => `${v.unitName}: ${formatPlain(v.value)}`).join('\n');
  if (row.aggregation === 'count_yes') return values.filter((v) => v.value === true || (typeof v.value === 'number' && v.value !== 0)).length;
  const numbers = values.map((v) => numeric(v.value)).filter((n): n is number => n !== null);
  if (numbers.length === 0) return null;
  switch (row.aggregation) {
    case 'sum':
      return clean(numbers.reduce((a, b) => a + b, 0));
    case 'average':
      return clean(numbers.reduce((a, b) => a + b, 0) / numbers.length);
    case 'min':
      return Math.min(...numbers);
    case 'max':
      return Math.max(...numbers);
  }
}

function formatPlain(value: Usable): string {
  return typeof value === 'boolean' ? (value ? 'Có' : 'Không') : String(value);
}

/** The figure of each indicator, in the form's order, over `submissions` (one per unit). */
export function consolidate(form: DataForm, periodKey: string, submissions: readonly FormSubmission[], unitOrder: readonly number[]): ConsolidationResult {
  const position = new Map(unitOrder.map((id, index) => [id, index]));
  const current = submissions
    .filter((s): s is FormSubmission & { unitId: number } => s.unitId !== null)
    .sort((a, b) => (position.get(a.unitId) ?? Infinity) - (position.get(b.unitId) ?? Infinity) || a.unitId - b.unitId);

  const indicators = form.rows.filter((r): r is IndicatorRow => r.kind === 'indicator');
  const collected = new Map<string, { unitName: string; value: Usable }[]>(indicators.map((r) => [r.code, []]));
  const excluded: ExcludedValue[] = [];
  const remarks: ValueRemark[] = [];
  const countedOf = new Map<number, Record<string, FormValue>>();

  for (const s of current) {
    const counted: Record<string, FormValue> = {};
    countedOf.set(s.incomingId, counted);
    const unitName = s.unitName ?? `Đơn vị #${s.unitId}`;
    const problems = new Map<string, string>();
    for (const p of s.problems) if (p.indicatorCode !== null) problems.set(p.indicatorCode.toUpperCase(), p.cell ? `Ô ${p.cell}: ${p.message}` : p.message);
    // Codes are matched without regard to case, as the form's own uniqueness rule does (by case only when needed).
    let folded: Map<string, FormValue> | null = null;
    const valueOf = (code: string): FormValue => {
      if (Object.hasOwn(s.values, code)) return s.values[code] ?? null;
      folded ??= new Map(Object.entries(s.values).map(([c, v]) => [c.toUpperCase(), v]));
      return folded.get(code.toUpperCase()) ?? null;
    };
    const corrections = new Map(s.corrections.map((c) => [c.indicatorCode.toUpperCase(), c]));
    const notes = new Map(Object.entries(s.notes).map(([code, note]) => [code.toUpperCase(), note]));
    for (const row of indicators) {
      const key = row.code.toUpperCase();
      const raw = valueOf(row.code);
      const problem = problems.size ? problems.get(key) : undefined;
      const base = { unitId: s.unitId, unitName, indicatorCode: row.code, indicatorName: row.name };
      const note = notes.size ? notes.get(key) : undefined;
      const correction = corrections.size ? corrections.get(key) : undefined;
      if (note !== undefined || correction !== undefined) remarks.push({ ...base, note: note ?? null, correction: correction ?? null });
      if (problem !== undefined) {
        excluded.push({ ...base, reason: problem });
        continue;
      }
      if (raw === null || raw === '') continue;
      const value = usableValue(row, raw);
      if (value === null) excluded.push({ ...base, reason: `«${String(raw)}» không đúng loại số liệu của chỉ tiêu.` });
      else {
        collected.get(row.code)?.push({ unitName, value });
        counted[row.code] = value;
      }
    }
  }

  const rows: Consolidation['rows'] = form.rows.map((row) => {
    if (row.kind === 'group') return { kind: 'group', label: row.label };
    const values = collected.get(row.code) ?? [];
    return {
      kind: 'indicator',
      indicator: { code: row.code, name: row.name, unit: row.unit, aggregation: row.aggregation, value: aggregate(row, values), contributors: values.length },
    };
  });

  return {
    consolidation: {
      dispatchId: form.dispatchId,
      periodKey,
      form,
      rows,
      units: current.map((s) => ({ unitId: s.unitId, unitName: s.unitName ?? `Đơn vị #${s.unitId}`, receivedDate: s.receivedDate, incomingId: s.incomingId, values: countedOf.get(s.incomingId) ?? {} })),
    },
    excluded,
    remarks,
  };
}

/**
 * The submissions that count: registered ones of a known unit, the latest of each unit. A
 * correction still in review does not yet replace the registered figures before it.
 */
export function currentSubmissions(submissions: readonly FormSubmission[], registered: ReadonlySet<number>): FormSubmission[] {
  const latest = new Map<number, FormSubmission>();
  for (const s of submissions) {
    if (s.unitId === null || !registered.has(s.incomingId)) continue;
    const before = latest.get(s.unitId);
    if (!before || before.receivedDate < s.receivedDate || (before.receivedDate === s.receivedDate && before.incomingId < s.incomingId)) latest.set(s.unitId, s);
  }
  return [...latest.values()];
}
