import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { reportDocx, reportEml } from '../support/report-samples.js';
import { fillForm, knownValues } from '../support/form-samples.js';
import type { DataForm } from '../../shared/domain/form.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';

/** Returned data forms through the import (issue 6): recognised, matched, read, stored with the entry. */

let app: ReturnType<typeof openTempApp>;
let cv864: Dispatch;
let form: DataForm;
let kienLuong: number;
let tanHiep: number;
beforeEach(() => {
  app = openTempApp();
  app.loadDemoData();
  cv864 = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
  form = app.forms.get(cv864.id)!;
  kienLuong = app.units.findByName('UBND huyện Kiên Lương')!.id;
  tanHiep = app.units.findByName('UBND huyện Tân Hiệp')!.id;
});
afterEach(() => app.cleanup());

let seq = 0;
/** An e-mail with only the filled form attached, from an address that is no unit's, without any reference. */
async function formEmail(xlsx: Buffer, day: string, from = 'vanthu.kienluong@gmail.com'): Promise<Buffer> {
  return reportEml({ from, date: `${day}T09:00:00+07:00`, messageId: `<f${++seq}@test>`, attachments: [{ filename: 'Bieu so lieu.xlsx', content: xlsx }] });
}

/** Kiên Lương's e-mailed report no. `number` (citing 864) with the spreadsheet beside it. */
function reportWithSheet(number: number, sheet: { filename: string; content: Buffer }): Promise<Buffer> {
  const report = reportDocx({ number, symbol: 'BC-UBND', place: 'Kiên Lương', date: [12, 11, 2021], title: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021', year: 2021 });
  return reportEml({
    from: 'ubndkienluong@kiengiang.gov.vn',
    date: '2021-11-12T08:00:00+07:00',
    messageId: `<bc-${number}@test>`,
    attachments: [{ filename: `Báo cáo ${number}-BC-UBND.docx`, content: report }, sheet],
  });
}

async function importOne(bytes: Buffer, name: string, receivedDate?: string) {
  const results = await app.imports.importInputs([{ name, bytes }], receivedDate ? { receivedDate } : {});
  expect(results).toHaveLength(1);
  return results[0]!;
}

const kienLuongForm = async () => (await app.forms.renderXlsx(cv864.id, kienLuong, '2021')).bytes;

const CITES_864 = 'Kèm theo Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông';

/** A table a unit typed itself (column A empty, three rows of the form), with or without a line (the reference to 864) above it. */
async function tanHiepTable(lineAbove: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  sheet.addRow(['', 'BÁO CÁO SỐ LIỆU']);
  sheet.addRow(['', 'Đơn vị báo cáo: UBND huyện Tân Hiệp']);
  if (lineAbove) sheet.addRow(['', lineAbove]);
  sheet.addRow(['', 'TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Kết quả']);
  sheet.addRow(['', 1, '1. Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử', 'tin, bài', 7]);
  sheet.addRow(['', 2, '2. Số buổi tuyên truyền, tập huấn, hội nghị', 'buổi', 2]);
  sheet.addRow(['', 3, '3. Số lượt người tham dự', 'người', 90]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the clerk leaves as recognised when confirming. */
function correctionOf(id: number) {
  const { agency, number, symbol, date, type, subject } = app.incoming.get(id);
  return { agency, number, symbol, date, type, subject };
}

/** The detail of the latest audit entry of an incoming document. */
const lastAudit = (id: number): unknown =>
  JSON.parse(app.db.prepare<[number], { detail: string }>("SELECT detail FROM audit_log WHERE entity = 'incoming_document' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(id)!.detail);

describe('importing a returned data form', () => {
  it('registers the entry, stores the figures, and matches unit, dispatch and period from the form (sender unknown)', async () => {
    const values = knownValues(form, 7);
    const result = await importOne(await formEmail(await fillForm(await kienLuongForm(), values), '2021-11-10'), 'bieu.eml');
    expect(result).toMatchObject({
      status: 'registered',
      reason: null,
      unit: { id: kienLuong, confidence: 0.9 },
      // The form's printed reference and its hidden form key agree.
      dispatch: { id: cv864.id, confidence: 0.97 },
      period: { key: '2021', confidence: 0.9 },
    });
    expect(result.dispatch!.reasons.join(' ')).toContain('biểu số liệu của Công văn số 864/STTTT-TTBCBC');
    expect(result.unit!.reasons).toEqual(['biểu số liệu được lập cho UBND huyện Kiên Lương']);

    const submission = app.forms.submissionOf(result.entryId!);
    expect(submission).toEqual({
      incomingId: result.entryId,
      dispatchId: cv864.id,
      unitId: kienLuong,
      unitName: 'UBND huyện Kiên Lương',
      periodKey: '2021',
      receivedDate: '2021-11-10',
      readBy: 'metadata',
      formVersion: 1,
      values,
      problems: [],
      notes: {},
      corrections: [],
      superseded: false,
    });
    expect(app.forms.submissions(cv864.id, '2021').map((s) => s.incomingId)).toEqual([result.entryId]);
    expect(app.forms.submissions(cv864.id, '2022')).toEqual([]);
    // Tracking counts it: the entry is registered and linked.
    expect(app.tracking.track(cv864.id, '2021-11-20', '2021')[0]!.rows.find((r) => r.unit.id === kienLuong)!.status).toBe('on_time');
  });

  it('a form e-mailed with the unit\'s report agrees with what the report says', async () => {
    const eml = await reportWithSheet(15, { filename: 'Bieu-so-lieu.xlsx', content: await fillForm(await kienLuongForm(), knownValues(form, 1)) });
    const result = await importOne(eml, 'bc.eml');
    expect(result).toMatchObject({ status: 'registered', attachment: 'Báo cáo 15-BC-UBND.docx', unit: { id: kienLuong }, dispatch: { id: cv864.id, confidence: 0.97 }, period: { key: '2021' } });
    expect(result.unit!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(app.forms.submissionOf(result.entryId!)).toMatchObject({ readBy: 'metadata', values: knownValues(form, 1) });
  });

  it('a bad cell puts the entry in review with the cell named', async () => {
    const filled = await fillForm(await kienLuongForm(), knownValues(form, 2), { badCell: { code: 'TINBAI', text: 'mười' } });
    const result = await importOne(filled, 'Kien Luong.xlsx');
    expect(result.status).toBe('needs_review');
    expect(result.reason).toMatch(/^Biểu số liệu có 1 ô cần kiểm tra: D\d+: «mười» không phải là số\.$/);
    const submission = app.forms.submissionOf(result.entryId!)!;
    expect(submission.problems).toEqual([{ cell: expect.stringMatching(/^D\d+$/), indicatorCode: 'TINBAI', message: '«mười» không phải là số' }]);
    expect(submission.values.TINBAI).toBeNull();
    expect(submission.values.PTTH).toBe(knownValues(form, 2).PTTH);
  });

  it('a retyped table, attached to a report that cites 864, is read by names and goes to review', async () => {
    const values = knownValues(form, 3);
    const retyped = await fillForm(await kienLuongForm(), values, { dropMetadata: true, unitName: 'UBND huyện Kiên Lương' });
    const eml = await reportWithSheet(16, { filename: 'So lieu.xlsx', content: retyped });
    const result = await importOne(eml, 'retyped.eml');
    expect(result.status).toBe('needs_review');
    expect(result.reason).toContain('Bảng số liệu không do VănThư tạo (có thể đơn vị đã gõ lại bảng) nên được đọc theo tên chỉ tiêu — cần đối chiếu số liệu');
    expect(app.forms.submissionOf(result.entryId!)).toMatchObject({ readBy: 'names', formVersion: null, values, problems: [], unitId: kienLuong, dispatchId: cv864.id });
  });

  it('a second submission of the same unit and period supersedes the first, keeping both', async () => {
    const first = await importOne(await formEmail(await fillForm(await kienLuongForm(), knownValues(form, 1)), '2021-11-08'), 'first.eml');
    const second = await importOne(await formEmail(await fillForm(await kienLuongForm(), knownValues(form, 2)), '2021-11-11'), 'second.eml');
    // Another unit's form of the same period supersedes nothing.
    const honDat = app.units.findByName('UBND huyện Hòn Đất')!.id;
    const other = await importOne(await formEmail(await fillForm((await app.forms.renderXlsx(cv864.id, honDat, '2021')).bytes, knownValues(form, 4)), '2021-11-12'), 'other.eml');
    const all = app.forms.submissions(cv864.id, '2021');
    expect(all.map((s) => [s.incomingId, s.superseded])).toEqual([
      [first.entryId, true],
      [second.entryId, false],
      [other.entryId, false],
    ]);
    expect(app.forms.submissionOf(first.entryId!)!.superseded).toBe(true);
    expect(app.forms.submissionOf(second.entryId!)!.values).toEqual(knownValues(form, 2));
    // A form with figures returned cannot be removed.
    expect(() => app.forms.remove(cv864.id)).toThrow(/Đã có 3 biểu số liệu do đơn vị gửi về/);
  });

  it('a blank form names its unit and period by what the unit chose in the drop-downs', async () => {
    const blank = (await app.forms.renderXlsx(cv864.id, null, null)).bytes;
    const result = await importOne(await fillForm(blank, knownValues(form, 5), { unitName: 'UBND huyện Hòn Đất', periodLabel: 'Năm 2021' }), 'bieu.xlsx');
    expect(result).toMatchObject({ status: 'registered', unit: { name: 'UBND huyện Hòn Đất', confidence: 0.85 }, period: { key: '2021', confidence: 0.85 } });
  });

  it('when the sender and the form name different units, a person decides', async () => {
    const honDatForm = (await app.forms.renderXlsx(cv864.id, app.units.findByName('UBND huyện Hòn Đất')!.id, '2021')).bytes;
    const result = await importOne(await formEmail(await fillForm(honDatForm, knownValues(form, 1)), '2021-11-10', 'ubndkienluong@kiengiang.gov.vn'), 'mixed.eml');
    expect(result.status).toBe('needs_review');
    expect(result.unit).toMatchObject({ id: kienLuong, confidence: 0.5 });
    expect(result.unit!.reasons.at(-1)).toBe('nhưng biểu số liệu được lập cho UBND huyện Hòn Đất, không phải UBND huyện Kiên Lương');
  });

  it('a short table the unit retyped itself (Tân Hiệp: three rows, its own header) gets its figures, for review', async () => {
    const result = await importOne(await tanHiepTable(`${CITES_864}; năm 2021`), 'tan-hiep-2.xlsx');
    expect(result).toMatchObject({ status: 'needs_review', dispatch: { id: cv864.id }, unit: { id: tanHiep, confidence: 0.85 } });
    expect(result.reason).toContain('đọc theo tên chỉ tiêu — cần đối chiếu số liệu');
    expect(app.forms.submissionOf(result.entryId!)).toMatchObject({ readBy: 'names', unitId: tanHiep, values: { TINBAI: 7, BUOI: 2, NGUOI: 90, PTTH: null } });
  });

  it('a retyped table received in 2022 that says "năm 2021" is for 2021; without the year it would be taken for 2022', async () => {
    const stated = await importOne(await tanHiepTable(`${CITES_864}; năm 2021`), 'tan-hiep-2021.xlsx', '2022-11-10');
    expect(stated).toMatchObject({ dispatch: { id: cv864.id }, period: { key: '2021', confidence: 0.75 } });
    expect(stated.period!.reasons[0]).toBe('bảng số liệu ghi năm 2021');
    expect(app.forms.submissionOf(stated.entryId!)).toMatchObject({ periodKey: '2021', values: { TINBAI: 7, BUOI: 2, NGUOI: 90 } });
    const unstated = await importOne(await tanHiepTable(CITES_864), 'tan-hiep.xlsx', '2022-11-11');
    expect(unstated.period).toMatchObject({ key: '2022', confidence: 0.7 });
  });

  it('stores the unit\'s notes with the figures', async () => {
    const notes = { TINBAI: 'Gồm 12 tin trên Cổng TTĐT huyện', NGUOI: 'Ước tính' };
    const result = await importOne(await fillForm(await kienLuongForm(), knownValues(form, 4), { notes }), 'kien-luong.xlsx');
    expect(result.status).toBe('registered');
    expect(app.forms.submissionOf(result.entryId!)).toMatchObject({ notes, corrections: [] });
    // A retyped table's "Ghi chú" column too.
    const table = await fillForm(await kienLuongForm(), knownValues(form, 5), { dropMetadata: true, unitName: 'UBND huyện Kiên Lương', notes });
    const retyped = await importOne(await reportWithSheet(17, { filename: 'So lieu.xlsx', content: table }), 'retyped.eml');
    expect(app.forms.submissionOf(retyped.entryId!)!.notes).toEqual(notes);
  });

  it('confirming in review reads the spreadsheet against the form of the dispatch the clerk chose, in the same step', async () => {
    // Without the reference to 864 nothing says which dispatch the table answers: no figures at import.
    const result = await importOne(await tanHiepTable(null), 'so-lieu.xlsx', '2021-11-19');
    expect(result).toMatchObject({ status: 'needs_review', dispatch: { id: null } });
    expect(app.forms.submissionOf(result.entryId!)).toBeNull();
    const other = await importOne(await fillForm(await kienLuongForm(), knownValues(form, 1)), 'kien-luong.xlsx');

    const doc = await app.incoming.confirm(result.entryId!, { ...correctionOf(result.entryId!), unitId: tanHiep, dispatchId: cv864.id, periodKey: '2021' });
    expect(doc.status).toBe('registered');
    expect(app.forms.submissionOf(result.entryId!)).toMatchObject({ readBy: 'names', dispatchId: cv864.id, unitId: tanHiep, periodKey: '2021', values: { TINBAI: 7, BUOI: 2, NGUOI: 90 } });
    const row = app.reports.consolidate(cv864.id, '2021').consolidation.rows.find((r) => r.kind === 'indicator' && r.indicator.code === 'NGUOI');
    expect(row).toMatchObject({ indicator: { value: 90 + (knownValues(form, 1).NGUOI as number), contributors: 2 } });
    // The other entry's reading is untouched.
    expect(app.forms.submissionOf(other.entryId!)).toMatchObject({ readBy: 'metadata', values: knownValues(form, 1) });
    expect(lastAudit(result.entryId!)).toMatchObject({ formReread: { readBy: 'names', earlier: null } });
  });

  it('a confirmation that changes the unit reads the form again, replacing that entry\'s reading and keeping the earlier one in the audit log', async () => {
    const result = await importOne(await tanHiepTable(`${CITES_864}; năm 2021`), 'tan-hiep-2.xlsx', '2021-11-19');
    const before = app.forms.submissionOf(result.entryId!)!;
    // Old reading stored as an earlier version of the reader would have left it (one value only).
    app.forms.recordSubmission({ incomingId: result.entryId!, readBy: 'names', formVersion: null, meta: null, values: { TINBAI: 7 }, problems: [] });
    const giongRieng = app.units.findByName('UBND huyện Giồng Riềng')!.id;
    await app.incoming.confirm(result.entryId!, { ...correctionOf(result.entryId!), unitId: giongRieng, dispatchId: cv864.id, periodKey: '2021' });
    expect(app.forms.submissionOf(result.entryId!)).toMatchObject({ unitId: giongRieng, values: before.values });
    expect(lastAudit(result.entryId!)).toMatchObject({ formReread: { readBy: 'names', earlier: { readBy: 'names', values: { TINBAI: 7 } } } });
  });

  it('a confirmation that reads nothing keeps the earlier figures', async () => {
    const result = await importOne(await tanHiepTable(`${CITES_864}; năm 2021`), 'tan-hiep-2.xlsx', '2021-11-19');
    const before = app.forms.submissionOf(result.entryId!)!;
    // Confirmed as answering no dispatch: there is no form to read against, and the figures stay.
    await app.incoming.confirm(result.entryId!, { ...correctionOf(result.entryId!), unitId: tanHiep, dispatchId: null, periodKey: null });
    expect(app.forms.submissionOf(result.entryId!)).toMatchObject({ readBy: 'names', values: before.values });
    expect(lastAudit(result.entryId!)).not.toHaveProperty('formReread');
  });

  it('a spreadsheet that is not a form adds no figures', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('DS').addRow(['Họ tên', 'Chức vụ']);
    const result = await importOne(await formEmail(Buffer.from(await wb.xlsx.writeBuffer()), '2021-11-10'), 'list.eml');
    expect(app.forms.submissionOf(result.entryId!)).toBeNull();
  });
});
