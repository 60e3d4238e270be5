import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidate } from '../../main/reports/consolidate.js';
import { writeAppendixXlsx } from '../../main/reports/appendix-xlsx.js';
import { FORM_864, SUBMISSIONS_2021, SUBMISSIONS_WITH_REMARKS, TRACKING_2021, UNITS } from '../fixtures/report-2021.js';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const input = {
  consolidation: consolidate(FORM_864, '2021', SUBMISSIONS_2021, UNITS.map((u) => u.id)),
  tracking: TRACKING_2021,
  agencyName: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  dispatchCitation: 'Công văn số 864/STTTT-TTBCBC ngày 03/8/2021',
};

/** The column of an indicator in "Tổng hợp", by the start of its header. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const row = sheet.getRow(6);
  for (let c = 1; c <= sheet.columnCount; c++) if (String(row.getCell(c).value ?? '').startsWith(header)) return c;
  throw new Error(`no column "${header}"`);
}

describe('the appendix .xlsx', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await writeAppendixXlsx(input));
  });

  it('has the figures and the reporting situation, each print-ready: A4 landscape, fit to width, header rows repeated', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Ghi chú', 'Tình hình báo cáo']);
    const [figures, notes, reporting] = wb.worksheets;
    for (const sheet of [figures!, notes!, reporting!]) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    // Two header rows in "Tổng hợp": the form's groups over their indicators, then the indicators.
    expect(figures!.pageSetup.printTitlesRow).toBe('5:6');
    expect(notes!.pageSetup.printTitlesRow).toBe('5:5');
    expect(reporting!.pageSetup.printTitlesRow).toBe('5:5');
  });

  it('lists units × indicators with Vietnamese headers carrying the ĐVT, in Times New Roman', () => {
    const sheet = wb.getWorksheet('Tổng hợp')!;
    expect(sheet.getCell('A2').value).toBe('PHỤ LỤC: BIỂU SỐ LIỆU KẾT QUẢ TUYÊN TRUYỀN PHÒNG, CHỐNG RÁC THẢI NHỰA');
    // STT and the unit's name span both header rows.
    expect(sheet.getCell('A5').value).toBe('STT');
    expect(sheet.getCell('B6').value).toBe('Cơ quan, đơn vị');
    expect(sheet.getRow(6).getCell(columnOf(sheet, 'Số tin, bài')).value).toBe('Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử (tin, bài)');
    expect(sheet.getCell(5, 3).value).toBe('I. Công tác chỉ đạo, triển khai');
    expect(sheet.getCell(5, columnOf(sheet, 'Số tin, bài')).value).toBe('II. Kết quả tuyên truyền');
    expect([7, 8, 9].map((r) => sheet.getRow(r).getCell(2).value)).toEqual(['Sở Tài nguyên và Môi trường', 'Báo Kiên Giang', 'UBND huyện Kiên Lương']);
    expect(sheet.getRow(7).getCell(columnOf(sheet, 'Đã ban hành')).value).toBe('Có');
    for (const address of ['A1', 'A2', 'B6', 'B7', 'C10']) expect(sheet.getCell(address).font?.name).toBe('Times New Roman');
  });

  it('totals each indicator with the formula of its aggregation, the figure cached', () => {
    const sheet = wb.getWorksheet('Tổng hợp')!;
    expect(sheet.getCell('B10').value).toBe('Tổng hợp');
    expect(sheet.getCell('B11').value).toBe('Số đơn vị báo cáo');
    const total = (header: string) => sheet.getRow(10).getCell(columnOf(sheet, header)).value as ExcelJS.CellFormulaValue;
    const letter = (header: string) => sheet.getColumn(columnOf(sheet, header)).letter;
    const t = letter('Số tin, bài');
    expect(total('Số tin, bài')).toEqual({ formula: `SUM(${t}7:${t}9)`, result: 165 });
    const y = letter('Tỷ lệ');
    expect(total('Tỷ lệ').formula).toBe(`IF(COUNT(${y}7:${y}9)=0,"",AVERAGE(${y}7:${y}9))`);
    expect(total('Tỷ lệ').result).toBeCloseTo(80.1667, 3);
    const k = letter('Đã ban hành');
    expect(total('Đã ban hành')).toEqual({ formula: `COUNTIF(${k}7:${k}9,"Có")`, result: 2 });
    const l = letter('Khó khăn');
    expect(total('Khó khăn')).toEqual({ formula: `COUNTA(${l}7:${l}9)`, result: 2 });
    expect(sheet.getRow(11).getCell(columnOf(sheet, 'Số tin, bài')).value).toEqual({ formula: `COUNT(${t}7:${t}9)`, result: 2 });
  });

  it('leaves the value with a problem blank, with a note saying why, so that the formula agrees with the report', () => {
    const sheet = wb.getWorksheet('Tổng hợp')!;
    const cell = sheet.getRow(9).getCell(columnOf(sheet, 'Số tin, bài'));
    expect(cell.value).toBeNull();
    expect(String(cell.note)).toContain('Ô D7: «mười» không phải là số');
  });

  it('puts the units\' notes and the corrections beside their values, and lists them with the values left out on a printed sheet', async () => {
    const remarked = await load(await writeAppendixXlsx({ ...input, consolidation: consolidate(FORM_864, '2021', SUBMISSIONS_WITH_REMARKS, UNITS.map((u) => u.id)) }));
    const sheet = remarked.getWorksheet('Tổng hợp')!;
    const buoi = sheet.getRow(7).getCell(columnOf(sheet, 'Số buổi'));
    expect(buoi.value).toBe(5);
    expect(buoi.note).toBe('Đã sửa theo xác nhận của đơn vị ngày 19/11/2021 (trong tệp, ô D12: «năm» không phải là số)');
    expect(sheet.getRow(8).getCell(columnOf(sheet, 'Số tin, bài')).note).toBe('Ghi chú của đơn vị: Gồm 25 tin trên Cổng TTĐT');
    expect(sheet.getCell('B12').value).toBe('Một số số liệu có ghi chú (của đơn vị, đã sửa hoặc chưa tổng hợp): xem trang “Ghi chú”.');

    const notes = remarked.getWorksheet('Ghi chú')!;
    expect(notes.getRow(5).values).toEqual([undefined, 'STT', 'Cơ quan, đơn vị', 'Chỉ tiêu', 'Số liệu tổng hợp', 'Ghi chú']);
    const rows = [6, 7, 8, 9].map((r) => (notes.getRow(r).values as unknown[]).slice(1));
    expect(rows.map((r) => [r[1], String(r[2]).split(' (')[0], r[3] ?? null, r[4]])).toEqual([
      ['Sở Tài nguyên và Môi trường', 'Số buổi tuyên truyền, tập huấn, hội nghị', 5, 'Đã sửa theo xác nhận của đơn vị ngày 19/11/2021 (trong tệp, ô D12: «năm» không phải là số)'],
      ['Báo Kiên Giang', 'Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử', 125, 'Ghi chú của đơn vị: Gồm 25 tin trên Cổng TTĐT'],
      ['Báo Kiên Giang', 'Số lượt người tham dự', 50, 'Ghi chú của đơn vị: Ước tính'],
      ['UBND huyện Kiên Lương', 'Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử', null, 'Số liệu không hợp lệ, chưa tổng hợp: Ô D7: «mười» không phải là số'],
    ]);
    expect(notes.rowCount).toBe(9);
  });

  it('shows who reported when: status, date received, số đến and days late', () => {
    const sheet = wb.getWorksheet('Tình hình báo cáo')!;
    expect(sheet.getRow(5).values).toEqual([undefined, 'STT', 'Cơ quan, đơn vị', 'Tình trạng', 'Ngày nhận', 'Số đến', 'Số ngày trễ']);
    const rows = [6, 7, 8, 9, 10, 11].map((r) => (sheet.getRow(r).values as unknown[]).slice(2));
    expect(rows).toEqual([
      ['Sở Tài nguyên và Môi trường', 'Đúng hạn', '08/11/2021', '11/2021'],
      ['Báo Kiên Giang', 'Đúng hạn', '12/11/2021', '12/2021'],
      ['UBND huyện Kiên Lương', 'Trễ hạn', '17/11/2021', '13/2021', 3],
      ['UBND huyện An Minh', 'Chưa báo cáo'],
      ['UBND huyện Kiên Hải', 'Miễn'],
      ['UBND thành phố Phú Quốc', 'Chưa báo cáo'],
    ]);
  });

  it('has only the reporting sheet when the dispatch has no form, and says so when no unit returned one', async () => {
    const plain = await load(await writeAppendixXlsx({ ...input, consolidation: null }));
    expect(plain.worksheets.map((s) => s.name)).toEqual(['Tình hình báo cáo']);
    const none = await load(await writeAppendixXlsx({ ...input, consolidation: consolidate(FORM_864, '2021', [], []) }));
    expect(none.getWorksheet('Tổng hợp')!.getCell('A7').value).toBe('Chưa có cơ quan, đơn vị nào gửi biểu số liệu.');
  });
});
