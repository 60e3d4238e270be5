/**
 * The "extract" stage of intake (DESIGN §3): a file's text, by what its bytes are, not by its
 * name. Never throws: a file that cannot be read gives an empty text and a reason in
 * Vietnamese (`needsReview`), so that it is still registered and a person looks at it (§2).
 * Text typed in the legacy TCVN3 or VNI fonts is converted to Unicode on the way out.
 */
import iconv from 'iconv-lite';
import { detectLegacyEncoding, legacyToUnicode, type LegacyEncoding } from '../../shared/vn/legacy-encodings.js';
import { detectContent } from './detect-kind.js';
import { docText, docxText, pptxText, xlsxText, type OfficeText } from './extract-office.js';
import { looksTruncated, readPdf } from './extract-pdf.js';
import { readEml, readMsg } from './mail.js';
import { declaredHtmlCharset, decodeText, htmlToText } from './text.js';
import type { ContentKind, ExtractedDocument } from './types.js';
import { listZipNames } from './zip.js';

const ASK_AGAIN = 'hãy xin đơn vị gửi lại';
const SAVE_WITHOUT_PASSWORD = 'hãy mở bằng mật khẩu rồi lưu lại bản không mật khẩu';

/** Why a file waits for a person, as the clerk reads it. */
export const REVIEW_REASONS = {
  scan: 'văn bản scan — chưa đọc được nội dung',
  noText: 'văn bản không có chữ (có thể chỉ có hình ảnh) — chưa đọc được nội dung',
  empty: `tệp rỗng (0 byte) — ${ASK_AGAIN}`,
  pdfPassword: `tệp PDF có mật khẩu — ${SAVE_WITHOUT_PASSWORD}`,
  officePassword: `tệp Office có mật khẩu — ${SAVE_WITHOUT_PASSWORD}`,
  zipPassword: 'tệp nén có mật khẩu — hãy giải nén bằng mật khẩu rồi nhập các tệp bên trong',
  pdfDamaged: `tệp PDF bị hỏng, không đọc được — ${ASK_AGAIN}`,
  pdfTruncated: `tệp PDF không đầy đủ (có thể bị cắt khi gửi hoặc tải về) — ${ASK_AGAIN}`,
  docxDamaged: `tệp .docx bị hỏng hoặc không đầy đủ, không đọc được — ${ASK_AGAIN}`,
  xlsxDamaged: `tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được — ${ASK_AGAIN}`,
  pptxDamaged: `tệp .pptx bị hỏng hoặc không đầy đủ, không đọc được — ${ASK_AGAIN}`,
  docDamaged: 'tệp .doc bị hỏng hoặc kiểu rất cũ — hãy mở bằng Word và lưu thành .docx',
  xls: 'tệp .xls kiểu cũ — hãy mở bằng Excel và lưu thành .xlsx',
  rar: 'tệp nén .rar — hãy giải nén bằng WinRAR hoặc 7-Zip rồi nhập các tệp bên trong (hoặc nén lại thành .zip)',
  sevenZip: 'tệp nén .7z — hãy giải nén bằng 7-Zip rồi nhập các tệp bên trong (hoặc nén lại thành .zip)',
  rtf: 'tệp .rtf — hãy mở bằng Word và lưu thành .docx',
  openDocument: 'tệp OpenDocument (.odt, .ods) — hãy mở bằng LibreOffice hoặc Word và lưu thành .docx hoặc .xlsx',
  unknown: 'không nhận ra loại tệp — hãy mở thử bằng phần mềm phù hợp rồi lưu thành .docx hoặc .pdf',
  executable: 'tệp chương trình — không mở',
  mailDamaged: 'thư điện tử bị hỏng, không đọc được nội dung',
} as const;

const LEGACY_NOTES: Record<LegacyEncoding, string> = {
  tcvn3: 'đã chuyển từ phông TCVN3 sang Unicode',
  vni: 'đã chuyển từ phông VNI sang Unicode',
};

function result(kind: ContentKind, fields: Partial<ExtractedDocument> = {}): ExtractedDocument {
  return { kind, text: '', lines: [], tables: [], pageCount: null, needsReview: null, notes: [], ...fields };
}

const review = (kind: ContentKind, reason: string, fields: Partial<ExtractedDocument> = {}): ExtractedDocument =>
  result(kind, { ...fields, needsReview: reason });

/** Converts TCVN3/VNI text (and the lines and cells that carry it) to Unicode, with a note. */
function toUnicode(doc: ExtractedDocument): ExtractedDocument {
  const encoding = detectLegacyEncoding(doc.text);
  if (!encoding) return doc;
  const convert = (s: string): string => legacyToUnicode(s, encoding);
  return {
    ...doc,
    text: convert(doc.text),
    lines: doc.lines.map((l) => ({ ...l, text: convert(l.text) })),
    tables: doc.tables.map((t) => t.map((row) => row.map(convert))),
    notes: [...doc.notes, LEGACY_NOTES[encoding]],
  };
}

async function office(kind: ContentKind, read: () => Promise<OfficeText>, damaged: string): Promise<ExtractedDocument> {
  let content: OfficeText;
  try {
    content = await read();
  } catch {
    return review(kind, damaged);
  }
  if (content.text.trim() === '') return review(kind, REVIEW_REASONS.noText, { tables: content.tables });
  return result(kind, { text: content.text, tables: content.tables, notes: content.legacyEncodings.map((e) => LEGACY_NOTES[e]) });
}

async function pdf(bytes: Buffer): Promise<ExtractedDocument> {
  const outcome = await readPdf(bytes);
  if (outcome.status === 'password') return review('pdf', REVIEW_REASONS.pdfPassword);
  if (outcome.status === 'damaged') return review('pdf', looksTruncated(bytes) ? REVIEW_REASONS.pdfTruncated : REVIEW_REASONS.pdfDamaged);
  const { text, lines, pageCount, pagesWithoutText } = outcome;
  const fields = { text, lines, pageCount, pagesWithoutText, notes: [] as string[] };
  if (pagesWithoutText.length === pageCount) return review('pdf', REVIEW_REASONS.scan, fields);
  if (pagesWithoutText.length > 0) fields.notes.push(`trang ${pagesWithoutText.join(', ')} không có lớp chữ (ảnh scan)`);
  if (looksTruncated(bytes)) return review('pdf', REVIEW_REASONS.pdfTruncated, fields);
  return result('pdf', fields);
}

function encodingNote(encoding: string): string[] {
  return encoding === 'utf-8' ? [] : [`mã hóa ${encoding}`];
}

function plainText(bytes: Buffer): ExtractedDocument {
  const { text, encoding } = decodeText(bytes);
  return result('txt', { text: text.replace(/\r\n?/g, '\n').trim(), notes: encodingNote(encoding) });
}

function html(bytes: Buffer): ExtractedDocument {
  const charset = declaredHtmlCharset(bytes);
  const { text, encoding } = charset ? { text: iconv.decode(bytes, charset), encoding: charset } : decodeText(bytes);
  return result('html', { text: htmlToText(text), notes: encodingNote(encoding) });
}

/** A message's own text: its subject and body (attachments are items of their own). */
async function message(kind: 'eml' | 'msg', bytes: Buffer): Promise<ExtractedDocument> {
  const mail = kind === 'eml' ? await readEml(bytes) : await readMsg(bytes);
  if (!mail) return review(kind, REVIEW_REASONS.mailDamaged);
  const body = mail.text?.trim() || htmlToText(mail.html ?? '');
  return result(kind, { text: [mail.envelope.subject ?? '', body].filter((s) => s !== '').join('\n').trim() });
}

/** What to tell the clerk about bytes that are none of the known kinds. */
function unknownReason(bytes: Buffer): string {
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') return REVIEW_REASONS.rtf;
  if (listZipNames(bytes)?.names[0] === 'mimetype') return REVIEW_REASONS.openDocument;
  return REVIEW_REASONS.unknown;
}

async function byKind(bytes: Buffer, fileName: string): Promise<ExtractedDocument> {
  const { kind, encrypted } = detectContent(bytes, fileName);
  if (encrypted) {
    return review(kind, kind === 'zip' ? REVIEW_REASONS.zipPassword : REVIEW_REASONS.officePassword);
  }
  switch (kind) {
    case 'pdf':
      return pdf(bytes);
    case 'docx':
      return office(kind, () => docxText(bytes), REVIEW_REASONS.docxDamaged);
    case 'pptx':
      return office(kind, () => pptxText(bytes), REVIEW_REASONS.pptxDamaged);
    case 'xlsx':
      return office(kind, () => xlsxText(bytes), REVIEW_REASONS.xlsxDamaged);
    case 'doc':
      return office(kind, () => docText(bytes), REVIEW_REASONS.docDamaged);
    case 'txt':
      return plainText(bytes);
    case 'html':
      return html(bytes);
    case 'eml':
    case 'msg':
      return message(kind, bytes);
    case 'jpg':
    case 'png':
    case 'tiff':
      return review(kind, REVIEW_REASONS.scan);
    case 'xls':
      return review(kind, REVIEW_REASONS.xls);
    case 'rar':
      return review(kind, REVIEW_REASONS.rar);
    case '7z':
      return review(kind, REVIEW_REASONS.sevenZip);
    case 'zip':
      // unpack has already taken the archive apart: its entries are items of their own.
      return result(kind, { notes: ['tệp nén — các tệp bên trong được nhập riêng'] });
    case 'empty':
      return review(kind, REVIEW_REASONS.empty);
    case 'executable':
      return review(kind, REVIEW_REASONS.executable);
    case 'unknown':
      return review(kind, unknownReason(bytes));
  }
}

export async function extract(item: { bytes: Buffer; fileName: string }): Promise<ExtractedDocument> {
  try {
    return toUnicode(await byKind(item.bytes, item.fileName));
  } catch {
    // Every reader above handles its own failures; this is the last guard of "never throws".
    return review(detectContent(item.bytes, item.fileName).kind, REVIEW_REASONS.unknown);
  }
}
