/**
 * The number-and-symbol line (nd30 §2 ô 3, §4): "Số: 864/STTTT-TTBCBC". The number comes
 * first, then "/", then the symbol whose parts are joined by "-", with no spaces anywhere.
 */
import { HANDWRITING_BLANK } from './date-line.js';

/** "05" for 5 (numbers below 10 get a leading zero), "864" for 864. */
export function formatDocumentNumber(number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`Số văn bản phải là số nguyên dương: ${number}.`);
  return String(number).padStart(2, '0');
}

/**
 * "Số: 864/STTTT-TTBCBC". A null number leaves a blank before the "/" for the number to be
 * written by hand after signing (nd30 §5: paper documents are numbered after signing).
 */
export function formatNumberLine(number: number | null, symbol: string): string {
  const written = number === null ? HANDWRITING_BLANK : ` ${formatDocumentNumber(number)}`;
  return `Số:${written}/${symbol.trim()}`;
}

function joinSymbolParts(parts: readonly (string | null | undefined)[]): string {
  return parts
    .map((part) => (part ?? '').replace(/\s+/g, ''))
    .filter((part) => part.length > 0)
    .join('-');
}

/** A công văn's symbol: the issuer, then the drafting unit or field: "STTTT-TTBCBC" (or "STTTT" without one). */
export function dispatchSymbol(orgSymbol: string, departmentCode?: string | null): string {
  return joinSymbolParts([orgSymbol, departmentCode]);
}

/** A named type's symbol: the type's abbreviation, then the issuer: "BC-STTTT" (optionally "-TTBCBC"). */
export function namedTypeSymbol(typeAbbreviation: string, orgSymbol: string, departmentCode?: string | null): string {
  return joinSymbolParts([typeAbbreviation, orgSymbol, departmentCode]);
}
