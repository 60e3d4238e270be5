import { describe, expect, it } from 'vitest';
import { backupsToKeep, isoWeek, localDay } from '../../main/backup/rotation.js';

/** One backup a day at 10:00 in Vietnam (03:00 UTC), for `days` days up to and including `last`. */
function daily(last: string, days: number): { id: string; takenAt: string }[] {
  const end = Date.parse(`${last}T03:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const takenAt = new Date(end - i * 86_400_000).toISOString();
    return { id: takenAt.slice(0, 10), takenAt };
  });
}

const keptFor = (kept: Map<string, string[]>, kind: string) =>
  [...kept].filter(([, kinds]) => kinds.includes(kind)).map(([id]) => id).sort();

describe('rotation: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps the last 7 days, the newest of each of the last 4 ISO weeks and of the last 12 months', () => {
    // 2025-03-01 … 2025-04-30; 2025-04-30 is a Wednesday.
    const kept = backupsToKeep(daily('2025-04-30', 61));
    expect(keptFor(kept, 'daily')).toEqual(['2025-04-24', '2025-04-25', '2025-04-26', '2025-04-27', '2025-04-28', '2025-04-29', '2025-04-30']);
    // Sundays end ISO weeks: the current week's newest (Wed 30th), then Sundays 27th, 20th, 13th.
    expect(keptFor(kept, 'weekly')).toEqual(['2025-04-13', '2025-04-20', '2025-04-27', '2025-04-30']);
    // Only two months have backups: the newest of each.
    expect(keptFor(kept, 'monthly')).toEqual(['2025-03-31', '2025-04-30']);
    expect(kept.get('2025-04-30')).toEqual(['daily', 'weekly', 'monthly']);
    expect(kept.size).toBe(10); // 7 days + 13th, 20th + 31 March; everything else goes
  });

  it('over two years keeps exactly 7 + 4 + 12 backups less the overlaps, the oldest a year back', () => {
    const kept = backupsToKeep(daily('2025-06-15', 730));
    expect(keptFor(kept, 'daily')).toHaveLength(7);
    expect(keptFor(kept, 'weekly')).toHaveLength(4);
    const monthly = keptFor(kept, 'monthly');
    expect(monthly).toHaveLength(12);
    expect(monthly[0]).toBe('2024-07-31');
    expect(monthly.at(-1)).toBe('2025-06-15');
    expect(kept.size).toBeLessThanOrEqual(23);
  });

  it('keeps only the newest of several backups of one day (start, daily, exit)', () => {
    const day = [
      { id: 'start', takenAt: '2025-05-02T01:00:00.000Z' },
      { id: 'exit', takenAt: '2025-05-02T10:30:00.000Z' },
      { id: 'daily', takenAt: '2025-05-02T05:00:00.000Z' },
    ];
    expect([...backupsToKeep(day).keys()]).toEqual(['exit']);
  });

  it('counts the last 7 days that have a backup, so a PC left off for weeks still keeps 7', () => {
    const before = daily('2025-01-20', 10);
    const after = daily('2025-03-05', 2); // back after six weeks off
    const kept = backupsToKeep([...before, ...after]);
    expect(keptFor(kept, 'daily')).toEqual(['2025-01-16', '2025-01-17', '2025-01-18', '2025-01-19', '2025-01-20', '2025-03-04', '2025-03-05']);
  });

  it('buckets by the Vietnamese calendar: 18:00 UTC is already the next day in Hà Nội', () => {
    expect(localDay('2025-01-15T18:00:00Z')).toBe('2025-01-16');
    const kept = backupsToKeep([
      { id: 'late-utc', takenAt: '2025-01-15T18:00:00Z' },
      { id: 'early-next', takenAt: '2025-01-16T02:00:00Z' },
    ]);
    expect(kept.has('late-utc')).toBe(false); // the same Vietnamese day as the newer one
  });

  it('numbers ISO weeks across the new year', () => {
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2025-04-27')).toBe('2025-W17');
    expect(isoWeek('2025-04-28')).toBe('2025-W18');
  });
});
