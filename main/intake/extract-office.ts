/**
 * Text and tables out of Office files: .docx and .pptx by walking their XML (read from the
 * zip with a size cap), .xlsx with exceljs, .doc with word-extractor. Each function throws on
 * a damaged file; extract turns that into a reason for the clerk.
 */
import ExcelJS from 'exceljs';
import WordExtractor from 'word-extractor';
import { fontClaimHolds, legacyFont, legacyRunToUnicode, type LegacyEncoding, type LegacyFont } from '../../shared/vn/legacy-encodings.js';
import { decodeEntities } from './text.js';
import { openZip, type ZipEntry } from './zip.js';

export interface OfficeText {
  text: string;
  tables: string[][][];
  /** Legacy encodings converted to Unicode because the text was set in their fonts (.docx, .pptx). */
  legacyEncodings: LegacyEncoding[];
}

/** No XML part of a real document comes near this; a bigger one is a bomb, not a report. */
const MAX_PART_BYTES = 64 * 1024 * 1024;
/** exceljs inflates the whole package in memory: refuse before that above this size. */
const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;

/** Reads the named parts of an OOXML package (those `wanted` picks), capped in size. */
async function readParts(bytes: Buffer, wanted: (path: string) => boolean): Promise<Map<string, string>> {
  const zip = await openZip(bytes);
  try {
    const parts = new Map<string, string>();
    const entries: ZipEntry[] = [];
    for await (const entry of zip.entries()) if (wanted(entry.path)) entries.push(entry);
    for (const entry of entries) parts.set(entry.path, (await zip.read(entry, MAX_PART_BYTES)).toString('utf8'));
    return parts;
  } finally {
    zip.close();
  }
}

const TOKEN = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[^>]*?(\/?)>|([^<]+)/g;

/** An attribute's value in a start tag (`w:val="…"` or with single quotes), entities decoded. */
function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace('.', '\\.')}=(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : null;
}

/**
 * The font of a <w:rFonts>: the "high ANSI" one, which draws the characters 0x80–0xFF that
 * TCVN3 and VNI use, else the ASCII one; a theme font is a modern one. Null: not set here.
 */
function runFontName(tag: string): string | null {
  return attribute(tag, 'w:hAnsi') ?? attribute(tag, 'w:ascii') ?? (attribute(tag, 'w:hAnsiTheme') ?? attribute(tag, 'w:asciiTheme') ? 'theme' : null);
}

/** The fonts a document's styles set (word/styles.xml): the default, and each style's with its parent. */
interface StyleFonts {
  defaultFont: string | null;
  /** The paragraph style of paragraphs that name none ("Normal"). */
  defaultParagraphStyle: string | null;
  styles: Map<string, { font: string | null; basedOn: string | null }>;
}

const NO_STYLES: StyleFonts = { defaultFont: null, defaultParagraphStyle: null, styles: new Map() };

function styleFonts(xml: string): StyleFonts {
  const out: StyleFonts = { defaultFont: null, defaultParagraphStyle: null, styles: new Map() };
  let inDefaults = false;
  let style: { font: string | null; basedOn: string | null } | null = null;
  for (const m of xml.matchAll(TOKEN)) {
    const [tag, close, prefix, name, selfClose] = m;
    if (prefix !== 'w:' || m[5] !== undefined) continue;
    const opening = close !== '/';
    if (name === 'docDefaults') inDefaults = opening && selfClose !== '/';
    else if (name === 'style') {
      style = null;
      const id = attribute(tag, 'w:styleId');
      if (opening && selfClose !== '/' && id !== null) {
        style = { font: null, basedOn: null };
        out.styles.set(id, style);
        if (attribute(tag, 'w:type') === 'paragraph' && /^(1|true|on)$/.test(attribute(tag, 'w:default') ?? '')) out.defaultParagraphStyle = id;
      }
    } else if (name === 'basedOn' && opening && style) style.basedOn = attribute(tag, 'w:val');
    else if (name === 'rFonts' && opening) {
      if (style) style.font ??= runFontName(tag);
      else if (inDefaults) out.defaultFont ??= runFontName(tag);
    }
  }
  return out;
}

/** A style's font, through its basedOn parents (cycles and overlong chains stop the search). */
function fontOfStyle(fonts: StyleFonts, id: string | null): string | null {
  for (let depth = 0; id !== null && depth < 20; depth++) {
    const style = fonts.styles.get(id);
    if (!style) return null;
    if (style.font !== null) return style.font;
    id = style.basedOn;
  }
  return null;
}

interface Segment {
  text: string;
  font: LegacyFont | null;
}

interface OpenRun {
  /** Set on the run itself (<w:rFonts>, <a:latin>). */
  font: string | null;
  /** Its character style (<w:rStyle>). */
  style: string | null;
}

/**
 * One pass over the XML. `convert` turns the text of a legacy font into Unicode; it is applied
 * to each paragraph's runs of the same font taken together, so a VNI letter whose mark landed
 * in the next run (Word splits runs at will) still converts.
 */
function walkOoxml(xml: string, ns: 'w' | 'a', fonts: StyleFonts, convert: (text: string, font: LegacyFont) => string): Omit<OfficeText, 'legacyEncodings'> {
  const body: string[] = [];
  const tables: string[][][] = [];
  const paragraphs: { segments: Segment[]; style: string | null }[] = [];
  const runs: OpenRun[] = [];
  const cells: string[][] = []; // paragraphs of each open cell, innermost last
  const openTables: string[][][] = [];
  let inText = false;
  let inTabStops = 0;
  let inParagraphProperties = 0;
  let inRunProperties = 0;
  let skip = 0;

  const deliver = (line: string): void => {
    (cells.at(-1) ?? body).push(line);
  };
  const fontNow = (): LegacyFont | null => {
    const run = runs.at(-1);
    const paragraph = paragraphs.at(-1);
    const name =
      run?.font ??
      fontOfStyle(fonts, run?.style ?? null) ??
      fontOfStyle(fonts, paragraph?.style ?? fonts.defaultParagraphStyle) ??
      fonts.defaultFont;
    return legacyFont(name);
  };
  const append = (s: string): void => {
    const segments = paragraphs.at(-1)?.segments;
    if (!segments) return;
    const font = fontNow();
    const last = segments.at(-1);
    if (last && last.font?.encoding === font?.encoding && last.font?.capitals === font?.capitals) last.text += s;
    else segments.push({ text: s, font });
  };
  const paragraphText = (segments: Segment[]): string => segments.map((g) => (g.font ? convert(g.text, g.font) : g.text)).join('');

  for (const m of xml.matchAll(TOKEN)) {
    const [tag, close, prefix, name, selfClose, text] = m;
    if (text !== undefined) {
      if (inText && skip === 0) append(decodeEntities(text));
      continue;
    }
    const closing = close === '/';
    const opening = !closing && selfClose !== '/';
    if (prefix === 'mc:' && name === 'Fallback') {
      if (opening) skip++;
      else if (closing) skip = Math.max(0, skip - 1);
      continue;
    }
    if (skip > 0 || prefix !== `${ns}:`) continue;
    switch (name) {
      case 't':
        inText = opening;
        break;
      case 'tabs':
        inTabStops += opening ? 1 : closing ? -1 : 0;
        break;
      case 'tab':
        if (!closing && inTabStops === 0) append('\t');
        break;
      case 'br':
      case 'cr':
        if (!closing) append('\n');
        break;
      case 'noBreakHyphen':
        if (!closing) append('-');
        break;
      case 'pPr':
        inParagraphProperties += opening ? 1 : closing ? -1 : 0;
        break;
      case 'pStyle': {
        const paragraph = paragraphs.at(-1);
        // ??=: a tracked formatting change (w:pPrChange) carries the old style after the current one.
        if (!closing && inParagraphProperties > 0 && paragraph) paragraph.style ??= attribute(tag, 'w:val');
        break;
      }
      case 'r':
        if (opening) runs.push({ font: null, style: null });
        else if (closing) runs.pop();
        break;
      case 'rPr':
        inRunProperties += opening ? 1 : closing ? -1 : 0;
        break;
      case 'rFonts':
      case 'latin': {
        // Run properties inside paragraph properties style the paragraph mark, not the text.
        const run = runs.at(-1);
        if (!closing && run && inRunProperties > 0 && inParagraphProperties === 0) {
          run.font ??= name === 'latin' ? attribute(tag, 'typeface') : runFontName(tag); // the first: w:rPrChange holds the old one
        }
        break;
      }
      case 'rStyle': {
        const run = runs.at(-1);
        if (!closing && run && inParagraphProperties === 0) run.style ??= attribute(tag, 'w:val');
        break;
      }
      case 'p':
        if (opening) paragraphs.push({ segments: [], style: null });
        else if (closing) deliver(paragraphText(paragraphs.pop()?.segments ?? []).replace(/[ \t]+$/, ''));
        else deliver('');
        break;
      case 'tbl':
        if (opening) openTables.push([]);
        else if (closing) {
          const rows = openTables.pop() ?? [];
          tables.push(rows);
          for (const row of rows) deliver(row.join('\t'));
        }
        break;
      case 'tr':
        if (opening) openTables.at(-1)?.push([]);
        break;
      case 'tc':
        if (opening) cells.push([]);
        else if (closing) openTables.at(-1)?.at(-1)?.push((cells.pop() ?? []).join('\n').trim());
        break;
    }
  }
  const text = body.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  // Tables were collected as they closed: inner tables first. Outer-first reads better.
  return { text, tables: tables.reverse() };
}

/**
 * The text of WordprocessingML (prefix "w") or DrawingML (prefix "a"): one line per
 * paragraph, table rows as lines of tab-separated cells, and the tables themselves.
 * Only text inside <t> elements counts, so field codes and deleted text stay out; the
 * fallback copy of a drawing (mc:Fallback, for old Word versions) is skipped, or text
 * boxes would be read twice.
 *
 * Text set in a TCVN3 font (.VnTime, .VnTimeH…) or a VNI font (VNI-Times…), by the run, its
 * character style, its paragraph's style or the document's default (`styles`), is converted
 * to Unicode by that font's table, run by run; runs in other fonts are left as they are.
 * When most of the text in such fonts is Unicode already (an old template typed over in
 * Unicode), the font names are not believed and nothing is converted here.
 */
export function ooxmlText(xml: string, ns: 'w' | 'a', styles: StyleFonts = NO_STYLES): OfficeText {
  const claimed: Record<LegacyEncoding, string[]> = { tcvn3: [], vni: [] };
  const plain = walkOoxml(xml, ns, styles, (text, font) => {
    claimed[font.encoding].push(text);
    return text;
  });
  const believed = (['tcvn3', 'vni'] as const).filter((e) => claimed[e].length > 0 && fontClaimHolds(claimed[e].join('\n'), e));
  if (believed.length === 0) return { ...plain, legacyEncodings: [] };
  const converted = new Set<LegacyEncoding>();
  const content = walkOoxml(xml, ns, styles, (text, font) => {
    if (!believed.includes(font.encoding)) return text;
    const unicode = legacyRunToUnicode(text, font);
    if (unicode !== text) converted.add(font.encoding);
    return unicode;
  });
  return { ...content, legacyEncodings: [...converted] };
}

/** The main document part named in [Content_Types].xml (usually word/document.xml). */
function mainDocumentPart(contentTypes: string | undefined): string {
  const m = /PartName="\/([^"]+)"\s+ContentType="application\/vnd\.(?:openxmlformats-officedocument\.wordprocessingml\.document|ms-word\.document\.macroEnabled|openxmlformats-officedocument\.wordprocessingml\.template)\.main\+xml"/.exec(
    contentTypes ?? '',
  );
  return m?.[1] ?? 'word/document.xml';
}

export async function docxText(bytes: Buffer): Promise<OfficeText> {
  const types = await readParts(bytes, (p) => p === '[Content_Types].xml');
  const main = mainDocumentPart(types.get('[Content_Types].xml'));
  // The styles part sits beside the main part (word/styles.xml) in every package Word writes.
  const stylesPart = `${main.slice(0, main.lastIndexOf('/') + 1)}styles.xml`;
  const parts = await readParts(bytes, (p) => p === main || p === stylesPart);
  const xml = parts.get(main);
  if (xml === undefined) throw new Error(`missing ${main}`);
  const styles = parts.get(stylesPart);
  return ooxmlText(xml, 'w', styles === undefined ? NO_STYLES : styleFonts(styles));
}

export async function pptxText(bytes: Buffer): Promise<OfficeText> {
  const parts = await readParts(bytes, (p) => /^ppt\/slides\/slide\d+\.xml$/.test(p));
  if (parts.size === 0) throw new Error('no slides');
  const number = (p: string): number => Number(/(\d+)\.xml$/.exec(p)?.[1] ?? 0);
  const slides = [...parts.entries()].sort(([a], [b]) => number(a) - number(b)).map(([, xml]) => ooxmlText(xml, 'a'));
  return {
    text: slides.map((s) => s.text).join('\n\n'),
    tables: slides.flatMap((s) => s.tables),
    legacyEncodings: [...new Set(slides.flatMap((s) => s.legacyEncodings))],
  };
}

/** Dates as Vietnamese write them; exceljs gives them as UTC instants. */
function dateText(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return ''; // shown once, in the master cell
  const value = cell.value;
  if (value instanceof Date) return dateText(value);
  if (value && typeof value === 'object' && 'result' in value && value.result instanceof Date) return dateText(value.result);
  return cell.text.trim();
}

export async function xlsxText(bytes: Buffer): Promise<OfficeText> {
  const zip = await openZip(bytes);
  let unpacked = 0;
  try {
    for await (const entry of zip.entries()) unpacked += entry.uncompressedSize;
  } finally {
    zip.close();
  }
  if (unpacked > MAX_WORKBOOK_BYTES) throw new Error('workbook too large');
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const lines: string[] = [];
  const tables: string[][][] = [];
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      rows.push(cells);
    });
    while (rows.length > 0 && rows.at(-1)?.length === 0) rows.pop();
    if (rows.length === 0) return;
    tables.push(rows);
    lines.push(sheet.name, ...rows.map((cells) => cells.join('\t')), '');
  });
  return { text: lines.join('\n').trim(), tables, legacyEncodings: [] };
}

export async function docText(bytes: Buffer): Promise<OfficeText> {
  const document = await new WordExtractor().extract(bytes);
  const body = document.getBody();
  const boxes = document.getTextboxes({ includeHeadersAndFooters: false }).trim();
  const text = [body, boxes]
    .filter((s) => s.trim() !== '')
    .join('\n')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // word-extractor gives no font names: legacy text in a .doc is found by statistics (extract.ts).
  return { text, tables: [], legacyEncodings: [] };
}
