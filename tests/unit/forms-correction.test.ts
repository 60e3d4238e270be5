import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { fillForm, knownValues } from '../support/form-samples.js';
import { createCore } from '../../main/api/core.js';
import { replaceReasonPart } from '../../main/forms/forms-service.js';
import type { DataForm } from '../../shared/domain/form.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';

/**
 * Correcting a flagged value of a returned form after the unit confirmed it by phone (issue 6):
 * read by the indicator's kind, stored beside the value from the file, audited; the cell leaves
 * the review reason, and the corrected value counts in the report and its appendix.
 */

let app: ReturnType<typeof openTempApp>;
let cv864: Dispatch;
let form: DataForm;
let honDat: number;
beforeEach(() => {
  app = openTempApp();
  app.loadDemoData();
  cv864 = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
  form = app.forms.get(cv864.id)!;
  honDat = app.units.findByName('UBND huyện Hòn Đất')!.id;
});
afterEach(() => app.cleanup());

const TODAY = '2021-11-20';

/** A unit's form for 2021 with `values`, optionally with words typed into a number cell. */
async function importForm(unitName: string, n: number, received: string, badCell?: { code: string; text: string }) {
  const unit = app.units.findByName(unitName)!.id;
  const blank = (await app.forms.renderXlsx(cv864.id, unit, '2021')).bytes;
  const [result] = await app.imports.importInputs([{ name: `${unitName}.xlsx`, bytes: await fillForm(blank, knownValues(form, n), badCell ? { badCell } : {}) }], { receivedDate: received });
  return result!;
}

/** Hòn Đất's form with "mười lăm" in the number cell of TINBAI: waiting in review. */
const importHonDat = () => importForm('UBND huyện Hòn Đất', 2, '2021-11-18', { code: 'TINBAI', text: 'mười lăm' });

/** What a UserError thrown must carry. */
const userError = (fields: { code: string; message?: string }): Error => expect.objectContaining(fields);

const corrections = () => app.db.prepare("SELECT detail FROM audit_log WHERE detail LIKE '%formCorrection%' ORDER BY id").all() as { detail: string }[];
const tinbai = (dispatchId: number) =>
  app.reports.consolidate(dispatchId, '2021').consolidation.rows.flatMap((r) => (r.kind === 'indicator' && r.indicator.code === 'TINBAI' ? [r.indicator] : []))[0]!;

describe('correcting a flagged value', () => {
  it('refuses what the indicator cannot take, saying what to type, and changes nothing', async () => {
    const { entryId } = await importHonDat();
    const before = app.forms.submissionOf(entryId!)!;
    const correct = (code: string, typed: string) => () => app.forms.correctValue(entryId!, code, typed, TODAY);
    expect(correct('TINBAI', 'mười sáu')).toThrow(userError({ code: 'invalid_value', message: '«mười sáu» không phải là số. Hãy nhập số nguyên từ 0 trở lên, ví dụ 15.' }));
    expect(correct('TINBAI', '-3')).toThrow(userError({ code: 'invalid_value', message: '-3 là số âm — số liệu không được âm. Hãy nhập số nguyên từ 0 trở lên, ví dụ 15.' }));
    expect(correct('TINBAI', '  ')).toThrow(userError({ code: 'value_required' }));
    expect(correct('KHONGCO', '15')).toThrow(userError({ code: 'unknown_indicator' }));
    expect(app.forms.submissionOf(entryId!)).toEqual(before);
    expect(corrections()).toEqual([]);
  });

  it('stores the corrected value beside the one read, audited, and takes the cell out of the review reason', async () => {
    const { entryId, reason } = await importHonDat();
    const cell = /^Biểu số liệu có 1 ô cần kiểm tra: (D\d+): «mười lăm» không phải là số\.$/.exec(reason!)![1];
    const now = app.forms.correctValue(entryId!, 'tinbai', '15', TODAY);
    expect(now.values.TINBAI).toBe(15);
    expect(now.problems).toEqual([]);
    expect(now.corrections).toEqual([
      { indicatorCode: 'TINBAI', cell, readValue: null, readProblem: '«mười lăm» không phải là số', value: 15, by: app.audit.actor, on: TODAY, at: expect.any(String) },
    ]);
    expect(app.forms.submissionOf(entryId!)).toEqual(now);
    // The cell was the only reason for review: none is left, and the clerk still confirms it.
    expect(app.incoming.get(entryId!)).toMatchObject({ status: 'needs_review', reviewReason: null });
    // What the file gave is kept as it was read.
    const stored = app.db.prepare('SELECT values_json, problems_json FROM form_submissions WHERE incoming_id = ?').get(entryId) as { values_json: string; problems_json: string };
    expect(JSON.parse(stored.values_json).TINBAI).toBeNull();
    expect(JSON.parse(stored.problems_json)).toEqual([{ cell, indicatorCode: 'TINBAI', message: '«mười lăm» không phải là số' }]);
    expect(corrections().map((r) => JSON.parse(r.detail))).toEqual([
      { formCorrection: { indicatorCode: 'TINBAI', cell, readValue: null, readProblem: '«mười lăm» không phải là số', before: null, value: 15 } },
    ]);
    expect(app.audit.list({ kind: 'incoming' }).entries[0]!.summary).toBe('Sửa số liệu chỉ tiêu TINBAI thành 15 theo xác nhận của đơn vị');
  });

  it('can be changed and withdrawn: withdrawn, the file\'s value and the review reason are back', async () => {
    const { entryId, reason } = await importHonDat();
    app.forms.correctValue(entryId!, 'TINBAI', '15', TODAY);
    expect(app.forms.correctValue(entryId!, 'TINBAI', '1.250', TODAY).values.TINBAI).toBe(1250);
    const back = app.forms.correctValue(entryId!, 'TINBAI', null, TODAY);
    expect(back).toMatchObject({ values: { TINBAI: null }, problems: [{ indicatorCode: 'TINBAI', message: '«mười lăm» không phải là số' }], corrections: [] });
    expect(app.incoming.get(entryId!).reviewReason).toBe(reason);
    expect(corrections().map((r) => JSON.parse(r.detail).formCorrection)).toMatchObject([
      { before: null, value: 15 },
      { before: 15, value: 1250 },
      { before: 1250, value: null },
    ]);
    expect(app.audit.list({ kind: 'incoming' }).entries[0]!.summary).toBe('Bỏ sửa số liệu chỉ tiêu TINBAI (dùng lại số liệu trong tệp)');
  });

  it('counts the corrected value in the consolidation once the entry is registered, and the appendix says so', async () => {
    const kienLuong = await importForm('UBND huyện Kiên Lương', 1, '2021-11-10');
    const { entryId } = await importHonDat();
    const { agency, number, symbol, date, type, subject } = app.incoming.get(entryId!);
    await app.incoming.confirm(entryId!, { agency, number, symbol, date, type, subject, unitId: honDat, dispatchId: cv864.id, periodKey: '2021' });
    const fromKienLuong = app.forms.submissionOf(kienLuong.entryId!)!.values.TINBAI as number;
    expect(tinbai(cv864.id)).toMatchObject({ value: fromKienLuong, contributors: 1 });

    // Corrected on the document's page after it was registered.
    app.forms.correctValue(entryId!, 'TINBAI', '15', TODAY);
    expect(tinbai(cv864.id)).toMatchObject({ value: fromKienLuong + 15, contributors: 2 });
    expect(app.reports.consolidate(cv864.id, '2021').excluded).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await app.reports.appendixXlsx(cv864.id, '2021', TODAY)).bytes as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Tổng hợp')!;
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(2).value === 'UBND huyện Hòn Đất')!;
    const column = [...Array(sheet.columnCount).keys()].map((i) => i + 1).find((c) => String(sheet.getRow(6).getCell(c).value).startsWith('Số tin, bài'))!;
    expect(row.getCell(column).value).toBe(15);
    expect(String(row.getCell(column).note)).toMatch(/^Đã sửa theo xác nhận của đơn vị ngày 20\/11\/2021 \(trong tệp, ô D\d+: «mười lăm» không phải là số\)$/);
    const notes = wb.getWorksheet('Ghi chú')!;
    expect((notes.getRow(6).values as unknown[]).slice(1, 5)).toEqual([1, 'UBND huyện Hòn Đất', 'Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử (tin, bài)', 15]);
    expect(String(notes.getRow(6).getCell(5).value)).toContain('Đã sửa theo xác nhận của đơn vị ngày 20/11/2021');
  });

  it('counts only while the entry answers the dispatch it was made against', async () => {
    const { entryId } = await importHonDat();
    app.forms.correctValue(entryId!, 'TINBAI', '15', TODAY);
    app.incoming.unlinkDispatch(entryId!);
    expect(app.forms.submissionOf(entryId!)).toMatchObject({ dispatchId: null, values: { TINBAI: null }, corrections: [] });
    expect(() => app.forms.correctValue(entryId!, 'TINBAI', '15', TODAY)).toThrow(userError({ code: 'no_dispatch' }));
  });

  it('goes through the API with its input bounded', async () => {
    const { entryId } = await importHonDat();
    const core = createCore(app, 'browser');
    expect(await core.call('forms.correctValue', { incomingId: entryId!, indicatorCode: 'TINBAI', value: 'x'.repeat(2001) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.call('forms.correctValue', { incomingId: entryId!, indicatorCode: 'TINBAI', value: 'mười lăm' })).toMatchObject({ ok: false, error: { code: 'invalid_value' } });
    expect(await core.call('forms.correctValue', { incomingId: entryId!, indicatorCode: 'TINBAI', value: '15' })).toMatchObject({ ok: true, result: { values: { TINBAI: 15 }, problems: [] } });
    expect(await core.call('forms.correctValue', { incomingId: 999_999, indicatorCode: 'TINBAI', value: '15' })).toMatchObject({ ok: false, error: { code: 'not_a_form' } });
  });
});

describe('a review reason with the part about cells replaced', () => {
  const cells2 = 'biểu số liệu có 2 ô cần kiểm tra: D9: «mười» không phải là số; D12: -3 là số âm — số liệu không được âm';
  const cells1 = 'biểu số liệu có 1 ô cần kiểm tra: D12: -3 là số âm — số liệu không được âm';

  it('keeps the other parts, the capital and the full stop', () => {
    expect(replaceReasonPart(`Chưa chắc đơn vị gửi là X; ${cells2}.`, cells2, cells1)).toBe(`Chưa chắc đơn vị gửi là X; ${cells1}.`);
    expect(replaceReasonPart(`Chưa chắc đơn vị gửi là X; ${cells1}.`, cells1, null)).toBe('Chưa chắc đơn vị gửi là X.');
    expect(replaceReasonPart(`B${cells1.slice(1)}; chưa rõ kỳ báo cáo.`, cells1, null)).toBe('Chưa rõ kỳ báo cáo.');
    expect(replaceReasonPart(`B${cells1.slice(1)}.`, cells1, null)).toBeNull();
  });

  it('adds the part back at the end, and leaves a reason it does not find alone', () => {
    expect(replaceReasonPart('Chưa rõ kỳ báo cáo.', null, cells1)).toBe(`Chưa rõ kỳ báo cáo; ${cells1}.`);
    expect(replaceReasonPart(null, null, cells1)).toBe(`B${cells1.slice(1)}.`);
    expect(replaceReasonPart('Văn thư đã sửa lý do.', cells2, cells1)).toBe('Văn thư đã sửa lý do.');
  });
});
