/**
 * What a file is, by its bytes, not its name (DESIGN §3: an .exe renamed .pdf is still an
 * executable). The name is only a tie-breaker where the bytes cannot decide, such as a
 * password-protected Office file, whose package hides whether it is a .docx or an .xlsx.
 */
import type { ContentKind } from './types.js';
import { isCompoundFile, readCompoundFile } from './cfb.js';
import { listZipNames } from './zip.js';

export interface ContentInfo {
  kind: ContentKind;
  /** Password-protected: an encrypted Office package, .doc or .xls, or a zip with encrypted entries. */
  encrypted: boolean;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

function extensionOf(fileName: string | undefined): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName ?? '');
  return m?.[1]?.toLowerCase() ?? '';
}

/** The kind that a name suggests, when it is one of `allowed`. */
function hinted(fileName: string | undefined, allowed: readonly ContentKind[]): ContentKind | null {
  const ext = extensionOf(fileName);
  return allowed.find((k) => k === ext) ?? null;
}

const EXECUTABLE_MAGIC: readonly (readonly number[])[] = [
  ascii('MZ'), // Windows .exe, .dll, .scr, .com with a header
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal binary or Java class
  [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], // Windows shortcut (.lnk): runs a command
  ascii('#!'), // a script with an interpreter line
];

function detectCompound(bytes: Uint8Array, fileName: string | undefined): ContentInfo {
  const cfb = readCompoundFile(bytes);
  if (!cfb) return { kind: hinted(fileName, ['doc', 'xls', 'msg']) ?? 'unknown', encrypted: false };
  const names = new Set(cfb.rootNames);
  if (names.has('EncryptedPackage')) {
    // An Office 2007+ file saved with a password: the real .docx/.xlsx is encrypted inside.
    return { kind: hinted(fileName, ['docx', 'xlsx', 'pptx']) ?? 'unknown', encrypted: true };
  }
  if (names.has('WordDocument')) {
    // The FIB starts the stream: magic 0xA5EC, then fEncrypted (0x0100) in the flags at 0x0A.
    const fib = cfb.readPrefix('WordDocument', 12);
    const encrypted = !!fib && fib.length >= 12 && fib.readUInt16LE(0) === 0xa5ec && (fib.readUInt16LE(0x0a) & 0x0100) !== 0;
    return { kind: 'doc', encrypted };
  }
  const workbook = names.has('Workbook') ? 'Workbook' : names.has('Book') ? 'Book' : null;
  if (workbook) return { kind: 'xls', encrypted: xlsHasFilePass(cfb.readPrefix(workbook, 16_384)) };
  if (cfb.rootNames.some((n) => n.startsWith('__substg1.0_') || n === '__properties_version1.0')) {
    return { kind: 'msg', encrypted: false };
  }
  // A damaged directory names nothing we know: trust the file's extension for what it claims to be.
  return { kind: hinted(fileName, ['doc', 'xls', 'msg']) ?? 'unknown', encrypted: false };
}

/** BIFF8: a FILEPASS record (0x002F) among the first records means the workbook is encrypted. */
function xlsHasFilePass(stream: Buffer | null): boolean {
  if (!stream) return false;
  for (let p = 0, n = 0; p + 4 <= stream.length && n < 64; n++) {
    const type = stream.readUInt16LE(p);
    if (type === 0x002f) return true;
    if (type === 0x000a) return false; // EOF of the globals substream
    p += 4 + stream.readUInt16LE(p + 2);
  }
  return false;
}

function detectZip(bytes: Uint8Array, fileName: string | undefined): ContentInfo {
  const listing = listZipNames(bytes);
  const names = listing?.names ?? [];
  const encrypted = listing?.encrypted ?? false;
  const has = (prefix: string): boolean => names.some((n) => n.startsWith(prefix));
  if (has('[Content_Types].xml') || has('_rels/') || has('docProps/')) {
    const kind: ContentKind | null = has('word/') ? 'docx' : has('xl/') ? 'xlsx' : has('ppt/') ? 'pptx' : null;
    // A truncated package may show only its first entries: then the name decides.
    return { kind: kind ?? hinted(fileName, ['docx', 'xlsx', 'pptx']) ?? 'unknown', encrypted };
  }
  if (has('word/')) return { kind: 'docx', encrypted };
  if (has('xl/')) return { kind: 'xlsx', encrypted };
  // Java and Android packages are programs.
  if (has('META-INF/MANIFEST.MF') || has('AndroidManifest.xml') || has('classes.dex')) {
    return { kind: 'executable', encrypted };
  }
  // OpenDocument (.odt, .ods) and EPUB are documents, not folders to unpack.
  if (names[0] === 'mimetype' || has('META-INF/manifest.xml')) return { kind: 'unknown', encrypted };
  return { kind: 'zip', encrypted };
}

const EML_KEY_HEADERS = /^(from|received|mime-version|message-id|return-path|delivered-to|x-mailer|dkim-signature|x-received|thread-index|x-ms-[a-z-]+|authentication-results):/i;
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:/;

/** An RFC 822 message: header fields from the first line up to a blank line, some that only mail has. */
function looksLikeMessage(head: string): boolean {
  const lines = head.split(/\r?\n/);
  if (/^From \S/.test(lines[0] ?? '')) lines.shift(); // mbox separator line
  let fields = 0;
  let keyed = false;
  for (const line of lines.slice(0, 200)) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (fields === 0) return false;
      continue;
    }
    if (!HEADER_LINE.test(line)) return false;
    fields++;
    keyed ||= EML_KEY_HEADERS.test(line);
  }
  return fields >= 2 && keyed;
}

const HTML_START = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<!--)/i;

/**
 * Plain text when it decodes as text: a BOM, valid UTF-8, or an 8-bit text with next to no
 * control characters (Windows-1258 and TCVN3 files are not valid UTF-8 but are still text).
 */
function isText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return true;
  }
  const sample = bytes.subarray(0, 65_536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return looksLikeUtf16WithoutBom(sample);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  return control <= sample.length * 0.01;
}

/** UTF-16 without a BOM: ASCII letters alternate with zero bytes on one side. */
function looksLikeUtf16WithoutBom(sample: Uint8Array): boolean {
  let evenZeros = 0;
  let oddZeros = 0;
  const n = sample.length - (sample.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  return pairs >= 2 && (oddZeros >= pairs * 0.3 || evenZeros >= pairs * 0.3) && Math.min(evenZeros, oddZeros) <= pairs * 0.05;
}

export function detectContent(bytes: Uint8Array, fileName?: string): ContentInfo {
  const plain = (kind: ContentKind): ContentInfo => ({ kind, encrypted: false });
  if (bytes.length === 0) return plain('empty');
  const latin1 = (n: number): string =>
    Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, n)).toString('latin1').replace(/^\xef\xbb\xbf/, '');
  const head = latin1(1024);
  if (head.startsWith('%PDF-')) return plain('pdf');
  if (isCompoundFile(bytes)) return detectCompound(bytes, fileName);
  if (startsWith(bytes, ascii('PK\x03\x04'))) return detectZip(bytes, fileName);
  if (startsWith(bytes, ascii('PK\x05\x06')) || startsWith(bytes, ascii('PK\x07\x08'))) return plain('zip');
  if (startsWith(bytes, ascii('Rar!\x1a\x07'))) return plain('rar');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return plain('7z');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return plain('jpg');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return plain('png');
  if (startsWith(bytes, ascii('II*\0')) || startsWith(bytes, ascii('MM\0*'))) return plain('tiff');
  if (EXECUTABLE_MAGIC.some((magic) => startsWith(bytes, magic))) return plain('executable');
  if (looksLikeMessage(latin1(65_536))) return plain('eml');
  // Readers accept a PDF header anywhere in the first kilobyte (some senders prepend junk).
  if (/%PDF-\d/.test(head)) return plain('pdf');
  if (head.startsWith('{\\rtf')) return plain('unknown'); // RTF: text, but not to be read as such
  if (!isText(bytes)) return plain('unknown');
  if (HTML_START.test(head) || /<html[\s>]/i.test(head)) return plain('html');
  return plain('txt');
}

/** The content kind of `bytes`; `fileName` only breaks ties (see detectContent). */
export function detectKind(bytes: Uint8Array, fileName?: string): ContentKind {
  return detectContent(bytes, fileName).kind;
}
