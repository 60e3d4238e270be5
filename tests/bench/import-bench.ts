/**
 * `npm run bench`: imports 1,000 generated text documents (a mix of .docx, .pdf, .xlsx and
 * .eml carrying a .docx) into a fresh data folder and reports documents per second and the
 * peak resident memory. `--json` prints one object (importDocsPerSec, importPeakRssMb, …).
 * Then the scale figures (tests/bench/scale-bench.ts) on the ten-year folder, generated first if
 * missing, and the import throughput there (200 of the same documents into a copy of it:
 * scaleImportDocsPerSec); `--generate [--out DIR]` only builds that folder, `--scale-import` only
 * measures that import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openApp } from '../../main/app/open-app.js';
import { preferSmallHeap } from '../../main/app/memory.js';
import { terminateOcr } from '../../main/intake/ocr.js';
import { ocrBench } from './ocr-bench.js';
import { consolidationBench } from './consolidation-bench.js';
import { ensureScaleFolder, generateScaleFolder, scaleBench, scaleDataDir } from './scale-bench.js';
import { benchDocument } from './import-samples.js';

const COUNT = Number(process.env.VANTHU_BENCH_DOCS ?? 1000);
/** Documents imported into a copy of the ten-year folder (2,000 dispatches, 500 units, 100,000 documents). */
const SCALE_COUNT = Number(process.env.VANTHU_BENCH_SCALE_DOCS ?? 200);
const json = process.argv.includes('--json');

/** The import itself runs in a fresh child process, so its memory is the import's, not the generator's. */
async function importPhase(dataDir: string, inputDir: string): Promise<void> {
  preferSmallHeap(); // as the CLI and the Electron core process do
  const app = openApp({ dataDir, printPdf: async () => Buffer.alloc(0) });
  const names = fs.readdirSync(inputDir).sort();
  const BATCH = 10; // as a clerk drops a handful of files at a time
  const statuses: Record<string, number> = {};
  const started = performance.now();
  for (let i = 0; i < names.length; i += BATCH) {
    const paths = names.slice(i, i + BATCH).map((n) => ({ path: path.join(inputDir, n) }));
    for (const r of await app.imports.importInputs(paths)) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;
  app.close();
  // maxRSS is the peak resident set of this process, in kilobytes.
  process.stdout.write(JSON.stringify({ seconds, peakRssKb: process.resourceUsage().maxRSS, statuses }));
}

interface ImportFigures {
  seconds: number;
  peakRssKb: number;
  statuses: Record<string, number>;
}

/** Writes `count` documents sent by the units of `dataDir`, and imports them into it in a child process. */
async function importInto(dataDir: string, count: number): Promise<ImportFigures> {
  const inputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-inputs-'));
  try {
    const app = openApp({ dataDir, printPdf: async () => Buffer.alloc(0) });
    const units = app.units.list().filter((u) => u.emails.length);
    app.close();
    for (let i = 0; i < count; i++) {
      const unit = units[i % units.length]!;
      const input = await benchDocument(i, unit.name, unit.emails[0]!);
      fs.writeFileSync(path.join(inputDir, `${String(i).padStart(4, '0')}-${input.name}`), input.bytes);
    }
    const child = spawnSync(process.execPath, [process.argv[1]!, '--phase=import', dataDir, inputDir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`Bước nhập văn bản của bench bị lỗi:\n${child.stderr}`);
    return JSON.parse(child.stdout) as ImportFigures;
  } finally {
    fs.rmSync(inputDir, { recursive: true, force: true });
  }
}

/** Import throughput where it matters: into a copy of the ten-year folder (the folder itself stays as generated). */
async function importAtScale(scaleDir: string, count: number): Promise<ImportFigures> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-scale-'));
  try {
    fs.cpSync(scaleDir, copy, { recursive: true });
    return await importInto(copy, count);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

const docsPerSec = (count: number, m: ImportFigures): number => Math.round((count / m.seconds) * 10) / 10;

const phase = process.argv.indexOf('--phase=import');
if (phase >= 0) {
  await importPhase(process.argv[phase + 1]!, process.argv[phase + 2]!);
} else if (process.argv.includes('--generate')) {
  await generateScaleFolder(scaleDataDir(process.argv), (line) => console.log(line));
} else if (process.argv.includes('--scale-import')) {
  const scaleDir = scaleDataDir(process.argv);
  await ensureScaleFolder(scaleDir, (line) => console.error(line));
  const m = await importAtScale(scaleDir, SCALE_COUNT);
  console.log(JSON.stringify({ scaleImportDocs: SCALE_COUNT, scaleImportDocsPerSec: docsPerSec(SCALE_COUNT, m), statuses: m.statuses, loadAverage: Math.round(os.loadavg()[0]! * 10) / 10 }));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-'));
  let measured: ImportFigures;
  try {
    const app = openApp({ dataDir: dir, printPdf: async () => Buffer.alloc(0) });
    app.loadDemoData();
    app.close();
    measured = await importInto(dir, COUNT);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ocr = await ocrBench();
  await terminateOcr();
  const consolidation = await consolidationBench();
  const scaleDir = scaleDataDir(process.argv);
  // Progress goes to stderr, so that --json still prints one object on stdout.
  await ensureScaleFolder(scaleDir, (line) => console.error(line));
  const scale = await scaleBench(scaleDir);
  const scaleImport = await importAtScale(scaleDir, SCALE_COUNT);
  const result = {
    ocrSecondsPerPage: ocr.ocrSecondsPerPage,
    ocrBackgroundSecondsPerPage: ocr.ocrBackgroundSecondsPerPage,
    importDocs: COUNT,
    importSeconds: Math.round(measured.seconds * 100) / 100,
    importDocsPerSec: docsPerSec(COUNT, measured),
    importPeakRssMb: Math.round(measured.peakRssKb / 1024),
    importStatuses: measured.statuses,
    scaleImportDocs: SCALE_COUNT,
    scaleImportDocsPerSec: docsPerSec(SCALE_COUNT, scaleImport),
    consolidationMs: consolidation.consolidationMs,
    searchP50Ms: scale.searchP50Ms,
    searchP95Ms: scale.searchP95Ms,
    listPageP95Ms: scale.listPageP95Ms,
    openMs: scale.openMs,
    scaleLoadAverage: scale.loadAverage,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`Nhập ${COUNT} văn bản (docx, pdf, xlsx, eml) trong ${result.importSeconds} giây: ${result.importDocsPerSec} văn bản/giây.`);
    console.log(`Bộ nhớ cao nhất của tiến trình nhập: ${result.importPeakRssMb} MB. Kết quả: ${JSON.stringify(result.importStatuses)}.`);
    console.log(`OCR trang 1 của văn bản scan: ${result.ocrSecondsPerPage} giây/trang (${ocr.source}).`);
    console.log(`OCR nền các trang sau (để tìm kiếm): ${result.ocrBackgroundSecondsPerPage} giây/trang.`);
    console.log(
      `Tổng hợp ${consolidation.units} đơn vị × ${consolidation.indicators} chỉ tiêu: ${result.consolidationMs} ms (số liệu ${consolidation.consolidateMs} ms, dự thảo báo cáo ${consolidation.draftMs} ms).`,
    );
    console.log(`Dữ liệu mười năm (${scaleDir}), tải máy ${scale.loadAverage}: mở ${scale.openMs} ms; tìm kiếm ${scale.searchQueries} truy vấn p50 ${scale.searchP50Ms} ms, p95 ${scale.searchP95Ms} ms; ${scale.listPages} trang danh sách p95 ${scale.listPageP95Ms} ms.`);
    console.log(`Nhập ${SCALE_COUNT} văn bản vào bản sao dữ liệu mười năm: ${result.scaleImportDocsPerSec} văn bản/giây.`);
    console.log(`Chậm nhất: ${scale.slowest.map((x) => `${x.call} ${x.ms} ms`).join('; ')}.`);
  }
}
