import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithShared } from '../support/shared-fixtures.js';
import { degradeToScan, SYNTHETIC_HEADER, syntheticPage } from '../support/scan-samples.js';
import {
  LOW_CONFIDENCE,
  lowConfidenceSpans,
  maskLowConfidence,
  ocrImage,
  ocrPdfFirstPage,
  renderPdfPage,
  terminateOcr,
  type OcrResult,
} from '../../main/intake/ocr.js';
import { fold } from '../../shared/vn/fold.js';
import { answerSubject, kienLuongAnswer } from '../support/report-samples.js';
import { renderHtml } from '../../shared/documents/render-html.js';
import { chromiumPath, renderPdf } from '../../main/render/pdf.js';

/**
 * OCR of scans (tesseract.js, Vietnamese model, offline). Recognition takes seconds a page,
 * hence the long timeouts. Measured here (2 cores, idle): ~0.6 s to render a page at 200 dpi,
 * ~2.4 s to read it, ~0.05 s per re-read word; the first page also starts the worker (~0.5 s).
 * Other test files running alongside easily double these. 300 dpi read no better on the Krông
 * Nô scan (itself a 200-dpi scan) and took ~30 % longer.
 */

const OCR_TIMEOUT = 60_000;

/** Folded, with runs of white space collapsed: exact letters, forgiving on marks and spacing. */
const key = (text: string): string => fold(text).replace(/\s+/g, ' ').trim();
/** `key`, also without the space after ':' (OCR reads "Số:25" as often as "Số: 25"). */
const tight = (text: string): string => key(text).replace(/\s*([:/])\s*/g, '$1');

afterAll(() => terminateOcr());

describeWithShared('OCR of a real scan (UBND huyện Krông Nô, tiếp công dân 5/2019)', (dir) => {
  const file = path.join(dir, 'fixtures', 'real', 'tong-hop-BC-TCD-T5-2019_UBND-huyen-Krong-No_scan.pdf');
  let result: OcrResult & { seconds: number };

  beforeAll(async () => {
    result = await ocrPdfFirstPage(fs.readFileSync(file));
    console.log(`[ocr] ${result.seconds.toFixed(1)} s/trang (trang 1 bản quét Krông Nô, kể cả khởi động), độ tin cậy ${result.confidence}`);
    for (const line of result.lines.slice(0, 8)) console.log(`[ocr]   ${line.confidence.toFixed(0).padStart(3)}  ${line.text}`);
  }, OCR_TIMEOUT);

  it('finds the issuing agency', () => {
    // Scanned headers spell the place "Krông" or "K-rông"; the agency is one or two lines.
    const text = key(result.lines.map((l) => l.text).join(' ')).replace(/k\s*-\s*rong/g, 'krong');
    expect(text).toMatch(/uy ban nhan dan huyen krong no|ubnd huyen krong no/);
  });

  it('finds the symbol, the month and the year', () => {
    const text = key(result.text);
    expect(text).toContain('bc-ubnd');
    expect(text).toMatch(/thang 0?5 nam 2019/);
  });

  it('reads the hand-written number as 177 or not at all, never as another number', () => {
    // The number 177 is written by hand after "Số:". What the recogniser reads is the masked
    // text: digits tesseract was not sure of are '?'.
    const masked = maskLowConfidence(result.lines);
    const line = masked.split('\n').find((l) => /BC-UBND/i.test(l) && /^\s*s[oốô]\s*[:.]/i.test(l));
    expect(line, masked).toBeDefined();
    const number = (line ?? '').replace(/^\s*s[oốô]\s*[:.]\s*/i, '').split(/BC-UBND/i)[0] ?? '';
    const digits = number.replace(/\D/g, '');
    expect(['', '177']).toContain(digits);
    // And the raw reading of that word is flagged, so a recogniser that reads `lines` itself
    // can see it too.
    const spans = lowConfidenceSpans(result.lines);
    const raw = result.lines.find((l) => /BC-UBND/i.test(l.text) && /^\s*s[oốô]\s*[:.]/i.test(l.text));
    const rawDigits = (raw?.text.split(/BC-UBND/i)[0] ?? '').replace(/\D/g, '');
    if (rawDigits !== '' && rawDigits !== '177') expect(spans.some((s) => /BC-UBND/i.test(s.text) || /\d/.test(s.text))).toBe(true);
  });

  it('does not make up the hand-written day either', () => {
    const masked = key(maskLowConfidence(result.lines));
    const m = /ngay\s*(\S*)\s*thang 0?5 nam 2019/.exec(masked);
    expect(m).not.toBeNull();
    expect(['', '17']).toContain((m?.[1] ?? '').replace(/\D/g, ''));
  });
});

const SUBJECT = answerSubject(2021);

describe('OCR round trip: our own công văn, printed, "scanned" and read back', () => {
  it(
    'returns the number and symbol, the date and the subject',
    async () => {
      if (!fs.existsSync(chromiumPath())) {
        console.log(`Bỏ qua vòng OCR: không có Chromium ở ${chromiumPath()}.`);
        return;
      }
      const pdf = await renderPdf(renderHtml(kienLuongAnswer(25, 2021), { standalone: true }));
      const started = performance.now();
      const page = await renderPdfPage(pdf, 1, 200);
      const scan = await degradeToScan(page.png, { degrees: 0.5, seed: 25 });
      const result = await ocrImage(scan, { dpi: 200 });
      console.log(`[ocr] ${((performance.now() - started) / 1000).toFixed(1)} s/trang (công văn in lại, 200 dpi), độ tin cậy ${result.confidence}`);
      for (const line of result.lines.slice(0, 8)) console.log(`[ocr]   ${line.confidence.toFixed(0).padStart(3)}  ${line.text}`);

      const exact = result.lines.map((l) => l.text);
      // Exact, diacritics included, where this machine reads them exactly (checked on every run):
      const exactHits = ['Số: 25/UBND-VHTT', 'Kiên Lương, ngày 08 tháng 11 năm 2021'].filter((l) => exact.some((e) => tight(e) === tight(l) && e.replace(/\s*:\s*/g, ': ') === l));
      console.log(`[ocr] đúng từng dấu: ${exactHits.length}/2 dòng đầu`);
      // Folded: letters and digits exact, tone marks and spacing forgiven.
      const folded = exact.map(tight);
      expect(folded).toContain(tight('Số: 25/UBND-VHTT'));
      expect(folded).toContain(tight('Kiên Lương, ngày 08 tháng 11 năm 2021'));
      // The subject wraps in the header's left column: its lines are read in order.
      expect(tight(exact.join(' '))).toContain(tight(`V/v ${SUBJECT}`));
      // Printed text is read with confidence: nothing in these lines would be masked.
      const header = result.lines.filter((l) => /UBND-VHTT|ngày 08|V\/v/.test(l.text));
      expect(lowConfidenceSpans(header).filter((s) => /\d/.test(s.text))).toEqual([]);
    },
    OCR_TIMEOUT,
  );

  it(
    'reads a synthetic scan without a browser, and flags nothing in printed digits',
    async () => {
      const scan = await degradeToScan(syntheticPage(200), { degrees: -0.4, seed: 7 });
      const result = await ocrImage(scan, { dpi: 200 });
      const folded = result.lines.map((l) => tight(l.text));
      expect(folded).toContain(tight(SYNTHETIC_HEADER.number));
      expect(folded).toContain(tight(SYNTHETIC_HEADER.date));
      expect(maskLowConfidence(result.lines, LOW_CONFIDENCE)).toContain('25/UBND-VHTT');
    },
    OCR_TIMEOUT,
  );
});
