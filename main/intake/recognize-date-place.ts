/**
 * Place and date of issue (nd30 §2 ô 4): "Vị Thanh, ngày 6 tháng 4 năm 2011" → place "Vị Thanh",
 * date 2011-04-06. A day or month left blank to be written by hand gives a null date: a date is
 * never guessed.
 */
import type { Recognised } from './types.js';
import { DATE_NUMERIC, DATE_WORDS_F, cellStartBefore, isoDate, opensCell, type PreparedText } from './recognize-patterns.js';

export interface DatePlaceResult {
  place: Recognised<string>;
  date: Recognised<string>;
  /** Where the place-and-date is printed; -1 when not found. */
  start: number;
  end: number;
  /** Read in the header (not the fallback by the signature). */
  inHeader: boolean;
}

interface DateCandidate {
  start: number;
  end: number;
  /** Null when a part is blank or the day is not in the calendar. */
  iso: string | null;
  /** Day or month left blank on purpose (written by hand after signing). */
  blank: boolean;
}

const DATE_WORDS = new RegExp(DATE_WORDS_F, 'g');
/** "ngày 03/8/2021" and, after a place and comma only, a bare "03/08/2021". */
const DATE_NUMBERS = new RegExp(`(?:ngay\\s*)?${DATE_NUMERIC}`, 'g');
/** A date right after a reference: "…/KH-UBND ngày 15/7/2021", "…, ngày 22 tháng 3 năm 2011". */
const DATE_AFTER = new RegExp(`[\\s,(]*(?:ban\\s*hanh\\s*)?(?:${DATE_WORDS_F}|ngay\\s*${DATE_NUMERIC})`, 'y');

/** Lower-case words inside an official place name ("Thành phố Hồ Chí Minh", "Thị xã …"). */
const PLACE_CONNECTORS = new Set(['phố', 'xã', 'thị', 'trấn', 'huyện', 'quận', 'tỉnh']);
/** Capitalised, hyphenated parts allowed ("Rang-Tháp", "K-rông"); "TP." for Thành phố. */
const PLACE_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}]*(?:[-'’]\p{L}[\p{Ll}\p{M}]*)*|TP\.|Tp\.)$/u;
/** A weekday before a date is not a place ("Thứ ba, ngày 06/02/2018"). */
const NOT_A_PLACE = /^(?:Thứ|Chủ nhật|Ngày|Vào|Từ|Đến|Trước|Sau)\b/u;

function dateCandidates(prep: PreparedText, from: number, to: number): DateCandidate[] {
  const folded = prep.folded.slice(from, to);
  const out: DateCandidate[] = [];
  for (const m of folded.matchAll(DATE_WORDS)) {
    const [, day, month, year] = m;
    // "ngày … tháng … năm" with nothing at all is a form to fill in, not a date line.
    if (day === undefined && month === undefined && year === undefined) continue;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, iso: isoDate(year, month, day), blank: day === undefined || month === undefined });
  }
  for (const m of folded.matchAll(DATE_NUMBERS)) {
    const [, day, month, year] = m;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, iso: isoDate(year, month, day), blank: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The place printed before a date: "…, ngày" preceded by capitalised words, read backwards from
 * the comma to the start of the cell (a symbol like "UBND-NCTH", the motto or a column gap ends
 * it). Null without a comma or without such words.
 */
function placeBefore(prep: PreparedText, dateStart: number): { place: string; start: number } | null {
  const lineStart = prep.text.lastIndexOf('\n', dateStart - 1) + 1;
  const before = prep.text.slice(lineStart, dateStart);
  const comma = /,\s*$/.exec(before);
  if (!comma) return null;
  const cellStart = cellStartBefore(prep, lineStart + comma.index) - lineStart;
  const cell = before.slice(cellStart, comma.index);
  const tokens = cell.split(' ').filter((t) => t.length > 0);
  const taken: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && taken.length < 6; i -= 1) {
    const token = tokens[i] ?? '';
    if (!PLACE_WORD.test(token) && !PLACE_CONNECTORS.has(token)) break;
    taken.unshift(token);
  }
  while (taken.length > 0 && PLACE_CONNECTORS.has(taken[0] ?? '')) taken.shift();
  const place = taken.join(' ');
  if (!place || NOT_A_PLACE.test(place)) return null;
  return { place, start: lineStart + cellStart + cell.lastIndexOf(place) };
}

function result(place: string | null, placeConfidence: number, iso: string | null, dateConfidence: number, start: number, end: number, inHeader: boolean): DatePlaceResult {
  return {
    place: { value: place, confidence: place ? placeConfidence : 0 },
    date: { value: iso, confidence: iso ? dateConfidence : 0 },
    start,
    end,
    inHeader,
  };
}

/** The header's date line is within this many printed lines below the number (or national title). */
const DATE_LINES_BELOW = 12;

/** The end of the DATE_LINES_BELOW-th non-empty line from `from`, or `zoneEnd` if that comes first. */
function windowEnd(prep: PreparedText, from: number, zoneEnd: number): number {
  let pos = from;
  for (let n = 0; n < DATE_LINES_BELOW && pos < zoneEnd; ) {
    const end = prep.text.indexOf('\n', pos);
    if (end < 0) return zoneEnd;
    if (prep.text.slice(pos, end).trim() !== '') n += 1;
    pos = end + 1;
  }
  return Math.min(pos, zoneEnd);
}

/**
 * The place and date of the header: from `anchor` (where the header's number or national title
 * is first printed; -1 when neither is) to a few lines below it and above the body (`zoneEnd`),
 * the first date with a place before it, or a date alone opening a cell (less sure: no place).
 * A web page's dateline above the header is not read. When the header has none (a table report
 * whose date line sits by the signature), a "Place, ngày …" line anywhere below is taken, less
 * surely.
 */
export function recognizeDatePlace(prep: PreparedText, zoneEnd: number, anchor: number): DatePlaceResult {
  const from = Math.max(0, anchor);
  const headerEnd = windowEnd(prep, from, zoneEnd);
  for (const c of dateCandidates(prep, from, headerEnd)) {
    const numericOnly = !/^ngay/.test(prep.folded.slice(c.start, c.end));
    const place = placeBefore(prep, c.start);
    if (place) return result(place.place, 0.9, c.blank ? null : c.iso, 0.95, place.start, c.end, true);
    if (!numericOnly && opensCell(prep, c.start)) return result(null, 0, c.blank ? null : c.iso, 0.7, c.start, c.end, true);
  }
  for (const c of dateCandidates(prep, headerEnd, prep.text.length)) {
    if (!/^ngay/.test(prep.folded.slice(c.start, c.end))) continue;
    const place = placeBefore(prep, c.start);
    if (!place || !opensCell(prep, place.start)) continue;
    return result(place.place, 0.6, c.blank ? null : c.iso, 0.6, place.start, c.end, false);
  }
  return result(null, 0, null, 0, -1, -1, false);
}

/** The date printed right after `index` ("ngày 15/7/2021", ", ngày 22 tháng 3 năm 2011"), as ISO. */
export function dateAfter(prep: PreparedText, index: number): { iso: string; end: number } | null {
  DATE_AFTER.lastIndex = index;
  const m = DATE_AFTER.exec(prep.folded);
  if (!m) return null;
  const iso = m[1] !== undefined || m[2] !== undefined || m[3] !== undefined ? isoDate(m[3], m[2], m[1]) : isoDate(m[6], m[5], m[4]);
  return iso ? { iso, end: index + m[0].length } : null;
}
