/**
 * Layout: the document model placed on the page as Decree 30 wants it (nd30 §1–3), as plain
 * paragraphs with exact formats and borderless or ruled tables. Both renderers (HTML here,
 * .docx in main/render) print this same layout without deciding anything of their own, so the
 * preview, the PDF and the printed .docx cannot drift apart.
 *
 * Every line height is exact (not "single" or "multiple"): Word, LibreOffice and Chromium then
 * give a line the same height, and the page breaks fall in the same places.
 */
import type { Block, OfficialDocument, Run, TableBlock } from './model.js';
import { breakBalanced, textWidthMm, type FontStyle } from './text-width.js';

export const A4_MM = { width: 210, height: 297 } as const;

/** Declared font; the HTML adds the metric-compatible substitutes for machines without it. */
export const FONT_FAMILY = 'Times New Roman';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_LABEL = 'Kính gửi:';
export const DISTRIBUTION_LABEL = 'Nơi nhận:';

/**
 * Sizes in points, within the decree's ranges (nd30 §2). Quốc hiệu 12 and motto 13 are the
 * decree's own example (§V); 13 for the Quốc hiệu would leave the right column only 3 mm spare.
 */
export const SIZES_PT = {
  parentAgency: 13,
  agency: 13,
  number: 13,
  subject: 12,
  nationalTitle: 12,
  motto: 13,
  placeDate: 14,
  title: 14,
  recipients: 14,
  body: 14,
  table: 13,
  distributionLabel: 12,
  distributionItem: 11,
  signature: 14,
  pageNumber: 14,
  stamp: 13,
} as const;

/** Line height of "single" spacing in Times New Roman (ascent + descent + line gap, per em). */
const SINGLE_LINE_EM = 1.15;
/** Body line height: about 1.1 × single at 14 pt, inside the decree's single-to-1.5 range. */
export const BODY_LINE_HEIGHT_PT = 18;
/** Decree: at least 6 pt between body paragraphs (the Phụ lục III templates use 6 before). */
export const BODY_SPACE_BEFORE_PT = 6;
/** Decree: first-line indent 1 cm or 1.27 cm. */
export const BODY_FIRST_LINE_INDENT_MM = 10;
/**
 * Header (and signature) column split. The decree's grid puts ô 2 in 0–44 % of the text width
 * and the templates use about 40 | 60 (67.5 | 100 mm) with a 13 pt Quốc hiệu. With the Quốc
 * hiệu at 12 pt (88 mm) the right column needs only 56 %, so the left gets the grid's full 44 %:
 * a "V/v" subject then breaks into fewer lines.
 */
export const HEADER_LEFT_FRACTION = 0.44;
/** The line under the agency name: 1/3–1/2 of the name's width (nd30 §2); 0.4 sits in the middle. */
export const AGENCY_RULE_RATIO = 0.4;
/** Same for the line under a named type's subject (Mẫu 1.4). */
export const TITLE_RULE_RATIO = 0.4;
/** Thickness of the drawn lines under the agency, the motto and the title. */
export const RULE_THICKNESS_PT = 0.75;
/** Height of the empty paragraph whose bottom border draws such a line. */
const RULE_PARAGRAPH_HEIGHT_PT = 3;
/** Mẫu 1.5: "Kính gửi:" about 35 mm in, the recipients about 45 mm in. */
export const RECIPIENTS_LABEL_INDENT_MM = 35;
export const RECIPIENT_LINES_INDENT_MM = 45;
/** Room for the signature and the seal between the title and the name (about 4–5 lines). */
export const SIGNATURE_GAP_LINES = 5;
/** Distance of the page number from the top edge of the paper. */
export const HEADER_DISTANCE_MM = 10;
/** Header lines may use this much of a column: keeps a hair of room for rounding in the engines. */
const HEADER_FILL = 0.97;
/** A named type's subject is set narrower than the page, the way Mẫu 1.4 shows it. */
const TITLE_SUBJECT_FILL = 0.8;
/** Rules of tables in the body. */
const BODY_TABLE_RULE_PT = 0.5;
const RULED_TABLE_INSET_MM = 0.5;
const STAMP_COLOR = 'FF0000';
const BLACK = '000000';

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphFormat {
  sizePt: number;
  bold: boolean;
  italic: boolean;
  /** Hex RGB without "#". */
  color: string;
  align: Align;
  /** Exact line height. */
  lineHeightPt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  indentLeftMm: number;
  indentRightMm: number;
  /** Positive: first-line indent; negative: hanging indent (the first line starts further left). */
  firstLineMm: number;
  /** A line drawn under the paragraph, between its indents (the paragraph's bottom border). */
  bottomRulePt: number | null;
  keepWithNext: boolean;
}

export type ParagraphRole =
  | 'parent-agency'
  | 'agency'
  | 'agency-rule'
  | 'number'
  | 'subject'
  | 'national-title'
  | 'motto'
  | 'motto-rule'
  | 'place-date'
  | 'title-type'
  | 'title-subject'
  | 'title-rule'
  | 'recipients-label'
  | 'recipient'
  | 'body'
  | 'heading'
  | 'table-cell'
  | 'distribution-label'
  | 'distribution-item'
  | 'signature-authority'
  | 'signature-title'
  | 'signer-name'
  | 'stamp'
  | 'gap'
  | 'page-number';

export interface LaidParagraph {
  kind: 'paragraph';
  role: ParagraphRole;
  format: ParagraphFormat;
  /** Hard lines (joined by line breaks); each may still wrap. Empty for rules and gaps. */
  lines: Run[][];
}

export interface LaidCell {
  paragraphs: LaidParagraph[];
  verticalAlign: 'top' | 'center';
}

export interface LaidRow {
  cells: LaidCell[];
  /** Repeated at the top of every page the table runs onto. */
  isHeader: boolean;
  /** Kept whole on one page. */
  cantSplit: boolean;
  exactHeightMm: number | null;
}

export type TableRole = 'header' | 'stamp' | 'body-table' | 'signature';

export interface LaidTable {
  kind: 'table';
  role: TableRole;
  columnsMm: number[];
  /** Null: no borders at all. */
  rules: { thicknessPt: number; color: string } | null;
  cellPaddingMm: { top: number; bottom: number; left: number; right: number };
  rows: LaidRow[];
}

export type FlowItem = LaidParagraph | LaidTable;

export interface LaidOutDocument {
  description: string;
  page: {
    widthMm: number;
    heightMm: number;
    marginsMm: { top: number; bottom: number; left: number; right: number };
    headerDistanceMm: number;
  };
  /** Format of the page number, centred at the top from page 2 on. */
  pageNumber: ParagraphFormat;
  flow: FlowItem[];
}

/** Line height of single spacing for a size, rounded to 1/20 pt (Word's unit). */
export function singleLineHeightPt(sizePt: number): number {
  return roundToTwip(sizePt * SINGLE_LINE_EM);
}

function roundToTwip(pt: number): number {
  return Math.round(pt * 20) / 20;
}

function format(overrides: Partial<ParagraphFormat> & { sizePt: number }): ParagraphFormat {
  return {
    bold: false,
    italic: false,
    color: BLACK,
    align: 'left',
    lineHeightPt: singleLineHeightPt(overrides.sizePt),
    spaceBeforePt: 0,
    spaceAfterPt: 0,
    indentLeftMm: 0,
    indentRightMm: 0,
    firstLineMm: 0,
    bottomRulePt: null,
    keepWithNext: false,
    ...overrides,
  };
}

function fontOf(f: ParagraphFormat): FontStyle {
  return { sizePt: f.sizePt, bold: f.bold, italic: f.italic };
}

/**
 * Removes what cannot appear in a document: C0 control characters (invalid in XML, so Word
 * would refuse the file) and unpaired surrogates; tabs become spaces. "\n" is kept (a line break).
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Runs split into hard lines at "\n", cleaned, empty runs dropped. */
function runsToLines(runs: readonly Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    cleanText(run.text)
      .split('\n')
      .forEach((piece, index) => {
        if (index > 0) lines.push([]);
        if (piece) lines[lines.length - 1]?.push({ ...run, text: piece });
      });
  }
  return lines;
}

function textParagraph(role: ParagraphRole, f: ParagraphFormat, lines: readonly string[]): LaidParagraph {
  return { kind: 'paragraph', role, format: f, lines: lines.map((text) => (text ? [{ text }] : [])) };
}

/** A centred block broken into balanced lines that fit `widthMm`. */
function centredLines(role: ParagraphRole, f: ParagraphFormat, text: string, widthMm: number): LaidParagraph {
  return textParagraph(role, f, breakBalanced(cleanText(text), fontOf(f), widthMm * HEADER_FILL));
}

/** An empty paragraph whose bottom border draws a centred line `ruleMm` long in a space `spanMm` wide. */
function ruleParagraph(role: ParagraphRole, spanMm: number, ruleMm: number): LaidParagraph {
  const length = Math.min(ruleMm, spanMm);
  const side = (spanMm - length) / 2;
  return {
    kind: 'paragraph',
    role,
    format: format({
      sizePt: RULE_PARAGRAPH_HEIGHT_PT,
      lineHeightPt: RULE_PARAGRAPH_HEIGHT_PT,
      indentLeftMm: side,
      indentRightMm: side,
      bottomRulePt: RULE_THICKNESS_PT,
    }),
    lines: [],
  };
}

function gapParagraph(heightPt: number): LaidParagraph {
  return { kind: 'paragraph', role: 'gap', format: format({ sizePt: 1, lineHeightPt: heightPt }), lines: [] };
}

/** The width of the longest line of a paragraph laid out from plain text. */
function longestLineMm(p: LaidParagraph): number {
  return Math.max(0, ...p.lines.map((line) => textWidthMm(line.map((r) => r.text).join(''), fontOf(p.format))));
}

/** Width of the marker of a list line ("- ", "1. ", "a) "): a wrapped line starts under the text after it. */
function listMarkerMm(text: string, f: ParagraphFormat): number {
  const marker = /^(-|\d+\.|[a-zđ]\))\s/u.exec(text)?.[0];
  return marker ? textWidthMm(marker, fontOf(f)) : 0;
}

function borderlessTable(role: TableRole, columnsMm: number[], rows: LaidRow[]): LaidTable {
  return { kind: 'table', role, columnsMm, rules: null, cellPaddingMm: { top: 0, bottom: 0, left: 0, right: 0 }, rows };
}

function row(cells: LaidParagraph[][], options: Partial<Omit<LaidRow, 'cells'>> = {}): LaidRow {
  return {
    cells: cells.map((paragraphs) => ({ paragraphs, verticalAlign: 'top' })),
    isHeader: false,
    cantSplit: false,
    exactHeightMm: null,
    ...options,
  };
}

function headerTable(doc: OfficialDocument, leftMm: number, rightMm: number): LaidTable {
  const { header } = doc;
  const left: LaidParagraph[] = [];
  if (header.parentAgency.trim()) {
    left.push(centredLines('parent-agency', format({ sizePt: SIZES_PT.parentAgency, align: 'center' }), header.parentAgency, leftMm));
  }
  const agency = centredLines('agency', format({ sizePt: SIZES_PT.agency, bold: true, align: 'center' }), header.agencyName, leftMm);
  left.push(agency, ruleParagraph('agency-rule', leftMm, longestLineMm(agency) * AGENCY_RULE_RATIO));

  const mottoFormat = format({ sizePt: SIZES_PT.motto, bold: true, align: 'center' });
  const right: LaidParagraph[] = [
    centredLines('national-title', format({ sizePt: SIZES_PT.nationalTitle, bold: true, align: 'center' }), NATIONAL_TITLE, rightMm),
    textParagraph('motto', mottoFormat, [MOTTO]),
    ruleParagraph('motto-rule', rightMm, textWidthMm(MOTTO, fontOf(mottoFormat))),
  ];

  // Second row, so that "Số:" and the date stand level whatever the height of the names above.
  const numberFormat = format({ sizePt: SIZES_PT.number, align: 'center', spaceBeforePt: 6 });
  const numberCell = [centredLines('number', numberFormat, header.numberLine, leftMm)];
  if (header.subjectLine.trim()) {
    // Decree: "V/v" 6 pt under the number.
    const subjectFormat = format({ sizePt: SIZES_PT.subject, align: 'center', spaceBeforePt: 6 });
    numberCell.push(centredLines('subject', subjectFormat, header.subjectLine, leftMm));
  }
  const dateFormat = format({ sizePt: SIZES_PT.placeDate, italic: true, align: 'center', spaceBeforePt: 6 });
  const dateCell = [centredLines('place-date', dateFormat, header.placeDateLine, rightMm)];
  const rows = [row([left, right], { cantSplit: true }), row([numberCell, dateCell], { cantSplit: true })];
  return borderlessTable('header', [leftMm, rightMm], rows);
}

function stampTable(doc: OfficialDocument): LaidTable[] {
  if (!doc.urgency) return [];
  const { label, widthMm, heightMm } = doc.urgency;
  const f = format({ sizePt: SIZES_PT.stamp, bold: true, color: STAMP_COLOR, align: 'center' });
  return [
    {
      kind: 'table',
      role: 'stamp',
      columnsMm: [widthMm],
      rules: { thicknessPt: 1, color: STAMP_COLOR },
      cellPaddingMm: { top: 0, bottom: 0, left: 0, right: 0 },
      rows: [
        {
          cells: [{ paragraphs: [textParagraph('stamp', f, [cleanText(label).toLocaleUpperCase('vi')])], verticalAlign: 'center' }],
          isHeader: false,
          cantSplit: true,
          exactHeightMm: heightMm,
        },
      ],
    },
  ];
}

function titleParagraphs(doc: OfficialDocument, textMm: number): LaidParagraph[] {
  if (!doc.title) return [];
  const typeFormat = format({ sizePt: SIZES_PT.title, bold: true, align: 'center', spaceBeforePt: 12, keepWithNext: true });
  const subject = textParagraph(
    'title-subject',
    format({ sizePt: SIZES_PT.title, bold: true, align: 'center', keepWithNext: true }),
    breakBalanced(cleanText(doc.title.subject), { sizePt: SIZES_PT.title, bold: true }, textMm * TITLE_SUBJECT_FILL),
  );
  return [
    textParagraph('title-type', typeFormat, [cleanText(doc.title.type).toLocaleUpperCase('vi')]),
    subject,
    ruleParagraph('title-rule', textMm, longestLineMm(subject) * TITLE_RULE_RATIO),
  ];
}

function recipientParagraphs(doc: OfficialDocument): LaidParagraph[] {
  const lines = (doc.recipients?.lines ?? []).map(cleanText).filter((l) => l.trim());
  if (lines.length === 0) return [];
  const base = { sizePt: SIZES_PT.recipients, lineHeightPt: BODY_LINE_HEIGHT_PT, align: 'left' as const };
  if (lines.length === 1) {
    // "Kính gửi: Sở Tài chính." on one line; a long name wraps under the name, not under "Kính gửi".
    const label = `${RECIPIENTS_LABEL} `;
    const hang = textWidthMm(label, { sizePt: SIZES_PT.recipients });
    const f = format({ ...base, spaceBeforePt: 12, indentLeftMm: RECIPIENTS_LABEL_INDENT_MM + hang, firstLineMm: -hang });
    return [textParagraph('recipient', f, [label + lines[0]])];
  }
  const label = textParagraph(
    'recipients-label',
    format({ ...base, spaceBeforePt: 12, indentLeftMm: RECIPIENTS_LABEL_INDENT_MM, keepWithNext: true }),
    [RECIPIENTS_LABEL],
  );
  return [
    label,
    ...lines.map((line, index) => {
      const hang = listMarkerMm(line, format(base));
      const keepWithNext = index < lines.length - 1;
      const f = format({ ...base, indentLeftMm: RECIPIENT_LINES_INDENT_MM + hang, firstLineMm: -hang, keepWithNext });
      return textParagraph('recipient', f, [line]);
    }),
  ];
}

const BODY_FORMAT = format({
  sizePt: SIZES_PT.body,
  lineHeightPt: BODY_LINE_HEIGHT_PT,
  spaceBeforePt: BODY_SPACE_BEFORE_PT,
  align: 'justify',
  firstLineMm: BODY_FIRST_LINE_INDENT_MM,
});

function bodyTable(block: TableBlock, textMm: number): LaidTable {
  const totalWeight = block.columnWeights.reduce((a, b) => a + b, 0) || 1;
  // Half of each outer rule lies outside the cells. Chromium clips what crosses the edge of
  // the text area (rounded to whole CSS pixels), so the table stays half a millimetre inside.
  const usableMm = textMm - RULED_TABLE_INSET_MM;
  const columnsMm = block.columnWeights.map((w) => (usableMm * w) / totalWeight);
  const rows = block.rows.map((cells, rowIndex) => {
    const isHeader = rowIndex < block.headerRows;
    const paragraphs = columnsMm.map((_, col) => {
      const cell = cells[col] ?? { runs: [] };
      const f = format({ sizePt: SIZES_PT.table, bold: isHeader, align: cell.align ?? (isHeader ? 'center' : 'left') });
      return [{ kind: 'paragraph' as const, role: 'table-cell' as const, format: f, lines: runsToLines(cell.runs) }];
    });
    return row(paragraphs, { isHeader, cantSplit: true });
  });
  return {
    kind: 'table',
    role: 'body-table',
    columnsMm,
    rules: { thicknessPt: BODY_TABLE_RULE_PT, color: BLACK },
    cellPaddingMm: { top: 0.5, bottom: 0.5, left: 1.5, right: 1.5 },
    rows,
  };
}

function bodyFlow(blocks: readonly Block[], textMm: number, firstSpaceBeforePt: number): FlowItem[] {
  return blocks.map((block, index): FlowItem => {
    const spaceBeforePt = index === 0 ? firstSpaceBeforePt : BODY_SPACE_BEFORE_PT;
    switch (block.kind) {
      case 'paragraph': {
        const indent = block.indent ?? 'firstLine';
        const firstLineMm = indent === 'firstLine' ? BODY_FIRST_LINE_INDENT_MM : 0;
        const f = { ...BODY_FORMAT, spaceBeforePt, align: block.align ?? 'justify', firstLineMm };
        return { kind: 'paragraph', role: 'body', format: f, lines: runsToLines(block.runs) };
      }
      case 'heading':
        return textParagraph('heading', { ...BODY_FORMAT, spaceBeforePt, bold: true, keepWithNext: true }, [cleanText(block.text)]);
      case 'table':
        return bodyTable(block, textMm);
    }
  });
}

function signatureTable(doc: OfficialDocument, leftMm: number, rightMm: number): LaidTable {
  // "Nơi nhận:" starts level with the capacity line (nd30 §3); both cells open with the same space.
  const opening = 12;
  const left: LaidParagraph[] = [];
  const items = doc.distribution.map(cleanText).filter((l) => l.trim());
  if (items.length > 0) {
    const labelFormat = format({ sizePt: SIZES_PT.distributionLabel, bold: true, italic: true, spaceBeforePt: opening });
    left.push(
      textParagraph('distribution-label', labelFormat, [DISTRIBUTION_LABEL]),
      ...items.map((item) => {
        const f = format({ sizePt: SIZES_PT.distributionItem });
        const hang = listMarkerMm(item, f);
        return textParagraph('distribution-item', { ...f, indentLeftMm: hang, firstLineMm: -hang }, [item]);
      }),
    );
  }
  const right: LaidParagraph[] = [];
  const signature = doc.signature;
  if (signature) {
    const upper = format({ sizePt: SIZES_PT.signature, bold: true, align: 'center' });
    const capacity: [ParagraphRole, string][] = [];
    if (signature.authority?.trim()) capacity.push(['signature-authority', signature.authority]);
    capacity.push(['signature-title', signature.title]);
    capacity.forEach(([role, text], index) => {
      right.push(centredLines(role, { ...upper, spaceBeforePt: index === 0 ? opening : 0 }, text.toLocaleUpperCase('vi'), rightMm));
    });
    const nameGap = SIGNATURE_GAP_LINES * singleLineHeightPt(SIZES_PT.signature);
    right.push(centredLines('signer-name', { ...upper, spaceBeforePt: nameGap }, signature.name, rightMm));
  }
  return borderlessTable('signature', [leftMm, rightMm], [row([left, right], { cantSplit: true })]);
}

/** Places the document on A4 paper by the decree's rules. */
export function layoutDocument(doc: OfficialDocument): LaidOutDocument {
  const margins = doc.page.marginsMm;
  const textMm = A4_MM.width - margins.left - margins.right;
  const leftMm = Math.round(textMm * HEADER_LEFT_FRACTION * 10) / 10;
  const rightMm = textMm - leftMm;

  const flow: FlowItem[] = [headerTable(doc, leftMm, rightMm)];
  const stamp = stampTable(doc);
  if (stamp.length > 0) flow.push(gapParagraph(6), ...stamp);
  flow.push(...titleParagraphs(doc, textMm), ...recipientParagraphs(doc));
  // A blank line's worth of space between the header (or "Kính gửi") and the first paragraph.
  flow.push(...bodyFlow(doc.body, textMm, 12));

  // The last words of the body stay on the page of the signature (no signature page on its own).
  const last = flow[flow.length - 1];
  if (last?.kind === 'paragraph' && last.role === 'body') last.format = { ...last.format, keepWithNext: true };
  flow.push(signatureTable(doc, leftMm, rightMm));

  return {
    description: cleanText(doc.description),
    page: { widthMm: A4_MM.width, heightMm: A4_MM.height, marginsMm: { ...margins }, headerDistanceMm: HEADER_DISTANCE_MM },
    pageNumber: format({ sizePt: SIZES_PT.pageNumber, align: 'center' }),
    flow: separateTables(flow),
  };
}

/** Two tables in a row would merge into one in Word; a small gap paragraph keeps them apart. */
function separateTables(flow: FlowItem[]): FlowItem[] {
  const result: FlowItem[] = [];
  for (const item of flow) {
    const previous = result[result.length - 1];
    if (item.kind === 'table' && previous?.kind === 'table') result.push(gapParagraph(6));
    result.push(item);
  }
  return result;
}
