/**
 * OCR for scanned PDFs (DESIGN §3 step 3 "scans go to OCR", §6 "OCR"): a page is rasterised
 * with pdf.js + @napi-rs/canvas, then read by tesseract.js with the Vietnamese model shipped in
 * @tesseract.js-data/vie. Everything is local: the language data, the worker script and the
 * WebAssembly core come from node_modules, never from a CDN (offline first, DESIGN §2).
 *
 * tesseract.js runs recognition in its own worker thread, so the event loop is never blocked
 * for the seconds a page takes. The worker is created on first use, reused, and shut down by
 * `terminateOcr()`.
 *
 * Confidence is kept per line and per word because hand-written parts of a printed form
 * (the number in "Số: 177/BC-UBND", the day in "ngày 17 tháng 5") are read with low
 * confidence, and must not be taken as facts. Words with digits read unsurely are read a second
 * time on their own (printed numbers then come back sure, hand-written ones stay unsure); then
 * `maskLowConfidence` gives the text a recogniser should parse, with unsure digits as '?'.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import type { Worker } from 'tesseract.js';

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0–100, tesseract's own word confidence. */
  confidence: number;
  bbox: OcrBox;
  /**
   * True when the word (digits read with low confidence) was read a second time on its own;
   * `text` and `confidence` are then the confident second reading, or the first text with the
   * lower of the two scores.
   */
  rechecked: boolean;
}

export interface OcrLine {
  text: string;
  /** 0–100, the mean of its words' confidences. */
  confidence: number;
  bbox: OcrBox;
  words: OcrWord[];
}

export interface OcrResult {
  /** The lines, one per row of text and column, joined by newlines. */
  text: string;
  /** 0–100, the page's mean word confidence. */
  confidence: number;
  lines: OcrLine[];
}

export interface OcrOptions {
  /**
   * The image's resolution, when known: tesseract guesses it otherwise, and a wrong guess
   * changes how it sizes its line finding.
   */
  dpi?: number;
  /**
   * How tesseract finds the text: 'auto' (columns and blocks, the default; right for a page),
   * 'block' (one uniform block, for a cropped zone), 'sparse' (scattered text, e.g. a form).
   */
  layout?: 'auto' | 'block' | 'sparse';
  /**
   * Read words with unsure digits a second time, alone (default true): what tells a printed
   * number from a hand-written one for recognition. Text kept only for search skips it.
   */
  recheck?: boolean;
}

/**
 * The rendering resolution for OCR. 13–14 pt text is ~37 px high at 200 dpi, well within what
 * tesseract's LSTM reads, and the scans units send are mostly 200 dpi already (the Krông Nô
 * fixture is). Measured on our fixtures, 300 dpi read no better (worse: "DẪN" for "DÂN", a
 * printed day masked) and took ~30 % longer.
 */
export const OCR_DPI = 200;

// Resolved against this file, in ESM (tests, CLI) and in the CommonJS Electron bundle alike:
// esbuild keeps packages external, so both find the same node_modules. (Bundled to CommonJS,
// esbuild warns that import.meta is empty there; that branch is never taken in CommonJS.)
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
const packageDir = (name: string): string => path.dirname(requireHere.resolve(`${name}/package.json`));

/**
 * `4.0.0_best_int` is the "best" LSTM model converted to integers: LSTM only, which is what
 * tesseract.js's default engine runs; `4.0.0` carries the legacy engine too and is larger.
 * Only `vie` is loaded: its character set includes Latin letters and digits, so no `eng` is needed.
 */
const LANG_DIR = '4.0.0_best_int';

/**
 * A path inside `app.asar` as the same path in `app.asar.unpacked` (unchanged outside an asar).
 * Electron's asar support stops at worker threads: tesseract.js's worker script, the modules it
 * requires and the language data it reads by path must be real files (electron-builder.yml
 * unpacks them), and the worker must be started from there.
 */
export function unpackedPath(p: string): string {
  return p.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

export interface OcrPaths {
  /** tesseract.js's Node worker script; it requires tesseract.js-core (the wasm) from beside itself. */
  workerPath: string;
  /** The folder holding vie.traineddata.gz. */
  langPath: string;
}

/**
 * Where the OCR worker and its data are, from where each package is installed. No `corePath`:
 * in Node, tesseract.js ignores it and the worker requires `tesseract.js-core` by name, which
 * resolves next to the (unpacked) worker script.
 */
export function ocrPaths(dirOf: (name: string) => string = packageDir, join: (...parts: string[]) => string = path.join): OcrPaths {
  return {
    workerPath: unpackedPath(join(dirOf('tesseract.js'), 'src', 'worker-script', 'node', 'index.js')),
    langPath: unpackedPath(join(dirOf('@tesseract.js-data/vie'), LANG_DIR)),
  };
}

type TesseractModule = typeof import('tesseract.js');
let tesseract: Promise<TesseractModule> | null = null;
let worker: Promise<Worker> | null = null;
// One page at a time on the one worker: tesseract.js queues jobs itself, but parameters
// (dpi, PSM) are worker-wide, so a job sets them and recognises without another job in between.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Rejected when the worker is terminated. tesseract.js leaves a job cut short by terminate()
 * pending for ever, which would hold up every later job in `queue`: each job races this.
 */
function stopSignal(): { promise: Promise<never>; reject: (e: Error) => void } {
  let reject: (e: Error) => void = () => undefined;
  const promise = new Promise<never>((_, r) => {
    reject = r;
  });
  promise.catch(() => undefined); // no job may be racing it
  return { promise, reject };
}
let stopped = stopSignal();

async function loadTesseract(): Promise<TesseractModule> {
  // A CommonJS package: its functions are on the default export when imported from ESM.
  const mod = await import('tesseract.js');
  return (mod as unknown as { default?: TesseractModule }).default ?? mod;
}

function getWorker(): Promise<Worker> {
  worker ??= (async () => {
    const t = await (tesseract ??= loadTesseract());
    return t.createWorker('vie', t.OEM.LSTM_ONLY, {
      ...ocrPaths(),
      gzip: true,
      // 'none': read the data from the package every time, never write a copy into the cwd.
      cacheMethod: 'none',
    });
  })().catch((e: unknown) => {
    worker = null;
    throw e;
  });
  return worker;
}

/** Shuts the OCR worker thread down (on app exit and after tests). Safe to call when none runs. */
export async function terminateOcr(): Promise<void> {
  const w = worker;
  worker = null;
  stopped.reject(new Error('Đã dừng nhận dạng chữ (OCR).'));
  stopped = stopSignal();
  queue = Promise.resolve();
  if (!w) return;
  try {
    await (await w).terminate();
  } catch {
    // A worker that failed to start has nothing to terminate.
  }
}

const box = (b: { x0: number; y0: number; x1: number; y1: number }): OcrBox => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });
const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Below this a word is treated as unread. Printed words read at 85–97 (printed numbers too,
 * once re-read alone); the hand-written "177" and "17" of the Krông Nô scan end at 0–45.
 */
export const LOW_CONFIDENCE = 75;

/** At most this many words of a page are re-read (bounds the time a bad scan can take). */
const MAX_RECHECKS = 30;

/**
 * A gap between two words wider than this many line heights separates columns: the
 * administrative header's left block (agency, "Số: …", V/v) and right block (motto, place
 * and date) share baselines, and tesseract may read them as one line.
 */
const COLUMN_GAP_LINES = 1.5;

/** Reads the text of an image (PNG, JPEG, …) with the Vietnamese model, off the main thread. */
export function ocrImage(image: Buffer, options: OcrOptions = {}): Promise<OcrResult> {
  const generation = stopped;
  const job = queue.then(() => {
    // Queued before the worker was terminated: not started on a new one.
    if (generation !== stopped) throw new Error('Đã dừng nhận dạng chữ (OCR).');
    return Promise.race([recognise(image, options), generation.promise]);
  });
  queue = job.catch(() => undefined);
  return job;
}

async function recognise(image: Buffer, options: OcrOptions): Promise<OcrResult> {
  const w = await getWorker();
  const t = await (tesseract ??= loadTesseract());
  const dpi = String(options.dpi ?? OCR_DPI);
  await w.setParameters({
    tessedit_pageseg_mode: { auto: t.PSM.AUTO, block: t.PSM.SINGLE_BLOCK, sparse: t.PSM.SPARSE_TEXT }[options.layout ?? 'auto'],
    user_defined_dpi: dpi,
    // Tesseract's diagnostics ("Detected 115 diacritics") would go to stdout, into the CLI's
    // output: they go to the worker's in-memory /dev/null instead.
    debug_file: '/dev/null',
  });
  const { data } = await w.recognize(image, {}, { text: true, blocks: true });
  const rawLines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  const words: OcrWord[][] = rawLines.map((line) =>
    line.words
      .filter((word) => word.text.trim() !== '')
      .map((word) => ({ text: word.text.trim(), confidence: round1(word.confidence), bbox: box(word.bbox), rechecked: false })),
  );

  // Words with digits read with low confidence are read again, alone, as one line of text.
  // In a page, tesseract gives a mixed token like "25/UBND-VHTT" a low score (60–70) even
  // when right, and sometimes drops the slash or misreads a digit; read alone, a printed
  // number comes back right at 85–90, while a hand-written one stays low (0–25) and usually
  // changes: exactly the signal that tells "printed, trust it" from "hand-written, don't".
  const doubtful = options.recheck === false ? [] : words.flat().filter((word) => /\p{Nd}/u.test(word.text) && word.confidence < LOW_CONFIDENCE);
  if (doubtful.length > 0) {
    await w.setParameters({ tessedit_pageseg_mode: t.PSM.SINGLE_LINE });
    // Cropped here rather than with tesseract's `rectangle`, which decodes and binarises the
    // whole page again for every word (~1.4 s a word on an A4 page at 200 dpi; a crop: ~0.1 s).
    const page = await loadImage(image);
    for (const word of doubtful.slice(0, MAX_RECHECKS)) {
      const again = await w.recognize(cropWord(page, word.bbox), {}, { text: true, blocks: true });
      const parts = (again.data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
      const text = parts.map((p) => p.text.trim()).join('');
      const withDigits = parts.filter((p) => /\p{Nd}/u.test(p.text));
      const confidence = withDigits.length > 0 ? Math.min(...withDigits.map((p) => p.confidence)) : 0;
      word.rechecked = true;
      if (text !== '' && confidence >= LOW_CONFIDENCE) {
        word.text = text;
        word.confidence = round1(confidence);
      } else {
        // Two unsure readings: keep the first text, and the lower of the two scores.
        word.confidence = round1(Math.min(word.confidence, confidence));
      }
    }
  }

  const lines: OcrLine[] = [];
  for (const lineWords of words) {
    // Split where a column gap is, so each header block keeps its own lines.
    let current: OcrWord[] = [];
    const flush = (): void => {
      if (current.length > 0) lines.push(lineOf(current));
      current = [];
    };
    for (const word of lineWords) {
      const prev = current.at(-1);
      const height = Math.max(word.bbox.y1 - word.bbox.y0, prev ? prev.bbox.y1 - prev.bbox.y0 : 0);
      if (prev && word.bbox.x0 - prev.bbox.x1 > COLUMN_GAP_LINES * height) flush();
      current.push(word);
    }
    flush();
  }
  const all = lines.flatMap((l) => l.words);
  const confidence = all.length > 0 ? all.reduce((sum, word) => sum + word.confidence, 0) / all.length : 0;
  return { text: lines.map((l) => l.text).join('\n'), confidence: round1(confidence), lines };
}

/** The word's box with a margin of a third of its height, on white, as PNG. */
function cropWord(page: Image, bbox: OcrBox): Buffer {
  const pad = Math.round((bbox.y1 - bbox.y0) * 0.3);
  const left = Math.max(0, bbox.x0 - pad);
  const top = Math.max(0, bbox.y0 - pad);
  const width = Math.min(page.width, bbox.x1 + pad) - left;
  const height = Math.min(page.height, bbox.y1 + pad) - top;
  const canvas = createCanvas(Math.max(1, width), Math.max(1, height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(page, left, top, width, height, 0, 0, width, height);
  return canvas.toBuffer('image/png');
}

function lineOf(words: OcrWord[]): OcrLine {
  return {
    text: words.map((w) => w.text).join(' '),
    confidence: round1(words.reduce((sum, w) => sum + w.confidence, 0) / words.length),
    bbox: {
      x0: Math.min(...words.map((w) => w.bbox.x0)),
      y0: Math.min(...words.map((w) => w.bbox.y0)),
      x1: Math.max(...words.map((w) => w.bbox.x1)),
      y1: Math.max(...words.map((w) => w.bbox.y1)),
    },
    words,
  };
}

/** What pdf.js's Node canvas factory hands out: an @napi-rs/canvas canvas and its 2D context. */
interface PdfCanvasEntry {
  canvas: { encode(format: 'png'): Promise<Buffer> };
  // @napi-rs/canvas implements the DOM's 2D context, which is the type pdf.js's render() asks for.
  context: CanvasRenderingContext2D;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/**
 * Renders one page (1-based) of a PDF to PNG at `dpi`, white background, the page's own
 * rotation applied (scanners often store a portrait image on a page turned by /Rotate).
 */
export async function renderPdfPage(bytes: Buffer, pageNumber: number, dpi: number): Promise<{ png: Buffer; width: number; height: number }> {
  const { getDocument } = await loadPdfJs();
  const pdfjsDir = packageDir('pdfjs-dist');
  // pdf.js may take over the array it is given: it gets a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    // Local files (Node's pdf.js reads these paths with fs): fonts a PDF does not embed, CMaps
    // for CJK-encoded text, and the WebAssembly decoders for JPEG 2000 / JBIG2 scans.
    standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts') + path.sep,
    cMapUrl: path.join(pdfjsDir, 'cmaps') + path.sep,
    cMapPacked: true,
    wasmUrl: path.join(pdfjsDir, 'wasm') + path.sep,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    // Drawn on a canvas from pdf.js's own factory: pdfjs-dist depends on @napi-rs/canvas 0.1.x,
    // npm nests that copy under it, and pdf.js polyfills Path2D/DOMMatrix/ImageData from it. A
    // canvas of our top-level @napi-rs/canvas (another native instance) would mix objects of two
    // Skia builds, which fails ("not of type 'Path2D'") or crashes the process (drawImage).
    // `canvasFactory` is typed `Object` in pdf.js's declarations: the cast names what it returns.
    const factory = doc.canvasFactory as { create(width: number, height: number): PdfCanvasEntry; destroy(entry: PdfCanvasEntry): void };
    const entry = factory.create(width, height);
    try {
      const ctx = entry.context;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      await page.render({ canvas: entry.canvas as unknown as HTMLCanvasElement, canvasContext: ctx, viewport }).promise;
      return { png: await entry.canvas.encode('png'), width, height };
    } finally {
      factory.destroy(entry);
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
}

/** OCR of page 1 only: the administrative header, which is what recognition needs. */
export async function ocrPdfFirstPage(bytes: Buffer): Promise<OcrResult & { seconds: number }> {
  const started = performance.now();
  const { png } = await renderPdfPage(bytes, 1, OCR_DPI);
  const result = await ocrImage(png, { dpi: OCR_DPI });
  return { ...result, seconds: round1((performance.now() - started) / 1000) };
}

/**
 * The text of one page (1-based) of a scanned PDF, for full-text search: the pages after the
 * first, read in the background (ocr-queue.ts). Unsure words are kept as read, not masked:
 * a search for a word read slightly wrong still finds the words around it.
 */
export async function ocrPdfPageText(bytes: Buffer, pageNumber: number): Promise<string> {
  const { png } = await renderPdfPage(bytes, pageNumber, OCR_DPI);
  return (await ocrImage(png, { dpi: OCR_DPI, recheck: false })).text;
}

/** A word (or run of words) read with low confidence, located by line and character offsets. */
export interface LowConfidenceSpan {
  /** Index into `lines`. */
  line: number;
  /** Character offsets into that line's `text`. */
  start: number;
  end: number;
  text: string;
  confidence: number;
  bbox: OcrBox;
}

/**
 * The words of each line whose confidence is below `threshold`, with their offsets in the
 * line's text (words are found in order, so a repeated word maps to the right occurrence).
 */
export function lowConfidenceSpans(lines: OcrLine[], threshold = LOW_CONFIDENCE): LowConfidenceSpan[] {
  const spans: LowConfidenceSpan[] = [];
  lines.forEach((line, index) => {
    let from = 0;
    for (const word of line.words) {
      const text = word.text.trim();
      if (text === '') continue;
      const start = line.text.indexOf(text, from);
      if (start < 0) continue;
      from = start + text.length;
      if (word.confidence < threshold) spans.push({ line: index, start, end: from, text, confidence: word.confidence, bbox: word.bbox });
    }
  });
  return spans;
}

/**
 * The page's lines joined by newlines, with the digits of every low-confidence word replaced
 * by `mask` (default '?'). A recogniser reading this text finds "Số: ???/BC-UBND" where the
 * number was hand-written: the symbol survives, no number is made up. Letters are kept, since
 * an unsure agency or subject word is still matched by similarity downstream.
 */
export function maskLowConfidence(lines: OcrLine[], threshold = LOW_CONFIDENCE, mask = '?'): string {
  const spans = lowConfidenceSpans(lines, threshold);
  return lines
    .map((line, index) => {
      let text = line.text;
      // Right to left, so earlier offsets stay valid (digits are replaced one for one anyway).
      for (const s of spans.filter((x) => x.line === index).reverse()) {
        text = text.slice(0, s.start) + text.slice(s.start, s.end).replace(/\p{Nd}/gu, mask) + text.slice(s.end);
      }
      return text;
    })
    .join('\n');
}

/**
 * The OCR stage of an import: page 1 of a scanned PDF, or a photo, read as text with the
 * uncertain digits masked ("Số: ???/BC-UBND"), so that a hand-written number is never read
 * as a confident wrong one. Null when nothing legible came out.
 */
export async function readScan(bytes: Buffer, kind: 'pdf' | 'jpg' | 'png' | 'tiff'): Promise<{ text: string; confidence: number } | null> {
  const result = kind === 'pdf' ? await ocrPdfFirstPage(bytes) : await ocrImage(bytes);
  const text = maskLowConfidence(result.lines).trim();
  return text ? { text, confidence: result.confidence } : null;
}
