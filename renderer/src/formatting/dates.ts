import { isRealDate } from '../../../shared/domain/common';

/** `2025-07-01` → `01/07/2025`, the way dates are written in Vietnamese administration. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** The calendar day after `iso` (both `YYYY-MM-DD`). */
export function dayAfter(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/**
 * A date as a clerk types it — `01/07/2025`, `1/7/2025`, `01-07-2025`, `01.07.2025`, or ISO
 * `2025-07-01` — as ISO. Blank gives null; anything that is not a real date gives undefined.
 */
export function parseDate(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const parts = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return undefined;
  const [year, month, day] = parts as [string, string, string];
  const result = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealDate(result) ? result : undefined;
}

export { formatDateTime } from '../../../shared/vn/date-time';
