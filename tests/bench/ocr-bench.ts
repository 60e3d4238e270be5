/**
 * OCR figures for `npm run bench`: seconds to read page 1 of a scan (render + recognise, with
 * unsure digits re-read), the median of 3 runs; and seconds per page of the background reading
 * of the pages after it (for search: no re-reading), over the fixture's pages 2–5. Uses the real Krông Nô scan from ../shared when it is there, else a
 * generated scan (a drawn công văn header, rotated, speckled, JPEG). Called by the lead's
 * bench script; it starts and stops its own OCR worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ocrImage, ocrPdfFirstPage, ocrPdfPageText, OCR_DPI, terminateOcr } from '../../main/intake/ocr.js';
import { degradeToScan, scanPdf, syntheticPage } from '../support/scan-samples.js';

const RUNS = 3;
const SCAN = ['fixtures', 'real', 'tong-hop-BC-TCD-T5-2019_UBND-huyen-Krong-No_scan.pdf'];

/**
 * The shared fixture, found like tests/support/shared-fixtures.ts does ($VANTHU_SHARED, else
 * `shared` beside the project, which is the working directory of both vitest and the bench).
 * Not imported from there: that module imports vitest, which does not load outside its runner.
 */
function scanFixture(): string | null {
  const dir = process.env.VANTHU_SHARED || path.resolve(process.cwd(), '..', 'shared');
  const file = path.join(dir, ...SCAN);
  return fs.existsSync(file) ? file : null;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** Seconds per page to read pages 2…`pages` of `pdf` as the background queue does. */
async function backgroundSeconds(pdf: Buffer, pages: number): Promise<number> {
  const started = performance.now();
  for (let page = 2; page <= pages; page++) await ocrPdfPageText(pdf, page);
  return (performance.now() - started) / 1000 / (pages - 1);
}

export async function ocrBench(): Promise<{ ocrSecondsPerPage: number; ocrBackgroundSecondsPerPage: number; source: 'fixture' | 'generated'; confidence: number }> {
  const file = scanFixture();
  const seconds: number[] = [];
  let confidence = 0;
  let background: number;
  try {
    if (file) {
      const bytes = fs.readFileSync(file);
      for (let i = 0; i < RUNS; i++) {
        const r = await ocrPdfFirstPage(bytes);
        seconds.push(r.seconds);
        confidence = r.confidence;
      }
      background = await backgroundSeconds(bytes, 5);
    } else {
      const scan = await degradeToScan(syntheticPage(OCR_DPI), { seed: 3 });
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const r = await ocrImage(scan, { dpi: OCR_DPI });
        seconds.push((performance.now() - started) / 1000);
        confidence = r.confidence;
      }
      background = await backgroundSeconds(await scanPdf([scan, scan, scan]), 3);
    }
  } finally {
    await terminateOcr();
  }
  const round2 = (n: number): number => Math.round(n * 100) / 100;
  return { ocrSecondsPerPage: round2(median(seconds)), ocrBackgroundSecondsPerPage: round2(background), source: file ? 'fixture' : 'generated', confidence };
}
