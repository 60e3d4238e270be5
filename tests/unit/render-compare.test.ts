/**
 * The two renderings of one document agree: the .docx (as LibreOffice prints it) and the HTML
 * (as Chromium prints it) have the same pages and break the header's lines in the same places.
 * And the .docx says exactly what the real công văn 864 says.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { chromium } from 'playwright-core';
import demo from '../../resources/demo/kien-giang-2021.json' with { type: 'json' };
import { DEMO_DISPATCH_864 } from '../fixtures/dispatch-864.js';
import { OrganisationProfile } from '../../shared/domain/organisation.js';
import { buildCongVan } from '../../shared/documents/templates/cong-van.js';
import { renderHtml } from '../../shared/documents/render-html.js';
import { renderDocx } from '../../main/render/docx.js';
import { chromiumPath, renderPdf } from '../../main/render/pdf.js';
import { sharedFile } from '../support/shared-fixtures.js';

const run = promisify(execFile);
const profile = OrganisationProfile.parse(demo.profile);
const doc = buildCongVan(DEMO_DISPATCH_864, profile);

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

const missing = [
  ...(onPath('soffice') ? [] : ['soffice (LibreOffice)']),
  ...(fs.existsSync(chromiumPath()) ? [] : [`Chromium (${chromiumPath()})`]),
  ...(onPath('pdftotext') ? [] : ['pdftotext (poppler)']),
];
if (missing.length > 0) console.warn(`[bỏ qua] So sánh bản .docx và bản HTML cần: ${missing.join(', ')}.`);

/** Text lines of each page, as `pdftotext -layout` places them, with runs of spaces made one. */
async function pageLines(pdf: string): Promise<string[][]> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
  return stdout
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line.length > 0),
    )
    .filter((page) => page.length > 0);
}

describe.skipIf(missing.length > 0)('the .docx printed by LibreOffice and the HTML printed by Chromium', () => {
  let dir = '';
  let docxPages: string[][] = [];
  let htmlPages: string[][] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-render-compare-'));
    const docxFile = path.join(dir, 'cong-van-864.docx');
    fs.writeFileSync(docxFile, await renderDocx(doc));
    // A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
    const profileUrl = pathToFileURL(path.join(dir, 'lo-profile')).href;
    await run('soffice', [`-env:UserInstallation=${profileUrl}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile], {
      timeout: 120_000,
    });
    const htmlFile = path.join(dir, 'cong-van-864-html.pdf');
    fs.writeFileSync(htmlFile, await renderPdf(renderHtml(doc, { standalone: true })));
    docxPages = await pageLines(path.join(dir, 'cong-van-864.pdf'));
    htmlPages = await pageLines(htmlFile);
  }, 180_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('have the same number of pages (864 takes two)', () => {
    expect(docxPages.length).toBe(2);
    expect(htmlPages.length).toBe(docxPages.length);
  });

  it('break the header lines in the same places', () => {
    const header = (pages: string[][]): string[] => {
      const first = pages[0] ?? [];
      return first.slice(0, first.findIndex((line) => line.startsWith('Kính gửi')));
    };
    expect(header(docxPages).length).toBeGreaterThanOrEqual(6);
    expect(header(htmlPages)).toEqual(header(docxPages));
    expect(header(docxPages)).toContain('Số: 864/STTTT-TTBCBC Kiên Giang, ngày 03 tháng 8 năm 2021');
  });

  it('start every page with the same line, and number page 2 only', () => {
    expect(htmlPages.map((page) => page[0])).toEqual(docxPages.map((page) => page[0]));
    expect(docxPages[0]?.[0]).toMatch(/^UBND TỈNH KIÊN GIANG/);
    expect(docxPages[1]?.[0]).toBe('2');
  });
});

describe.skipIf(!fs.existsSync(chromiumPath()))('the lines under the agency and the motto, measured in Chromium', () => {
  it('are 1/3–1/2 of the agency text and as long as the motto (±10 %)', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      await page.setContent(renderHtml(doc, { standalone: true }));
      // Widths of the laid-out text (the longest line) and of the drawn lines, in CSS px.
      const widths = await page.evaluate(() => {
        const textWidth = (selector: string): number => {
          const element = document.querySelector(selector);
          if (!element) return NaN;
          const range = document.createRange();
          range.selectNodeContents(element);
          return Math.max(...Array.from(range.getClientRects()).map((r) => r.width));
        };
        const ruleWidth = (selector: string): number => document.querySelector(selector)?.getBoundingClientRect().width ?? NaN;
        return {
          agency: textWidth('.vt-agency'),
          agencyRule: ruleWidth('.vt-agency-rule'),
          motto: textWidth('.vt-motto'),
          mottoRule: ruleWidth('.vt-motto-rule'),
        };
      });
      const ratio = widths.agencyRule / widths.agency;
      expect(ratio).toBeGreaterThanOrEqual((1 / 3) * 0.9);
      expect(ratio).toBeLessThanOrEqual((1 / 2) * 1.1);
      expect(widths.mottoRule / widths.motto).toBeGreaterThanOrEqual(0.9);
      expect(widths.mottoRule / widths.motto).toBeLessThanOrEqual(1.1);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

/** Words of a text, with the closing mark written one way ("tỉnh. /." and "tỉnh./." alike). */
function words(text: string): string[] {
  return text
    .replace(/\.?\s*\/\./g, './.')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** The text of every paragraph of document.xml, in order, one paragraph a line. */
async function docxText(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const decode = (s: string): string =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((p) =>
    [...(p[1] ?? '').matchAll(/<w:br\/>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => (t[0] === '<w:br/>' ? ' ' : decode(t[1] ?? ''))).join(''),
  );
}

describe('the words of the .docx', () => {
  it('are the words of the real công văn 864, apart from the signer title line', async () => {
    const seedFile = sharedFile('seed', 'cong-van-864-STTTT-TTBCBC.txt');
    if (!seedFile) return;
    const seed = fs.readFileSync(seedFile, 'utf8').normalize('NFC').replace(/\*\*|\*/g, '');
    const paragraphs = await docxText(await renderDocx(doc));
    // The seed, copied from the signed paper, lost the title line above the signature.
    const titleIndex = paragraphs.indexOf('GIÁM ĐỐC');
    expect(titleIndex).toBeGreaterThan(0);
    const withoutTitle = paragraphs.filter((_, i) => i !== titleIndex);
    expect(words(withoutTitle.join('\n'))).toEqual(words(seed));
  });
});
