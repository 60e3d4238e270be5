/**
 * `npm run bench`: imports 1,000 generated text documents (a mix of .docx, .pdf, .xlsx and
 * .eml carrying a .docx) into a fresh data folder and reports documents per second and the
 * peak resident memory. `--json` prints one object (importDocsPerSec, importPeakRssMb, …).
 * Then the scale figures (tests/bench/scale-bench.ts) on the ten-year folder, generated first if
 * missing; `--generate [--out DIR]` only builds that folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { openApp } from '../../main/app/open-app.js';
import { preferSmallHeap } from '../../main/app/memory.js';
import { terminateOcr } from '../../main/intake/ocr.js';
import { ocrBench } from './ocr-bench.js';
import { consolidationBench } from './consolidation-bench.js';
import { ensureScaleFolder, generateScaleFolder, scaleBench, scaleDataDir } from './scale-bench.js';
import { docxBytes, emlBytes, pdfBytes, wp } from '../support/intake-samples.js';
import { fold } from '../../shared/vn/fold.js';

const COUNT = Number(process.env.VANTHU_BENCH_DOCS ?? 1000);
const json = process.argv.includes('--json');

function headerLines(i: number, unit: string): string[] {
  return [
    'ỦY BAN NHÂN DÂN',
    unit.toLocaleUpperCase('vi'),
    `Số: ${i + 1}/BC-UBND`,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `Kiên Giang, ngày ${String((i % 28) + 1).padStart(2, '0')} tháng 11 năm 2021`,
    'BÁO CÁO',
    'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021',
    'Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông, đơn vị báo cáo như sau:',
    ...Array.from({ length: 20 }, (_, k) => `${k + 1}. Nội dung công việc thứ ${k + 1} đã được triển khai, tổ chức ${k * 3 + 2} buổi tuyên truyền.`),
  ];
}

async function generate(i: number, unit: string, email: string): Promise<{ name: string; bytes: Buffer }> {
  const lines = headerLines(i, unit);
  switch (i % 4) {
    case 0:
      return { name: `${i}.docx`, bytes: docxBytes(lines.map(wp).join('')) };
    case 1:
      // The generator writes Latin-1 PDFs: the folded text is what such a PDF would carry.
      return { name: `${i}.pdf`, bytes: pdfBytes([lines.map((l) => fold(l).toUpperCase())]) };
    case 2: {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Báo cáo');
      lines.forEach((l) => sheet.addRow([l]));
      return { name: `${i}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
    }
    default:
      return {
        name: `${i}.eml`,
        bytes: await emlBytes({
          from: email,
          to: 'stttt@kiengiang.gov.vn',
          subject: `Báo cáo số ${i + 1}`,
          date: new Date('2021-11-10T08:00:00+07:00'),
          messageId: `<bench-${i}@test>`,
          attachments: [{ filename: `${i}.docx`, content: docxBytes(lines.map(wp).join('')) }],
        }),
      };
  }
}

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

const phase = process.argv.indexOf('--phase=import');
if (phase >= 0) {
  await importPhase(process.argv[phase + 1]!, process.argv[phase + 2]!);
} else if (process.argv.includes('--generate')) {
  await generateScaleFolder(scaleDataDir(process.argv), (line) => console.log(line));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-'));
  const dataDir = path.join(dir, 'data');
  const inputDir = path.join(dir, 'inputs');
  fs.mkdirSync(inputDir);
  const app = openApp({ dataDir, printPdf: async () => Buffer.alloc(0) });
  app.loadDemoData();
  const units = app.units.list().filter((u) => u.emails.length);
  app.close();
  for (let i = 0; i < COUNT; i++) {
    const unit = units[i % units.length]!;
    const input = await generate(i, unit.name, unit.emails[0]!);
    fs.writeFileSync(path.join(inputDir, `${String(i).padStart(4, '0')}-${input.name}`), input.bytes);
  }
  const child = spawnSync(process.execPath, [process.argv[1]!, '--phase=import', dataDir, inputDir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  fs.rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const measured = JSON.parse(child.stdout) as { seconds: number; peakRssKb: number; statuses: Record<string, number> };
  const ocr = await ocrBench();
  await terminateOcr();
  const consolidation = await consolidationBench();
  const scaleDir = scaleDataDir(process.argv);
  // Progress goes to stderr, so that --json still prints one object on stdout.
  await ensureScaleFolder(scaleDir, (line) => console.error(line));
  const scale = await scaleBench(scaleDir);
  const result = {
    ocrSecondsPerPage: ocr.ocrSecondsPerPage,
    ocrBackgroundSecondsPerPage: ocr.ocrBackgroundSecondsPerPage,
    importDocs: COUNT,
    importSeconds: Math.round(measured.seconds * 100) / 100,
    importDocsPerSec: Math.round((COUNT / measured.seconds) * 10) / 10,
    importPeakRssMb: Math.round(measured.peakRssKb / 1024),
    importStatuses: measured.statuses,
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
    console.log(`Chậm nhất: ${scale.slowest.map((x) => `${x.call} ${x.ms} ms`).join('; ')}.`);
  }
}
