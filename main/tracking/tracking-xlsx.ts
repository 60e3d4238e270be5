import ExcelJS from 'exceljs';
import { OBLIGATION_LABELS, type ObligationStatus, type TrackingPeriod } from '../../shared/domain/tracking.js';

/** The tracking table as .xlsx, coloured as on screen: one sheet per period, units by group, counts and rates below. */

// The same colours as the screen's status badges (renderer/src/styles), as ARGB.
export const STATUS_FILL: Record<ObligationStatus, string> = {
  on_time: 'FFDCF2E3',
  late: 'FFFFF1D6',
  missing: 'FFFBDDDD',
  in_review: 'FFE3EBFA',
  exempt: 'FFEDEDED',
  not_due: 'FFFFFFFF',
};

const FONT = { name: 'Times New Roman', size: 12 } as const;
const BORDER = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;
const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`.replace('.', ',');
}

export async function writeTrackingXlsx(periods: TrackingPeriod[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VănThư';
  for (const t of periods) {
    const sheet = wb.addWorksheet(t.period.label.replace(/[\\/*?:[\]]/g, '-'), {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = [{ width: 6 }, { width: 44 }, { width: 16 }, { width: 14 }, { width: 12 }, { width: 20 }];
    const reference = `${t.dispatch.number ?? '…'}/${t.dispatch.symbol}`;
    sheet.mergeCells('A1:F1');
    sheet.getCell('A1').value = `THEO DÕI BÁO CÁO — CÔNG VĂN SỐ ${reference}`;
    sheet.getCell('A1').font = { ...FONT, size: 14, bold: true };
    sheet.mergeCells('A2:F2');
    sheet.getCell('A2').value = `${t.period.label}; hạn cuối ${vnDate(t.period.dueDate)}. V/v ${t.dispatch.subject}`;
    sheet.getCell('A2').font = { ...FONT, italic: true };
    sheet.getCell('A2').alignment = { wrapText: true };
    sheet.getRow(2).height = 32;
    const header = sheet.getRow(4);
    header.values = ['STT', 'Đơn vị', 'Tình trạng', 'Ngày nhận', 'Số ngày trễ', 'Văn bản (số đến)'];
    header.font = { ...FONT, bold: true };
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    let group: string | null | undefined;
    let n = 0;
    for (const r of t.rows) {
      if (r.unit.groupName !== group) {
        group = r.unit.groupName;
        const g = sheet.addRow(['', group ?? 'Chưa xếp nhóm']);
        g.font = { ...FONT, bold: true };
      }
      const row = sheet.addRow([
        ++n,
        r.unit.name,
        OBLIGATION_LABELS[r.status],
        vnDate(r.receivedDate),
        r.daysLate ?? '',
        r.documents.map((d) => `${d.arrivalNumber}/${d.arrivalYear}`).join(', '),
      ]);
      row.font = FONT;
      row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[r.status] } };
    }
    for (let r = 4; r <= sheet.rowCount; r++) for (let c = 1; c <= 6; c++) sheet.getCell(r, c).border = BORDER;
    const c = t.counts;
    sheet.addRow([]);
    for (const [label, value] of [
      ['Phải báo cáo', c.expected],
      ['Đã nhận', c.received],
      ['Đúng hạn', c.onTime],
      ['Trễ hạn', c.late],
      ['Chưa báo cáo', c.missing],
      ['Đang xem xét', c.inReview],
      ['Miễn', c.exempt],
      ['Tỷ lệ báo cáo', percent(c.received, c.expected)],
      ['Tỷ lệ đúng hạn', percent(c.onTime, c.expected)],
    ] as const) {
      const row = sheet.addRow(['', label, value]);
      row.font = FONT;
      row.getCell(2).font = { ...FONT, bold: true };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
