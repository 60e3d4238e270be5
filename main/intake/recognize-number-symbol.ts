/**
 * The document's own number and symbol (nd30 §2 ô 3): "Số: 864/STTTT-TTBCBC" under the issuer.
 * Only the header zone is searched — "Thực hiện Công văn số 864/STTTT-TTBCBC …" in the body is a
 * reference to another document, not this one's number.
 */
import type { Recognised } from './types.js';
import { DOCUMENT_TYPES } from '../../shared/nd30/document-types.js';
import { NUMBER_LABEL, NUMBER_SYMBOL, TYPE_WORD_F, isUpperText, numberSymbolOf, segmentsOf, type PreparedText } from './recognize-patterns.js';

export interface NumberSymbolResult {
  number: Recognised<number>;
  symbol: Recognised<string>;
  /** Where the number and symbol are printed in the prepared text; -1 when not found. */
  start: number;
  end: number;
}

const LABELLED = new RegExp(`${NUMBER_LABEL}${NUMBER_SYMBOL}`, 'gu');
/** Without "Số:" the number must open a cell (segmentsOf: a line, or after a pipe, a column gap, the motto). */
const UNLABELLED = new RegExp(NUMBER_SYMBOL, 'uy');
const AFTER_UPPER_WORD = /(?<=\p{Lu} {1,3})\d/gu;
const ENDS_WITH_TYPE_WORD = new RegExp(`${TYPE_WORD_F}[ ]*$`);

const NONE: NumberSymbolResult = { number: { value: null, confidence: 0 }, symbol: { value: null, confidence: 0 }, start: -1, end: -1 };

/**
 * "Quyết định Số 12/…" or "Công văn 722/UBND-MT" name another document (or a web page's title).
 * An upper-case name ending in a type word ("TRUNG TÂM … BÁO CÁO") run onto the number is not that.
 */
function afterTypeWord(prep: PreparedText, index: number): boolean {
  const from = Math.max(0, index - 40);
  const m = ENDS_WITH_TYPE_WORD.exec(prep.folded.slice(from, index));
  return m !== null && !isUpperText(prep.text.slice(from + m.index, index));
}

/**
 * The number and symbol printed in [0, zoneEnd). "Số:" with a number and a two-part symbol is
 * certain; a blank (hand-written) number gives a null number and the symbol; a number without
 * "Số:" is accepted only at the start of a cell and with a two-part symbol, and less surely.
 */
export function recognizeNumberSymbol(prep: PreparedText, zoneEnd: number): NumberSymbolResult {
  const zone = prep.text.slice(0, zoneEnd);
  for (const m of zone.matchAll(LABELLED)) {
    if (afterTypeWord(prep, m.index)) continue;
    const { number, symbol } = numberSymbolOf(m.groups ?? {});
    if (!symbol) continue;
    const twoParts = /[-/]/.test(symbol);
    return {
      number: { value: number, confidence: number === null ? 0 : twoParts ? 0.95 : 0.85 },
      symbol: { value: symbol, confidence: twoParts ? 0.95 : 0.8 },
      start: m.index,
      end: m.index + m[0].length,
    };
  }
  // Where a number without its label may start: a cell, or right after the upper-case issuer
  // when a flattened page ran the left column onto one line ("… ĐÀO TẠO 4144 /GDĐT – VP").
  const starts = [...segmentsOf(prep, 0, zoneEnd).map((seg) => seg.start), ...[...zone.matchAll(AFTER_UPPER_WORD)].map((m) => m.index)];
  for (const start of starts.sort((a, b) => a - b)) {
    UNLABELLED.lastIndex = start;
    const m = UNLABELLED.exec(prep.text);
    if (!m || afterTypeWord(prep, start)) continue;
    const { number, symbol } = numberSymbolOf(m.groups ?? {});
    if (number === null || !/[-/]/.test(symbol)) continue;
    return { number: { value: number, confidence: 0.75 }, symbol: { value: symbol, confidence: 0.75 }, start, end: start + m[0].length };
  }
  return NONE;
}

/**
 * PDF text loses hyphens ("1961/QĐUBND"). When the title names the type and the symbol starts
 * with that type's abbreviation glued to the issuer, the hyphen is put back ("QĐ-UBND"); null
 * when the symbol does not look like that.
 */
export function restoreTypeHyphen(symbol: string, typeName: string): string | null {
  const abbreviation = DOCUMENT_TYPES.find((t) => t.name === typeName)?.abbreviation;
  if (!abbreviation || /[-/]/.test(symbol)) return null;
  if (!symbol.toUpperCase().startsWith(abbreviation.toUpperCase())) return null;
  const issuer = symbol.slice(abbreviation.length);
  return /^[A-ZĐ][A-ZĐ0-9]+$/.test(issuer) ? `${abbreviation}-${issuer}` : null;
}
