/**
 * Which automatic backups to keep: the newest of each of the last 7 days that have one, of the
 * last 4 weeks and of the last 12 months (days, weeks and months in Asia/Ho_Chi_Minh, like every
 * date in VănThư). "Last N that have one", not "the last N calendar days": a PC left off for a
 * month still keeps 7 daily backups. A backup may be kept for several reasons at once.
 */

export type RetentionKind = 'daily' | 'weekly' | 'monthly';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) of an instant, in Vietnam. */
export function localDay(instant: string | Date): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** ISO-8601 week of a calendar day: "2025-W03" (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const BUCKETS: Record<RetentionKind, (day: string) => string> = {
  daily: (day) => day,
  weekly: isoWeek,
  monthly: (day) => day.slice(0, 7),
};

/** For every backup kept, why (in the order daily, weekly, monthly); backups absent from the map go. */
export function backupsToKeep(
  backups: readonly { id: string; takenAt: string }[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Map<string, RetentionKind[]> {
  const newestFirst = [...backups].sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
  const kept = new Map<string, RetentionKind[]>();
  for (const kind of ['daily', 'weekly', 'monthly'] as const) {
    const buckets = new Set<string>();
    for (const backup of newestFirst) {
      if (buckets.size >= policy[kind]) break;
      const bucket = BUCKETS[kind](localDay(backup.takenAt));
      if (buckets.has(bucket)) continue;
      buckets.add(bucket);
      kept.set(backup.id, [...(kept.get(backup.id) ?? []), kind]);
    }
  }
  return kept;
}
