import { describe, expect, it } from 'vitest';
import type { Aggregation, DataForm, FormSubmission, IndicatorKind } from '../../shared/domain/form.js';
import { consolidate, currentSubmissions } from '../../main/reports/consolidate.js';
import { FORM_864, SUBMISSIONS_2021, SUBMISSIONS_WITH_REMARKS, UNITS } from '../fixtures/report-2021.js';

const ORDER = UNITS.map((u) => u.id);

function figure(result: ReturnType<typeof consolidate>, code: string) {
  for (const row of result.consolidation.rows) if (row.kind === 'indicator' && row.indicator.code === code) return row.indicator;
  throw new Error(`no indicator ${code}`);
}

/** A one-indicator form over the same code, to try each aggregation on the same figures. */
function formWith(code: string, valueKind: IndicatorKind, aggregation: Aggregation): DataForm {
  return { ...FORM_864, rows: [{ kind: 'indicator', code, name: code, unit: '', valueKind, aggregation, required: false }] };
}

const submission = (incomingId: number, unitId: number, receivedDate: string, values: FormSubmission['values']): FormSubmission => ({
  incomingId,
  dispatchId: 1,
  unitId,
  unitName: `Đơn vị ${unitId}`,
  periodKey: '2021',
  receivedDate,
  readBy: 'metadata',
  formVersion: 1,
  values,
  problems: [],
  notes: {},
  corrections: [],
  superseded: false,
});

describe('consolidate: one figure per indicator over the units that reported it', () => {
  const result = consolidate(FORM_864, '2021', SUBMISSIONS_2021, ORDER);

  it('sums whole numbers, leaving out the cell with a problem and saying why', () => {
    expect(figure(result, 'TINBAI')).toMatchObject({ value: 40 + 125, contributors: 2, aggregation: 'sum', unit: 'tin, bài' });
    expect(figure(result, 'NGUOI')).toMatchObject({ value: 600 + 50 + 1250, contributors: 3 });
    expect(result.excluded).toEqual([
      { unitId: 3, unitName: 'UBND huyện Kiên Lương', indicatorCode: 'TINBAI', indicatorName: 'Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử', reason: 'Ô D7: «mười» không phải là số' },
    ]);
    // The units' values are those that counted, so a table of units adds up to the figures.
    expect(result.consolidation.units.find((u) => u.unitId === 3)?.values).not.toHaveProperty('TINBAI');
    expect(result.consolidation.units.find((u) => u.unitId === 3)?.values).toMatchObject({ NGUOI: 1250 });
  });

  it('counts yes answers and averages percentages over those who gave one', () => {
    expect(figure(result, 'KH')).toMatchObject({ value: 2, contributors: 3 });
    expect(figure(result, 'TYLE')).toMatchObject({ contributors: 3 });
    expect(figure(result, 'TYLE').value).toBeCloseTo((80 + 100.5 + 60) / 3, 9);
  });

  it('lists the texts with the names of the units that wrote them, in the units\' order', () => {
    expect(figure(result, 'KHOKHAN')).toMatchObject({
      value: 'Sở Tài nguyên và Môi trường: Thiếu kinh phí in tờ rơi\nUBND huyện Kiên Lương: Cần thêm tài liệu',
      contributors: 2,
    });
  });

  it('gives null and no contributors where nobody reported, and keeps the form\'s group rows in place', () => {
    expect(figure(result, 'PANO')).toMatchObject({ value: null, contributors: 0 });
    expect(result.consolidation.rows.map((r) => (r.kind === 'group' ? r.label : r.indicator.code)).slice(0, 4)).toEqual([
      'I. Công tác chỉ đạo, triển khai',
      'KH',
      'VBCD',
      'II. Kết quả tuyên truyền',
    ]);
  });

  it('takes min and max, and adds decimals without binary noise', () => {
    const values = [submission(1, 1, '2021-11-01', { X: 0.1 }), submission(2, 2, '2021-11-01', { X: 0.2 }), submission(3, 3, '2021-11-01', { X: 7 })];
    expect(figure(consolidate(formWith('X', 'decimal', 'sum'), '2021', values, ORDER), 'X').value).toBe(7.3);
    expect(figure(consolidate(formWith('X', 'decimal', 'min'), '2021', values, ORDER), 'X').value).toBe(0.1);
    expect(figure(consolidate(formWith('X', 'decimal', 'max'), '2021', values, ORDER), 'X').value).toBe(7);
    expect(figure(consolidate(formWith('X', 'decimal', 'average'), '2021', values, ORDER), 'X').value).toBeCloseTo(7.3 / 3, 9);
  });

  it('leaves out a value of the wrong kind and matches codes whatever their case', () => {
    const values = [submission(1, 1, '2021-11-01', { x: 5 }), submission(2, 2, '2021-11-01', { X: 'năm' }), submission(3, 3, '2021-11-01', { X: true })];
    const r = consolidate(formWith('X', 'integer', 'sum'), '2021', values, ORDER);
    expect(figure(r, 'X')).toMatchObject({ value: 5, contributors: 1 });
    expect(r.excluded.map((e) => [e.unitId, e.reason])).toEqual([
      [2, '«năm» không đúng loại số liệu của chỉ tiêu.'],
      [3, '«true» không đúng loại số liệu của chỉ tiêu.'],
    ]);
  });

  it('returns the units\' notes and the clerk\'s corrections as remarks, in the units\' order and the form\'s, the corrected value counted', () => {
    const r = consolidate(FORM_864, '2021', [...SUBMISSIONS_WITH_REMARKS].reverse(), ORDER);
    expect(r.remarks.map((m) => [m.unitId, m.indicatorCode, m.note, m.correction?.value ?? null])).toEqual([
      [1, 'BUOI', null, 5],
      [2, 'TINBAI', 'Gồm 25 tin trên Cổng TTĐT', null],
      [2, 'NGUOI', 'Ước tính', null],
    ]);
    expect(figure(r, 'BUOI')).toMatchObject({ value: 5 + 1 + 9, contributors: 3 });
    expect(result.remarks).toEqual([]);
  });

  it('orders the units as the registry does, whatever order the submissions came in', () => {
    const r = consolidate(FORM_864, '2021', [...SUBMISSIONS_2021].reverse(), ORDER);
    expect(r.consolidation.units.map((u) => u.unitId)).toEqual([1, 2, 3]);
    expect(r.consolidation).toMatchObject({ dispatchId: 1, periodKey: '2021' });
  });

  it('consolidates 1,000 units × 50 indicators in well under 2 s', () => {
    const form: DataForm = {
      ...FORM_864,
      rows: Array.from({ length: 50 }, (_, k) => ({ kind: 'indicator' as const, code: `C${k}`, name: `Chỉ tiêu ${k}`, unit: 'cái', valueKind: 'integer' as const, aggregation: 'sum' as const, required: false })),
    };
    const many = Array.from({ length: 1000 }, (_, u) => submission(u + 1, u + 1, '2021-11-01', Object.fromEntries(form.rows.map((_, k) => [`C${k}`, u + k]))));
    const started = performance.now();
    const r = consolidate(form, '2021', many, many.map((s) => s.unitId!));
    expect(performance.now() - started).toBeLessThan(1000);
    // Σ_u (u + 7) for u = 0…999.
    expect(figure(r, 'C7')).toMatchObject({ value: (999 * 1000) / 2 + 7 * 1000, contributors: 1000 });
  });
});

describe('currentSubmissions: what counts in the report', () => {
  it('keeps the latest registered submission of each unit and leaves out those in review or of no unit', () => {
    const first = submission(10, 1, '2021-11-05', { X: 1 });
    const correction = submission(11, 1, '2021-11-09', { X: 2 });
    const inReview = submission(12, 1, '2021-11-10', { X: 3 });
    const other = submission(13, 2, '2021-11-06', { X: 4 });
    const noUnit = { ...submission(14, 2, '2021-11-07', { X: 5 }), unitId: null };
    const current = currentSubmissions([first, correction, inReview, other, noUnit], new Set([10, 11, 13, 14]));
    expect(current.map((s) => s.incomingId).sort()).toEqual([11, 13]);
  });

  it('breaks a tie of dates by the later entry', () => {
    const a = submission(20, 1, '2021-11-05', { X: 1 });
    const b = submission(21, 1, '2021-11-05', { X: 2 });
    expect(currentSubmissions([b, a], new Set([20, 21])).map((s) => s.incomingId)).toEqual([21]);
  });
});
