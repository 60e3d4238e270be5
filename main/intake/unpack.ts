/**
 * The "unpack" stage of intake (DESIGN §3): what the clerk dropped (files, folders, .eml,
 * .msg, .zip) → items, each with the e-mail envelope it came in. Everything stays in memory:
 * no name from an archive or an e-mail is ever used as a path, nothing is written to disk,
 * nothing is executed. Limits bound what a hostile archive can cost (entries, total size,
 * compression ratio, depth). Bad input never throws: it becomes a refused item, with its bytes
 * kept for quarantine, or an item with its raw bytes, so that it is still registered (§2).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { compareVietnamese } from '../../shared/vn/collate.js';
import { detectContent } from './detect-kind.js';
import { readEml, readMsg, type Mail } from './mail.js';
import { htmlToText } from './text.js';
import {
  DEFAULT_UNPACK_LIMITS,
  type RefusedItem,
  type UnpackedItem,
  type UnpackLimits,
  type UnpackResult,
} from './types.js';
import { openZip, type ZipArchive, type ZipEntry } from './zip.js';

/** A path on this machine (Electron, CLI), or a file uploaded as bytes (browser mode). */
export type UnpackInput = { path: string } | { name: string; bytes: Buffer };

/** Where an item sits: everything of an UnpackedItem but its bytes. */
type Place = Omit<UnpackedItem, 'bytes'>;

/** What one archive tree may still cost; shared by an archive and every archive inside it. */
interface Budget {
  entries: number;
  bytes: number;
}

/** Below this size a high compression ratio is harmless (a page of spaces compresses 1000:1). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** A body this long is a document in its own right, even beside attachments. */
const SUBSTANTIVE_BODY_CHARS = 200;

/** Names that run code when opened on Windows, whatever their bytes look like. */
const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'com', 'scr', 'pif', 'bat', 'cmd', 'msi', 'msp', 'dll', 'cpl', 'sys', 'lnk', 'reg', 'jar',
  'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'ps1', 'psm1', 'hta', 'msc', 'gadget', 'application',
]);

/** Files that operating systems leave in folders and archives; nobody sent them. */
const SYSTEM_JUNK = /^(\.ds_store|thumbs\.db|desktop\.ini|~\$.*|\._.*)$/i;

class ArchiveRefusal extends Error {
  constructor(
    readonly code: 'archive_bomb' | 'too_many_entries',
    readonly reason: string,
  ) {
    super(reason);
  }
}

const MB = 1024 * 1024;
const mb = (n: number): string => (n / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

const REASONS = {
  executable: 'Đây là tệp chương trình (có thể chạy được), không phải văn bản — không mở, đã đưa vào khu cách ly.',
  tooLarge: (size: number, limit: number) =>
    `Tệp lớn ${mb(size)} MB, vượt giới hạn ${mb(limit)} MB cho một tệp — không nhập. Hãy xin đơn vị gửi bản nhỏ hơn.`,
  tooMuchAtOnce: (limit: number) =>
    `Tổng dung lượng của lần nhập này vượt ${mb(limit)} MB — tệp này chưa được nhập; hãy nhập nó trong một lần khác.`,
  tooDeep: (max: number) => `Tệp nén hoặc thư lồng nhau quá ${max} lớp — không mở tiếp, đã đưa vào khu cách ly.`,
  tooManyEntries: (count: number, max: number) =>
    `Tệp nén chứa ${count} tệp, vượt giới hạn ${max} — không giải nén, đã đưa vào khu cách ly.`,
  tooManyNestedEntries: (max: number) =>
    `Tệp nén chứa quá nhiều tệp (tính cả các tệp nén lồng bên trong), vượt giới hạn ${max} — không giải nén, đã đưa vào khu cách ly.`,
  bombRatio: (ratio: number) =>
    `Tệp nén bất thường: giải nén ra lớn gấp ${Math.round(ratio)} lần (dấu hiệu "bom nén") — không giải nén, đã đưa vào khu cách ly.`,
  bombTotal: (limit: number) =>
    `Tệp nén bất thường: giải nén ra hơn ${mb(limit)} MB (dấu hiệu "bom nén") — không giải nén, đã đưa vào khu cách ly.`,
  bombLie: 'Tệp nén bất thường: một tệp bên trong lớn hơn kích thước đã khai (dấu hiệu "bom nén") — không giải nén, đã đưa vào khu cách ly.',
  unsafeEntry: (name: string) =>
    `Tên tệp trong tệp nén không an toàn ("${name}": trỏ ra ngoài thư mục giải nén) — tệp này không được giải nén ra đĩa, đã đưa vào khu cách ly.`,
  symlinkEntry: (name: string) => `"${name}" trong tệp nén là một liên kết, không phải tệp — không giải nén.`,
  symlinkOutside: 'Đây là liên kết trỏ ra ngoài thư mục đã chọn — không đọc theo liên kết.',
  corruptZip: 'Tệp nén bị hỏng, không đọc được danh sách tệp bên trong — đã giữ nguyên tệp để kiểm tra.',
  corruptEntry: 'Tệp này trong tệp nén bị hỏng, không giải nén được — tệp nén gốc vẫn được giữ.',
  unreadableFile: (detail: string) => `Không đọc được tệp (${detail}).`,
  unreadableAttachment: 'Có tệp đính kèm không đọc ra được khỏi thư — thư gốc vẫn được giữ nguyên.',
};

/**
 * A name that is safe to show and to propose when saving: its last path part only, without
 * control characters or characters Windows forbids, never empty, "." or a device name.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let safe = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(safe)) safe = `_${safe}`;
  if (safe === '') return 'tep-khong-ten';
  const chars = [...safe];
  if (chars.length <= 200) return safe;
  const ext = /\.[^.]{1,10}$/.exec(safe)?.[0] ?? '';
  return chars.slice(0, 200 - ext.length).join('') + ext;
}

/** A path inside an archive that would land outside the folder it is unpacked into. */
function isUnsafeEntryPath(entryPath: string): boolean {
  const p = entryPath.replace(/\\/g, '/');
  return p.startsWith('/') || /^[a-z]:/i.test(p) || p.includes('\0') || p.split('/').includes('..');
}

const visiblePath = (s: string): string => s.normalize('NFC').replace(/\p{Cc}/gu, '');

const extensionOf = (name: string): string => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

const CONTENT_TYPE_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'message/rfc822': 'eml',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/zip': 'zip',
  'text/plain': 'txt',
  'text/html': 'html',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

class Unpacker {
  readonly items: UnpackedItem[] = [];
  readonly refused: RefusedItem[] = [];
  /** Bytes held in memory by this call: files read or given, and what dropped archives unpack to. */
  private taken = 0;

  constructor(private readonly limits: UnpackLimits) {}

  refuse(place: Place, code: RefusedItem['code'], reason: string, bytes: Buffer | null): void {
    this.refused.push({ displayPath: place.displayPath, sourceName: place.sourceName, fileName: place.fileName, bytes, code, reason });
  }

  keep(place: Place, bytes: Buffer): void {
    this.items.push({ ...place, bytes });
  }

  /** Whether the bytes of one more top-level file still fit in this call's memory budget. */
  private take(place: Place, size: number): boolean {
    if (size > this.limits.maxFileBytes) {
      this.refuse(place, 'too_large', REASONS.tooLarge(size, this.limits.maxFileBytes), null);
      return false;
    }
    if (this.taken + size > this.limits.maxTotalBytes) {
      this.refuse(place, 'too_large', REASONS.tooMuchAtOnce(this.limits.maxTotalBytes), null);
      return false;
    }
    this.taken += size;
    return true;
  }

  async input(input: UnpackInput): Promise<void> {
    if ('bytes' in input) {
      const fileName = safeFileName(input.name);
      const place = topPlace(visiblePath(input.name), fileName);
      if (this.take(place, input.bytes.length)) await this.content(input.bytes, place, null);
      return;
    }
    const name = path.basename(input.path);
    const place = topPlace(name, safeFileName(name));
    let stat;
    let real;
    try {
      // The clerk chose this path, so a link given here is followed; links inside folders are not (see folder()).
      stat = await fs.stat(input.path);
      real = await fs.realpath(input.path);
    } catch (e) {
      this.refuse(place, 'unreadable_container', REASONS.unreadableFile(errorDetail(e)), null);
      return;
    }
    if (stat.isDirectory()) {
      await this.folder(real, real, name);
    } else if (stat.isFile()) {
      await this.file(input.path, place);
    }
    // Anything else (a pipe, a device) is not a file anybody sent: nothing to read.
  }

  private async folder(root: string, dir: string, shownAs: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      const place = topPlace(shownAs, safeFileName(shownAs));
      this.refuse(place, 'unreadable_container', REASONS.unreadableFile(errorDetail(e)), null);
      return;
    }
    entries.sort((a, b) => compareVietnamese(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (SYSTEM_JUNK.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const shown = `${shownAs}/${entry.name}`;
      const place = topPlace(shown, safeFileName(entry.name));
      if (entry.isSymbolicLink()) {
        // Followed only to a file inside the dropped folder; a linked folder could loop.
        const target = await fs.realpath(full).catch(() => null);
        const inside = target !== null && (target === root || target.startsWith(root + path.sep));
        const targetStat = inside ? await fs.stat(target).catch(() => null) : null;
        if (!inside) this.refuse(place, 'unsafe_entry', REASONS.symlinkOutside, null);
        else if (targetStat?.isFile()) await this.file(target, place);
      } else if (entry.isDirectory()) {
        await this.folder(root, full, shown);
      } else if (entry.isFile()) {
        await this.file(full, place);
      }
    }
  }

  /** Reads a file from disk: its size first, so that an oversized file is refused unread. */
  private async file(filePath: string, place: Place): Promise<void> {
    let handle;
    let bytes: Buffer;
    try {
      handle = await fs.open(filePath, 'r');
      const { size } = await handle.stat();
      if (!this.take(place, size)) return;
      bytes = Buffer.alloc(size);
      let read = 0;
      while (read < size) {
        const { bytesRead } = await handle.read(bytes, read, size - read, read);
        if (bytesRead === 0) break; // the file shrank while being read
        read += bytesRead;
      }
      bytes = bytes.subarray(0, read);
    } catch (e) {
      this.refuse(place, 'unreadable_container', REASONS.unreadableFile(errorDetail(e)), null);
      return;
    } finally {
      await handle?.close();
    }
    await this.content(bytes, place, null);
  }

  /** One file's bytes, wherever they came from: refused, opened as a container, or kept as an item. */
  async content(bytes: Buffer, place: Place, budget: Budget | null): Promise<void> {
    const { kind, encrypted } = detectContent(bytes, place.fileName);
    if (kind === 'executable' || EXECUTABLE_EXTENSIONS.has(extensionOf(place.fileName))) {
      this.refuse(place, 'executable', REASONS.executable, bytes);
      return;
    }
    const isContainer = kind === 'eml' || kind === 'msg' || (kind === 'zip' && !encrypted);
    if (isContainer && place.depth >= this.limits.maxDepth) {
      this.refuse(place, 'too_deep', REASONS.tooDeep(this.limits.maxDepth), bytes);
      return;
    }
    if (kind === 'eml' || kind === 'msg') await this.message(bytes, place, kind, budget);
    else if (kind === 'zip' && !encrypted) await this.zip(bytes, place, budget);
    // Everything else is a document (readable or not, extract decides), kept as received.
    // A zip with a password cannot be looked into: it is kept whole, for a person.
    else this.keep(place, bytes);
  }

  private async message(bytes: Buffer, place: Place, kind: 'eml' | 'msg', budget: Budget | null): Promise<void> {
    const mail: Mail | null = kind === 'eml' ? await readEml(bytes) : await readMsg(bytes);
    // The message itself is always kept: it is what was received, and its Message-ID finds duplicates.
    // One that cannot be parsed is still registered, from its raw bytes.
    this.keep({ ...place, role: 'message', envelope: mail?.envelope ?? place.envelope }, bytes);
    if (!mail) return;
    const child = (fileName: string, role: UnpackedItem['role']): Place => ({
      displayPath: `${place.displayPath} › ${visiblePath(fileName)}`,
      sourceName: place.sourceName,
      fileName: safeFileName(fileName),
      envelope: mail.envelope,
      role,
      depth: place.depth + 1,
    });
    const body = messageBody(mail, mail.attachments.length === 0);
    if (body) this.keep(child(body.fileName, 'body'), body.bytes);
    for (const [i, att] of mail.attachments.entries()) {
      const ext = CONTENT_TYPE_EXTENSIONS[att.contentType ?? ''] ?? 'bin';
      await this.content(att.bytes, child(att.fileName ?? `tep-dinh-kem-${i + 1}.${ext}`, 'attachment'), budget);
    }
    if (mail.unreadableAttachments > 0) {
      this.refuse(child(place.fileName, 'attachment'), 'unreadable_container', REASONS.unreadableAttachment, null);
    }
  }

  /**
   * A zip, in memory. Sizes, ratios and counts are checked from the central directory before
   * anything is inflated, and yauzl checks every entry against its declared size while
   * inflating. A limit broken anywhere inside refuses the outermost archive as a whole.
   */
  private async zip(bytes: Buffer, place: Place, inherited: Budget | null): Promise<void> {
    const budget = inherited ?? { entries: this.limits.maxEntries, bytes: this.limits.maxTotalBytes };
    const mark = { items: this.items.length, refused: this.refused.length };
    const rollBack = (): void => {
      this.items.length = mark.items;
      this.refused.length = mark.refused;
    };
    let zip: ZipArchive | null = null;
    try {
      zip = await openZip(bytes);
      if (zip.entryCount > budget.entries) {
        const { maxEntries } = this.limits;
        const reason = zip.entryCount > maxEntries ? REASONS.tooManyEntries(zip.entryCount, maxEntries) : REASONS.tooManyNestedEntries(maxEntries);
        throw new ArchiveRefusal('too_many_entries', reason);
      }
      const entries: ZipEntry[] = [];
      for await (const entry of zip.entries()) entries.push(entry);
      const total = this.checkSizes(entries, bytes.length, budget);
      if (!inherited) {
        // What a dropped archive unpacks to stays in memory with everything else of this call.
        if (this.taken + total > this.limits.maxTotalBytes) {
          this.refuse(place, 'too_large', REASONS.tooMuchAtOnce(this.limits.maxTotalBytes), null);
          return;
        }
        this.taken += total;
      }
      if (entries.some((e) => e.encrypted && !e.isDirectory)) {
        this.keep(place, bytes); // password-protected: kept whole for a person to open
        return;
      }
      for (const entry of entries) await this.zipEntry(zip, entry, place, budget);
    } catch (e) {
      if (e instanceof ArchiveRefusal) {
        if (inherited) throw e;
        rollBack();
        this.refuse(place, e.code, e.reason, bytes);
      } else {
        rollBack();
        this.refuse(place, 'unreadable_container', REASONS.corruptZip, bytes);
      }
    } finally {
      zip?.close();
    }
  }

  /** Checks the declared sizes against the limits and the budget, and takes them from it. */
  private checkSizes(entries: ZipEntry[], archiveSize: number, budget: Budget): number {
    let total = 0;
    for (const e of entries) {
      total += e.uncompressedSize;
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (e.uncompressedSize > RATIO_FLOOR_BYTES && ratio > this.limits.maxCompressionRatio) {
        throw new ArchiveRefusal('archive_bomb', REASONS.bombRatio(ratio));
      }
    }
    if (total > budget.bytes) throw new ArchiveRefusal('archive_bomb', REASONS.bombTotal(this.limits.maxTotalBytes));
    if (total > RATIO_FLOOR_BYTES && total / Math.max(1, archiveSize) > this.limits.maxCompressionRatio) {
      throw new ArchiveRefusal('archive_bomb', REASONS.bombRatio(total / Math.max(1, archiveSize)));
    }
    budget.entries -= entries.length;
    budget.bytes -= total;
    return total;
  }

  private async zipEntry(zip: ZipArchive, entry: ZipEntry, parent: Place, budget: Budget): Promise<void> {
    const baseName = entry.path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
    if (entry.isDirectory || entry.path.startsWith('__MACOSX/') || SYSTEM_JUNK.test(baseName)) return;
    const place: Place = {
      displayPath: `${parent.displayPath} › ${visiblePath(entry.path)}`,
      sourceName: parent.sourceName,
      fileName: safeFileName(entry.path),
      envelope: parent.envelope,
      role: 'entry',
      depth: parent.depth + 1,
    };
    if (entry.uncompressedSize > this.limits.maxFileBytes) {
      this.refuse(place, 'too_large', REASONS.tooLarge(entry.uncompressedSize, this.limits.maxFileBytes), null);
      return;
    }
    let data: Buffer;
    try {
      data = await zip.read(entry, entry.uncompressedSize);
    } catch (e) {
      // yauzl stops an entry that inflates past its declared size: a lying header is a bomb.
      if (/too many bytes|too large/i.test(errorDetail(e))) throw new ArchiveRefusal('archive_bomb', REASONS.bombLie);
      this.refuse(place, 'unreadable_container', REASONS.corruptEntry, null);
      return;
    }
    if (isUnsafeEntryPath(entry.path)) this.refuse(place, 'unsafe_entry', REASONS.unsafeEntry(visiblePath(entry.path)), data);
    else if (entry.isSymlink) this.refuse(place, 'unsafe_entry', REASONS.symlinkEntry(visiblePath(entry.path)), data);
    else await this.content(data, place, budget);
  }
}

function topPlace(displayPath: string, fileName: string): Place {
  return { displayPath, sourceName: displayPath, fileName, envelope: null, role: 'file', depth: 0 };
}

function errorDetail(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'không tồn tại';
  if (code === 'EACCES' || code === 'EPERM') return 'không có quyền đọc';
  return e instanceof Error ? e.message : String(e);
}

/**
 * The body as an item of its own when it is the document (a message without attachments) or
 * substantive beside them; otherwise it stays only inside the kept message.
 */
function messageBody(mail: Mail, alone: boolean): { fileName: string; bytes: Buffer } | null {
  const text = mail.text?.trim() ?? '';
  const html = mail.html?.trim() ?? '';
  if (!text && !html) return null;
  const readable = text || htmlToText(html);
  if (!alone && readable.replace(/\s+/g, ' ').length < SUBSTANTIVE_BODY_CHARS) return null;
  return text
    ? { fileName: 'noi-dung-thu.txt', bytes: Buffer.from(text, 'utf8') }
    : { fileName: 'noi-dung-thu.html', bytes: Buffer.from(html, 'utf8') };
}

/**
 * Unpacks what the clerk dropped, in a stable order (folders sorted in Vietnamese order,
 * archives and messages in their own order). Never throws for bad input.
 */
export async function unpack(inputs: readonly UnpackInput[], limits: UnpackLimits = DEFAULT_UNPACK_LIMITS): Promise<UnpackResult> {
  const unpacker = new Unpacker(limits);
  for (const input of inputs) {
    try {
      await unpacker.input(input);
    } catch (e) {
      // Every step above reports its own failures; this only keeps the promise of never throwing.
      const name = 'path' in input ? path.basename(input.path) : input.name;
      const bytes = 'bytes' in input ? input.bytes : null;
      unpacker.refuse(topPlace(visiblePath(name), safeFileName(name)), 'unreadable_container', REASONS.unreadableFile(errorDetail(e)), bytes);
    }
  }
  return { items: unpacker.items, refused: unpacker.refused };
}
