/**
 * The place-and-date line of an administrative document (nd30 §2, "Date rule"):
 * "Kiên Giang, ngày 03 tháng 8 năm 2021". Days below 10 and the months January and
 * February get a leading zero; months 3–12 do not (so "tháng 02" but "tháng 8").
 */

/** Six spaces: room to write a day, month or number by hand on the printed paper. */
export const HANDWRITING_BLANK = '      ';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Splits `YYYY-MM-DD`, rejecting dates that are not in the calendar (2021-02-30). */
export function parseIsoDate(isoDate: string): CalendarDate {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Ngày không đúng dạng YYYY-MM-DD: "${isoDate}".`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Ngày không có thật trong lịch: "${isoDate}".`);
  }
  return { year, month, day };
}

/** "03" for 3, "15" for 15. */
export function formatDay(day: number): string {
  return String(day).padStart(2, '0');
}

/** "01", "02" for January and February; "3" … "12" for the others. */
export function formatMonth(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

/** "03/8/2021": a date cited in running text, padded by the same rule as the date line. */
export function formatShortDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${formatDay(day)}/${formatMonth(month)}/${year}`;
}

/**
 * "ngày 03 tháng 8 năm 2021". A null date leaves blanks for the day and month to be written
 * by hand, and for the year too unless `blankYear` says which year it will be.
 */
export function formatDateWords(isoDate: string | null, blankYear?: number): string {
  if (isoDate === null) {
    const year = blankYear === undefined ? HANDWRITING_BLANK : String(blankYear);
    return `ngày${HANDWRITING_BLANK}tháng${HANDWRITING_BLANK}năm ${year}`.trimEnd();
  }
  const { year, month, day } = parseIsoDate(isoDate);
  return `ngày ${formatDay(day)} tháng ${formatMonth(month)} năm ${year}`;
}

/**
 * "Kiên Giang, ngày 03 tháng 8 năm 2021" (place, comma, date). With a null date:
 * "Kiên Giang, ngày      tháng      năm 2021" when `blankYear` is 2021.
 */
export function formatDateLine(place: string, isoDate: string | null, blankYear?: number): string {
  const words = formatDateWords(isoDate, blankYear);
  const trimmedPlace = place.trim();
  return trimmedPlace ? `${trimmedPlace}, ${words}` : words;
}
