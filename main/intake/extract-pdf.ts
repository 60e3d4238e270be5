/**
 * Text and positioned lines out of a PDF with pdf.js (legacy build, in Node, no worker thread,
 * no fonts loaded: only the text layer is read). Lines keep their x and y so that the
 * two-column administrative header (agency left, national motto right) can be told apart.
 */
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import type { PositionedLine } from './types.js';

export type PdfOutcome =
  | { status: 'ok'; text: string; lines: PositionedLine[]; pageCount: number; pagesWithoutText: number[] }
  | { status: 'password'; pageCount: null }
  | { status: 'damaged'; pageCount: null };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
// Loaded on first use: it is large, and most imports have no PDF.
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

interface Glyphs {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A gap wider than this many font sizes separates columns (the header's two blocks). */
const COLUMN_GAP_EM = 1.2;
/** A gap wider than this many font sizes between two pieces of text is a space. */
const WORD_GAP_EM = 0.15;
/** Fewer letters and digits than this on a page: the page is a picture (a scan). */
const MIN_PAGE_CHARS = 8;

const round = (n: number): number => Math.round(n * 10) / 10;

/** Groups a page's text pieces into lines by baseline, and splits a line where a column gap is. */
export function groupLines(pieces: Glyphs[], page: number): PositionedLine[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Glyphs[][] = [];
  for (const piece of sorted) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(piece.y - first.y) <= Math.max(2, 0.3 * Math.min(piece.size, first.size))) row.push(piece);
    else rows.push([piece]);
  }
  const lines: PositionedLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: { x: number; end: number; text: string } | null = null;
    const flush = (): void => {
      const text = current?.text.replace(/\s+/g, ' ').trim();
      if (current && text) lines.push({ page, x: round(current.x), y: round(row[0]?.y ?? 0), width: round(current.end - current.x), text });
      current = null;
    };
    for (const piece of row) {
      // Blank pieces only stand for space: the gap they leave is measured instead.
      if (piece.text.trim() === '') continue;
      if (current) {
        const gap = piece.x - current.end;
        if (gap > COLUMN_GAP_EM * piece.size) flush();
        else if (gap > WORD_GAP_EM * piece.size && !/\s$/.test(current.text) && !/^\s/.test(piece.text)) current.text += ' ';
      }
      if (current) {
        current.text += piece.text;
        current.end = Math.max(current.end, piece.x + piece.width);
      } else {
        current = { x: piece.x, end: piece.x + piece.width, text: piece.text };
      }
    }
    flush();
  }
  return lines;
}

export async function readPdf(bytes: Buffer): Promise<PdfOutcome> {
  const { getDocument } = await loadPdfJs();
  // pdf.js may take over the array it is given: it gets a copy, the item's bytes stay as received.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    return (e as Error | null)?.name === 'PasswordException' ? { status: 'password', pageCount: null } : { status: 'damaged', pageCount: null };
  }
  try {
    const lines: PositionedLine[] = [];
    const pagesWithoutText: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let pageLines: PositionedLine[] = [];
      try {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const pieces = content.items
          .filter((item: TextItem | TextMarkedContent): item is TextItem => 'str' in item && item.str !== '')
          .map((item) => {
            // transform = [a b c d e f]: (e, f) is the baseline origin in PDF space (y up).
            const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
            const [x = 0, y = 0] = viewport.convertToViewportPoint(e, f);
            return { text: item.str, x, y, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10 };
          });
        pageLines = groupLines(pieces, n);
        page.cleanup();
      } catch {
        // One unreadable page does not lose the others.
      }
      const chars = pageLines.reduce((sum, l) => sum + (l.text.match(/[\p{L}\p{N}]/gu) ?? []).length, 0);
      if (chars < MIN_PAGE_CHARS) pagesWithoutText.push(n);
      lines.push(...pageLines);
    }
    return { status: 'ok', text: lines.map((l) => l.text).join('\n'), lines, pageCount: doc.numPages, pagesWithoutText };
  } finally {
    await doc.destroy();
  }
}

/** A PDF ends with %%EOF (after every incremental update); without it the file was cut short. */
export function looksTruncated(bytes: Buffer): boolean {
  return !bytes.subarray(Math.max(0, bytes.length - 2048)).includes('%%EOF');
}
