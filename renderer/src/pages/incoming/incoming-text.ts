import type { IncomingDocument, ImportStatus } from '../../../../shared/domain/incoming';
import { formatDate } from '../../formatting/dates';

/** The screen's label for each import outcome (DESIGN §4). */
export const IMPORT_STATUS_LABELS: Readonly<Record<ImportStatus, string>> = {
  registered: 'Đã vào sổ',
  needs_review: 'Chờ xác nhận',
  duplicate: 'Trùng',
  rejected: 'Bị từ chối',
};

/** "3/2026": số đến and the year of the register it is in. */
export function arrivalLabel(number: number, year: number): string {
  return `${number}/${year}`;
}

/** "15/BC-UBND", "15", "BC-UBND" or "" — the document's number and symbol as printed. */
export function numberAndSymbol(number: number | null, symbol: string | null): string {
  if (number === null) return symbol ?? '';
  return symbol ? `${number}/${symbol}` : String(number);
}

/** A recognised date: ISO dates as dd/mm/yyyy, anything else as it came. */
export function displayDate(date: string | null): string {
  if (!date) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date) : date;
}

/** "Báo cáo 15/BC-UBND ngày 10/11/2021": what the document says it is, in one line. */
function documentLine(d: { type: string | null; number: number | null; symbol: string | null; date: string | null }): string {
  const reference = numberAndSymbol(d.number, d.symbol);
  return [d.type, reference && (d.type ? `số ${reference}` : `Số ${reference}`), d.date && `ngày ${displayDate(d.date)}`].filter(Boolean).join(' ');
}

/** "Báo cáo số 15/BC-UBND ngày 10/11/2021: Kết quả tuyên truyền…" — what it is, then what it is about. */
export function documentSummary(d: { type: string | null; number: number | null; symbol: string | null; date: string | null; subject: string | null }): string {
  return [documentLine(d), d.subject].filter(Boolean).join(': ');
}

/** A match's confidence (0–1) as a percentage. */
export function confidencePercent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** A period key (DESIGN §4) for the clerk: "2021" → "Năm 2021", "2023-Q3" → "Quý III/2023", "2022-H1" → "6 tháng đầu năm 2022". */
export function periodLabel(key: string): string {
  if (key === 'once') return 'Một lần';
  const [year, part] = key.split('-');
  if (!part) return `Năm ${year}`;
  if (part === 'H1') return `6 tháng đầu năm ${year}`;
  if (part === 'H2') return `6 tháng cuối năm ${year}`;
  if (part.startsWith('Q')) return `Quý ${QUARTERS[Number(part.slice(1)) - 1] ?? part}/${year}`;
  return `Tháng ${Number(part)}/${year}`;
}

const FILE_ROLES: Readonly<Record<string, string>> = {
  main: 'Văn bản chính',
  message: 'Thư điện tử',
  body: 'Nội dung thư',
  attachment: 'Tệp kèm theo',
};

export function fileRoleLabel(role: string): string {
  return FILE_ROLES[role] ?? 'Tệp';
}

/** The file to show first: the document itself, then whatever came with it. */
export function mainFile(document: IncomingDocument): IncomingDocument['files'][number] | null {
  return document.files.find((f) => f.role === 'main') ?? document.files[0] ?? null;
}
