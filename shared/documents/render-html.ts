/**
 * The document as HTML: an A4 sheet at true size (mm and pt), for the renderer's live preview
 * and, standalone, for the .html export and for Chromium to print to PDF. Pure: no DOM, no
 * Node. All text is escaped; the output has no scripts, so it works under a CSP without
 * 'unsafe-eval' or inline scripts (it needs style-src 'unsafe-inline' for its style attributes).
 */
import type { OfficialDocument, Run } from './model.js';
import {
  FONT_FAMILY,
  layoutDocument,
  type FlowItem,
  type LaidOutDocument,
  type LaidParagraph,
  type LaidTable,
  type ParagraphFormat,
} from './layout.js';

/** Times New Roman, then its metric-compatible substitutes, so lines break the same everywhere. */
export const CSS_FONT_STACK = `"${FONT_FAMILY}", Tinos, "Liberation Serif", serif`;

/**
 * Styles shared by every document. The preview injects this once (in a <style> element); the
 * standalone page embeds it. Per-element measurements are style attributes from the layout;
 * the page margins come in as custom properties on the sheet.
 */
export const DOCUMENT_CSS = `
.vt-sheet {
  box-sizing: border-box;
  width: 210mm;
  min-height: 297mm;
  padding: var(--vt-margin-top) var(--vt-margin-right) var(--vt-margin-bottom) var(--vt-margin-left);
  background: #fff;
  color: #000;
  font-family: ${CSS_FONT_STACK};
  font-size: 14pt;
  line-height: normal;
  text-align: left;
  /* Word sets text without kerning or ligatures; so must we, or lines would break elsewhere. */
  font-kerning: none;
  font-variant-ligatures: none;
  hyphens: manual;
  overflow-wrap: break-word;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.vt-sheet p { margin: 0; padding: 0; orphans: 2; widows: 2; }
.vt-sheet table { border-collapse: collapse; table-layout: fixed; border-spacing: 0; margin: 0; }
.vt-sheet td { vertical-align: top; overflow-wrap: break-word; }
.vt-sheet tr.vt-keep { break-inside: avoid; }
.vt-sheet .vt-keep-next { break-after: avoid; }
@media print {
  .vt-sheet { width: auto; min-height: 0; padding: 0; box-shadow: none; }
}
`;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Keeps runs of spaces (the blanks left for hand-writing) from collapsing, but still breakable. */
function preserveSpaces(html: string): string {
  return html.replace(/ {2,}/g, (spaces) => '\u00a0'.repeat(spaces.length - 1) + ' ');
}

/** Numbers in CSS: short, no exponent, no "-0". */
function n(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function paragraphStyle(f: ParagraphFormat): string {
  const rules = [
    `font-size:${n(f.sizePt)}pt`,
    `line-height:${n(f.lineHeightPt)}pt`,
    `text-align:${f.align}`,
    // Word's "space before" vanishes at the top of a page as a CSS margin does; "after" is padding so the two never collapse.
    `margin:${n(f.spaceBeforePt)}pt ${n(f.indentRightMm)}mm 0 ${n(f.indentLeftMm)}mm`,
    `padding-bottom:${n(f.spaceAfterPt)}pt`,
  ];
  if (f.firstLineMm !== 0) rules.push(`text-indent:${n(f.firstLineMm)}mm`);
  if (f.bold) rules.push('font-weight:700');
  if (f.italic) rules.push('font-style:italic');
  if (f.color !== '000000') rules.push(`color:#${f.color}`);
  // An empty paragraph still has its line's height, as in Word.
  rules.push(`min-height:${n(f.lineHeightPt)}pt`);
  if (f.bottomRulePt !== null) rules.push(`height:${n(f.lineHeightPt)}pt`, `border-bottom:${n(f.bottomRulePt)}pt solid #000`);
  return rules.join(';');
}

function runHtml(run: Run, f: ParagraphFormat): string {
  const text = preserveSpaces(escapeHtml(run.text));
  const styles: string[] = [];
  const bold = run.bold ?? f.bold;
  const italic = run.italic ?? f.italic;
  if (bold !== f.bold) styles.push(`font-weight:${bold ? 700 : 400}`);
  if (italic !== f.italic) styles.push(`font-style:${italic ? 'italic' : 'normal'}`);
  return styles.length > 0 ? `<span style="${styles.join(';')}">${text}</span>` : text;
}

function paragraphHtml(p: LaidParagraph): string {
  const classes = [`vt-p`, `vt-${p.role}`];
  if (p.format.keepWithNext) classes.push('vt-keep-next');
  const content = p.lines.map((line) => line.map((run) => runHtml(run, p.format)).join('')).join('<br>');
  return `<p class="${classes.join(' ')}" style="${paragraphStyle(p.format)}">${content}</p>`;
}

function tableHtml(t: LaidTable): string {
  const widthMm = t.columnsMm.reduce((a, b) => a + b, 0);
  const border = t.rules ? `${n(t.rules.thicknessPt)}pt solid #${t.rules.color}` : 'none';
  const pad = t.cellPaddingMm;
  const cols = t.columnsMm.map((w) => `<col style="width:${n(w)}mm">`).join('');
  const header: string[] = [];
  const body: string[] = [];
  for (const row of t.rows) {
    const height = row.exactHeightMm === null ? '' : ` style="height:${n(row.exactHeightMm)}mm"`;
    const padding = `${n(pad.top)}mm ${n(pad.right)}mm ${n(pad.bottom)}mm ${n(pad.left)}mm`;
    const cells = row.cells
      .map((cell) => {
        const style = `border:${border};padding:${padding};vertical-align:${cell.verticalAlign === 'center' ? 'middle' : 'top'}`;
        return `<td style="${style}">${cell.paragraphs.map(paragraphHtml).join('')}</td>`;
      })
      .join('');
    (row.isHeader ? header : body).push(`<tr${row.cantSplit ? ' class="vt-keep"' : ''}${height}>${cells}</tr>`);
  }
  const thead = header.length > 0 ? `<thead>${header.join('')}</thead>` : '';
  const table = `<table class="vt-table vt-table-${t.role}" style="width:${n(widthMm)}mm">`;
  return `${table}<colgroup>${cols}</colgroup>${thead}<tbody>${body.join('')}</tbody></table>`;
}

function flowHtml(item: FlowItem): string {
  return item.kind === 'paragraph' ? paragraphHtml(item) : tableHtml(item);
}

function sheetHtml(layout: LaidOutDocument): string {
  const m = layout.page.marginsMm;
  const vars = [
    `--vt-margin-top:${n(m.top)}mm`,
    `--vt-margin-right:${n(m.right)}mm`,
    `--vt-margin-bottom:${n(m.bottom)}mm`,
    `--vt-margin-left:${n(m.left)}mm`,
  ].join(';');
  return `<div class="vt-sheet" lang="vi" style="${vars}">${layout.flow.map(flowHtml).join('')}</div>`;
}

/** The @page rules: A4, the margins, and the page number centred at the top from page 2 on (nd30 §1). */
export function pageCss(layout: LaidOutDocument): string {
  const m = layout.page.marginsMm;
  const f = layout.pageNumber;
  return `
@page {
  size: ${n(layout.page.widthMm)}mm ${n(layout.page.heightMm)}mm;
  margin: ${n(m.top)}mm ${n(m.right)}mm ${n(m.bottom)}mm ${n(m.left)}mm;
  @top-center {
    content: counter(page);
    font-family: ${CSS_FONT_STACK};
    font-size: ${n(f.sizePt)}pt;
    vertical-align: top;
    padding-top: ${n(layout.page.headerDistanceMm)}mm;
  }
}
@page :first { @top-center { content: none; } }
html, body { margin: 0; padding: 0; background: #fff; }
`;
}

export interface RenderHtmlOptions {
  /** A whole page (for .html files and PDF printing) instead of a fragment for the preview. */
  standalone?: boolean;
}

/**
 * The document as HTML. By default a fragment — one `.vt-sheet` element — to show inside a page
 * that has {@link DOCUMENT_CSS}; with `standalone`, a complete page with its own styles and the
 * print rules (page size, margins, page numbers).
 */
export function renderHtml(doc: OfficialDocument, options: RenderHtmlOptions = {}): string {
  const layout = layoutDocument(doc);
  const sheet = sheetHtml(layout);
  if (!options.standalone) return sheet;
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(layout.description)}</title>`,
    `<style>${DOCUMENT_CSS}${pageCss(layout)}</style>`,
    '</head>',
    `<body>${sheet}</body>`,
    '</html>',
    '',
  ].join('\n');
}
