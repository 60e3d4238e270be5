/**
 * Text and tables out of Office files: .docx and .pptx by walking their XML (read from the
 * zip with a size cap), .xlsx with exceljs, .doc with word-extractor. Each function throws on
 * a damaged file; extract turns that into a reason for the clerk.
 */
import ExcelJS from 'exceljs';
import WordExtractor from 'word-extractor';
import { decodeEntities } from './text.js';
import { openZip, type ZipEntry } from './zip.js';

export interface OfficeText {
  text: string;
  tables: string[][][];
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

/**
 * The text of WordprocessingML (prefix "w") or DrawingML (prefix "a"): one line per
 * paragraph, table rows as lines of tab-separated cells, and the tables themselves.
 * Only text inside <t> elements counts, so field codes and deleted text stay out; the
 * fallback copy of a drawing (mc:Fallback, for old Word versions) is skipped, or text
 * boxes would be read twice.
 */
export function ooxmlText(xml: string, ns: 'w' | 'a'): OfficeText {
  const body: string[] = [];
  const tables: string[][][] = [];
  const paragraphs: string[] = [];
  const cells: string[][] = []; // paragraphs of each open cell, innermost last
  const openTables: string[][][] = [];
  let inText = false;
  let inTabStops = 0;
  let skip = 0;

  const deliver = (line: string): void => {
    (cells.at(-1) ?? body).push(line);
  };
  const append = (s: string): void => {
    if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] += s;
  };

  for (const m of xml.matchAll(TOKEN)) {
    const [, close, prefix, name, selfClose, text] = m;
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
      case 'p':
        if (opening) paragraphs.push('');
        else if (closing) deliver((paragraphs.pop() ?? '').replace(/[ \t]+$/, ''));
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
  const xml = (await readParts(bytes, (p) => p === main)).get(main);
  if (xml === undefined) throw new Error(`missing ${main}`);
  return ooxmlText(xml, 'w');
}

export async function pptxText(bytes: Buffer): Promise<OfficeText> {
  const parts = await readParts(bytes, (p) => /^ppt\/slides\/slide\d+\.xml$/.test(p));
  if (parts.size === 0) throw new Error('no slides');
  const number = (p: string): number => Number(/(\d+)\.xml$/.exec(p)?.[1] ?? 0);
  const slides = [...parts.entries()].sort(([a], [b]) => number(a) - number(b)).map(([, xml]) => ooxmlText(xml, 'a'));
  return { text: slides.map((s) => s.text).join('\n\n'), tables: slides.flatMap((s) => s.tables) };
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
  return { text: lines.join('\n').trim(), tables };
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
  return { text, tables: [] };
}
