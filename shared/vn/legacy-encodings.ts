/**
 * Legacy Vietnamese font encodings → Unicode (DESIGN §3, extract).
 *
 * Before Unicode, Vietnamese documents were typed in 8-bit "font encodings": the bytes are
 * ordinary Windows-1252 characters and only the font (.VnTime for TCVN3/ABC, VNI-Times for
 * VNI) draws them as Vietnamese letters. Text pulled out of such a .doc, .txt or PDF therefore
 * reads "Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3) or "Coäng hoøa xaõ hoäi chuû nghóa Vieät
 * Nam" (VNI). The tables below say which letter each character stands for; they are keyed by
 * the character that the byte shows as in Windows-1252 (the same as Latin-1 for 0xA0–0xFF,
 * the only range either encoding uses).
 *
 * Pure: no Node, no DOM (shared/ runs in the renderer too).
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts): one byte per letter, lower case plus the
 * seven bare capitals. Runs of consecutive bytes, each written as [first byte, letters].
 * Within a vowel the order of tones is huyền, hỏi, ngã, sắc, nặng.
 * Capitals with a tone have no code of their own: they were typed with the lower-case code
 * in a capitals-only font (.VnTimeH); see `restoreCapitals`.
 */
const TCVN3_RUNS: ReadonlyArray<readonly [number, string]> = [
  [0xa1, 'ĂÂÊÔƠƯĐ'],
  [0xa8, 'ăâêôơưđ'],
  [0xb5, 'àảãáạ'],
  [0xbb, 'ằẳẵắ'],
  [0xc6, 'ặ'],
  [0xc7, 'ầẩẫấậ'],
  [0xcc, 'è'],
  [0xce, 'ẻẽéẹ'],
  [0xd2, 'ềểễếệ'],
  [0xd7, 'ìỉ'],
  [0xdc, 'ĩíị'],
  [0xdf, 'ò'],
  [0xe1, 'ỏõóọ'],
  [0xe5, 'ồổỗốộ'],
  [0xea, 'ờởỡớợ'],
  [0xef, 'ù'],
  [0xf1, 'ủũúụ'],
  [0xf5, 'ừửữứự'],
  [0xfa, 'ỳỷỹýỵ'],
];

const TCVN3_MAP: ReadonlyMap<string, string> = new Map(
  TCVN3_RUNS.flatMap(([first, letters]) =>
    [...letters].map((letter, i) => [String.fromCharCode(first + i), letter] as const),
  ),
);

/**
 * TCVN3 bytes 0xA1–0xBF: letters of the a-family, the bare capitals and đ. They are never
 * letters in Unicode Vietnamese nor in VNI, so their frequency is what gives TCVN3 away.
 */
const TCVN3_TELLTALE = new Set([...TCVN3_MAP.keys()].filter((ch) => ch.charCodeAt(0) <= 0xbf));

/**
 * VNI-Windows: a base letter followed by one mark character. Each mark is given as the
 * combining characters it adds; Unicode composition (NFC) then makes the precomposed letter.
 * Capital marks (Ù, Ø, …) are the same marks typed with Shift; the base letter decides case.
 */
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

const VNI_MARKS: ReadonlyMap<string, string> = new Map([
  ['ù', ACUTE], ['ø', GRAVE], ['û', HOOK], ['õ', TILDE], ['ï', DOT],
  ['â', CIRCUMFLEX],
  ['á', CIRCUMFLEX + ACUTE], ['à', CIRCUMFLEX + GRAVE], ['å', CIRCUMFLEX + HOOK],
  ['ã', CIRCUMFLEX + TILDE], ['ä', CIRCUMFLEX + DOT],
  ['ê', BREVE],
  ['é', BREVE + ACUTE], ['è', BREVE + GRAVE], ['ú', BREVE + HOOK],
  ['ü', BREVE + TILDE], ['ë', BREVE + DOT],
]);

/** Which marks each VNI base letter takes (lower case; ô and ö are VNI's ơ and ư). */
const TONES = 'ùøûõï';
const VNI_BASES: ReadonlyMap<string, { letter: string; marks: string }> = new Map([
  ['a', { letter: 'a', marks: TONES + 'âáàåãäêéèúüë' }],
  ['e', { letter: 'e', marks: TONES + 'âáàåãä' }],
  ['o', { letter: 'o', marks: TONES + 'âáàåãä' }],
  ['u', { letter: 'u', marks: TONES }],
  ['y', { letter: 'y', marks: 'ùøûõ' }],
  ['ô', { letter: 'ơ', marks: TONES }],
  ['ö', { letter: 'ư', marks: TONES }],
]);

/** VNI letters that are a single character (i with its tones, ỵ, đ, and ơ/ư without a tone). */
const VNI_SINGLES: ReadonlyMap<string, string> = new Map([
  ['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'],
  ['î', 'ỵ'], ['ñ', 'đ'], ['ô', 'ơ'], ['ö', 'ư'],
]);

/**
 * VNI marks that are never a letter of Unicode Vietnamese. Unicode text written with the old
 * tone placement ("hoà", "khoá") looks like VNI pairs, so only these pairs count as evidence.
 */
const VNI_TELLTALE_MARKS = new Set([...'øûïåäëü']);

/**
 * Letters that exist only in Unicode Vietnamese (not in Latin-1), and combining marks (Unicode
 * text in decomposed form). Legacy text is all Latin-1, so it has none of them.
 */
const UNICODE_VIETNAMESE = /[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]|\p{Mn}/u;
const UNICODE_VIETNAMESE_G = new RegExp(UNICODE_VIETNAMESE.source, 'gu');

function vniMarkFor(base: string, next: string | undefined): string | null {
  if (next === undefined) return null;
  const spec = VNI_BASES.get(base.toLowerCase());
  const mark = next.toLowerCase();
  return spec && spec.marks.includes(mark) ? (VNI_MARKS.get(mark) ?? null) : null;
}

interface Counts {
  words: number;
  unicode: number;
  tcvn3: number;
  vni: number;
}

function count(text: string): Counts {
  const counts: Counts = { words: 0, unicode: 0, tcvn3: 0, vni: 0 };
  counts.words = (text.match(/\S+/g) ?? []).length;
  counts.unicode = (text.match(UNICODE_VIETNAMESE_G) ?? []).length;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (TCVN3_TELLTALE.has(ch)) counts.tcvn3++;
    const next = chars[i + 1];
    if (next && VNI_TELLTALE_MARKS.has(next.toLowerCase()) && vniMarkFor(ch, next) !== null) counts.vni++;
  }
  return counts;
}

/** Characters looked at by `detectLegacyEncoding`: enough to decide, bounded for big files. */
const DETECT_SAMPLE = 200_000;

/**
 * Which legacy encoding `text` is in, or null when it is Unicode (or not Vietnamese).
 * Decided by frequency: a Vietnamese text has a marked letter in most syllables, so a
 * legacy text shows its telltale characters in a good share of its words, while Unicode
 * Vietnamese shows letters no legacy text can contain.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const c = count(text.slice(0, DETECT_SAMPLE));
  if (c.words === 0) return null;
  // TCVN3 text also makes a few VNI-looking pairs ("quyÕt"), VNI never makes TCVN3's.
  const tcvn3 = c.tcvn3 >= 2 && c.tcvn3 >= 0.04 * c.words && c.tcvn3 > 2 * c.unicode;
  const vni = c.vni >= 2 && c.vni >= 0.08 * c.words && c.vni > 2 * c.unicode && c.vni > c.tcvn3;
  if (tcvn3 && (!vni || c.tcvn3 >= c.vni / 2)) return 'tcvn3';
  if (vni) return 'vni';
  return null;
}

function tcvn3Line(line: string): string {
  let out = '';
  for (const ch of line) out += TCVN3_MAP.get(ch) ?? ch;
  return out;
}

function vniLine(line: string): string {
  const chars = [...line];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const combining = vniMarkFor(ch, chars[i + 1]);
    const spec = VNI_BASES.get(ch.toLowerCase());
    if (combining !== null && spec) {
      const upper = ch !== ch.toLowerCase();
      const letter = upper ? spec.letter.toUpperCase() : spec.letter;
      out += (letter + combining).normalize('NFC');
      i++;
      continue;
    }
    const single = VNI_SINGLES.get(ch.toLowerCase());
    if (single) out += ch !== ch.toLowerCase() ? single.toUpperCase() : single;
    else out += ch;
  }
  return out;
}

const ASCII_LOWER = /[a-z]/;
const CAPITAL = /\p{Lu}/gu;
const LETTER = /\p{L}/u;

/**
 * Capitals-only fonts (.VnTimeH, VNI-TimesH) draw lower-case codes as capitals, so
 * "CéNG HOµ X· HéI" means "CỘNG HÒA XÃ HỘI". A word with no plain lower-case letter and at
 * least two capitals is taken to be in such a font; so is a word with one capital ("X·")
 * between two such words. "Sè:" alone stays "Số:".
 */
function restoreCapitals(original: string, converted: string): string {
  const originalWords = original.split(/(\s+)/);
  const words = converted.split(/(\s+)/);
  if (originalWords.length !== words.length) return converted;
  const capitals = words.map((word, i) =>
    ASCII_LOWER.test(originalWords[i] ?? '') ? 0 : (word.match(CAPITAL) ?? []).length,
  );
  const neighbour = (i: number, step: number): number => {
    for (let j = i + step; j >= 0 && j < words.length; j += step) {
      if (LETTER.test(words[j] ?? '')) return capitals[j] ?? 0;
    }
    return 0;
  };
  return words
    .map((word, i) => {
      const n = capitals[i] ?? 0;
      const inCapitals = n >= 2 || (n === 1 && neighbour(i, -1) >= 2 && neighbour(i, 1) >= 2);
      return inCapitals ? word.toUpperCase() : word;
    })
    .join('');
}

/**
 * Converts `text` from `encoding` to Unicode (NFC). Lines that already hold Unicode
 * Vietnamese are left alone: old documents are often patched with newer, Unicode lines.
 */
export function legacyToUnicode(text: string, encoding: LegacyEncoding): string {
  const convertLine = encoding === 'tcvn3' ? tcvn3Line : vniLine;
  return text
    .split('\n')
    .map((line) => (UNICODE_VIETNAMESE.test(line) ? line : restoreCapitals(line, convertLine(line))))
    .join('\n');
}

/** A font that draws a legacy encoding, known by its name. */
export interface LegacyFont {
  encoding: LegacyEncoding;
  /** A capitals-only font (.VnTimeH): it draws every letter, lower-case codes too, as a capital. */
  capitals: boolean;
}

/**
 * The legacy encoding a font's name stands for: the ABC fonts of TCVN3 are ".VnTime",
 * ".VnArial", ".VnCentury Schoolbook"…, with an "H" at the end for their capitals-only twins
 * (".VnTimeH", ".VnArialH"); the VNI fonts are "VNI-Times", "VNI-Helve", "VNI-Top"… (VNI
 * encodes capitals itself). Null for any other font.
 */
export function legacyFont(name: string | null | undefined): LegacyFont | null {
  const n = name?.trim() ?? '';
  if (/^\.vn/i.test(n)) return { encoding: 'tcvn3', capitals: /H$/.test(n) };
  if (/^vni[-_ ]/i.test(n)) return { encoding: 'vni', capitals: false };
  return null;
}

/**
 * Text typed in a legacy font, as Unicode (NFC), by that font's table: no statistics, so a
 * single word converts as surely as a page. Text holding letters only Unicode has is Unicode
 * already (typed over an old template) and is returned unchanged.
 */
export function legacyRunToUnicode(text: string, font: LegacyFont): string {
  if (UNICODE_VIETNAMESE.test(text)) return text;
  const converted = font.encoding === 'tcvn3' ? tcvn3Line(text) : vniLine(text);
  return font.capitals ? converted.toLocaleUpperCase('vi') : converted;
}

/**
 * Whether the text a document sets in fonts of `encoding` really is in it. Old templates whose
 * Normal style is .VnTime often hold text typed in Unicode (Word shows it with a fallback font);
 * such text has more letters that only Unicode has than telltales of the encoding.
 */
export function fontClaimHolds(text: string, encoding: LegacyEncoding): boolean {
  const c = count(text.slice(0, DETECT_SAMPLE));
  return c.unicode <= c[encoding];
}

/** Detects and converts in one step: the text as Unicode and the encoding it was in (null: unchanged). */
export function convertLegacyVietnamese(text: string): { text: string; encoding: LegacyEncoding | null } {
  const encoding = detectLegacyEncoding(text);
  return encoding ? { text: legacyToUnicode(text, encoding), encoding } : { text, encoding: null };
}
