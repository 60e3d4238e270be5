/**
 * The intake pipeline's typed hand-offs (DESIGN §3): unpack → store → extract → recognise
 * → match → register. Each stage is a function from one of these to the next.
 */

/** The e-mail an item came in, when it came in one. */
export interface Envelope {
  fromName: string | null;
  fromAddress: string | null;
  to: string[];
  /** The message's Date header as an ISO UTC instant. */
  date: string | null;
  subject: string | null;
  messageId: string | null;
}

/** One file out of what the clerk dropped: a file, an e-mail, an attachment, an archive entry. */
export interface UnpackedItem {
  /** Where it came from, for people: "bao-cao.eml › Báo cáo 2021.pdf". */
  displayPath: string;
  /** The input (top-level file) it came from, as the clerk named it. */
  sourceName: string;
  /** Its own file name, sanitised: no folders, no control characters; never used as a path. */
  fileName: string;
  bytes: Buffer;
  envelope: Envelope | null;
  /** 'message': the .eml/.msg itself; 'attachment' of a message; 'body': a message's text or HTML body; 'entry': of an archive; 'file': dropped as is. */
  role: 'message' | 'attachment' | 'body' | 'entry' | 'file';
  /** How many containers it is inside (0 for a dropped file). */
  depth: number;
}

/** Something received that is not a document or is unsafe: kept in quarantine, never opened. */
export interface RefusedItem {
  displayPath: string;
  sourceName: string;
  fileName: string;
  /** The bytes as received, when there are any to keep. */
  bytes: Buffer | null;
  code: 'executable' | 'archive_bomb' | 'unsafe_entry' | 'too_large' | 'too_deep' | 'too_many_entries' | 'unreadable_container';
  /** A Vietnamese sentence for the clerk. */
  reason: string;
}

export interface UnpackResult {
  items: UnpackedItem[];
  refused: RefusedItem[];
}

export interface UnpackLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
  maxCompressionRatio: number;
  maxDepth: number;
}

export const DEFAULT_UNPACK_LIMITS: UnpackLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxTotalBytes: 500 * 1024 * 1024,
  maxEntries: 1000,
  maxCompressionRatio: 100,
  maxDepth: 3,
};

/** What a file is, by its bytes (magic numbers), not its extension. */
export type ContentKind =
  | 'docx' | 'xlsx' | 'pptx' | 'doc' | 'xls' | 'pdf' | 'txt' | 'html' | 'eml' | 'msg'
  | 'zip' | 'rar' | '7z' | 'jpg' | 'png' | 'tiff' | 'executable' | 'empty' | 'unknown';

/** A line of a PDF page with its position, so the two-column header can be split. */
export interface PositionedLine {
  page: number;
  /** Left edge and baseline in PDF points from the top-left of the page. */
  x: number;
  y: number;
  width: number;
  text: string;
}

export interface ExtractedDocument {
  kind: ContentKind;
  /** The whole text, paragraphs separated by newlines ("" when nothing could be read). */
  text: string;
  /** PDF only: lines with positions. */
  lines: PositionedLine[];
  /** Tables found (docx, xlsx): rows of cell texts. */
  tables: string[][][];
  pageCount: number | null;
  /** PDF only: the pages (1-based) with no text layer, pictures of paper (all of them in a scan). */
  pagesWithoutText?: number[];
  /** Set when the file must wait for a person: why, in Vietnamese ("văn bản scan — chưa đọc được nội dung"). */
  needsReview: string | null;
  /** Notes on how it was read ("đã chuyển từ phông TCVN3 sang Unicode", "mã hóa windows-1258"). */
  notes: string[];
}

/** A field recognised from a document's text, with how sure the recogniser is (0–1). */
export interface Recognised<T> {
  value: T | null;
  confidence: number;
}

export interface DocumentReference {
  /** "Công văn", "Kế hoạch" … as written. */
  type: string | null;
  number: number | null;
  symbol: string | null;
  date: string | null;
  /** The words as found, for the clerk. */
  text: string;
}

export interface RecognisedHeader {
  agency: Recognised<string>;
  parentAgency: Recognised<string>;
  number: Recognised<number>;
  symbol: Recognised<string>;
  place: Recognised<string>;
  date: Recognised<string>;
  /** "Công văn", "Báo cáo", "Quyết định" … */
  type: Recognised<string>;
  subject: Recognised<string>;
  recipients: Recognised<string[]>;
  references: DocumentReference[];
  /** A period key of DESIGN §4: "2021", "2022-H1", "2023-Q3", "2023-07". */
  period: Recognised<string>;
  signer: Recognised<string>;
  urgency: Recognised<string>;
}
