/**
 * Text out of bytes and out of HTML: the encodings Vietnamese offices actually produce
 * (UTF-8 with or without BOM, UTF-16 from Notepad's "Unicode", Windows-1258 from old Vietnamese
 * Windows, Windows-1252 carrying TCVN3/VNI font text), and HTML mail bodies without their tags.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { detectLegacyEncoding } from '../../shared/vn/legacy-encodings.js';

export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite names it ("utf-8", "utf-16le", "windows-1258" …). */
  encoding: string;
}

const SAMPLE = 65_536;

/**
 * In a Windows-1258 decoding: the Vietnamese letters whose bytes Windows-1252 shows as other
 * letters (ă Ă đ Đ ơ Ơ ư Ư), and the five tone marks, which 1258 writes as separate characters.
 */
const CP1258_VIETNAMESE = /[ăĂđĐơƠưƯ]|\p{Mn}/gu;

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs < 2) return null;
  if (odd >= pairs * 0.3 && even <= pairs * 0.05) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Decodes a text file whose encoding nobody declared. */
export function decodeText(input: Uint8Array): DecodedText {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const decoded = (encoding: string, skip = 0): DecodedText => ({
    text: iconv.decode(bytes.subarray(skip), encoding).normalize('NFC'),
    encoding,
  });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoded('utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded('utf-16be', 2);
  if (bytes.subarray(0, SAMPLE).includes(0)) {
    const order = utf16Order(bytes);
    if (order) return decoded(order);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: an 8-bit code page, decided below.
  }
  // TCVN3 and VNI text is Windows-1252 bytes drawn by a Vietnamese font; extract converts it.
  const cp1252 = decoded('windows-1252');
  if (detectLegacyEncoding(cp1252.text)) return cp1252;
  const cp1258 = decoded('windows-1258');
  // Counted before composition: NFC would merge the tone marks into their letters.
  const sample = iconv.decode(bytes.subarray(0, SAMPLE), 'windows-1258');
  const words = (sample.match(/\S+/g) ?? []).length;
  const vietnamese = (sample.match(CP1258_VIETNAMESE) ?? []).length;
  const guess = jschardet.detect(bytes.subarray(0, SAMPLE));
  const guessed = (guess.encoding ?? '').toLowerCase();
  if (guessed === 'cp1258' || guessed === 'windows-1258' || (vietnamese >= 3 && vietnamese >= 0.05 * words)) return cp1258;
  if (guessed && guessed !== 'ascii' && guessed !== 'utf-8' && iconv.encodingExists(guessed)) return decoded(guessed);
  return cp1252;
}

// HTML 4's Latin-1 entities, in code point order from U+00A0.
const LATIN1_ENTITIES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml ' +
  'Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde ' +
  'Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ' +
  'ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide ' +
  'oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ...LATIN1_ENTITIES.map((name, i) => [name, String.fromCharCode(0xa0 + i)] as const),
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"],
  ['ndash', '–'], ['mdash', '—'], ['lsquo', '‘'], ['rsquo', '’'], ['ldquo', '“'], ['rdquo', '”'],
  ['hellip', '…'], ['bull', '•'], ['euro', '€'], ['trade', '™'], ['Dstrok', 'Đ'], ['dstrok', 'đ'],
]);

/** Decodes HTML and XML character references; unknown names are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES.get(ref) ?? whole;
  });
}

/**
 * The readable text of an HTML page or mail body: scripts, styles and the head dropped,
 * block elements on their own lines, table cells separated by tabs.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|template|noscript|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(/<\/?(p|div|h[1-6]|li|tr|table|ul|ol|blockquote|pre|section|article|header|footer|hr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, '').replace(/^ +/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
}

/** The charset an HTML file declares in a <meta> tag, when iconv-lite knows it. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head);
  const charset = m?.[1]?.toLowerCase();
  return charset && iconv.encodingExists(charset) ? charset : null;
}
