import { writeRegisterXlsx } from '../render/register-xlsx.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';
import type { OrganisationProfile } from '../../shared/domain/organisation.js';
import { DOCUMENT_TYPE_NAMES, subjectAfterType } from '../../shared/documents/templates/official-document.js';

/**
 * The outgoing register (Sổ đăng ký văn bản đi) with the decree's ten columns (nd30 §5),
 * as rows for the screen and as an .xlsx to print.
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
    typeAndSubject: `${DOCUMENT_TYPE_NAMES[d.documentType]}: ${subjectAfterType(d)}`,
    signer: d.signer?.name ?? '',
    recipients: d.recipients.map((r) => r.label).join('; '),
    fileKeeper: d.fileKeeper ?? (d.departmentCode ? `VT, ${d.departmentCode}` : 'VT'),
    copies: d.copies,
    sentDate: vnDate(d.sentDate),
    notes: [d.status === 'voided' ? `Đã hủy: ${d.voidReason ?? ''}` : '', d.notes ?? ''].filter(Boolean).join('. '),
    voided: d.status === 'voided',
  }));
}

export function writeOutgoingRegister(year: number, rows: OutgoingRegisterRow[], profile: OrganisationProfile): Promise<Buffer> {
  return writeRegisterXlsx({
    sheetName: `Sổ VB đi ${year}`,
    agencyName: profile.agencyName,
    title: `SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${year}`,
    columns: OUTGOING_REGISTER_COLUMNS,
    rows: rows.map((r) => ({
      cells: [r.numberAndSymbol, r.date, r.typeAndSubject, r.signer, r.recipients, r.fileKeeper, r.copies, r.sentDate, '', r.notes],
      struck: r.voided,
    })),
  });
}
