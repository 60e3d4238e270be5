import ExcelJS from 'exceljs';

/**
 * A register (sổ đăng ký) as a printable .xlsx: agency and title on top, the decree's
 * columns with their numbers "(1) (2) …" under them, the header rows repeated on every
 * printed page, A4 landscape, Times New Roman, thin borders.
 */
export interface RegisterSheet {
  sheetName: string;
  agencyName: string;
  title: string;
  columns: readonly { header: string; width: number }[];
  rows: { cells: (string | number | null)[]; struck?: boolean }[];
}

const FONT = { name: 'Times New Roman', size: 12 } as const;
const BORDER = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;

/** A sheet set up to print: A4 landscape, fit to the page width, `titleRows` ("4:5") on every page, "Trang x/y" at the foot. */
export function landscapeSheet(wb: ExcelJS.Workbook, name: string, titleRows: string): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: titleRows,
    },
    headerFooter: { oddFooter: 'Trang &P/&N' },
  });
}

export async function writeRegisterXlsx(register: RegisterSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VănThư';
  const sheet = landscapeSheet(wb, register.sheetName, '4:5');
  const last = register.columns.length;
  sheet.columns = register.columns.map((c) => ({ width: c.width }));

  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(1, 1).value = register.agencyName || 'CƠ QUAN';
  sheet.getCell(1, 1).font = { ...FONT, bold: true };
  sheet.mergeCells(2, 1, 2, last);
  sheet.getCell(2, 1).value = register.title;
  sheet.getCell(2, 1).font = { ...FONT, size: 14, bold: true };
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };

  const header = sheet.getRow(4);
  register.columns.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  header.font = { ...FONT, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 45;
  const numbers = sheet.getRow(5);
  register.columns.forEach((_, i) => (numbers.getCell(i + 1).value = `(${i + 1})`));
  numbers.font = { ...FONT, italic: true, size: 10 };
  numbers.alignment = { horizontal: 'center' };

  for (const r of register.rows) {
    const row = sheet.addRow(r.cells.map((c) => c ?? ''));
    row.font = r.struck ? { ...FONT, strike: true } : FONT;
    row.getCell(last).font = FONT; // notes (the reason for voiding) stay readable
    row.alignment = { vertical: 'top', wrapText: true };
  }
  for (let r = 4; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= last; c++) sheet.getCell(r, c).border = BORDER;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
