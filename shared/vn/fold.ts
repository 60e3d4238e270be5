/**
 * Folding for search: lower case, no tone or vowel marks, đ → d.
 * SQLite's own `remove_diacritics` does not fold đ (DESIGN §4), so every
 * searchable column stores this folded copy and every query is folded the same way.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Folded and with runs of white space collapsed: the key used to detect duplicate names. */
export function nameKey(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/** Splits a query into folded words; every word must match somewhere. */
export function foldedTerms(query: string): string[] {
  return fold(query)
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** True when every folded term of `query` occurs in `haystack` (already folded). */
export function matchesFolded(haystackFolded: string, query: string): boolean {
  return foldedTerms(query).every((t) => haystackFolded.includes(t));
}
