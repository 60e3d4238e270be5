import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { ObligationStatus, TrackingPeriod, TrackingRow } from '../../../../shared/domain/tracking';
import { formatDate } from '../../formatting/dates';
import { dispatchReference } from '../dispatches/dispatch-text';

/** The statuses in the order the clerk reads them: the problems first, what needs nothing last. */
export const STATUS_ORDER: readonly ObligationStatus[] = ['missing', 'late', 'in_review', 'on_time', 'exempt', 'not_due'];

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `part` of `whole` as a percentage with the Vietnamese decimal comma ("7,3%"), "—" when nothing is expected. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${String(Math.round((part / whole) * 1000) / 10).replace('.', ',')}%`;
}

/** "Hạn cuối 14/11/2021": the last day a report counts as on time, always computed and shown. */
export function lastDayLabel(period: TrackingPeriod['period']): string {
  return `Hạn cuối ${formatDate(period.dueDate)}`;
}

/** Where a period stands today: "Quá hạn 6 ngày", "Hôm nay là hạn cuối", "Còn 12 ngày". */
export function deadlineStanding(dueDate: string, today: string): { text: string; tone: 'overdue' | 'soon' | 'later' } {
  const left = daysBetween(today, dueDate);
  if (left < 0) return { text: `Quá hạn ${-left} ngày`, tone: 'overdue' };
  if (left === 0) return { text: 'Hôm nay là hạn cuối', tone: 'soon' };
  return { text: `Còn ${left} ngày`, tone: left <= 30 ? 'soon' : 'later' };
}

/** The second line of a cell: when the report came and how late, or how overdue it is. */
export function cellDetail(row: TrackingRow): string {
  switch (row.status) {
    case 'on_time':
      return row.receivedDate ? formatDate(row.receivedDate) : '';
    case 'late':
      return `${row.receivedDate ? formatDate(row.receivedDate) : ''} · trễ ${row.daysLate ?? 0} ngày`;
    case 'missing':
      return `quá hạn ${row.daysLate ?? 0} ngày`;
    case 'in_review':
      return row.receivedDate ? `nhận ${formatDate(row.receivedDate)}` : '';
    case 'exempt':
    case 'not_due':
      return '';
  }
}

/** One sentence for the side panel saying what the status means for this unit and period. */
export function statusExplanation(row: TrackingRow, period: TrackingPeriod['period']): string {
  const due = formatDate(period.dueDate);
  switch (row.status) {
    case 'on_time':
      return `Đã nhận báo cáo ngày ${row.receivedDate ? formatDate(row.receivedDate) : '…'}, trong hạn (hạn cuối ${due}).`;
    case 'late':
      return `Đã nhận báo cáo ngày ${row.receivedDate ? formatDate(row.receivedDate) : '…'}, trễ ${row.daysLate ?? 0} ngày so với hạn cuối ${due}.`;
    case 'missing':
      return `Chưa nhận được báo cáo; đã quá hạn cuối ${due} ${row.daysLate ?? 0} ngày.`;
    case 'in_review':
      return 'Đã nhận văn bản nhưng văn bản còn chờ xác nhận; xác nhận xong mới tính đúng hạn hay trễ hạn (theo ngày nhận).';
    case 'exempt':
      return 'Đơn vị được miễn báo cáo kỳ này nên không tính vào số phải báo cáo.';
    case 'not_due':
      return `Chưa nhận được báo cáo; chưa đến hạn cuối ${due}.`;
  }
}

/** A period's label inside a sentence: "năm 2021", "quý III/2023", "tháng 7/2023". */
export function periodPhrase(label: string): string {
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

/** "Công văn số 864/STTTT-TTBCBC ngày 03/08/2021". */
export function dispatchTitle(d: Pick<Dispatch, 'number' | 'symbol' | 'issueDate'>): string {
  return `Công văn số ${dispatchReference(d)}${d.issueDate ? ` ngày ${formatDate(d.issueDate)}` : ''}`;
}
