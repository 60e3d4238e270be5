import type { ReportingRequirement } from '../domain/dispatch.js';

/**
 * The reporting periods a requirement asks for, each with its key (DESIGN §4: "2021",
 * "2022-H1", "2023-Q3", "2023-07", "once") and its last day. "trước ngày 15/11" read literally
 * means the report must arrive by 14/11 (deadline 'before'); "chậm nhất ngày 15/11" includes
 * the 15th (deadline 'by'). The last day is always computed and shown, never implied.
 */
export interface ReportingPeriod {
  key: string;
  /** The day named in the dispatch (ISO). */
  namedDate: string;
  /** The last day a report counts as on time (ISO). */
  lastDay: string;
  label: string;
}

function iso(y: number, m: number, d: number): string {
  // Clamp to the month's length: "ngày 31" in a 30-day month means its last day.
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function lastDayOf(namedDate: string, deadline: 'before' | 'by'): string {
  return deadline === 'before' ? dayBefore(namedDate) : namedDate;
}

function monthsBetween(from: string, to: string): { y: number; m: number }[] {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const out: { y: number; m: number }[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) out.push({ y, m });
  return out;
}

export function reportingPeriods(r: ReportingRequirement): ReportingPeriod[] {
  switch (r.frequency) {
    case 'once':
      return [{ key: 'once', namedDate: r.dueDate, lastDay: lastDayOf(r.dueDate, r.deadline), label: 'Một lần' }];
    case 'yearly': {
      const periods: ReportingPeriod[] = [];
      for (let y = r.fromYear; y <= r.toYear; y++) {
        const named = iso(y, r.dueMonth, r.dueDay);
        periods.push({ key: String(y), namedDate: named, lastDay: lastDayOf(named, r.deadline), label: `Năm ${y}` });
      }
      return periods;
    }
    case 'monthly':
      return monthsBetween(r.from, r.to).map(({ y, m }) => {
        const named = m === 12 ? iso(y + 1, 1, r.dueDay) : iso(y, m + 1, r.dueDay);
        return { key: `${y}-${String(m).padStart(2, '0')}`, namedDate: named, lastDay: lastDayOf(named, r.deadline), label: `Tháng ${m}/${y}` };
      });
    case 'quarterly':
      return monthsBetween(r.from, r.to)
        .filter(({ m }) => m % 3 === 0)
        .map(({ y, m }) => {
          const q = m / 3;
          const named = m === 12 ? iso(y + 1, 1, r.dueDay) : iso(y, m + 1, r.dueDay);
          return { key: `${y}-Q${q}`, namedDate: named, lastDay: lastDayOf(named, r.deadline), label: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y}` };
        });
  }
}

/** "Hạn cuối: 14/11 hằng năm" and the like, for the clerk. */
export function describeDeadline(r: ReportingRequirement): string {
  const dm = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}`;
  const reading = r.deadline === 'before' ? 'trước ngày' : 'chậm nhất ngày';
  switch (r.frequency) {
    case 'once':
      return `Một lần, ${reading} ${dm(r.dueDate)}/${r.dueDate.slice(0, 4)} (hạn cuối ${lastDayOf(r.dueDate, r.deadline).split('-').reverse().join('/')})`;
    case 'yearly': {
      const sample = reportingPeriods(r)[0]!;
      return `Hằng năm ${reading} ${dm(sample.namedDate)}, ${r.fromYear}–${r.toYear} (hạn cuối ${dm(sample.lastDay)} hằng năm)`;
    }
    case 'monthly':
      return `Hằng tháng ${reading} ${r.dueDay} tháng sau`;
    case 'quarterly':
      return `Hằng quý ${reading} ${r.dueDay} tháng đầu quý sau`;
  }
}
