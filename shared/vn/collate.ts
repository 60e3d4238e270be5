/**
 * Vietnamese collation as a sort key that compares correctly byte by byte.
 *
 * better-sqlite3 cannot register a collation usable by an index for ORDER BY
 * (DESIGN §4), so lists sort on a stored key column made here. The key has three
 * levels, like a dictionary: letters in the Vietnamese alphabet order
 * (a ă â b c d đ e ê … o ô ơ … u ư …), then tones (ngang, huyền, hỏi, ngã, sắc,
 * nặng), then case (lower before upper). Runs of digits compare as numbers.
 */

const ALPHABET = [
  'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
  'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

// Letters map to consecutive code points from 'A' upward: all above the digits and the space.
const LETTER_CODE = new Map<string, string>(
  ALPHABET.map((letter, i) => [letter, String.fromCharCode(0x41 + i)]),
);

// Combining tone marks in NFD, in the dictionary order of tones.
const TONE_ORDER = new Map<string, number>([
  ['\u0300', 1], // huyền
  ['\u0309', 2], // hỏi
  ['\u0303', 3], // ngã
  ['\u0301', 4], // sắc
  ['\u0323', 5], // nặng
]);

// Combining marks that make a different letter (ă â ê ô ơ ư), not a tone.
const LETTER_MARKS: Record<string, string> = {
  'a\u0306': 'ă',
  'a\u0302': 'â',
  'e\u0302': 'ê',
  'o\u0302': 'ô',
  'o\u031b': 'ơ',
  'u\u031b': 'ư',
};

interface Letter {
  base: string;
  tone: number;
  upper: boolean;
}

function splitLetters(text: string): Letter[] {
  const letters: Letter[] = [];
  for (const cluster of text.normalize('NFC')) {
    const upper = cluster !== cluster.toLowerCase();
    const decomposed = cluster.toLowerCase().normalize('NFD');
    let base = decomposed[0] ?? '';
    let tone = 0;
    for (const mark of decomposed.slice(1)) {
      const combined = LETTER_MARKS[base + mark];
      if (combined) base = combined;
      else tone = TONE_ORDER.get(mark) ?? tone;
    }
    letters.push({ base, tone, upper });
  }
  return letters;
}

/** The sort key for `text`; compare keys with plain `<` or SQLite's BINARY collation. */
export function vnSortKey(text: string): string {
  const letters = splitLetters(text.trim().replace(/\s+/g, ' '));
  let primary = '';
  let tones = '';
  let cases = '';
  let digits = '';
  const flushDigits = (): void => {
    if (digits) {
      // Zero-padded so that "Huyện 2" sorts before "Huyện 10".
      primary += digits.replace(/^0+(?=\d)/, '').padStart(12, '0');
      digits = '';
    }
  };
  for (const { base, tone, upper } of letters) {
    if (/[0-9]/.test(base)) {
      digits += base;
      continue;
    }
    flushDigits();
    const code = LETTER_CODE.get(base);
    if (code) {
      primary += code;
      tones += String(tone);
      cases += upper ? '1' : '0';
    } else if (base === ' ') {
      primary += ' ';
    }
    // Punctuation is ignored at the primary level, as in a printed index.
  }
  flushDigits();
  return `${primary}\u0001${tones}\u0001${cases}`;
}

/** Compares two strings in Vietnamese order (for sorting in memory). */
export function compareVietnamese(a: string, b: string): number {
  const ka = vnSortKey(a);
  const kb = vnSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
