import { fold } from './fold.js';

/**
 * Where folded search terms occur in the original text, so that snippets and highlights are
 * computed against what the clerk wrote (DESIGN §4) — "tuyen truyen" lights up "tuyên truyền".
 * Folding is done one character at a time, so folded and original indices line up.
 */

/** Each character folded once: snippets fold whole documents, and a text uses few distinct characters. */
const foldedChars = new Map<string, string>();

export function foldByChar(text: string): string {
  let out = '';
  for (const ch of text) {
    let f = foldedChars.get(ch);
    if (f === undefined) {
      f = fold(ch);
      // Every Vietnamese letter folds to one character; anything that would not stays itself.
      if (f.length !== ch.length) f = ch;
      foldedChars.set(ch, f);
    }
    out += f;
  }
  return out;
}

export interface Snippet {
  text: string;
  /** [start, end) of each match within `text`. */
  highlights: [number, number][];
}

export function snippet(original: string, terms: string[], radius = 80): Snippet | null {
  const folded = foldByChar(original);
  const matches: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = folded.indexOf(term); i >= 0 && matches.length < 50; i = folded.indexOf(term, i + term.length)) {
      matches.push([i, i + term.length]);
    }
  }
  if (matches.length === 0) return null;
  matches.sort((a, b) => a[0] - b[0]);
  const first = matches[0]![0];
  const start = Math.max(0, first - radius);
  const end = Math.min(original.length, first + radius * 2);
  const prefix = start > 0 ? '…' : '';
  const text = `${prefix}${original.slice(start, end).replace(/\s+/g, ' ')}${end < original.length ? '…' : ''}`;
  // Recompute on the cleaned window: whitespace runs were collapsed.
  const window = foldByChar(text);
  const highlights: [number, number][] = [];
  for (const term of terms) {
    for (let i = window.indexOf(term); i >= 0; i = window.indexOf(term, i + term.length)) highlights.push([i, i + term.length]);
  }
  highlights.sort((a, b) => a[0] - b[0]);
  return { text, highlights };
}
