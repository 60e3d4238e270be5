/**
 * A small, bounded reader of OLE2 compound files (CFB: .doc, .xls, .msg, encrypted .docx):
 * the names of the streams at the root and the first bytes of one of them. That is all
 * detect-kind needs to tell a Word file from an Excel file, an Outlook message or a
 * password-protected Office file. Every offset is checked and every chain walk is bounded,
 * so a damaged or hostile file gives null, never a throw or an endless loop.
 */

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const DIR_ENTRY_SIZE = 128;
/** No real document has more directory entries than this; a hostile chain may pretend to. */
const MAX_DIR_ENTRIES = 100_000;

interface DirEntry {
  name: string;
  type: number; // 1 storage, 2 stream, 5 root
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export interface CompoundFile {
  /** Names of the streams and storages directly under the root. */
  rootNames: string[];
  /** The first `max` bytes of a root stream, or null when it is missing or damaged. */
  readPrefix(name: string, max: number): Buffer | null;
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(CFB_SIGNATURE);
}

export function readCompoundFile(input: Uint8Array): CompoundFile | null {
  if (!isCompoundFile(input)) return null;
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const sectorShift = buf.readUInt16LE(0x1e);
  const miniShift = buf.readUInt16LE(0x20);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) return null;
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((buf.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (n: number): number | null => {
    const off = (n + 1) * sectorSize;
    return n < sectorCount && off + sectorSize <= buf.length ? off : null;
  };

  // The FAT sectors are listed in the header (first 109) and then in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = buf.readUInt32LE(0x2c);
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(buf.readUInt32LE(0x4c + i * 4));
  let difat = buf.readUInt32LE(0x44);
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatCount && difat !== END_OF_CHAIN && difat !== FREE_SECTOR) {
    const off = sectorOffset(difat);
    if (off === null || seenDifat.has(difat)) return null;
    seenDifat.add(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) fatSectors.push(buf.readUInt32LE(off + i * 4));
    difat = buf.readUInt32LE(off + perSector * 4);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    const off = sectorOffset(s);
    if (off === null) return null;
    for (let i = 0; i < sectorSize; i += 4) fat.push(buf.readUInt32LE(off + i));
  }

  /** The sectors of a chain, stopping at a loop or a bad link (bounded by the table size). */
  const chain = (start: number, table: number[], limit: number): number[] | null => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = table[s] ?? FREE_SECTOR) {
      if (s === FREE_SECTOR || seen.has(s) || s >= table.length) return null;
      seen.add(s);
      out.push(s);
      if (out.length >= limit) break;
    }
    return out;
  };

  const dirSectors = chain(buf.readUInt32LE(0x30), fat, Math.ceil((MAX_DIR_ENTRIES * DIR_ENTRY_SIZE) / sectorSize));
  if (!dirSectors || dirSectors.length === 0) return null;
  const entries: DirEntry[] = [];
  for (const s of dirSectors) {
    const off = sectorOffset(s);
    if (off === null) return null;
    for (let e = off; e < off + sectorSize; e += DIR_ENTRY_SIZE) {
      const nameLength = Math.min(buf.readUInt16LE(e + 64), 64);
      entries.push({
        name: buf.toString('utf16le', e, e + Math.max(0, nameLength - 2)),
        type: buf[e + 66] ?? 0,
        left: buf.readUInt32LE(e + 68),
        right: buf.readUInt32LE(e + 72),
        child: buf.readUInt32LE(e + 76),
        start: buf.readUInt32LE(e + 116),
        size: buf.readUInt32LE(e + 120),
      });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 5) return null;

  // The children of a storage form a binary tree through their left and right siblings.
  const rootChildren: DirEntry[] = [];
  const stack = [root.child];
  const visited = new Set<number>();
  while (stack.length > 0) {
    const i = stack.pop() ?? FREE_SECTOR;
    const entry = entries[i];
    if (i === FREE_SECTOR || !entry || visited.has(i)) continue;
    visited.add(i);
    rootChildren.push(entry);
    stack.push(entry.left, entry.right);
  }

  const miniCutoff = buf.readUInt32LE(0x38);
  const readPrefix = (name: string, max: number): Buffer | null => {
    const entry = rootChildren.find((e) => e.type === 2 && e.name === name);
    if (!entry) return null;
    const want = Math.min(max, entry.size);
    const parts: Buffer[] = [];
    let have = 0;
    if (entry.size >= miniCutoff) {
      const sectors = chain(entry.start, fat, Math.ceil(want / sectorSize));
      if (!sectors) return null;
      for (const s of sectors) {
        const off = sectorOffset(s);
        if (off === null) return null;
        parts.push(buf.subarray(off, off + sectorSize));
        have += sectorSize;
      }
    } else {
      // Small streams live in 64-byte sectors inside the root entry's "mini stream".
      const miniFatSectors = chain(buf.readUInt32LE(0x3c), fat, buf.readUInt32LE(0x40));
      const container = chain(root.start, fat, Math.ceil(root.size / sectorSize));
      if (!miniFatSectors || !container) return null;
      const miniFat: number[] = [];
      for (const s of miniFatSectors) {
        const off = sectorOffset(s);
        if (off === null) return null;
        for (let i = 0; i < sectorSize; i += 4) miniFat.push(buf.readUInt32LE(off + i));
      }
      const sectors = chain(entry.start, miniFat, Math.ceil(want / 64));
      if (!sectors) return null;
      for (const m of sectors) {
        const big = container[Math.floor((m * 64) / sectorSize)];
        const bigOff = big === undefined ? null : sectorOffset(big);
        if (bigOff === null) return null;
        const off = bigOff + ((m * 64) % sectorSize);
        parts.push(buf.subarray(off, off + 64));
        have += 64;
      }
    }
    return have >= want ? Buffer.concat(parts).subarray(0, want) : null;
  };

  return { rootNames: rootChildren.map((e) => e.name), readPrefix };
}
