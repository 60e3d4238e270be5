import ExcelJS from 'exceljs';
import type { Dispatch } from '../../shared/domain/dispatch.js';
import type { OrganisationProfile } from '../../shared/domain/organisation.js';

/**
 * The outgoing register (Sổ đăng ký văn bản đi) with the decree's ten columns (nd30 §5),
 * as rows for the screen and as an .xlsx to print: A4 landscape, header row repeated on
 * every page, Times New Roman.
 */

export interface OutgoingRegisterRow {
  dispatchId: number;
  numberAndSymbol: string;
  date: string;
  typeAndSubject: string;
  signer: string;
  recipients: string;
  fileKeeper: string;
  copies: number | null;
  sentDate: string;
  notes: string;
  voided: boolean;
}

export const OUTGOING_REGISTER_COLUMNS = [
  { header: 'Số, ký hiệu văn bản', width: 18 },
  { header: 'Ngày tháng văn bản', width: 12 },
  { header: 'Tên loại và trích yếu nội dung văn bản', width: 46 },
  { header: 'Người ký', width: 18 },
  { header: 'Nơi nhận văn bản', width: 34 },
  { header: 'Đơn vị, người nhận bản lưu', width: 16 },
  { header: 'Số lượng bản', width: 8 },
  { header: 'Ngày chuyển', width: 11 },
  { header: 'Ký nhận', width: 11 },
  { header: 'Ghi chú', width: 20 },
] as const;

export function vnDate(iso: string | null): string {
  return iso ? iso.split('-').reverse().join('/') : '';
}

export function outgoingRegisterRows(dispatches: Dispatch[]): OutgoingRegisterRow[] {
  return dispatches.map((d) => ({
    dispatchId: d.id,
    numberAndSymbol: `${d.number === null ? '…' : String(d.number).padStart(2, '0')}/${d.symbol}`,
    date: vnDate(d.issueDate),
    typeAndSubject: `Công văn: V/v ${d.subject}`,
    signer: d.signer?.name ?? '',
    recipients: d.recipients.map((r) => r.label).join('; '),
    fileKeeper: d.fileKeeper ?? (d.departmentCode ? `VT, ${d.departmentCode}` : 'VT'),
    copies: d.copies,
    sentDate: vnDate(d.sentDate),
    notes: [d.status === 'voided' ? `Đã hủy: ${d.voidReason ?? ''}` : '', d.notes ?? ''].filter(Boolean).join('. '),
    voided: d.status === 'voided',
  }));
}

export async function writeOutgoingRegister(year: number, rows: OutgoingRegisterRow[], profile: OrganisationProfile): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VănThư';
  const sheet = wb.addWorksheet(`Sổ VB đi ${year}`, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '4:4',
    },
    headerFooter: { oddFooter: 'Trang &P/&N' },
  });
  sheet.columns = OUTGOING_REGISTER_COLUMNS.map((c) => ({ width: c.width }));
  const font = { name: 'Times New Roman', size: 12 };
  const last = OUTGOING_REGISTER_COLUMNS.length;

  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(1, 1).value = profile.agencyName || 'CƠ QUAN';
  sheet.getCell(1, 1).font = { ...font, bold: true };
  sheet.mergeCells(2, 1, 2, last);
  sheet.getCell(2, 1).value = `SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${year}`;
  sheet.getCell(2, 1).font = { ...font, size: 14, bold: true };
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };

  const header = sheet.getRow(4);
  OUTGOING_REGISTER_COLUMNS.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  header.font = { ...font, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 45;
  const border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;
  const columnNumbers = sheet.getRow(5);
  OUTGOING_REGISTER_COLUMNS.forEach((_, i) => (columnNumbers.getCell(i + 1).value = `(${i + 1})`));
  columnNumbers.font = { ...font, italic: true, size: 10 };
  columnNumbers.alignment = { horizontal: 'center' };

  for (const r of rows) {
    const row = sheet.addRow([r.numberAndSymbol, r.date, r.typeAndSubject, r.signer, r.recipients, r.fileKeeper, r.copies ?? '', r.sentDate, '', r.notes]);
    row.font = r.voided ? { ...font, strike: true } : font;
    row.getCell(10).font = font; // the reason for voiding stays readable
    row.alignment = { vertical: 'top', wrapText: true };
  }
  for (let r = 4; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= last; c++) sheet.getCell(r, c).border = border;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
