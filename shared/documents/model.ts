/**
 * The document model: what an official document says and which of the decree's elements
 * (thành phần thể thức, nd30 §2) carry it — not how it is laid out. Templates build it
 * (templates/), `layoutDocument` (layout.ts) turns it into positioned paragraphs and tables,
 * and the two renderers (render-html.ts here, main/render/docx.ts) print that layout.
 *
 * Text is stored as it prints (upper case where the decree wants upper case); a "\n" inside
 * a header string is a line break the author asked for.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface PageSetup {
  marginsMm: { top: number; bottom: number; left: number; right: number };
}

/** The two-column header: ô 2 and 3 (+ 5b) on the left, ô 1 and 4 on the right. */
export interface DocumentHeader {
  /** Cơ quan chủ quản, e.g. "UBND TỈNH KIÊN GIANG"; empty when the issuer has none. */
  parentAgency: string;
  /** Cơ quan ban hành, e.g. "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  agencyName: string;
  /** "Số: 864/STTTT-TTBCBC". */
  numberLine: string;
  /** Công văn only (ô 5b): "V/v …"; empty for documents with a type title. */
  subjectLine: string;
  /** "Kiên Giang, ngày 03 tháng 8 năm 2021". */
  placeDateLine: string;
}

/** The urgency stamp (ô 10b), drawn as a box of the decree's size under the header. */
export interface UrgencyMark {
  label: string;
  widthMm: number;
  heightMm: number;
}

/** Ô 5a of a named-type document (Mẫu 1.4): "BÁO CÁO", then its subject. */
export interface DocumentTitle {
  type: string;
  subject: string;
}

/**
 * "Kính gửi" (ô 9a). One line prints on the same line as "Kính gửi:"; several print one per
 * line under it. The lines carry their own punctuation ("- Báo Kiên Giang;").
 */
export interface RecipientsBlock {
  lines: string[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  /** Body text is justified (the default); centred or right-aligned lines are the exception. */
  align?: 'justify' | 'center' | 'right';
  /** First-line indent of 1 cm (the default), or none. */
  indent?: 'firstLine' | 'none';
}

/** A report section heading, "I. KẾT QUẢ THỰC HIỆN": bold, kept with what follows. */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

export interface TableCell {
  runs: Run[];
  align?: 'left' | 'center' | 'right';
}

/** A ruled table in the body (data forms, lists of units). */
export interface TableBlock {
  kind: 'table';
  /** Relative column widths; the table spans the text width. */
  columnWeights: number[];
  /** How many leading rows are header rows: bold, centred, repeated on every page. */
  headerRows: number;
  rows: TableCell[][];
}

export type Block = ParagraphBlock | HeadingBlock | TableBlock;

/** Ô 7a/7b: "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC", room for signature and seal, then the name. */
export interface SignatureBlock {
  /** The capacity line ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"), or null when the head signs. */
  authority: string | null;
  title: string;
  name: string;
}

export interface OfficialDocument {
  /** For the file's properties and the HTML title: "Công văn số 864/STTTT-TTBCBC". */
  description: string;
  page: PageSetup;
  header: DocumentHeader;
  urgency: UrgencyMark | null;
  title: DocumentTitle | null;
  recipients: RecipientsBlock | null;
  body: Block[];
  /** Null while no signer is chosen: the signature column stays empty. */
  signature: SignatureBlock | null;
  /** "Nơi nhận" (ô 9b) lines, already formatted: "- Như trên;" … "- Lưu: VT, TTBCBC.". */
  distribution: string[];
}

/** Decree 30's usual margins (nd30 §1): top 20, bottom 20, left 30, right 15 mm. */
export const DEFAULT_PAGE: PageSetup = { marginsMm: { top: 20, bottom: 20, left: 30, right: 15 } };
