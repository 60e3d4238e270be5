/**
 * Document type and subject (nd30 §2 ô 5a/5b). A named type prints its name as a title
 * ("BÁO CÁO", "QUYẾT ĐỊNH") with the subject under it; a công văn has no title and a "V/v …"
 * line under its number. The symbol's first part cross-checks the type ("BC-STC" → Báo cáo).
 */
import type { Recognised } from './types.js';
import {
  CAPACITY_F,
  BODY_WORDS_F,
  COLUMN_GAP,
  KINH_GUI_F,
  NOI_NHAN_F,
  RULE,
  MOTTO_F,
  QUOC_HIEU_F,
  TITLE_TYPE_F,
  URGENCY_STAMP,
  collapse,
  foldSameLength,
  isUpperText,
  opensCell,
  typeName,
  typeOfSymbol,
  type PreparedText,
} from './recognize-patterns.js';

export interface TypeSubjectResult {
  type: Recognised<string>;
  subject: Recognised<string>;
  /** The type printed as the title, when there is one. */
  titleType: string | null;
}

export interface TypeSubjectAnchors {
  /** End of the header zone (recognize-patterns headerZoneEnd). */
  zoneEnd: number;
  /** Where the number is printed (-1: not found). */
  numberStart: number;
  /** Where the number or the header's date line ends, whichever is later (-1: neither found). */
  anchorEnd: number;
  /** Where the place-and-date starts (-1: not found): a subject never runs into it. */
  dateStart: number;
  symbol: string | null;
  agency: string | null;
}

/** How far below the number the title may be. */
const TITLE_WINDOW = 1500;
/** A title is the whole type name ("QUYẾT ĐỊNH", not "QUYẾT ĐỊNH:" of the enacting words); opensCell() checks it opens a cell. */
const TITLE = new RegExp(`${TITLE_TYPE_F}(?=[ \\n]|$)`, 'g');
/** "V/v", "V/V", with or without a colon. */
const VV = /(?<![\p{L}/])V\/[vV](?![\p{L}])[ ]*[:.]?[ ]*/u;
/** A công văn's subject written out without "V/v": "Về việc …", "Về …" (opening a cell). */
const VE_VIEC = /(?<!\p{L})(Về việc|Về)\s+(?=\p{L})/gu;
/** What ends a subject inside its line: "Kính gửi", the national title, the motto, a rule, or
 *  (capitalised, checked on the text) the first words of a body. */
const INLINE_STOP_F = new RegExp(`${KINH_GUI_F}|${QUOC_HIEU_F}|${MOTTO_F}|${RULE}|(?<=\\s)${BODY_WORDS_F}\\s`, 'g');
/** The end of a cell (pipe, column gap): the subject may go on in the same column on the next line. */
const CELL_END = new RegExp(`${COLUMN_GAP}|\\|`);
/** Lines that are never part of a subject (folded, at the line start). */
const STOP_LINE_F = new RegExp(`^(?:${KINH_GUI_F}|${BODY_WORDS_F}|i\\.\\s|\\(|${NOI_NHAN_F}|so\\s*:)`);
/** A place-and-date line ("Kiên Giang, ngày 03 …") in the folded text. */
const DATE_LINE_F = /,\s*ngay\s*[\d.…_ ]/;
/** The national title or motto opening a line. */
const HEADER_LINE_F = new RegExp(`^(?:${QUOC_HIEU_F}|${MOTTO_F})`);
const MAX_LINES = 6;
const MAX_CHARS = 500;

/** Where the subject in `raw` (one line, from where the subject starts) ends, and whether it ends there for good. */
function inlineEnd(raw: string, folded: string): { end: number; final: boolean } {
  let end = raw.length;
  let final = false;
  for (const m of folded.matchAll(INLINE_STOP_F)) {
    // "Căn cứ …", "Thực hiện …" open a body; "CĂN CỨ", "THỰC HIỆN" inside an upper-case title do not.
    if (/^[ct]/.test(m[0]) && !/^\p{Lu}\p{Ll}/u.test(raw.slice(m.index, m.index + 2))) continue;
    end = m.index;
    final = true;
    break;
  }
  const cell = CELL_END.exec(raw.slice(0, end));
  if (cell) {
    end = cell.index;
    final = false;
  }
  // An upper-case subject ends where lower-case words begin (a flattened page runs the body on).
  const words = raw.slice(0, end).split(/(?<= )/);
  if (words.slice(0, 3).every((w) => !/\p{Ll}/u.test(w))) {
    let at = 0;
    for (const w of words) {
      if (/\p{Ll}/u.test(w)) return { end: at, final: true };
      at += w.length;
    }
  }
  return { end, final };
}

function lineEndOf(prep: PreparedText, index: number): number {
  const end = prep.text.indexOf('\n', index);
  return end < 0 ? prep.text.length : end;
}

/**
 * The subject printed from `start`: the rest of the line, then the lines under it while they
 * continue it (same case; a capitalised line after a blank line is something else), never past
 * `limit`, a stop line or an inline stop. An anchor in `stops` (the date line) ends it, unless
 * it stands in the other column of the line (after a cell end): then the subject goes on below.
 */
function collectSubject(prep: PreparedText, start: number, limit: number, stops: readonly number[]): string {
  const parts: string[] = [];
  let pos = start;
  let blankBefore = false;
  let first = true;
  while (pos < limit && parts.length < MAX_LINES) {
    const fullEnd = Math.min(lineEndOf(prep, pos), limit);
    const anchor = stops.find((s) => s >= pos && s < fullEnd);
    const lineEnd = anchor ?? fullEnd;
    const raw = prep.text.slice(pos, lineEnd);
    const folded = prep.folded.slice(pos, lineEnd);
    const text = raw.trim();
    if (anchor !== undefined && text === '') break;
    if (text === '') {
      blankBefore = parts.length > 0;
      pos = fullEnd + 1;
      continue;
    }
    if (!first) {
      const foldedTrim = folded.trimStart();
      if (STOP_LINE_F.test(foldedTrim) || CAPACITY_F.test(foldedTrim) || DATE_LINE_F.test(folded) || URGENCY_STAMP.test(text)) break;
      const sofar = parts.join(' ');
      if (isUpperText(sofar) !== isUpperText(text)) break;
      if (blankBefore && !isUpperText(sofar) && /^\p{Lu}/u.test(text)) break;
    }
    const lead = raw.length - raw.trimStart().length;
    const { end, final } = inlineEnd(raw.slice(lead), folded.slice(lead));
    const piece = raw.slice(lead, lead + end).trim();
    if (piece) parts.push(piece);
    // The date right after the subject's words ends it; across a column gap it is the other column.
    const dateEndsIt = anchor !== undefined && end === raw.length - lead;
    if (final || dateEndsIt || collapse(parts.join(' ')).length > MAX_CHARS) break;
    first = false;
    blankBefore = false;
    pos = fullEnd + 1;
  }
  return collapse(parts.join(' ')).slice(0, MAX_CHARS);
}

/** Without its "V/v" marker, closing punctuation and a trailing authority line ("… ỦY BAN NHÂN DÂN TỈNH KON TUM"). */
function cleanSubject(subject: string, agency: string | null): string {
  let s = subject.replace(/^V\/[vV]\s*[:.]?\s*/u, '');
  if (agency) {
    const fs = foldSameLength(s).replace(/\s+$/, '');
    const fa = foldSameLength(agency);
    if (fs.endsWith(fa) && fs.length > fa.length + 10) s = s.slice(0, fs.length - fa.length);
  }
  return s.replace(/[\s./;,:-]+$/u, '').trim();
}

function decideType(titleType: string | null, hasVv: boolean, symbol: string | null): Recognised<string> {
  const symbolType = symbol ? typeOfSymbol(symbol) : null;
  if (titleType) {
    if (symbolType === titleType) return { value: titleType, confidence: 0.95 };
    return { value: titleType, confidence: symbolType ? 0.6 : 0.85 };
  }
  if (hasVv) return symbolType ? { value: symbolType, confidence: 0.6 } : { value: 'Công văn', confidence: 0.9 };
  if (symbolType) return { value: symbolType, confidence: 0.75 };
  // nd30 §4: a công văn's symbol is issuer-unit, with no type abbreviation in front.
  if (symbol && /-/.test(symbol)) return { value: 'Công văn', confidence: 0.7 };
  return { value: null, confidence: 0 };
}

/** Type and subject from the header zone, given where the number and date were found. */
export function recognizeTypeSubject(prep: PreparedText, a: TypeSubjectAnchors): TypeSubjectResult {
  const stops = [a.dateStart].filter((s) => s >= 0);
  const titleFrom = Math.max(0, a.anchorEnd);
  const titleTo = Math.min(a.zoneEnd, titleFrom + TITLE_WINDOW);

  // A title: the decree's type name, upper case, opening a cell below the number and date.
  let titleType: string | null = null;
  let subject: Recognised<string> = { value: null, confidence: 0 };
  for (const m of prep.folded.slice(titleFrom, titleTo).matchAll(TITLE)) {
    const word = m[0];
    const start = titleFrom + m.index;
    // The region's start (just after the date or number) also opens a cell: "… năm 2020 QUYẾT ĐỊNH V/V …".
    if (start !== titleFrom && prep.text.slice(titleFrom, start).trim() !== '' && !opensCell(prep, start)) continue;
    if (!isUpperText(prep.text.slice(start, start + word.length))) continue;
    titleType = typeName(word);
    const text = cleanSubject(collectSubject(prep, start + word.length, a.zoneEnd, stops), a.agency);
    if (text) subject = { value: text, confidence: 0.85 };
    break;
  }

  // "V/v …" under the number (or anywhere above the body when the number was not found).
  const vvFrom = Math.max(0, a.numberStart);
  const vv = VV.exec(prep.text.slice(vvFrom, a.zoneEnd));
  if (vv && subject.value === null) {
    const text = cleanSubject(collectSubject(prep, vvFrom + vv.index + vv[0].length, a.zoneEnd, stops), a.agency);
    if (text) subject = { value: text, confidence: 0.9 };
  }

  if (subject.value === null && a.numberStart >= 0) {
    // "Về việc …" without "V/v" (less sure: it may be a body's first words).
    const ve = [...prep.text.slice(a.anchorEnd, a.zoneEnd).matchAll(VE_VIEC)].find((m) => opensCell(prep, a.anchorEnd + m.index));
    const text = ve ? cleanSubject(collectSubject(prep, a.anchorEnd + ve.index, a.zoneEnd, stops), a.agency) : '';
    if (ve && text) subject = { value: text, confidence: ve[1] === 'Về việc' ? 0.6 : 0.5 };
  }

  if (subject.value === null && titleType === null && !vv && a.anchorEnd > 0) {
    // No title at all (a table report): the first upper-case line of 3+ words below the number.
    let pos = a.anchorEnd;
    while (pos < titleTo) {
      const lineEnd = lineEndOf(prep, pos);
      const line = prep.text.slice(pos, lineEnd).trim();
      const folded = prep.folded.slice(pos, lineEnd).trim();
      const candidate = line.split(CELL_END)[0]?.trim() ?? '';
      if (
        candidate.split(' ').length >= 3 &&
        isUpperText(candidate) &&
        !HEADER_LINE_F.test(folded) &&
        !URGENCY_STAMP.test(candidate) &&
        !CAPACITY_F.test(folded)
      ) {
        const text = cleanSubject(collectSubject(prep, pos + prep.text.slice(pos, lineEnd).indexOf(candidate), a.zoneEnd, stops), a.agency);
        if (text) subject = { value: text, confidence: 0.5 };
        break;
      }
      pos = lineEnd + 1;
    }
  }

  return { type: decideType(titleType, vv !== null, a.symbol), subject, titleType };
}
