import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidate } from '../../main/reports/consolidate.js';
import { writeAppendixXlsx } from '../../main/reports/appendix-xlsx.js';
import { FORM_864, SUBMISSIONS_2021, TRACKING_2021, UNITS } from '../fixtures/report-2021.js';

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
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Tình hình báo cáo']);
    const [figures, reporting] = wb.worksheets;
    for (const sheet of [figures!, reporting!]) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    // Two header rows in "Tổng hợp": the form's groups over their indicators, then the indicators.
    expect(figures!.pageSetup.printTitlesRow).toBe('5:6');
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
