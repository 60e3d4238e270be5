import type { Dispatch, DispatchContent, DispatchStatus, Recipient, Urgency } from '../../../../shared/domain/dispatch';
import { DOCUMENT_TYPE_NAMES, subjectAfterType, type DocumentType } from '../../../../shared/documents/templates/official-document';
import { formatDocumentNumber } from '../../../../shared/nd30/number-symbol';

export const STATUS_LABELS: Readonly<Record<DispatchStatus, string>> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
  voided: 'Đã hủy',
};

export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = {
  khan: 'Khẩn',
  thuong_khan: 'Thượng khẩn',
  hoa_toc: 'Hỏa tốc',
};

/** The document's kind inside a sentence: "Đã ban hành công văn số …", "Dự thảo báo cáo". */
export function documentNoun(documentType: DocumentType): string {
  return DOCUMENT_TYPE_NAMES[documentType].toLocaleLowerCase('vi');
}

/** The subject as a list shows it: a công văn's after "V/v", a report's after its type name. */
export function subjectLine(d: Pick<DispatchContent, 'documentType' | 'subject'>): string {
  return d.documentType === 'cong_van' ? subjectAfterType(d) : `${DOCUMENT_TYPE_NAMES[d.documentType]}: ${d.subject}`;
}

/** "864/STTTT-TTBCBC"; "…/STTTT-TTBCBC" while the number is blank (a draft, or to be written by hand). */
export function dispatchReference(dispatch: Pick<Dispatch, 'number' | 'symbol'>): string {
  return `${dispatch.number === null ? '…' : formatDocumentNumber(dispatch.number)}/${dispatch.symbol}`;
}

/** The recipients on one short line: the first two labels, then how many more. */
export function recipientsSummary(recipients: readonly Recipient[]): { text: string; more: number } {
  const labels = recipients.map((r) => r.label.trim()).filter(Boolean);
  return { text: labels.slice(0, 2).join('; '), more: Math.max(labels.length - 2, 0) };
}

/** A local time as "13:05". */
export function formatTime(date: Date): string {
  return date.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** The local calendar day of an instant (ISO UTC), as "26/11/2026". */
export function formatLocalDate(instant: string): string {
  return new Date(instant).toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
}
