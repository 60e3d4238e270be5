import type { ReportingRequirement } from '../../../../shared/domain/dispatch';
import { reportingPeriods } from '../../../../shared/tracking/periods';
import { formatDate } from '../../formatting/dates';

const pad = (n: number): string => String(n).padStart(2, '0');
/** `2021-11-14` → "14/11". */
const dayMonth = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

function periodRange(r: Extract<ReportingRequirement, { frequency: 'quarterly' | 'monthly' }>): string {
  const [first, last] = [r.from, r.to].map((ym) => ym.split('-').map(Number) as [number, number]) as [[number, number], [number, number]];
  if (r.frequency === 'quarterly') return `Q${Math.ceil(first[1] / 3)}/${first[0]}–Q${Math.ceil(last[1] / 3)}/${last[0]}`;
  return `${pad(first[1])}/${first[0]}–${pad(last[1])}/${last[0]}`;
}

/** The requirement on one line, as the dispatch list shows it: "Hằng năm trước 15/11, 2021–2025". */
export function requirementSummary(r: ReportingRequirement): string {
  const words = r.deadline === 'before' ? 'trước' : 'chậm nhất';
  switch (r.frequency) {
    case 'once':
      return `Một lần, ${words} ${formatDate(r.dueDate)}`;
    case 'yearly':
      return `Hằng năm ${words} ${pad(r.dueDay)}/${pad(r.dueMonth)}, ${r.fromYear === r.toYear ? `năm ${r.fromYear}` : `${r.fromYear}–${r.toYear}`}`;
    case 'quarterly':
      return `Hằng quý ${words} ngày ${pad(r.dueDay)} tháng sau quý, ${periodRange(r)}`;
    case 'monthly':
      return `Hằng tháng ${words} ngày ${pad(r.dueDay)} tháng sau, ${periodRange(r)}`;
  }
}

/**
 * The last day a report counts as on time, in words ("trước ngày 15/11" excludes the 15th,
 * "chậm nhất ngày 15/11" includes it), computed by the same rules as tracking.
 */
export function lastDayText(r: ReportingRequirement): string {
  const periods = reportingPeriods(r);
  const first = periods[0];
  if (!first) return 'Không có kỳ báo cáo nào: kỳ cuối đang ở trước kỳ đầu.';
  switch (r.frequency) {
    case 'once':
      return `Hạn cuối: ${formatDate(first.lastDay)}`;
    case 'yearly':
      return `Hạn cuối: ${dayMonth(first.lastDay)} hằng năm (${periods.length} kỳ báo cáo)`;
    case 'quarterly':
    case 'monthly':
      return `Hạn cuối: ${formatDate(first.lastDay)} cho kỳ đầu (${first.label}); ${periods.length} kỳ báo cáo`;
  }
}

/** Why a yearly due date cannot be used, or null: "31/11" does not exist. */
export function yearlyDateProblem(day: number, month: number): string | null {
  if (month === 2 && day === 29) return 'Ngày 29/02 chỉ có trong năm nhuận; hãy chọn ngày khác.';
  if (day > new Date(Date.UTC(2023, month, 0)).getUTCDate()) return `Tháng ${pad(month)} không có ngày ${day}.`;
  return null;
}

/** Why a requirement cannot be saved, or null; the requirement editor shows the same problems beside its fields. */
export function requirementProblem(r: ReportingRequirement): string | null {
  switch (r.frequency) {
    case 'once':
      return null;
    case 'yearly':
      return yearlyDateProblem(r.dueDay, r.dueMonth) ?? (r.toYear < r.fromYear ? 'Năm kết thúc phải từ năm bắt đầu trở đi.' : null);
    case 'quarterly':
    case 'monthly':
      return r.to < r.from ? 'Kỳ cuối phải từ kỳ đầu trở đi.' : null;
  }
}
