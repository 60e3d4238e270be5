/**
 * The whole loop of issue 6 on the demo data: dispatch 864 with its sample form → a form for each
 * of 20 units → filled with known figures (two retyped without the hidden sheet, one with a bad
 * cell) → e-mailed back with the unit's report, some before the deadline and some after →
 * imported → the retyped ones confirmed in review as the clerk would → the Báo cáo and its
 * appendix. The totals in the .docx table and in the .xlsx equal the known sums exactly.
 *
 * Set VANTHU_REPORT_OUT to a folder to keep the .docx and .xlsx (to look at them, e.g. as PDF).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataForm, FormValue, IndicatorRow } from '../../shared/domain/form.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';
import type { Unit } from '../../shared/domain/unit.js';
import { openTempApp } from '../support/temp-app.js';
import { reportDocx, reportEml } from '../support/report-samples.js';
import { fillForm, knownValues } from '../support/form-samples.js';
import { flat, unpack, type Tbl } from '../support/docx-xml.js';

const RETYPED = new Set([3, 11]);
const BAD = 6;
/** Units 16–19 send after the last day (14/11/2021): 2 to 5 days late. */
const LATE_FROM = 16;
const receivedOn = (k: number): string => (k >= LATE_FROM ? `2021-11-${16 + k - LATE_FROM}` : `2021-11-${String(1 + (k % 10)).padStart(2, '0')}`);

/** "1.234" as the report writes whole numbers; "61,25" for decimals (at most two places). */
function vn(n: number): string {
  const [whole, fraction] = (Math.round(n * 100) / 100).toString().split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${fraction ? `,${fraction}` : ''}`;
}

let app: ReturnType<typeof openTempApp>;
let dispatch: Dispatch;
let form: DataForm;
let indicators: IndicatorRow[];
/** The 20 units that return the form (every other unit of the registry), by their k. */
let reporting: Unit[];
let others: Unit[];
let entryOf: Map<number, number>;

/** What the report must show for an indicator, from the figures of the units counted. */
function expected(row: IndicatorRow, counted: number[]): { value: string; contributors: number; number: number } {
  const values = counted.map((k) => knownValues(form, k)[row.code] as FormValue);
  switch (row.aggregation) {
    case 'sum': {
      const sum = values.reduce<number>((a, v) => a + (v as number), 0);
      return { value: vn(sum), contributors: values.length, number: sum };
    }
    case 'average': {
      const average = values.reduce<number>((a, v) => a + (v as number), 0) / values.length;
      return { value: vn(average), contributors: values.length, number: average };
    }
    case 'count_yes': {
      const yes = values.filter((v) => v === true).length;
      return { value: `${yes} đơn vị`, contributors: values.length, number: yes };
    }
    case 'list':
      return { value: `${values.length} ý kiến`, contributors: values.length, number: values.length };
    default:
      throw new Error(`the sample form has no ${row.aggregation}`);
  }
}

beforeAll(async () => {
  app = openTempApp();
  app.loadDemoData();
  dispatch = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
  form = app.forms.get(dispatch.id)!;
  indicators = form.rows.filter((r): r is IndicatorRow => r.kind === 'indicator');
  const all = app.units.list();
  reporting = all.filter((_, i) => i % 2 === 0).slice(0, 20);
  others = all.filter((u) => !reporting.includes(u));

  const files = await Promise.all(
    reporting.map(async (unit, k) => {
      const blank = (await app.forms.renderXlsx(dispatch.id, unit.id, '2021')).bytes;
      const xlsx = await fillForm(blank, knownValues(form, k), {
        ...(RETYPED.has(k) ? { dropMetadata: true, unitName: unit.name } : {}),
        ...(k === BAD ? { badCell: { code: 'TINBAI', text: 'mười' } } : {}),
      });
      const [y, m, d] = receivedOn(k).split('-').map(Number) as [number, number, number];
      const docx = reportDocx({ agency: [unit.name.toLocaleUpperCase('vi')], number: 100 + k, symbol: 'BC-UBND', place: 'Kiên Giang', date: [d, m, y], title: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021', year: 2021 });
      const eml = await reportEml({
        from: unit.emails[0]!,
        date: `${receivedOn(k)}T09:00:00+07:00`,
        messageId: `<loop-${k}@test>`,
        attachments: [
          { filename: `Bao cao ${100 + k}.docx`, content: docx },
          { filename: 'Bieu so lieu.xlsx', content: xlsx },
        ],
      });
      return { name: `${k}.eml`, bytes: eml };
    }),
  );
  const results = await app.imports.importInputs(files);
  expect(results.map((r) => r.status).filter((s) => s !== 'registered' && s !== 'needs_review')).toEqual([]);
  entryOf = new Map(results.map((r, k) => [k, r.entryId!]));

  // The clerk checks the retyped tables against the units' reports and confirms them; the bad cell waits.
  for (const [k, id] of entryOf) {
    const doc = app.incoming.get(id);
    if (doc.status !== 'needs_review' || k === BAD) continue;
    const { agency, number, symbol, date, type, subject } = doc;
    await app.incoming.confirm(id, { agency, number, symbol, date, type, subject, unitId: reporting[k]!.id, dispatchId: dispatch.id, periodKey: '2021' });
  }
}, 120_000);

afterAll(() => app.cleanup());

const cellText = (t: Tbl, row: number, col: number): string => flat(t.rows[row]?.cells[col]?.paragraphs.map((p) => p.text).join(' ') ?? '');

describe('the report of 864 for 2021, from 20 returned forms', () => {
  const counted = (): number[] => reporting.map((_, k) => k).filter((k) => k !== BAD);

  it('read the retyped tables by name and kept the bad cell in review', () => {
    for (const k of RETYPED) expect(app.forms.submissionOf(entryOf.get(k)!)).toMatchObject({ readBy: 'names', unitId: reporting[k]!.id });
    const bad = app.incoming.get(entryOf.get(BAD)!);
    expect(bad.status).toBe('needs_review');
    expect(bad.reviewReason).toContain('«mười»');
    expect(app.forms.submissionOf(bad.id)?.problems).toEqual([expect.objectContaining({ indicatorCode: 'TINBAI' })]);
  });

  it('prints totals in the .docx table equal to the known sums, with the units counted', async () => {
    const draft = app.reports.createDraft(dispatch.id, '2021', '2021-11-20');
    const bytes = await app.dispatchRenderer.docx(draft, app.settings.getProfile(), { draftYear: 2021 });
    const out = process.env.VANTHU_REPORT_OUT;
    if (out) fs.writeFileSync(path.join(out, 'bao-cao-864-2021.docx'), bytes);
    const docx = await unpack(bytes);
    const table = docx.tbls.find((t) => cellText(t, 0, 0) === 'STT')!;
    expect(table).toBeDefined();
    for (const row of indicators) {
      const index = table.rows.findIndex((_, r) => cellText(table, r, 1) === row.name);
      expect(index, row.name).toBeGreaterThan(0);
      const want = expected(row, counted());
      expect([cellText(table, index, 3), cellText(table, index, 4)], row.code).toEqual([want.value, String(want.contributors)]);
    }

    const paragraphs = docx.paras.map((p) => flat(p.text));
    const names = (units: Unit[]) => units.map((u) => u.name).join('; ');
    expect(paragraphs).toContain(`- Chưa báo cáo (${others.length} đơn vị): ${names(others)}.`);
    const late = reporting.slice(LATE_FROM).map((u, i) => `${u.name} (${2 + i} ngày)`);
    expect(paragraphs).toContain(`- Báo cáo trễ hạn (4 đơn vị): ${late.join('; ')}.`);
    expect(paragraphs).toContain(`- Đã gửi nhưng đang kiểm tra, chưa đưa vào tổng hợp (1 đơn vị): ${reporting[BAD]!.name}.`);
    expect(paragraphs.find((p) => p.startsWith('Theo yêu cầu, có 41 cơ quan, đơn vị'))).toContain('đã nhận được báo cáo của 19 cơ quan, đơn vị, trong đó 15 đơn vị báo cáo đúng hạn, 4 đơn vị báo cáo trễ hạn.');
    // Each unit's own words, from the report it attached.
    expect(paragraphs).toContain(`- ${reporting[0]!.name}: Đã đăng 25 tin, bài trên trang thông tin điện tử.`);
  });

  it('totals the appendix with formulas whose results equal the known sums', async () => {
    const file = await app.reports.appendixXlsx(dispatch.id, '2021', '2021-11-20');
    const out = process.env.VANTHU_REPORT_OUT;
    if (out) fs.writeFileSync(path.join(out, 'phu-luc-864-2021.xlsx'), file.bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tổng hợp')!;
    const header = sheet.getRow(6);
    const units = counted().map((k) => reporting[k]!.name);
    expect(Array.from({ length: units.length }, (_, i) => sheet.getRow(7 + i).getCell(2).value)).toEqual(units);
    const total = sheet.getRow(7 + units.length);
    expect(total.getCell(2).value).toBe('Tổng hợp');
    for (const row of indicators) {
      const column = Array.from({ length: sheet.columnCount }, (_, c) => c + 1).find((c) => String(header.getCell(c).value).startsWith(row.name))!;
      const want = expected(row, counted());
      const cell = total.getCell(column).value as ExcelJS.CellFormulaValue;
      expect(cell.formula, row.code).toMatch(/^(SUM|IF|COUNTIF|COUNTA)\(/);
      expect(cell.result, row.code).toBeCloseTo(want.number, 9);
      if (row.aggregation === 'sum') {
        // The cells the formula adds up hold the same figures.
        const cells = units.map((_, i) => sheet.getRow(7 + i).getCell(column).value as number);
        expect(cells.reduce((a, b) => a + b, 0)).toBe(want.number);
      }
    }
  });

  it('counts the unit with the bad cell once confirmed, leaving that one value out', async () => {
    const bad = app.incoming.get(entryOf.get(BAD)!);
    const { agency, number, symbol, date, type, subject } = bad;
    await app.incoming.confirm(bad.id, { agency, number, symbol, date, type, subject, unitId: reporting[BAD]!.id, dispatchId: dispatch.id, periodKey: '2021' });
    const result = app.reports.consolidate(dispatch.id, '2021');
    const all = reporting.map((_, k) => k);
    for (const row of result.consolidation.rows) {
      if (row.kind !== 'indicator') continue;
      const base = indicators.find((i) => i.code === row.indicator.code)!;
      const want = expected(base, row.indicator.code === 'TINBAI' ? all.filter((k) => k !== BAD) : all);
      expect([row.indicator.value, row.indicator.contributors], row.indicator.code).toEqual([base.aggregation === 'list' ? expect.any(String) : want.number, want.contributors]);
    }
    expect(result.excluded).toEqual([expect.objectContaining({ unitId: reporting[BAD]!.id, indicatorCode: 'TINBAI' })]);
  });
});
