/**
 * Text widths in Times New Roman, for the decisions both renderers must make the same way:
 * where the header lines break, and how long the lines under the agency and the motto are
 * (nd30 §2: the agency's line is 1/3–1/2 of its text, the motto's as long as the motto).
 *
 * Advance widths in 1/1000 em of Liberation Serif 2, which is metric-compatible with Times New
 * Roman (same advances glyph for glyph), so Word, LibreOffice and Chromium lay the text out to
 * these widths. Vietnamese letters with tone or vowel marks have the width of their base
 * letter in these fonts, except the horned ơ/ư (and Ơ/Ư) and đ/Đ, which have entries of their own.
 */

export interface FontStyle {
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
}

interface WidthTable {
  /** Characters U+0020 to U+007E. */
  ascii: readonly number[];
  extra: Readonly<Record<string, number>>;
}

const WIDTHS: Readonly<Record<'regular' | 'bold' | 'italic' | 'boldItalic', WidthTable>> = {
  regular: {
    ascii: [250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541],
    extra: { 'Đ': 722, 'đ': 500, 'Ơ': 722, 'ơ': 529, 'Ư': 776, 'ư': 542, '“': 444, '”': 444, '‘': 333, '’': 333, '–': 500, '—': 1000, '…': 1000, '\u00a0': 250, '§': 500, '°': 400, '•': 350, '×': 564 },
  },
  bold: {
    ascii: [250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520],
    extra: { 'Đ': 722, 'đ': 556, 'Ơ': 778, 'ơ': 554, 'Ư': 796, 'ư': 600, '“': 500, '”': 500, '‘': 333, '’': 333, '–': 500, '—': 1000, '…': 1000, '\u00a0': 250, '§': 500, '°': 400, '•': 350, '×': 570 },
  },
  italic: {
    ascii: [250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389, 422, 500, 333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 541],
    extra: { 'Đ': 722, 'đ': 500, 'Ơ': 722, 'ơ': 534, 'Ư': 754, 'ư': 545, '“': 556, '”': 556, '‘': 333, '’': 333, '–': 500, '—': 889, '…': 889, '\u00a0': 250, '§': 500, '°': 400, '•': 350, '×': 675 },
  },
  boldItalic: {
    ascii: [250, 389, 555, 500, 500, 833, 778, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 832, 667, 667, 667, 722, 667, 667, 722, 778, 389, 500, 667, 611, 889, 722, 722, 611, 722, 667, 556, 611, 722, 667, 889, 667, 611, 611, 333, 278, 333, 570, 500, 333, 500, 500, 444, 500, 444, 333, 500, 556, 278, 278, 500, 278, 778, 556, 500, 500, 500, 389, 389, 278, 556, 444, 667, 500, 444, 389, 348, 220, 348, 570],
    extra: { 'Đ': 722, 'đ': 500, 'Ơ': 722, 'ơ': 537, 'Ư': 775, 'ư': 599, '“': 500, '”': 500, '‘': 333, '’': 333, '–': 500, '—': 1000, '…': 1000, '\u00a0': 250, '§': 500, '°': 400, '•': 350, '×': 570 },
  },
};

/** Used for characters the tables do not know (CJK, symbols): about the width of a digit. */
const FALLBACK_WIDTH = 500;
const COMBINING_HORN = '\u031b';
const HORNED: Readonly<Record<string, string>> = { o: 'ơ', O: 'Ơ', u: 'ư', U: 'Ư' };

function tableFor(style: FontStyle): WidthTable {
  if (style.bold) return style.italic ? WIDTHS.boldItalic : WIDTHS.bold;
  return style.italic ? WIDTHS.italic : WIDTHS.regular;
}

function charWidth(table: WidthTable, char: string): number {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code >= 0x20 && code <= 0x7e) return table.ascii[code - 0x20] ?? FALLBACK_WIDTH;
  const known = table.extra[char];
  if (known !== undefined) return known;
  // "ộ" → "o" + marks: the base letter's width, or the horned letter's when a horn is among the marks.
  const decomposed = char.normalize('NFD');
  const base = decomposed[0] ?? char;
  if (decomposed === char) return FALLBACK_WIDTH;
  const horned = decomposed.includes(COMBINING_HORN) ? HORNED[base] : undefined;
  return charWidth(table, horned ?? base);
}

/** Width of `text` on one line, in points. */
export function textWidthPt(text: string, style: FontStyle): number {
  const table = tableFor(style);
  let units = 0;
  for (const char of text.normalize('NFC')) {
    // Combining marks left over after NFC (rare) sit on the previous letter and take no room.
    if (/\p{M}/u.test(char)) continue;
    units += charWidth(table, char);
  }
  return (units * style.sizePt) / 1000;
}

export const MM_PER_PT = 25.4 / 72;

/** Width of `text` on one line, in millimetres. */
export function textWidthMm(text: string, style: FontStyle): number {
  return textWidthPt(text, style) * MM_PER_PT;
}

/**
 * Words a clerk never leaves at the end of a broken heading line ("SỞ THÔNG TIN VÀ /
 * TRUYỀN THÔNG" reads wrong; "SỞ THÔNG TIN / VÀ TRUYỀN THÔNG" reads right).
 */
const WEAK_LINE_ENDINGS = new Set(
  ('và của về các những cho với trên tại theo để từ đến trong ngoài ' + 'hoặc hay là thì mà do bởi nhằm đối giữa sau trước').split(' '),
);
/** A line ending in a weak word counts as this much longer when choosing where to break. */
const WEAK_ENDING_PENALTY = 1.25;
/** A line ending at a comma, or before a weak word, counts as this much shorter: a natural pause. */
const PAUSE_BONUS = 0.9;

function isWeak(word: string | undefined): boolean {
  return word !== undefined && WEAK_LINE_ENDINGS.has(word.toLocaleLowerCase('vi'));
}

function breakCost(lastWord: string | undefined, nextWord: string | undefined, widthMm: number): number {
  if (isWeak(lastWord)) return widthMm * WEAK_ENDING_PENALTY;
  if (lastWord?.endsWith(',') || isWeak(nextWord)) return widthMm * PAUSE_BONUS;
  return widthMm;
}

/**
 * Breaks `text` at spaces into as few lines as fit `maxWidthMm`, balanced so that the longest
 * line is as short as possible — breaking at commas and before words like "và" or "trên"
 * rather than after them — then filling the earlier lines first (a centred block reads better with the long lines on
 * top). Explicit "\n" in `text` always breaks. A word wider than the limit gets a line of its own.
 */
export function breakBalanced(text: string, style: FontStyle, maxWidthMm: number): string[] {
  return text.split('\n').flatMap((part) => breakParagraph(part, style, maxWidthMm));
}

function breakParagraph(text: string, style: FontStyle, maxWidthMm: number): string[] {
  // Words and the spaces after them, kept as typed: a run of spaces is a blank left for
  // hand-writing ("Số:      /STTTT-TTBCBC") and must not shrink to one.
  const parts = text.trim().split(/(\s+)/);
  const words = parts.filter((_, i) => i % 2 === 0).filter((w) => w.length > 0);
  if (words.length === 0) return [''];
  const gaps = parts.filter((_, i) => i % 2 === 1);
  // Prefix sums of word and gap widths, so that the width of any run of words costs O(1).
  const wordPrefix = [0];
  const gapPrefix = [0];
  words.forEach((word, i) => {
    wordPrefix.push((wordPrefix[i] ?? 0) + textWidthMm(word, style));
    gapPrefix.push((gapPrefix[i] ?? 0) + textWidthMm(gaps[i] ?? '', style));
  });
  const widthOf = (from: number, to: number): number =>
    (wordPrefix[to] ?? 0) - (wordPrefix[from] ?? 0) + (gapPrefix[to - 1] ?? 0) - (gapPrefix[from] ?? 0);
  const join = (from: number, to: number): string =>
    words
      .slice(from, to)
      .map((word, i) => (from + i < to - 1 ? word + (gaps[from + i] ?? ' ') : word))
      .join('');
  const n = words.length;
  if (widthOf(0, n) <= maxWidthMm) return [join(0, n)];

  // A word wider than the limit must overflow; let the limit grow to it rather than fail.
  const limit = Math.max(maxWidthMm, ...words.map((_, i) => widthOf(i, i + 1)));
  // Cost of words from…to-1 as one line that is not the last: Infinity when it does not fit.
  const lineCost = (from: number, to: number, isLast: boolean): number => {
    const width = widthOf(from, to);
    if (width > limit) return Infinity;
    return isLast ? width : breakCost(words[to - 1], words[to], width);
  };
  // best(i, k): the smallest possible largest line cost when words i… are set in k lines.
  const memo = new Map<string, number>();
  const best = (i: number, k: number): number => {
    if (k === 1) return lineCost(i, n, true);
    const key = `${i}:${k}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result = Infinity;
    for (let j = i + 1; j <= n - (k - 1); j++) result = Math.min(result, Math.max(lineCost(i, j, false), best(j, k - 1)));
    memo.set(key, result);
    return result;
  };

  let lineCount = 2;
  while (lineCount < n && best(0, lineCount) === Infinity) lineCount++;
  const target = best(0, lineCount) + 1e-9;

  // Rebuild: each line takes as many words as it can while the rest still reaches the target.
  const lines: string[] = [];
  let start = 0;
  for (let left = lineCount; left > 1; left--) {
    let end = start + 1;
    for (let j = n - (left - 1); j > start; j--) {
      if (lineCost(start, j, false) <= target && best(j, left - 1) <= target) {
        end = j;
        break;
      }
    }
    lines.push(join(start, end));
    start = end;
  }
  lines.push(join(start, n));
  return lines;
}
