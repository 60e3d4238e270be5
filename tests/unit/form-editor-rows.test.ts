import { describe, expect, it } from 'vitest';
import type { FormRow, IndicatorRow } from '../../shared/domain/form.js';
import { formProblems, hasProblems, insertAfter, moveItem, newIndicator, nextIndicatorCode, withValueKind } from '../../renderer/src/pages/forms/form-rows.js';
import { formatConsolidated, formatFormValue } from '../../renderer/src/pages/forms/form-text.js';

/** The form editor's rules (renderer/src/pages/forms): what it proposes, and what it says before saving. */

const indicator = (code: string, name = `Chỉ tiêu ${code}`, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  kind: 'indicator',
  code,
  name,
  unit: '',
  valueKind: 'integer',
  aggregation: 'sum',
  required: false,
  ...extra,
});

describe('the code a new indicator gets', () => {
  it('continues the clerk’s series, as wide as it was', () => {
    expect(nextIndicatorCode([indicator('TT01'), indicator('TT07'), indicator('TT03')])).toBe('TT08');
    expect(nextIndicatorCode([indicator('A9')])).toBe('A10');
  });

  it('starts "CT01" after codes without a number, and never repeats one in use', () => {
    expect(nextIndicatorCode([{ kind: 'group', label: 'I. Nhóm' }, indicator('TINBAI')])).toBe('CT01');
    expect(nextIndicatorCode([indicator('ct01'), indicator('KHOKHAN')])).toBe('CT02');
    expect(newIndicator([]).code).toBe('CT01');
  });
});

describe('changing what kind of value an indicator holds', () => {
  it('keeps a consolidation that still makes sense and replaces one that does not', () => {
    const count = indicator('BUOI', 'Số buổi', { unit: 'buổi', aggregation: 'max' });
    expect(withValueKind(count, 'decimal')).toMatchObject({ aggregation: 'max', unit: 'buổi' });
    expect(withValueKind(count, 'boolean')).toMatchObject({ aggregation: 'count_yes', unit: '' });
    expect(withValueKind(count, 'text')).toMatchObject({ aggregation: 'list', unit: '' });
  });

  it('gives a percentage "%" and takes it away again', () => {
    const rate = withValueKind(indicator('TYLE', 'Tỷ lệ', { aggregation: 'sum' }), 'percent');
    expect(rate).toMatchObject({ unit: '%', aggregation: 'average' });
    expect(withValueKind(rate, 'integer').unit).toBe('');
  });
});

describe('moving and inserting rows', () => {
  it('swaps with the neighbour, and leaves the list alone at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('inserts under the row being edited, or at the end', () => {
    expect(insertAfter(['a', 'b', 'c'], 0, 'x')).toEqual(['a', 'x', 'b', 'c']);
    expect(insertAfter(['a', 'b'], null, 'x')).toEqual(['a', 'b', 'x']);
  });
});

describe('problems shown before saving', () => {
  it('has none for a valid form', () => {
    expect(hasProblems(formProblems({ title: 'Biểu số liệu', rows: [{ kind: 'group', label: 'I. Nhóm' }, indicator('TT01')] }))).toBe(false);
  });

  it('names each row’s wrong field, the second of two equal codes (case aside), and the missing title', () => {
    const rows: FormRow[] = [indicator('TT01'), indicator('tt01'), indicator('TT 02'), indicator('TT03', '  '), { kind: 'group', label: '' }];
    const problems = formProblems({ title: ' ', rows });
    expect(problems.title).toBe('Hãy nhập tên biểu mẫu.');
    expect(problems.rows.get(0)).toBeUndefined();
    expect(problems.rows.get(1)?.code).toBe('Mã trùng với dòng 1.');
    expect(problems.rows.get(2)?.code).toMatch(/^Mã chỉ tiêu chỉ gồm chữ không dấu/);
    expect(problems.rows.get(3)?.name).toBe('Chỉ tiêu cần có tên.');
    expect(problems.rows.get(4)?.label).toBe('Dòng nhóm cần có tên.');
  });

  it('says a form of group rows only needs an indicator', () => {
    const problems = formProblems({ title: 'Biểu', rows: [{ kind: 'group', label: 'I. Nhóm' }] });
    expect(problems.general).toEqual(['Biểu mẫu cần ít nhất một chỉ tiêu.']);
  });
});

describe('figures as the clerk reads them', () => {
  it('writes numbers the Vietnamese way, yes/no in words, and an empty cell as nothing', () => {
    expect(formatFormValue(12345.5, 'decimal')).toBe('12.345,5');
    expect(formatFormValue(62.5, 'percent')).toBe('62,5%');
    expect(formatFormValue(true, 'boolean')).toBe('Có');
    expect(formatFormValue(null, 'integer')).toBeNull();
    expect(formatFormValue('', 'text')).toBeNull();
  });

  it('says how many units answered "Có" for a count of yes', () => {
    expect(formatConsolidated({ value: 7, aggregation: 'count_yes' }, 'boolean')).toBe('7 đơn vị có');
    expect(formatConsolidated({ value: 550, aggregation: 'sum' }, 'integer')).toBe('550');
    expect(formatConsolidated({ value: null, aggregation: 'sum' }, 'integer')).toBeNull();
  });
});
