import { DataFormInput, type FormRow, type IndicatorKind, type IndicatorRow } from '../../../../shared/domain/form';
import { AGGREGATIONS_FOR, kindHasUnit } from './form-text';

/** What the form editor holds: the form as the clerk is typing it. */
export interface FormDraft {
  title: string;
  rows: FormRow[];
}

export type RowField = 'code' | 'name' | 'unit' | 'label';

export interface FormProblems {
  title: string | null;
  /** By row index: the message under each field that is wrong. */
  rows: Map<number, Partial<Record<RowField, string>>>;
  /** What belongs to no one row ("Biểu mẫu cần ít nhất một chỉ tiêu."). */
  general: string[];
}

/**
 * The next code in the clerk's own series: after "TT07" comes "TT08" (the highest number of that
 * prefix plus one, as wide as it was); "CT01" when there is no series yet. Never one already used.
 */
export function nextIndicatorCode(rows: readonly FormRow[]): string {
  const codes = rows.flatMap((r) => (r.kind === 'indicator' ? [r.code.trim()] : []));
  const used = new Set(codes.map((c) => c.toUpperCase()));
  const series = /^(.*?)(\d+)$/.exec(codes[codes.length - 1] ?? '');
  const prefix = series?.[1] ?? 'CT';
  const width = series?.[2]?.length ?? 2;
  const numbers = codes.flatMap((c) => {
    const m = /^(.*?)(\d+)$/.exec(c);
    return m && m[1] === prefix ? [Number(m[2])] : [];
  });
  let next = Math.max(0, ...numbers) + 1;
  while (used.has(`${prefix}${String(next).padStart(width, '0')}`.toUpperCase())) next++;
  return `${prefix}${String(next).padStart(width, '0')}`;
}

export function newIndicator(rows: readonly FormRow[]): IndicatorRow {
  return { kind: 'indicator', code: nextIndicatorCode(rows), name: '', unit: '', valueKind: 'integer', aggregation: 'sum', required: false };
}

export function newGroup(): FormRow {
  return { kind: 'group', label: '' };
}

/** A new kind of value keeps the consolidation when it still makes sense; "%" and no unit where the kind implies them. */
export function withValueKind(row: IndicatorRow, valueKind: IndicatorKind): IndicatorRow {
  const allowed = AGGREGATIONS_FOR[valueKind];
  const aggregation = allowed.includes(row.aggregation) ? row.aggregation : (allowed[0] ?? 'list');
  const unit = kindHasUnit(valueKind) ? (row.unit === '%' ? '' : row.unit) : valueKind === 'percent' ? '%' : '';
  return { ...row, valueKind, aggregation, unit };
}

/** `items` with `item` put after position `index` (at the end when `index` is null). */
export function insertAfter<T>(items: readonly T[], index: number | null, item: T): T[] {
  const at = index === null ? items.length : index + 1;
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/** `items` with the one at `index` swapped with its neighbour above (-1) or below (+1). */
export function moveItem<T>(items: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  const a = items[index];
  const b = items[target];
  if (a === undefined || b === undefined) return [...items];
  const next = [...items];
  next[index] = b;
  next[target] = a;
  return next;
}

/**
 * What is wrong with the form, field by field, by the same rules the core saves it by (the
 * shared schema), so the clerk sees every problem beside its row before anything is sent.
 */
export function formProblems(draft: FormDraft): FormProblems {
  const problems: FormProblems = { title: null, rows: new Map(), general: [] };
  const setRow = (index: number, field: RowField, message: string): void => {
    const fields = problems.rows.get(index) ?? {};
    fields[field] ??= message;
    problems.rows.set(index, fields);
  };

  const firstRowWithCode = new Map<string, number>();
  draft.rows.forEach((row, index) => {
    if (row.kind !== 'indicator' || !row.code.trim()) return;
    const code = row.code.trim().toUpperCase();
    const first = firstRowWithCode.get(code);
    if (first === undefined) firstRowWithCode.set(code, index);
    else setRow(index, 'code', `Mã trùng với dòng ${first + 1}.`);
  });

  const parsed = DataFormInput.safeParse(draft);
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const [where, index, field] = issue.path;
    if (where === 'title') problems.title ??= issue.message;
    else if (where === 'rows' && typeof index === 'number' && (field === 'code' || field === 'name' || field === 'unit' || field === 'label')) {
      setRow(index, field, issue.message);
    } else if (!(where === undefined && problems.rows.size > 0 && /trùng mã/.test(issue.message))) {
      // The duplicate-code rule of the whole form is already shown beside the rows.
      problems.general.push(issue.message);
    }
  }
  problems.general = [...new Set(problems.general)];
  return problems;
}

export function hasProblems(problems: FormProblems): boolean {
  return problems.title !== null || problems.rows.size > 0 || problems.general.length > 0;
}

/** The draft as the core would store it, to tell whether anything changed. */
export function sameDraft(a: FormDraft, b: FormDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
