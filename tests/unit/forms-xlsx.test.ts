import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { fillForm, knownValues } from '../support/form-samples.js';
import { DATA_SHEET, META_SHEET } from '../../main/forms/form-xlsx.js';
import { loadWorkbook, parseTypedNumber, readForm, readTypedValue, reviewReasonOf, indicatorNameSimilarity } from '../../main/forms/read-form-xlsx.js';
import type { DataForm, IndicatorRow } from '../../shared/domain/form.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';

let app: ReturnType<typeof openTempApp>;
let cv864: Dispatch;
let form: DataForm;
let kienLuong: number;
beforeAll(() => {
  app = openTempApp();
  app.loadDemoData();
  cv864 = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
  form = app.forms.get(cv864.id)!;
  kienLuong = app.units.findByName('UBND huyện Kiên Lương')!.id;
});
afterAll(() => app.cleanup());

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = await loadWorkbook(bytes);
  if (!wb) throw new Error('unreadable workbook');
  return wb;
}

const rowOf = (wb: ExcelJS.Workbook, code: string): number => {
  const meta = wb.getWorksheet(META_SHEET)!;
  for (let r = 1; r <= meta.rowCount; r++) if (meta.getCell(r, 1).value === code) return Number(meta.getCell(r, 2).value);
  throw new Error(`no row for ${code}`);
};

describe('the .xlsx form a unit fills in', () => {
  it('the demo dispatch 864 carries the sample form, grouped I–III, with 10–14 indicators', () => {
    expect(form.version).toBe(1);
    expect(form.rows.filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? r.label.split(' ')[0] : ''))).toEqual(['I.', 'II.', 'III.']);
    const indicators = form.rows.filter((r) => r.kind === 'indicator');
    expect(indicators.length).toBeGreaterThanOrEqual(10);
    expect(indicators.length).toBeLessThanOrEqual(14);
    expect(new Set(indicators.map((r) => (r.kind === 'indicator' ? r.valueKind : '')))).toEqual(new Set(['integer', 'percent', 'boolean', 'text']));
  });

  it('is protected with only the value and note cells unlocked, validations on values, and a veryHidden metadata sheet', async () => {
    const { fileName, bytes } = await app.forms.renderXlsx(cv864.id, kienLuong, '2021');
    expect(fileName).toBe('Bieu-so-lieu_864-STTTT-TTBCBC_2021_UBND-huyen-Kien-Luong.xlsx');
    const wb = await workbook(bytes);
    const sheet = wb.getWorksheet(DATA_SHEET)!;
    expect(wb.getWorksheet(META_SHEET)!.state).toBe('veryHidden');
    expect(sheet.state).toBe('visible');
    // exceljs reads the protection back as written: a protected sheet with no password hash.
    expect((sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ sheet: true });
    expect((sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection.hashValue).toBeUndefined();

    expect(sheet.getCell('A2').value).toBe('(Kèm theo Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông)');
    expect(sheet.getCell('C4').value).toBe('UBND huyện Kiên Lương');
    expect(sheet.getCell('C4').protection?.locked).not.toBe(false);
    expect(sheet.getCell('C5').value).toBe('Năm 2021');
    expect(sheet.getRow(7).values).toEqual([undefined, 'STT', 'Chỉ tiêu', 'ĐVT', 'Số liệu', 'Ghi chú']);
    expect(sheet.getCell('A1').font.name).toBe('Times New Roman');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });

    const integerRow = rowOf(wb, 'TINBAI');
    expect(sheet.getCell(`D${integerRow}`).protection).toMatchObject({ locked: false });
    expect(sheet.getCell(`E${integerRow}`).protection).toMatchObject({ locked: false });
    expect(sheet.getCell(`B${integerRow}`).protection?.locked).not.toBe(false);
    expect(sheet.getCell(`B${integerRow}`).value).toBe('Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử (*)');
    expect(sheet.getCell(`D${integerRow}`).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(sheet.getCell(`D${rowOf(wb, 'TYLE')}`).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(sheet.getCell(`D${rowOf(wb, 'KH')}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(sheet.getCell(`D${rowOf(wb, 'KHOKHAN')}`).dataValidation).toBeUndefined();
    // Group rows are bold and locked.
    const group = sheet.getCell(`A${integerRow - 1}`);
    expect(group.value).toBe('II. Kết quả tuyên truyền');
    expect(group.font.bold).toBe(true);

    const meta = wb.getWorksheet(META_SHEET)!;
    const pairs = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [meta.getCell(i + 2, 1).value, meta.getCell(i + 2, 2).value]));
    expect(pairs).toMatchObject({ formKey: form.formKey, formVersion: 1, dispatchId: cv864.id, unitId: kienLuong, periodKey: '2021' });
  });

  it('a blank form offers the expected units and the periods in drop-downs and leaves them unlocked', async () => {
    const { fileName, bytes } = await app.forms.renderXlsx(cv864.id, null, null);
    expect(fileName).toBe('Bieu-so-lieu_864-STTTT-TTBCBC_Mau-trong.xlsx');
    const wb = await workbook(bytes);
    const sheet = wb.getWorksheet(DATA_SHEET)!;
    expect(sheet.getCell('C4').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('C4').dataValidation).toMatchObject({ type: 'list', formulae: ['DS_DonVi'] });
    expect(sheet.getCell('C5').dataValidation).toMatchObject({ type: 'list', formulae: ['DS_KyBaoCao'] });
    const units = wb.definedNames.getRanges('DS_DonVi').ranges;
    expect(units).toEqual([`${META_SHEET}!$H$1:$H$${cv864.expectedUnitIds.length}`]);
    expect(wb.getWorksheet(META_SHEET)!.getCell('H1').value).toBe(app.units.get(cv864.expectedUnitIds[0]!).name);
  });

  it('refuses an unknown period and a dispatch without a form, in Vietnamese', async () => {
    await expect(app.forms.renderXlsx(cv864.id, null, '2030')).rejects.toThrow(/không có kỳ báo cáo "2030"/);
    const other = app.dispatches.createDraft({ subject: 'thử', recipients: [], body: [] } as never);
    await expect(app.forms.renderXlsx(other.id, null, null)).rejects.toThrow(/chưa có biểu số liệu/);
  });
});

describe('reading a returned form', () => {
  it('round trip: the values typed into the generated file come back exactly, by code', async () => {
    const { bytes } = await app.forms.renderXlsx(cv864.id, kienLuong, '2021');
    const values = knownValues(form, 3);
    const reading = readForm(await workbook(await fillForm(bytes, values)), form)!;
    expect(reading.readBy).toBe('metadata');
    expect(reading.values).toEqual(values);
    expect(reading.problems).toEqual([]);
    expect(reading.meta).toMatchObject({ unitId: kienLuong, periodKey: '2021' });
    expect(reading.periodKey).toBe('2021');
    expect(reading.unitName).toBe('UBND huyện Kiên Lương');
    expect(reviewReasonOf(reading)).toBeNull();
  });

  it('reads the unit\'s "Ghi chú" beside each indicator, by code, also from a file written before the note column was recorded', async () => {
    const { bytes } = await app.forms.renderXlsx(cv864.id, kienLuong, '2021');
    const notes = { TINBAI: 'Gồm 12 tin trên Cổng TTĐT huyện', BUOI: '  tổ chức ở\n5 xã  ' };
    const wb = await workbook(await fillForm(bytes, knownValues(form, 3), { notes }));
    const reading = readForm(wb, form)!;
    expect(reading.notes).toEqual({ TINBAI: 'Gồm 12 tin trên Cổng TTĐT huyện', BUOI: 'tổ chức ở 5 xã' });
    expect(reading.values).toEqual(knownValues(form, 3));
    // An older file's hidden sheet has no "noteColumn": the notes are right of the values, as the layout put them.
    const meta = wb.getWorksheet(META_SHEET)!;
    for (let r = 1; r <= meta.rowCount; r++) if (meta.getCell(r, 1).value === 'noteColumn') meta.getCell(r, 2).value = '';
    expect(readForm(await workbook(Buffer.from(await wb.xlsx.writeBuffer())), form)!.notes).toEqual(reading.notes);
  });

  it('keeps the hidden sheet\'s period even when the sheet says another year', async () => {
    const { bytes } = await app.forms.renderXlsx(cv864.id, kienLuong, '2022');
    const wb = await workbook(await fillForm(bytes, knownValues(form, 1)));
    wb.getWorksheet(DATA_SHEET)!.getCell('A3').value = 'Số liệu năm 2021';
    expect(readForm(await workbook(Buffer.from(await wb.xlsx.writeBuffer())), form)).toMatchObject({ periodKey: '2022', periodFrom: 'metadata' });
  });

  it('a blank form tells the unit and the period chosen in its drop-downs', async () => {
    const { bytes } = await app.forms.renderXlsx(cv864.id, null, null);
    const filled = await fillForm(bytes, knownValues(form, 1), { unitName: 'UBND huyện Hòn Đất', periodLabel: 'Năm 2022' });
    const reading = readForm(await workbook(filled), form)!;
    expect(reading).toMatchObject({ readBy: 'metadata', unitName: 'UBND huyện Hòn Đất', periodKey: '2022', periodFrom: 'chosen' });
  });

  it('finds a row again by its name when the unit inserted rows above it', async () => {
    const { bytes } = await app.forms.renderXlsx(cv864.id, kienLuong, '2021');
    const wb = await workbook(await fillForm(bytes, knownValues(form, 2)));
    wb.getWorksheet(DATA_SHEET)!.spliceRows(9, 0, ['', 'Dòng đơn vị tự thêm', '', 999]);
    const reading = readForm(await workbook(Buffer.from(await wb.xlsx.writeBuffer())), form)!;
    expect(reading.readBy).toBe('metadata');
    expect(reading.values).toEqual(knownValues(form, 2));
  });

  it('a retyped table without metadata is read by names (numbered "1.", other columns) and flagged for review', async () => {
    const { bytes } = await app.forms.renderXlsx(cv864.id, kienLuong, '2021');
    const values = knownValues(form, 5);
    const reading = readForm(await workbook(await fillForm(bytes, values, { dropMetadata: true, unitName: 'UBND huyện Kiên Lương' })), form)!;
    expect(reading.readBy).toBe('names');
    expect(reading.meta).toBeNull();
    expect(reading.values).toEqual(values);
    expect(reading.unitName).toBe('UBND huyện Kiên Lương');
    expect(reviewReasonOf(reading)).toMatch(/^bảng số liệu không do VănThư tạo .* đọc theo tên chỉ tiêu/);
    // Its problems point at the retyped sheet's own cells (values in column E there).
    const bad = readForm(await workbook(await fillForm(bytes, values, { dropMetadata: true, badCell: { code: 'BUOI', text: 'mười' } })), form)!;
    expect(bad.problems).toEqual([{ cell: expect.stringMatching(/^E\d+$/), indicatorCode: 'BUOI', message: '«mười» không phải là số' }]);
  });

  it('a file of an older version of the form is read by names and flagged', async () => {
    const { bytes } = await app.forms.renderXlsx(cv864.id, kienLuong, '2021');
    const values = knownValues(form, 4);
    const filled = await fillForm(bytes, values);
    // The clerk then adds an indicator: version 2; the old file has no row for it.
    const input = app.forms.sample();
    const v2 = app.forms.save(cv864.id, { ...input, rows: [...input.rows, { kind: 'indicator', code: 'MOI', name: 'Số cuộc thi tìm hiểu', unit: 'cuộc', valueKind: 'integer', aggregation: 'sum', required: false }] });
    try {
      expect(v2.version).toBe(2);
      const reading = readForm(await workbook(filled), v2)!;
      expect(reading.readBy).toBe('names');
      expect(reading.formVersion).toBe(1);
      expect(reading.values).toEqual({ ...values, MOI: null });
      expect(reading.problems).toEqual([{ cell: null, indicatorCode: 'MOI', message: 'không tìm thấy dòng chỉ tiêu "Số cuộc thi tìm hiểu" trong bảng' }]);
      expect(reviewReasonOf(reading)).toMatch(/mẫu cũ \(phiên bản 1, nay là phiên bản 2\)/);
    } finally {
      // Back to the sample's rows: a change again, so version 3, not 1.
      form = app.forms.save(cv864.id, input);
      expect(form.version).toBe(3);
    }
  });

  it('flags bad cells with their address and a Vietnamese message', async () => {
    const { bytes } = await app.forms.renderXlsx(cv864.id, kienLuong, '2021');
    const wb = await workbook(await fillForm(bytes, knownValues(form, 0)));
    const sheet = wb.getWorksheet(DATA_SHEET)!;
    const cell = (code: string) => sheet.getCell(`D${rowOf(wb, code)}`);
    cell('TINBAI').value = 'mười';
    cell('PTTH').value = -3;
    cell('BUOI').value = null; // required
    cell('KH').value = 'Đang xây dựng';
    cell('NGUOI').value = '1.234'; // Vietnamese thousands: fine for a whole number
    cell('PANO').value = '12 cái'; // its own unit of measure
    cell('TOROI').value = 12.5;
    cell('TYLE').value = 130;
    const reading = readForm(await workbook(Buffer.from(await wb.xlsx.writeBuffer())), form)!;
    const at = (code: string) => `D${rowOf(wb, code)}`;
    expect(reading.problems).toEqual([
      { cell: at('KH'), indicatorCode: 'KH', message: '«Đang xây dựng»: không rõ là Có hay Không' },
      { cell: at('TINBAI'), indicatorCode: 'TINBAI', message: '«mười» không phải là số' },
      { cell: at('PTTH'), indicatorCode: 'PTTH', message: '-3 là số âm — số liệu không được âm' },
      { cell: at('BUOI'), indicatorCode: 'BUOI', message: 'chưa nhập số liệu (chỉ tiêu bắt buộc)' },
      { cell: at('TOROI'), indicatorCode: 'TOROI', message: '12,5 không phải là số nguyên' },
      { cell: at('TYLE'), indicatorCode: 'TYLE', message: 'tỷ lệ 130% vượt quá 100%' },
    ]);
    expect(reading.values).toMatchObject({ TINBAI: null, PTTH: null, TYLE: null, BUOI: null, KH: null, NGUOI: 1234, PANO: 12, TOROI: null });
    expect(reviewReasonOf(reading)).toBe(`biểu số liệu có 6 ô cần kiểm tra: ${at('KH')}: «Đang xây dựng»: không rõ là Có hay Không; ${at('TINBAI')}: «mười» không phải là số; ${at('PTTH')}: -3 là số âm — số liệu không được âm; …`);
  });

  it('a percentage typed with "%" (stored by Excel as 0.855 shown as 85,5%) or as text reads as 85.5', async () => {
    const { bytes } = await app.forms.renderXlsx(cv864.id, kienLuong, '2021');
    for (const [value, numFmt] of [[0.855, '0.0%'], ['85,5%', undefined]] as const) {
      const wb = await workbook(await fillForm(bytes, knownValues(form, 0)));
      const cell = wb.getWorksheet(DATA_SHEET)!.getCell(`D${rowOf(wb, 'TYLE')}`);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      const reading = readForm(await workbook(Buffer.from(await wb.xlsx.writeBuffer())), form)!;
      expect(reading.values.TYLE).toBe(85.5);
      expect(reading.problems).toEqual([]);
    }
  });

  it('a workbook that is not this form is not read as one, quickly even when large', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    sheet.addRow(['Họ tên', 'Chức vụ']);
    for (let r = 0; r < 3000; r++) sheet.addRow(Array.from({ length: 10 }, (_, c) => `Số liệu tuyên truyền của cán bộ thứ ${r}, mục ${c}, năm 2021`));
    const loaded = await workbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const started = performance.now();
    expect(readForm(loaded, form)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('a table the unit retyped itself (no hidden sheet)', () => {
  /** A workbook of the unit's own: `rows` from `origin` (e.g. "D8"), cells merged as given. */
  async function ownTable(rows: ExcelJS.CellValue[][], origin = 'A1', merges: string[] = []): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    const { row: top, col: left } = sheet.getCell(origin).fullAddress;
    rows.forEach((cells, r) => cells.forEach((v, c) => { if (v !== null) sheet.getCell(top + r, left + c).value = v; }));
    for (const range of merges) sheet.mergeCells(range);
    return workbook(Buffer.from(await wb.xlsx.writeBuffer()));
  }
  const only = (values: Record<string, number | string | boolean>) => ({ ...Object.fromEntries(form.rows.flatMap((r) => (r.kind === 'indicator' ? [[r.code, null]] : []))), ...values });

  it('reads a short table of a few rows under "TT | Tên chỉ tiêu | Đơn vị tính | Kết quả" (Tân Hiệp, column A empty)', async () => {
    const wb = await ownTable([
      [null, 'BÁO CÁO SỐ LIỆU'],
      [null, 'Đơn vị báo cáo: UBND huyện Tân Hiệp'],
      [null, 'Kèm theo Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông; năm 2021'],
      [null, 'TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Kết quả'],
      [null, 1, '1. Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử', 'tin, bài', 7],
      [null, 2, '2. Số buổi tuyên truyền, tập huấn, hội nghị', 'buổi', 2],
      [null, 3, '3. Số lượt người tham dự', 'người', 90],
    ]);
    const reading = readForm(wb, form)!;
    // "…; năm 2021" above the table is the period it reports on.
    expect(reading).toMatchObject({ readBy: 'names', meta: null, found: 3, unitName: 'UBND huyện Tân Hiệp', periodKey: '2021', periodFrom: 'table', notes: {} });
    expect(reading.values).toEqual(only({ TINBAI: 7, BUOI: 2, NGUOI: 90 }));
    expect(reading.problems.filter((p) => p.cell !== null)).toEqual([]);
    // The rows it left out are named per indicator, not counted as cells to check.
    expect(reviewReasonOf(reading)).toBe('bảng số liệu không do VănThư tạo (có thể đơn vị đã gõ lại bảng) nên được đọc theo tên chỉ tiêu — cần đối chiếu số liệu; bảng chỉ có 3/13 chỉ tiêu của biểu');
  });

  it('takes "Thực hiện", not "Kế hoạch", in a table that starts anywhere with STT, ĐVT and Ghi chú columns', async () => {
    const wb = await ownTable(
      [
        ['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Ghi chú'],
        ['I', 'Kết quả tuyên truyền', null, null, null, null],
        [1, 'Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử', 'tin, bài', 20, 25, 'vượt 5'],
        [2, 'Số chương trình, phóng sự phát thanh, truyền hình', 'chương trình', 4, 3, 12],
        [3, 'Số buổi tuyên truyền, tập huấn, hội nghị', 'buổi', 10, 11, null],
        [4, 'Số lượt người tham dự', 'lượt người', 500, '1.250', null],
      ],
      'D8',
    );
    const reading = readForm(wb, form)!;
    expect(reading.values).toEqual(only({ TINBAI: 25, PTTH: 3, BUOI: 11, NGUOI: 1250 }));
    // The "Ghi chú" column gives the notes; nothing in the table says which year.
    expect(reading.notes).toEqual({ TINBAI: 'vượt 5', PTTH: '12' });
    expect(reading).toMatchObject({ periodKey: null, periodFrom: null });
  });

  it('reads a two-level header ("Kết quả" over "Kế hoạch | Thực hiện") and the latest year of "Năm 2020 | Năm 2021"', async () => {
    const twoLevel = await ownTable(
      [
        ['TT', 'Chỉ tiêu', 'ĐVT', 'Kết quả', null],
        [null, null, null, 'Kế hoạch', 'Thực hiện'],
        [1, 'Số buổi tuyên truyền, tập huấn, hội nghị', 'buổi', 10, 12],
        [2, 'Số lượt người tham dự', 'lượt người', 400, 380],
        [3, 'Số tờ rơi, tờ gấp, tài liệu đã phát hành', 'tờ', 1000, 1500],
      ],
      'B5',
      ['B5:B6', 'C5:C6', 'D5:D6', 'E5:F5'],
    );
    expect(readForm(twoLevel, form)!.values).toEqual(only({ BUOI: 12, NGUOI: 380, TOROI: 1500 }));
    const years = await ownTable([
      ['Chỉ tiêu', 'Năm 2020', 'Năm 2021'],
      ['Số buổi tuyên truyền, tập huấn, hội nghị', 8, 9],
      ['Số lượt người tham dự', 300, 310],
    ]);
    expect(readForm(years, form)).toMatchObject({ values: only({ BUOI: 9, NGUOI: 310 }), periodKey: '2021', periodFrom: 'table' });
  });

  it.each(['Số liệu', 'Số lượng', 'Giá trị', 'Kết quả thực hiện năm 2021'])('finds the values under "%s" whatever columns come before', async (header) => {
    const wb = await ownTable([
      ['Nội dung', 'Ghi chú', 'Đơn vị', header],
      ['Số buổi tuyên truyền, tập huấn, hội nghị', 'tổ chức ở 5 xã', 'buổi', 6],
      ['Số lượt người tham dự', '', 'người', 240],
    ]);
    expect(readForm(wb, form)!.values).toEqual(only({ BUOI: 6, NGUOI: 240 }));
  });

  it('without a header, the values are in the column where most indicator rows hold a number', async () => {
    const wb = await ownTable(
      [
        ['a)', 'Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử', 'tin, bài', 'đăng trên cổng TTĐT', 14],
        ['b)', 'Số chương trình, phóng sự phát thanh, truyền hình', 'chương trình', null, 2],
        ['c)', 'Số buổi tuyên truyền, tập huấn, hội nghị', 'buổi', '3 hội nghị, 4 lớp', 7],
        ['d)', 'Số lượt người tham dự', 'lượt người', null, 610],
        ['đ)', 'Số băng rôn, khẩu hiệu, áp phích, pa nô', 'cái', null, 35],
      ],
      'C3',
    );
    const reading = readForm(wb, form)!;
    expect(reading.readBy).toBe('names');
    expect(reading.values).toEqual(only({ TINBAI: 14, PTTH: 2, BUOI: 7, NGUOI: 610, PANO: 35 }));
    expect(reading.problems.find((p) => p.indicatorCode === 'BUOI')).toBeUndefined();
  });

  it('a few indicator names in a sheet without a table header are not a form', async () => {
    const wb = await ownTable([
      ['Danh sách đại biểu'],
      ['Số lượt người tham dự', 'Nguyễn Văn A', 45],
      ['Số buổi tuyên truyền, tập huấn, hội nghị', 'Trần Thị B', 30],
    ]);
    expect(readForm(wb, form)).toBeNull();
  });
});

describe('numbers typed as text', () => {
  it.each([
    ['1.234', 'integer', 1234, false],
    ['1.234.567', 'integer', 1234567, false],
    ['12,5', 'decimal', 12.5, false],
    ['1.234,5', 'decimal', 1234.5, false],
    ['1,234.5', 'decimal', 1234.5, false],
    ['1 234', 'integer', 1234, false],
    ['1,234', 'integer', 1234, true],
    ['1.234', 'decimal', 1234, true],
    ['1,234', 'decimal', 1.234, true],
    ['12.5', 'decimal', 12.5, false],
    ['99,500', 'percent', 99.5, true],
    ['-4', 'integer', -4, false],
  ] as const)('%s as %s → %s (guess: %s)', (raw, kind, n, guess) => {
    const parsed = parseTypedNumber(raw, kind)!;
    expect(parsed.n).toBe(n);
    expect(parsed.guess !== null).toBe(guess);
  });

  it('says what it guessed', () => {
    expect(parseTypedNumber('1,234', 'integer')!.guess).toBe('«1,234» được hiểu là 1234 (dấu "," phân cách hàng nghìn) — hãy kiểm tra');
  });

  it.each(['mười', '1..2', '1.23.4', '12a', ''])('%s is not a number', (raw) => {
    expect(parseTypedNumber(raw, 'integer')).toBeNull();
  });
});

describe('a value the clerk types as a correction', () => {
  const indicator = (code: string): IndicatorRow => form.rows.find((r): r is IndicatorRow => r.kind === 'indicator' && r.code === code)!;
  const kinds = (): Record<string, string> => Object.fromEntries(form.rows.flatMap((r) => (r.kind === 'indicator' ? [[r.valueKind, r.code]] : [])));

  it('is read by the same rules as the unit\'s cell, by the indicator\'s kind', () => {
    const k = kinds();
    expect(readTypedValue(' 15 ', indicator('TINBAI'))).toEqual({ value: 15, problem: null });
    expect(readTypedValue('12 buổi', indicator('BUOI'))).toEqual({ value: 12, problem: null });
    expect(readTypedValue('Có', indicator(k.boolean!))).toEqual({ value: true, problem: null });
    expect(readTypedValue('85,5%', indicator(k.percent!))).toEqual({ value: 85.5, problem: null });
    expect(readTypedValue('1,234', indicator('TINBAI')).value).toBe(1234);
  });

  it('says what is wrong with what it cannot take', () => {
    expect(readTypedValue('mười lăm', indicator('TINBAI'))).toEqual({ value: null, problem: '«mười lăm» không phải là số' });
    expect(readTypedValue('-3', indicator('TINBAI'))).toEqual({ value: null, problem: '-3 là số âm — số liệu không được âm' });
    expect(readTypedValue('2,5', indicator('TINBAI')).problem).toBe('2,5 không phải là số nguyên');
    expect(readTypedValue('chắc có', indicator(kinds().boolean!)).problem).toContain('không rõ là Có hay Không');
  });
});

describe('indicator names', () => {
  it('ignore numbering, case, marks, punctuation and small typing differences', () => {
    expect(indicatorNameSimilarity('1. Số buổi tuyên truyền, tập huấn, hội nghị', 'Số buổi tuyên truyền, tập huấn, hội nghị')).toBe(1);
    expect(indicatorNameSimilarity('II.3 - SO BUOI TUYEN TRUYEN TAP HUAN HOI NGHI (*)', 'Số buổi tuyên truyền, tập huấn, hội nghị')).toBe(1);
    expect(indicatorNameSimilarity('Số buổi tuyên truyền, tập huấn, hộ nghị', 'Số buổi tuyên truyền, tập huấn, hội nghị')).toBeGreaterThan(0.9);
    expect(indicatorNameSimilarity('Số lượt người tham dự', 'Số buổi tuyên truyền, tập huấn, hội nghị')).toBeLessThan(0.8);
  });
});
