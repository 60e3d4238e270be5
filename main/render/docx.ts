/**
 * The document as .docx (Word 2013+ format) with the `docx` package: it prints the layout of
 * shared/documents/layout.ts, the same one the HTML preview and the PDF come from, so this file
 * makes no layout decisions of its own — it only translates millimetres, points and borders
 * into WordprocessingML.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import {
  FONT_FAMILY,
  layoutDocument,
  type Align,
  type FlowItem,
  type LaidParagraph,
  type LaidTable,
  type ParagraphFormat,
} from '../../shared/documents/layout.js';
import type { OfficialDocument } from '../../shared/documents/model.js';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
const pointTwips = (pt: number): number => Math.round(pt * 20);
const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Border widths are in eighths of a point; Word accepts 2–96. */
const eighths = (pt: number): number => Math.min(96, Math.max(2, Math.round(pt * 8)));

/** All four font slots, so that no script falls back to a theme font. */
const FONT = { ascii: FONT_FAMILY, hAnsi: FONT_FAMILY, cs: FONT_FAMILY, eastAsia: FONT_FAMILY };
const LANGUAGE = { value: 'vi-VN' };

const ALIGNMENT: Readonly<Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function runOptions(f: ParagraphFormat): { font: typeof FONT; size: number; color: string } {
  return { font: FONT, size: halfPoints(f.sizePt), color: f.color };
}

function paragraph(p: LaidParagraph): Paragraph {
  const f = p.format;
  const children: ParagraphChild[] = [];
  p.lines.forEach((line, lineIndex) => {
    const breakBefore = lineIndex > 0 ? 1 : undefined;
    if (line.length === 0 && breakBefore) children.push(new TextRun({ ...runOptions(f), break: breakBefore }));
    line.forEach((run, runIndex) => {
      children.push(
        new TextRun({
          ...runOptions(f),
          text: run.text,
          bold: run.bold ?? f.bold,
          italics: run.italic ?? f.italic,
          break: runIndex === 0 ? breakBefore : undefined,
        }),
      );
    });
  });
  const border: IBorderOptions | undefined =
    f.bottomRulePt === null ? undefined : { style: BorderStyle.SINGLE, size: eighths(f.bottomRulePt), color: '000000', space: 0 };
  return new Paragraph({
    children,
    alignment: ALIGNMENT[f.align],
    spacing: {
      before: pointTwips(f.spaceBeforePt),
      after: pointTwips(f.spaceAfterPt),
      line: pointTwips(f.lineHeightPt),
      lineRule: LineRuleType.EXACT,
    },
    indent: {
      left: twips(f.indentLeftMm),
      right: twips(f.indentRightMm),
      ...(f.firstLineMm > 0 ? { firstLine: twips(f.firstLineMm) } : f.firstLineMm < 0 ? { hanging: twips(-f.firstLineMm) } : {}),
    },
    ...(border ? { border: { bottom: border } } : {}),
    // Only what is set: Word and LibreOffice read an absent flag as off.
    keepNext: f.keepWithNext || undefined,
    widowControl: true,
    // The paragraph mark's size sets an empty paragraph's height in some readers; keep it with the text.
    run: { ...runOptions(f), bold: f.bold, italics: f.italic },
  });
}

/** Column widths in twips that add up exactly to the table's width (tblGrid, tblW and tcW must agree). */
function columnTwips(columnsMm: readonly number[]): number[] {
  const total = twips(columnsMm.reduce((a, b) => a + b, 0));
  const widths = columnsMm.map(twips);
  const drift = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + drift;
  return widths;
}

function table(t: LaidTable): Table {
  const widths = columnTwips(t.columnsMm);
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const rule: IBorderOptions | null = t.rules
    ? { style: BorderStyle.SINGLE, size: eighths(t.rules.thicknessPt), color: t.rules.color }
    : null;
  const borders = rule
    ? { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule }
    : TableBorders.NONE;
  const pad = t.cellPaddingMm;
  return new Table({
    width: { size: tableWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    indent: { size: 0, type: WidthType.DXA },
    borders,
    margins: { top: twips(pad.top), bottom: twips(pad.bottom), left: twips(pad.left), right: twips(pad.right) },
    rows: t.rows.map(
      (row) =>
        new TableRow({
          cantSplit: row.cantSplit || undefined,
          tableHeader: row.isHeader || undefined,
          ...(row.exactHeightMm === null ? {} : { height: { value: twips(row.exactHeightMm), rule: HeightRule.EXACT } }),
          children: row.cells.map(
            (cell, index) =>
              new TableCell({
                width: { size: widths[index] ?? 0, type: WidthType.DXA },
                verticalAlign: cell.verticalAlign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
                // A cell must end with a paragraph: an empty cell gets an empty one.
                children: cell.paragraphs.length > 0 ? cell.paragraphs.map(paragraph) : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}

function flowElement(item: FlowItem): Paragraph | Table {
  return item.kind === 'paragraph' ? paragraph(item) : table(item);
}

/** Renders the document to the bytes of a .docx file. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const layout = layoutDocument(doc);
  const { page } = layout;
  const numberFormat = layout.pageNumber;
  const pageNumberParagraph = new Paragraph({
    alignment: ALIGNMENT[numberFormat.align],
    spacing: { before: 0, after: 0, line: pointTwips(numberFormat.lineHeightPt), lineRule: LineRuleType.EXACT },
    children: [new TextRun({ ...runOptions(numberFormat), children: [PageNumber.CURRENT] })],
  });
  const body = layout.flow.map(flowElement);
  // Word ends a document with a paragraph; after the signature table it adds one of its own,
  // a full line high, which can push an empty page. This one is 1 pt.
  body.push(new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, run: { size: 2, font: FONT } }));

  const document = new Document({
    title: layout.description,
    creator: 'VănThư',
    lastModifiedBy: 'VănThư',
    compatibility: { version: 15 },
    theme: { fonts: { headings: FONT_FAMILY, body: FONT_FAMILY } },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: halfPoints(14), language: LANGUAGE },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.widthMm), height: twips(page.heightMm), orientation: PageOrientation.PORTRAIT },
            margin: {
              top: twips(page.marginsMm.top),
              bottom: twips(page.marginsMm.bottom),
              left: twips(page.marginsMm.left),
              right: twips(page.marginsMm.right),
              header: twips(page.headerDistanceMm),
              footer: twips(page.headerDistanceMm),
              gutter: 0,
            },
          },
          // Decree: no number on page 1 — a different (empty) first-page header.
          titlePage: true,
        },
        headers: {
          default: new Header({ children: [pageNumberParagraph] }),
          first: new Header({ children: [new Paragraph({ run: { font: FONT, size: halfPoints(numberFormat.sizePt) } })] }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
