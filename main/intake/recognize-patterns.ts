/**
 * What the recognisers (DESIGN §3, stage 4) share: the prepared text and every pattern that
 * more than one of them needs, so "what a symbol looks like" or "what a date looks like" is
 * decided once.
 *
 * Key words are matched on a folded copy of the text (shared/vn/fold: no tone or vowel marks,
 * đ → d, lower case) that has exactly the length of the text, so an index found in the folded
 * copy is valid in the text and values are always sliced out of the text as printed.
 */
import { fold } from '../../shared/vn/fold.js';
import { DOCUMENT_TYPES } from '../../shared/nd30/document-types.js';

export interface PreparedText {
  /** NFC, "\n" line ends, plain spaces, orphan combining marks removed; case and letters as printed. */
  text: string;
  /** fold(text) character by character: same length, same indices. */
  folded: string;
}

const foldCache = new Map<string, string>();

/** fold() one UTF-16 unit at a time; a unit fold would delete or expand is kept as it is. */
export function foldSameLength(text: string): string {
  let out = '';
  for (const unit of text.split('')) {
    let folded = foldCache.get(unit);
    if (folded === undefined) {
      const f = fold(unit);
      folded = f.length === 1 ? f : unit;
      foldCache.set(unit, folded);
    }
    out += folded;
  }
  return out;
}

/**
 * Text as extraction hands it over is messy: decomposed or composed marks, NBSP and tabs from
 * web pages, zero-width characters, and (legacy-font PDFs) tone marks detached from their
 * letters ("thiêt hai ̀ ̣ ̣ do"). A mark after a space can belong to no letter, so it is dropped
 * with its space; everything else stays as printed.
 */
export function prepareText(raw: string): PreparedText {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/ [\u0300-\u036f]+(?= |\n|$)/g, '')
    .replace(/(^|\s)[\u0300-\u036f]+/gm, '$1')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
  return { text, folded: foldSameLength(text) };
}

/** Runs of white space to one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** True when the text has letters and none of them is lower case ("SỞ TÀI CHÍNH", "V/V BAN HÀNH"). */
export function isUpperText(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

// ---------------------------------------------------------------------------------------------
// The national title, the motto and what separates the columns of a flattened header.
// (Sources for the folded text.)

/** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", also "CỘNG HOÀ" and the garbled "XàHỘI" of PDF text. */
export const QUOC_HIEU_F = String.raw`cong\s*hoa\s*x\S{0,2}\s*hoi\s*chu\s*nghia\s*viet\s*nam`;
/** "Độc lập - Tự do - Hạnh phúc" with any dashes (or none: PDF text loses them). */
export const MOTTO_F = String.raw`doc\s*lap[^a-z0-9\n]{0,8}tu\s*do[^a-z0-9\n]{0,8}hanh\s*phuc`;
/** Columns rendered with spaces: a run of three or more. */
export const COLUMN_GAP = ' {3,}';
/** A drawn rule under the issuer or the motto: "-----", "______". */
export const RULE = '[-–—_=*]{3,}';
/** Where one cell of a flattened two-column header ends: the national title, the motto, a table
 *  pipe, a column gap, a rule (folded text). */
const CELL_BREAK_F = `${QUOC_HIEU_F}|${MOTTO_F}|\\||${COLUMN_GAP}|${RULE}`;
const CELL_BREAK = new RegExp(CELL_BREAK_F, 'g');

export interface Segment {
  start: number;
  end: number;
  /** As printed, trimmed. */
  text: string;
  /** True when the segment is a whole line (nothing else printed on it). */
  wholeLine: boolean;
}

/**
 * The cells of [start, end): lines, cut again at the national title, the motto, pipes, runs of
 * spaces and rules — so "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI … TỈNH HẬU GIANG Độc lập …" gives
 * "ỦY BAN NHÂN DÂN" and "TỈNH HẬU GIANG". Empty cells are left out.
 */
export function segmentsOf(prep: PreparedText, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  let lineStart = start;
  while (lineStart <= end) {
    let lineEnd = prep.text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const folded = prep.folded.slice(lineStart, lineEnd);
    const cuts: Array<[number, number]> = [];
    for (const m of folded.matchAll(CELL_BREAK)) cuts.push([m.index, m.index + m[0].length]);
    const pieces: Array<[number, number]> = [];
    let from = 0;
    for (const [a, b] of cuts) {
      pieces.push([from, a]);
      from = b;
    }
    pieces.push([from, folded.length]);
    const kept = pieces
      .map(([a, b]) => ({ a, b, raw: prep.text.slice(lineStart + a, lineStart + b) }))
      .filter((p) => /[\p{L}\p{N}]/u.test(p.raw));
    for (const p of kept) {
      const lead = p.raw.length - p.raw.trimStart().length;
      const text = p.raw.trim();
      out.push({
        start: lineStart + p.a + lead,
        end: lineStart + p.a + lead + text.length,
        text,
        wholeLine: kept.length === 1,
      });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Where the cell holding `index` starts: after the last cell break on its line before it. */
export function cellStartBefore(prep: PreparedText, index: number): number {
  const lineStart = prep.text.lastIndexOf('\n', index - 1) + 1;
  let cellStart = lineStart;
  for (const m of prep.folded.slice(lineStart, index).matchAll(CELL_BREAK)) cellStart = lineStart + m.index + m[0].length;
  return cellStart;
}

/** True when only spaces stand between `index` and the start of its cell (it opens a line or column). */
export function opensCell(prep: PreparedText, index: number): boolean {
  return prep.text.slice(cellStartBefore(prep, index), index).trim() === '';
}

// ---------------------------------------------------------------------------------------------
// Number and symbol: "864/STTTT-TTBCBC", "4144 /GDĐT – VP", "61/2018/NĐ-CP", "119-KH/TU".

/** One part of a symbol: upper case (Đ kept), digits, the decree's mixed-case "TTr", "QyĐ"; never
 *  followed by a lower-case letter, so "…-Tháp" or "Hà" is not taken for a part. */
const SYMBOL_PART = String.raw`[A-ZĐ][A-Za-zĐđ0-9&]*(?!\p{Ll})`;
/** Hyphen, en dash, em dash and the Unicode hyphens: all join a symbol's parts. */
const DASH_CHAR = '[-–—‐‑]';
const DASH = String.raw`\s*${DASH_CHAR}\s*`;
const DASH_SPLIT = new RegExp(DASH);

/**
 * Number and symbol as printed (source for the original text, flag u). Groups: num (may be
 * absent: a number written by hand leaves "…/" or spaces), year (normative documents
 * "61/2018/NĐ-CP"), sym; or the party style pnum, ptype, pissuer ("119-KH/TU").
 */
export const NUMBER_SYMBOL = String.raw`(?:(?<pnum>\d{1,6})${DASH}(?<ptype>[A-ZĐ][A-Za-zĐ]{0,3})\s*\/\s*(?<pissuer>${SYMBOL_PART}(?:${DASH}${SYMBOL_PART})*)|(?<num>\d{1,6}[a-z]?)?[ ._…]{0,40}\/\s*(?:(?<year>(?:19|20)\d{2})\s*\/\s*)?(?<sym>${SYMBOL_PART}(?:${DASH}${SYMBOL_PART})*))`;

/** The "Số:" label (capital S: references write "số" inside a sentence). "SỐ" only with a colon.
 *  Nothing is required before it: PDF text runs it onto the line above ("SỞ TÀI CHÍNHSố:"). */
export const NUMBER_LABEL = String.raw`(?:Số[ ]{0,3}[:.]?|SỐ[ ]{0,3}:)[ ]{0,6}`;

/** "GDĐT – VP" → "GDĐT-VP": no spaces, every dash a hyphen; letters as printed ("TTr", "QĐ-TTg"). */
export function normaliseSymbol(raw: string): string {
  return raw
    .split(DASH_SPLIT)
    .map((part) => part.replace(/\s+/g, ''))
    .filter((part) => part.length > 0)
    .join('-');
}

export interface NumberSymbol {
  /** Null when the number is blank (written by hand) or not a plain integer ("30c"). */
  number: number | null;
  symbol: string;
}

/** The number and symbol out of a NUMBER_SYMBOL match. */
export function numberSymbolOf(groups: Record<string, string | undefined>): NumberSymbol {
  if (groups.pnum !== undefined && groups.ptype !== undefined && groups.pissuer !== undefined) {
    return { number: Number(groups.pnum), symbol: `${normaliseSymbol(groups.ptype)}/${normaliseSymbol(groups.pissuer)}` };
  }
  const num = groups.num;
  const number = num !== undefined && /^\d+$/.test(num) && Number(num) > 0 ? Number(num) : null;
  const symbol = normaliseSymbol(groups.sym ?? '');
  return { number, symbol: groups.year ? `${groups.year}/${symbol}` : symbol };
}

/** The first part of a symbol when it is a type abbreviation of the decree ("BC" in "BC-STC"). */
export function typeOfSymbol(symbol: string): string | null {
  const first = symbol.replace(/^\d{4}\//, '').split(/[-/]/)[0] ?? '';
  const type = DOCUMENT_TYPES.find((t) => t.abbreviation !== null && t.abbreviation.toUpperCase() === first.toUpperCase());
  return type?.name ?? null;
}

// ---------------------------------------------------------------------------------------------
// Dates.

/** "ngày 03 tháng 8 năm 2021" in the folded text; day and month may be blank ("ngày    tháng 5"),
 *  "tháng11" may lack its space. Groups: 1 day, 2 month, 3 year. Bounded repeats: a blank for
 *  the pen is short, and unbounded ones backtrack badly on long runs of spaces. */
export const DATE_WORDS_F = String.raw`ngay(?:\s{0,6}(\d{1,2}))?[\s._…-]{0,40}thang(?:\s{0,6}(\d{1,2}))?[\s._…-]{0,40}nam\s{0,6}(\d{4})?`;
/** "03/8/2021", "03-08-2021", "03.8.2021". Groups: 1 day, 2 month, 3 year (no back-reference:
 *  this source is embedded in larger patterns, where group numbers shift). */
export const DATE_NUMERIC = String.raw`(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)`;

/** "2021-08-03", or null when the parts are missing or not a day of the calendar. */
export function isoDate(year: string | number | undefined, month: string | number | undefined, day: string | number | undefined): string | null {
  if (year === undefined || month === undefined || day === undefined) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1945 || y > 2099) return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Document type words.

/** Types that are cited in bodies but are not administrative types of the decree. */
const CITED_TYPES = ['Nghị định', 'Thông tư liên tịch', 'Thông tư', 'Luật', 'Pháp lệnh', 'Văn bản', 'Lệnh', 'Nghị quyết liên tịch'];

const typeByFolded = new Map<string, string>();
for (const name of [...DOCUMENT_TYPES.map((t) => t.name), ...CITED_TYPES]) typeByFolded.set(fold(name), name);

/** Every type word, longest first so "thông tư liên tịch" wins over "thông tư". */
const typeAlternation = [...typeByFolded.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');

/** A type word in the folded text, whole words only. */
export const TYPE_WORD_F = String.raw`(?<![a-z])(?:${typeAlternation})(?![a-z])`;

/** Only the decree's types (titles of the document itself), longest first. */
export const TITLE_TYPE_F = String.raw`(?<![a-z])(?:${DOCUMENT_TYPES.map((t) => fold(t.name))
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|')})(?![a-z])`;

/** The normal-case name of a folded type word ("ke  hoach" → "Kế hoạch"), or null. */
export function typeName(foldedWord: string): string | null {
  return typeByFolded.get(collapse(foldedWord)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Where the header ends.

/** The words a body's first paragraph starts with (folded): "Căn cứ", "Thực hiện", "Xét đề nghị", "Điều 1". */
export const BODY_WORDS_F = String.raw`(?:can\s*cu|thuc\s*hien|xet\s*de\s*nghi|theo\s*de\s*nghi|dieu\s*1(?![0-9]))`;
/** "Kính gửi" (folded), anywhere: a flattened page has it mid-line. */
export const KINH_GUI_F = String.raw`kinh\s*gui(?![a-z])`;
/** "Nơi nhận" (folded): the distribution list by the signature. */
export const NOI_NHAN_F = String.raw`noi\s*nhan(?![a-z])`;
/** A body paragraph opening a line (folded, flag m); also "I." of a report's first section. */
const BODY_START = new RegExp(`^[ ]*(?:${BODY_WORDS_F}|i\\.\\s)`, 'm');
const KINH_GUI = new RegExp(KINH_GUI_F);

/** Beyond this the header is not looked for (a 20-page text stays cheap). */
export const HEADER_SCAN_LIMIT = 6000;

/**
 * Where the header zone ends: the first "Kính gửi" or first body paragraph after the national
 * title (or after the start when there is none), capped at HEADER_SCAN_LIMIT. This document's
 * number and date are above it; "Thực hiện Công văn số 864/…" below it is a reference.
 */
export function headerZoneEnd(prep: PreparedText): number {
  const limit = Math.min(prep.text.length, HEADER_SCAN_LIMIT);
  const qh = new RegExp(QUOC_HIEU_F).exec(prep.folded.slice(0, limit));
  const from = qh ? qh.index : 0;
  const candidates = [limit];
  // Capitalised in the text: "Căn cứ …" opens a body, "căn cứ" continuing a subject line does not.
  const body = BODY_START.exec(prep.folded.slice(from, limit));
  if (body) {
    const at = from + body.index + body[0].length - body[0].trimStart().length;
    if (/\p{Lu}/u.test(prep.text[at] ?? '')) candidates.push(at);
  }
  const kg = KINH_GUI.exec(prep.folded.slice(from, limit));
  if (kg && prep.text[from + kg.index] === 'K') candidates.push(from + kg.index);
  return Math.min(...candidates);
}

// ---------------------------------------------------------------------------------------------
// Stamps and signature lines.

/** An urgency stamp (nd30 §2 ô 10b): upper case and alone in its cell. Group 1 is the words. */
export const URGENCY_STAMP = /^(HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)$/u;

/**
 * A capacity line of the signature (nd30 §2 ô 7a) in the folded text: "TM. ỦY BAN NHÂN DÂN",
 * "KT. GIÁM ĐỐC", "PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG". Also ends a decision's title block
 * ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" is the authority that decides).
 */
export const CAPACITY_F = /^(?:(?:tm|kt|tl|tuq|q)\.|(?:pho\s+)?(?:chu\s*tich|giam\s*doc|bo\s*truong|thu\s*truong|tong\s*giam\s*doc|chanh\s*van\s*phong|chanh\s*thanh\s*tra|truong\s*ban|truong\s*phong|cuc\s*truong|vu\s*truong|hieu\s*truong|vien\s*truong|tong\s*cuc\s*truong|bi\s*thu)(?![a-z]))/;
