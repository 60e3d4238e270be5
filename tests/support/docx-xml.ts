/**
 * A small reader for the parts of WordprocessingML the layout tests check: paragraphs with their
 * properties and runs, tables with their grid and cells, the page headers. Shared by the layout
 * tests of every document type (tests/unit/render-docx-layout.test.ts, report-bao-cao-layout.test.ts).
 */
import JSZip from 'jszip';
import { expect } from 'vitest';

export const TNR = 'Times New Roman';
export const MM_PER_TWIP = 25.4 / 1440;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? _);

/** The value of `attribute` on the first `<element …>` in `xml`, or undefined. */
export function attr(xml: string, element: string, attribute: string): string | undefined {
  const tag = new RegExp(`<${element}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!tag) return undefined;
  return new RegExp(`\\s${attribute}="([^"]*)"`).exec(tag)?.[1];
}

export function numAttr(xml: string, element: string, attribute: string): number | undefined {
  const value = attr(xml, element, attribute);
  return value === undefined ? undefined : Number(value);
}

/** An on/off property (w:b, w:i) is on when present without val="false"/"0". */
export function isOn(rPr: string, element: string): boolean {
  const tag = new RegExp(`<${element}(?=[\\s/>])[^>]*>`).exec(rPr)?.[0];
  return tag !== undefined && !/w:val="(false|0|off)"/.test(tag);
}

export interface Run {
  rPr: string;
  text: string;
}

export interface Para {
  xml: string;
  pPr: string;
  runs: Run[];
  /** Text with line breaks as "\n". */
  text: string;
}

export function paragraphs(xml: string): Para[] {
  const result: Para[] = [];
  for (const match of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p\/>/g)) {
    const inner = match[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const runs: Run[] = [];
    let text = '';
    for (const r of inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
      const body = r[1] ?? '';
      let runText = '';
      for (const piece of body.matchAll(/<w:br\/>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) {
        runText += piece[0] === '<w:br/>' ? '\n' : decode(piece[1] ?? '');
      }
      runs.push({ rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? '', text: runText });
      text += runText;
    }
    result.push({ xml: match[0], pPr, runs, text });
  }
  return result;
}

export interface Tbl {
  xml: string;
  width: number;
  grid: number[];
  rows: { xml: string; cells: { width: number; xml: string; paragraphs: Para[] }[] }[];
}

export function tables(xml: string): Tbl[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => {
    const inner = m[1] ?? '';
    return {
      xml: inner,
      width: numAttr(inner, 'w:tblW', 'w:w') ?? NaN,
      grid: [...inner.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1])),
      rows: [...inner.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) => ({
        xml: row[1] ?? '',
        cells: [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => ({
          width: numAttr(cell[1] ?? '', 'w:tcW', 'w:w') ?? NaN,
          xml: cell[1] ?? '',
          paragraphs: paragraphs(cell[1] ?? ''),
        })),
      })),
    };
  });
}

/** Font size in points of a paragraph's runs (all must agree). */
export function sizePt(p: Para): number {
  const sizes = new Set(p.runs.filter((r) => r.text.trim()).map((r) => (numAttr(r.rPr, 'w:sz', 'w:val') ?? NaN) / 2));
  expect(sizes.size, `one size in "${p.text}"`).toBe(1);
  return [...sizes][0] ?? NaN;
}

export const allRuns = (p: Para, element: string): boolean => p.runs.filter((r) => r.text.trim()).every((r) => isOn(r.rPr, element));
export const noRun = (p: Para, element: string): boolean => p.runs.filter((r) => r.text.trim()).every((r) => !isOn(r.rPr, element));
export const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
export const isUpper = (s: string): boolean => s === s.toLocaleUpperCase('vi') && /\p{Lu}/u.test(s);

export interface Unpacked {
  document: string;
  settings: string;
  styles: string;
  theme: string;
  headers: Map<string, string>;
  paras: Para[];
  tbls: Tbl[];
}

export async function unpack(buffer: Buffer): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing ${name}`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const headers = new Map<string, string>();
  for (const ref of document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${ref[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${ref[2]}"`).exec(rels)?.[1];
    headers.set(ref[1] ?? '', await read(`word/${target}`));
  }
  return {
    document,
    settings: await read('word/settings.xml'),
    styles: await read('word/styles.xml'),
    theme: await read('word/theme/theme1.xml'),
    headers,
    paras: paragraphs(document),
    tbls: tables(document),
  };
}

export function find(paras: Para[], text: string): Para {
  const found = paras.find((p) => flat(p.text) === text);
  if (!found) throw new Error(`no paragraph "${text}" in: ${paras.map((p) => flat(p.text)).join(' | ')}`);
  return found;
}

/** Decree 30 (nd30 §1): page numbers centred at the top in 14 pt from page 2; page 1 has none. */
export function expectPageNumbersFromPage2(docx: Unpacked): void {
  const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(docx.document)?.[0] ?? '';
  expect(sect).toMatch(/<w:titlePg(\/| w:val="(true|1|on)"\/)>/);
  const numbered = docx.headers.get('default') ?? '';
  expect(numbered).toMatch(/<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
  const [numberParagraph] = paragraphs(numbered);
  expect(attr(numberParagraph?.pPr ?? '', 'w:jc', 'w:val')).toBe('center');
  const sizes = [...numbered.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2);
  expect(new Set(sizes)).toEqual(new Set([14]));
  const first = docx.headers.get('first');
  expect(first).toBeDefined();
  expect(first).not.toMatch(/PAGE|<w:t[ >]/);
  expect(docx.settings).not.toMatch(/<w:evenAndOddHeaders(\/| w:val="(true|1|on)"\/)>/);
}
