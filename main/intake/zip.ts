/**
 * ZIP access for intake, all in memory: the names of a zip's entries (synchronously, for
 * detect-kind), and an archive reader over yauzl whose every read is capped (for unpack and
 * for the XML parts of .docx/.xlsx/.pptx in extract). Nothing here touches the file system.
 */
import iconv from 'iconv-lite';
import yauzl from 'yauzl';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const MAX_LISTED = 10_000;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface ZipListing {
  names: string[];
  /** Some entry is password-protected (it cannot be read without the password). */
  encrypted: boolean;
  /** The central directory was missing (a truncated file): names come from the local headers. */
  truncated: boolean;
}

/**
 * The entry names of a zip, read from its central directory, or, when the end of the file is
 * missing, from the local headers as far as they can be followed. Names are decoded as
 * Latin-1: enough to recognise "[Content_Types].xml" or "word/document.xml". Null if not a zip.
 */
export function listZipNames(input: Uint8Array): ZipListing | null {
  if (!isZip(input)) return null;
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const names: string[] = [];
  let encrypted = false;
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd !== null) {
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    for (let i = 0; i < count && i < MAX_LISTED && p + 46 <= buf.length; i++) {
      if (buf.readUInt32LE(p) !== CENTRAL_HEADER) break;
      const flags = buf.readUInt16LE(p + 8);
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const commentLength = buf.readUInt16LE(p + 32);
      encrypted ||= (flags & FLAG_ENCRYPTED) !== 0;
      names.push(buf.toString('latin1', p + 46, Math.min(buf.length, p + 46 + nameLength)));
      p += 46 + nameLength + extraLength + commentLength;
    }
    if (names.length > 0) return { names, encrypted, truncated: false };
  }
  // No usable central directory: walk the local headers while their sizes are known.
  let p = 0;
  while (p + 30 <= buf.length && names.length < MAX_LISTED && buf.readUInt32LE(p) === LOCAL_HEADER) {
    const flags = buf.readUInt16LE(p + 6);
    const compressedSize = buf.readUInt32LE(p + 18);
    const nameLength = buf.readUInt16LE(p + 26);
    const extraLength = buf.readUInt16LE(p + 28);
    encrypted ||= (flags & FLAG_ENCRYPTED) !== 0;
    names.push(buf.toString('latin1', p + 30, Math.min(buf.length, p + 30 + nameLength)));
    if (flags & FLAG_DATA_DESCRIPTOR) break; // size unknown until after the data
    p += 30 + nameLength + extraLength + compressedSize;
  }
  return { names, encrypted, truncated: true };
}

function findEndOfCentralDirectory(buf: Buffer): number | null {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= stop; p--) {
    if (buf.readUInt32LE(p) === END_OF_CENTRAL_DIR && p + 22 + buf.readUInt16LE(p + 20) <= buf.length) return p;
  }
  return null;
}

/** How many non-ASCII characters of a decoding are letters or marks: wrong guesses give symbols. */
function letterScore(s: string): number {
  return (s.match(/[^\p{ASCII}]/gu) ?? []).filter((ch) => /[\p{L}\p{M}]/u.test(ch)).length;
}

/**
 * An entry name as its creator meant it. The UTF-8 flag and Info-ZIP's Unicode path field are
 * explicit. Without them, many tools write UTF-8 silently; Windows' own "compressed folder"
 * writes the OEM code page, which on a Vietnamese Windows is 1258 and elsewhere CP437.
 * Vietnamese in 1258 read as CP437 gives box-drawing symbols, and the other way round
 * CP437's accented letters become punctuation: the decoding with more letters wins.
 */
export function decodeZipName(raw: Buffer, flags: number, extraFields: yauzl.ExtraField[]): string {
  if (flags & FLAG_UTF8) return raw.toString('utf8').normalize('NFC');
  if (extraFields.some((f) => f.id === 0x7075)) {
    return yauzl.getFileNameLowLevel(flags, raw, extraFields, true).normalize('NFC');
  }
  if (raw.every((b) => b < 0x80)) return raw.toString('latin1');
  const utf8 = raw.toString('utf8');
  if (!utf8.includes('\ufffd')) return utf8.normalize('NFC');
  const cp1258 = iconv.decode(raw, 'windows-1258').normalize('NFC');
  const cp437 = iconv.decode(raw, 'cp437');
  return letterScore(cp1258) > letterScore(cp437) ? cp1258 : cp437;
}

export interface ZipEntry {
  /** The decoded path inside the archive, as stored ("thư mục/Báo cáo.pdf"). */
  path: string;
  isDirectory: boolean;
  isSymlink: boolean;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  raw: yauzl.Entry;
}

export interface ZipArchive {
  /** How many entries the central directory declares (known before any is read). */
  entryCount: number;
  entries(): AsyncGenerator<ZipEntry>;
  /** The entry's bytes; rejects if it would exceed `limit` bytes or is damaged. */
  read(entry: ZipEntry, limit: number): Promise<Buffer>;
  close(): void;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export async function openZip(bytes: Buffer): Promise<ZipArchive> {
  // Names are decoded here, not by yauzl: yauzl rejects the whole archive on one unsafe
  // name, while intake refuses that entry alone and keeps the rest.
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
  return {
    entryCount: zip.entryCount,
    async *entries() {
      for await (const raw of zip.eachEntry()) {
        const path = decodeZipName(raw.fileNameRaw, raw.generalPurposeBitFlag, raw.extraFields);
        const unixMode = raw.externalFileAttributes >>> 16;
        yield {
          path,
          isDirectory: path.endsWith('/') || path.endsWith('\\'),
          isSymlink: (unixMode & S_IFMT) === S_IFLNK,
          encrypted: raw.isEncrypted(),
          compressedSize: raw.compressedSize,
          uncompressedSize: raw.uncompressedSize,
          raw,
        };
      }
    },
    async read(entry, limit) {
      if (entry.uncompressedSize > limit) throw new Error('entry too large');
      const stream = await zip.openReadStreamPromise(entry.raw);
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of stream) {
        const b = chunk as Buffer;
        total += b.length;
        if (total > limit) {
          stream.destroy();
          throw new Error('entry too large');
        }
        chunks.push(b);
      }
      return Buffer.concat(chunks, total);
    },
    close() {
      zip.close();
    },
  };
}
