import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';

let app: ReturnType<typeof openTempApp>;
beforeEach(() => {
  app = openTempApp();
  app.loadDemoData();
});
afterEach(() => app.cleanup());

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('units spreadsheet', () => {
  it('exports a tidy sheet with Vietnamese headers, one row per unit, inactive ones included', async () => {
    const kl = app.units.findByName('UBND huyện Kiên Lương')!;
    app.units.setActive(kl.id, false);
    const wb = await load(await app.unitsSpreadsheet.exportXlsx());
    const sheet = wb.getWorksheet('Đơn vị nhận')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['STT', 'Tên đơn vị', 'Nhóm', 'Email', 'Mã định danh', 'Mã số thuế', 'Tên gọi khác', 'Trạng thái']));
    expect(sheet.rowCount).toBe(1 + 41);
    const nameCol = headers.indexOf('Tên đơn vị') + 1;
    const statusCol = headers.indexOf('Trạng thái') + 1;
    const klRow = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(nameCol).value === 'UBND huyện Kiên Lương')!;
    expect(klRow.getCell(statusCol).value).toBe('Ngừng hoạt động');
    expect(wb.getWorksheet('Nhóm đơn vị')!.getRow(4).getCell(2).value).toBe('Ủy ban nhân dân các huyện, thành phố');
  });

  it('re-importing an exported file changes nothing', async () => {
    const before = app.units.list({ includeInactive: true });
    const result = await app.unitsSpreadsheet.importXlsx(await app.unitsSpreadsheet.exportXlsx());
    expect(result).toMatchObject({ imported: true, created: 0, updated: 0, unchanged: 41, groupsCreated: 0, errors: [] });
    const after = app.units.list({ includeInactive: true });
    expect(after.map(({ updatedAt: _u, ...u }) => u)).toEqual(before.map(({ updatedAt: _u, ...u }) => u));
  });

  it('imports edits and new rows into another database, creating missing groups and successors', async () => {
    const wb = await load(await app.unitsSpreadsheet.exportXlsx());
    const sheet = wb.getWorksheet('Đơn vị nhận')!;
    sheet.addRow([42, '', 'UBND tỉnh An Giang', 'AG', 'Cấp tỉnh sau sáp nhập', '', '', 'vanthu@angiang.gov.vn', '', '', '', '', '01/07/2025', '', '', 'Đang hoạt động', 1]);
    const other = openTempApp();
    try {
      const first = await other.unitsSpreadsheet.importXlsx(await save(wb));
      expect(first).toMatchObject({ imported: true, created: 42, updated: 0, groupsCreated: 4 });
      const ag = other.units.findByName('UBND tỉnh An Giang')!;
      expect(ag).toMatchObject({ validFrom: '2025-07-01', groupName: 'Cấp tỉnh sau sáp nhập', emails: ['vanthu@angiang.gov.vn'] });
      expect(other.units.listGroups().find((g) => g.name === 'UBND các huyện, thành phố')?.kinhGuiLabel).toBe('Ủy ban nhân dân các huyện, thành phố');
    } finally {
      other.cleanup();
    }
  });

  it('reports every bad row with its row number, column and reason, and imports none of the file', async () => {
    const wb = await load(await app.unitsSpreadsheet.exportXlsx());
    const sheet = wb.getWorksheet('Đơn vị nhận')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    sheet.getRow(2).getCell(col('Tên đơn vị')).value = 'Văn phòng UBND tỉnh (đã sửa)'; // a valid edit, which must not land
    sheet.getRow(3).getCell(col('Email')).value = 'khong-phai-email';
    sheet.getRow(5).getCell(col('Hiệu lực từ ngày')).value = '31/02/2021';
    sheet.addRow(['', '', 'Sở Nội vụ']); // same name as row 3 of the export
    const result = await app.unitsSpreadsheet.importXlsx(await save(wb));
    expect(result.imported).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Email', message: expect.stringContaining('khong-phai-email') }),
        expect.objectContaining({ row: 5, column: 'Hiệu lực từ ngày' }),
        expect.objectContaining({ row: 43, column: 'Tên đơn vị', message: expect.stringContaining('dòng 3') }),
      ]),
    );
    expect(app.units.findByName('Văn phòng UBND tỉnh (đã sửa)')).toBeUndefined();

    expect(result.errors.map((e) => e.row)).toEqual([3, 5, 43]);

    // With the duplicate and the bad date fixed, only the e-mail error is left, located on its row and column.
    sheet.spliceRows(43, 1);
    sheet.getRow(5).getCell(col('Hiệu lực từ ngày')).value = '';
    const second = await app.unitsSpreadsheet.importXlsx(await save(wb));
    expect(second.imported).toBe(false);
    expect(second.errors).toEqual([{ row: 3, column: 'Email', message: expect.stringContaining('khong-phai-email') }]);
    expect(app.units.findByName('Văn phòng UBND tỉnh (đã sửa)')).toBeUndefined();
    expect(app.units.findByName('Văn phòng Ủy ban nhân dân tỉnh')).toBeDefined();
  });

  it('reports a row without a name once', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Đơn vị nhận').addRows([['Tên đơn vị', 'Email'], ['', 'moi@kiengiang.gov.vn']]);
    const result = await app.unitsSpreadsheet.importXlsx(await save(wb));
    expect(result.errors).toEqual([{ row: 2, column: 'Tên đơn vị', message: 'Thiếu tên đơn vị.' }]);
  });

  it('finds the header row and columns by their titles in a sheet laid out by hand', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Danh sách');
    sheet.addRow(['DANH SÁCH ĐƠN VỊ']);
    sheet.addRow(['Email', 'tên đơn vị', 'Tên gọi khác']);
    sheet.addRow(['ubndkl2@kiengiang.gov.vn', 'Trung tâm Văn hóa huyện Kiên Lương', 'TTVH Kiên Lương; Trung tâm VH-TT Kiên Lương']);
    const result = await app.unitsSpreadsheet.importXlsx(await save(wb));
    expect(result).toMatchObject({ imported: true, created: 1 });
    expect(app.units.findByName('TTVH Kiên Lương')?.aliases).toEqual(['TTVH Kiên Lương', 'Trung tâm VH-TT Kiên Lương']);
  });

  it('says clearly when the file is not a spreadsheet or has no "Tên đơn vị" column', async () => {
    await expect(app.unitsSpreadsheet.importXlsx(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toThrow(/không phải là bảng tính Excel/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trống').addRow(['Họ tên', 'Điện thoại']);
    await expect(app.unitsSpreadsheet.importXlsx(await save(wb))).rejects.toThrow(/Tên đơn vị/);
  });
});
