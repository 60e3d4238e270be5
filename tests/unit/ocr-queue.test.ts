import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../main/app/open-app.js';
import { createCore } from '../../main/api/core.js';
import { main } from '../../main/cli/index.js';
import { terminateOcr } from '../../main/intake/ocr.js';
import { createOcrPagesStore, createOcrQueue, MAX_ATTEMPTS, ocrPagesNote } from '../../main/intake/ocr-queue.js';
import { fold } from '../../shared/vn/fold.js';
import { degradeToScan, scanPdf, syntheticPage, textPage } from '../support/scan-samples.js';
import { pdfBytes } from '../support/intake-samples.js';
import { tempDataDir } from '../support/temp-app.js';

/**
 * The pages after the first of scanned PDFs, read by OCR in the background for search (issue 7).
 * The first tests run real OCR (tesseract, ~2–4 s a page on 2 cores, more when other tests
 * run alongside); the rules of the queue itself are then checked with a stand-in reader.
 */

const OCR_TIMEOUT = 180_000;

// Words found on no other page, so a hit can only come from the page they are on.
const PAGE_2 = ['PHỤ LỤC', 'Danh sách các xã đã tổ chức tuyên truyền:', 'Xã Hòa Điền: 3 buổi, 210 người tham dự.', 'Xã Dương Hòa: 2 buổi, 150 người tham dự.'];
const PAGE_3 = ['Kinh phí thực hiện: 12 triệu đồng.', 'Đề xuất: tăng cường tập huấn cho cán bộ cơ sở.'];

const dirs: string[] = [];
const apps: App[] = [];
function open(dir = tempDataDir()): App {
  if (!dirs.includes(dir)) dirs.push(dir);
  const app = openApp({ dataDir: dir });
  apps.push(app);
  return app;
}
afterEach(() => apps.splice(0).forEach((a) => a.close()));
afterAll(async () => {
  await terminateOcr();
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

const scanned = async (image: Buffer, seed: number): Promise<Buffer> => degradeToScan(image, { degrees: 0.4, seed });

// Typed in Latin-1 (the test PDF's font): the words of its text layer, folded.
const TYPED = ['BAO CAO', 'Ket qua tuyen truyen phong, chong rac thai nhua nam 2021', 'Trang danh may co lop chu.'];

let twoPages: Buffer;
let threePages: Buffer;
/** A typed report with a scanned page appended (signed and stamped on paper, say). */
let typedThenScanned: Buffer;
/** A scanned first page (the signed cover letter) before a typed page. */
let scannedThenTyped: Buffer;
beforeAll(async () => {
  const [first, second, third] = await Promise.all([scanned(syntheticPage(200), 11), scanned(textPage(PAGE_2), 12), scanned(textPage(PAGE_3), 13)]);
  twoPages = await scanPdf([first, second]);
  threePages = await scanPdf([first, second, third]);
  typedThenScanned = await scanPdf([TYPED, second]);
  scannedThenTyped = await scanPdf([first, TYPED]);
});

const readNote = (app: App, id: number): string | null => app.incoming.get(id).files[0]!.readNote;
const fullText = (app: App, id: number): string => app.db.prepare('SELECT full_text FROM incoming_documents WHERE id = ?').pluck().get(id) as string;
const finds = (app: App, query: string, id: number): boolean => app.search.search(query).some((h) => h.kind === 'incoming' && h.id === id);
const occurrences = (text: string, word: string): number => fold(text).split(fold(word)).length - 1;

describe('pages 2+ of a scan, read in the background', () => {
  it(
    'queues page 2 at import (page 1 read then), and search finds its words once the queue has run',
    async () => {
      const app = open();
      app.loadDemoData();
      const [r] = await app.imports.importInputs([{ name: 'BC 25 scan.pdf', bytes: twoPages }], { receivedDate: '2021-11-10' });
      const id = r!.entryId!;
      expect(r!.document).toMatchObject({ textSource: 'ocr', number: 25, symbol: 'UBND-VHTT' });
      expect(app.ocrQueue.status()).toEqual({ enabled: true, pendingPages: 1, documents: 1, failedPages: 0, current: null });
      expect(finds(app, '"hoa dien"', id)).toBe(false);
      expect(readNote(app, id)).toMatch(/đã đọc trang 1 bằng OCR|đọc bằng OCR chưa rõ/);

      const run = await app.ocrQueue.runUntilEmpty();
      console.log(`[ocr-queue] trang 2 đọc nền: ${run.seconds.toFixed(1)} s/trang`);
      expect(run).toMatchObject({ pagesRead: 1, pagesFailed: 0 });
      expect(app.ocrQueue.status()).toMatchObject({ pendingPages: 0, documents: 0 });
      expect(finds(app, '"hoa dien"', id)).toBe(true);
      expect(finds(app, 'duong hoa 150', id)).toBe(true);
      // The read note now counts both pages, not page 1 alone.
      expect(readNote(app, id)).toContain('đã đọc 2 trang bằng OCR');
      expect(readNote(app, id)).not.toContain('trang 1 bằng OCR');
      // Page 1's text is still there, page 2's after it.
      const text = fold(fullText(app, id));
      expect(text.indexOf('kien luong')).toBeGreaterThanOrEqual(0);
      expect(text.indexOf('hoa dien')).toBeGreaterThan(text.indexOf('kien luong'));

      // The status is an API method, validated like every other.
      expect(await createCore(app, 'browser').call('ocr.status', {})).toEqual({
        ok: true,
        result: { enabled: true, pendingPages: 0, documents: 0, failedPages: 0, current: null },
      });
    },
    OCR_TIMEOUT,
  );

  it(
    'resumes after a restart in the middle of the queue: the page cut short is read again, none twice',
    async () => {
      const dir = tempDataDir();
      const first = open(dir);
      const [r] = await first.imports.importInputs([{ name: 'BC 3 trang.pdf', bytes: threePages }], { receivedDate: '2021-11-10' });
      const id = r!.entryId!;
      expect(first.ocrQueue.status().pendingPages).toBe(2);

      // Run in the background until page 3 is being read, then quit the app.
      first.ocrQueue.start();
      const deadline = Date.now() + OCR_TIMEOUT / 2;
      while (first.ocrQueue.status().current?.page !== 3) {
        if (Date.now() > deadline) throw new Error('page 3 never started');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(first.ocrQueue.status().current).toMatchObject({ documentId: id, page: 3, pageCount: 3, arrivalNumber: 1, arrivalYear: 2021 });
      first.close();

      const second = open(dir);
      expect(second.ocrQueue.status()).toMatchObject({ pendingPages: 1, documents: 1 });
      expect(finds(second, '"hoa dien"', id)).toBe(true);
      expect(finds(second, '"kinh phi"', id)).toBe(false);
      expect(await second.ocrQueue.runUntilEmpty()).toMatchObject({ pagesRead: 1 });
      expect(finds(second, '"kinh phi"', id)).toBe(true);
      expect(occurrences(fullText(second, id), 'Hòa Điền')).toBe(1);
      expect(second.ocrQueue.status().pendingPages).toBe(0);
    },
    OCR_TIMEOUT,
  );

  it(
    'queues a scanned page appended to a typed report, reads it in the background, and says so in the read note',
    async () => {
      const app = open();
      const [r] = await app.imports.importInputs([{ name: 'BC 31 kem trang scan.pdf', bytes: typedThenScanned }], { receivedDate: '2021-11-10' });
      const id = r!.entryId!;
      // Page 1 has its text layer: nothing is read by OCR at import.
      expect(r!.document).toMatchObject({ textSource: 'text' });
      expect(app.ocrQueue.status()).toMatchObject({ pendingPages: 1, documents: 1 });
      expect(app.db.prepare('SELECT page, page_count FROM ocr_pages').all()).toEqual([{ page: 2, page_count: 2 }]);
      expect(readNote(app, id)).toBe('trang 2 không có lớp chữ (ảnh scan)');

      expect(await app.ocrQueue.runUntilEmpty()).toMatchObject({ pagesRead: 1, pagesFailed: 0 });
      expect(finds(app, '"hoa dien"', id)).toBe(true);
      expect(finds(app, '"trang danh may"', id)).toBe(true);
      expect(readNote(app, id)).toBe('trang 2 không có lớp chữ (ảnh scan); đã đọc 1 trang bằng OCR');
    },
    OCR_TIMEOUT,
  );

  it(
    'reads a scanned first page before typed ones at import: the header is there',
    async () => {
      const app = open();
      const [r] = await app.imports.importInputs([{ name: 'CV 25 bia scan.pdf', bytes: scannedThenTyped }], { receivedDate: '2021-11-10' });
      const id = r!.entryId!;
      expect(r!.document).toMatchObject({ textSource: 'ocr', number: 25, symbol: 'UBND-VHTT' });
      expect(app.ocrQueue.status().pendingPages).toBe(0);
      // Page 1's words first, then the typed page's.
      const text = fold(fullText(app, id));
      expect(text.indexOf('kien luong')).toBeGreaterThanOrEqual(0);
      expect(text.indexOf('trang danh may')).toBeGreaterThan(text.indexOf('kien luong'));
      expect(readNote(app, id)).toMatch(/^trang 1 không có lớp chữ \(ảnh scan\); đã đọc trang 1 bằng OCR \(độ tin cậy \d+\)$/);
    },
    OCR_TIMEOUT,
  );

  it('queues nothing for a text PDF, nor for a scan when OCR is turned off', async () => {
    const app = open();
    // (Fewer than 8 letters would make a page a picture: "Trang ba" alone.)
    await app.imports.importInputs([{ name: 'van-ban.pdf', bytes: pdfBytes([['Trang mot'], ['Trang hai'], ['Trang thu ba']]) }]);
    expect(app.ocrQueue.status().pendingPages).toBe(0);

    app.settings.saveIntake({ ...app.settings.getIntake(), ocr: false });
    const [r] = await app.imports.importInputs([{ name: 'scan.pdf', bytes: twoPages }]);
    expect(r!.status).toBe('needs_review');
    expect(app.ocrQueue.status()).toEqual({ enabled: false, pendingPages: 0, documents: 0, failedPages: 0, current: null });
  });
});

describe('vanthu import does not wait for the queue; vanthu ocr reads it', () => {
  const run = async (...args: string[]): Promise<{ code: number; json: unknown }> => {
    const lines: string[] = [];
    const code = await main(['--json', ...args], (t) => lines.push(t));
    return { code, json: JSON.parse(lines.join('\n')) };
  };

  it(
    'imports with page 2 still queued, then `ocr` reads it and `search` finds it',
    async () => {
      const dir = tempDataDir();
      dirs.push(dir);
      const file = path.join(dir, 'BC 25 scan.pdf');
      fs.writeFileSync(file, twoPages);
      const imported = await run('--data', dir, 'import', file, '--received', '2021-11-10');
      expect(imported).toMatchObject({ code: 0, json: [{ status: expect.any(String), document: { textSource: 'ocr' } }] });
      expect(await run('--data', dir, 'ocr', '--status')).toEqual({ code: 0, json: { enabled: true, pendingPages: 1, documents: 1, failedPages: 0, current: null } });
      expect((await run('--data', dir, 'search', '"hoa dien"')).json).toEqual([]);

      const ocr = await run('--data', dir, 'ocr');
      expect(ocr).toMatchObject({ code: 0, json: { pagesRead: 1, pagesFailed: 0, secondsPerPage: expect.any(Number), status: { pendingPages: 0 } } });
      expect((await run('--data', dir, 'search', '"hoa dien"')).json).toEqual([expect.objectContaining({ kind: 'incoming' })]);

      // With OCR off, `ocr` says so and what to do.
      const core = createCore(openApp({ dataDir: dir }), 'cli');
      await core.call('settings.saveWorkRules', { numbering: 'shared', duplicatePolicy: 'warn', maxFileMb: 100, ocr: false });
      core.close();
      expect(await run('--data', dir, 'ocr')).toMatchObject({ code: 1, json: { error: { code: 'ocr_disabled', message: expect.stringContaining('Quy tắc làm việc') } } });
    },
    OCR_TIMEOUT,
  );
});

describe('the queue itself (a stand-in reader)', () => {
  /** A text PDF registered, with `pages` of its pages queued as if it were a scan. */
  async function queued(app: App, pages: number): Promise<{ documentId: number; fileId: number }> {
    const [r] = await app.imports.importInputs([{ name: `${pages} trang.pdf`, bytes: pdfBytes([['Trang dau']]) }]);
    const document = app.incoming.get(r!.entryId!);
    const later = Array.from({ length: pages - 1 }, (_, i) => i + 2);
    createOcrPagesStore(app.db).enqueue(document.files[0]!.id, later, pages, new Date().toISOString());
    return { documentId: document.id, fileId: document.files[0]!.id };
  }
  const quiet = { warn: () => undefined };

  it('gives up a page after repeated failures and reads the others, in order', async () => {
    const app = open();
    const { documentId } = await queued(app, 4);
    const tries: number[] = [];
    const queue = createOcrQueue(app.db, app.fileStore, {
      readPage: async (_bytes, page) => {
        tries.push(page);
        if (page === 3) throw new Error('trang hỏng');
        return `noi dung trang ${page}`;
      },
      enabled: () => true,
      log: quiet,
    });
    expect(await queue.runUntilEmpty()).toMatchObject({ pagesRead: 2, pagesFailed: MAX_ATTEMPTS });
    expect(tries).toEqual([2, 3, 3, 3, 4]);
    expect(queue.status()).toMatchObject({ pendingPages: 0, failedPages: 1 });
    expect(fullText(app, documentId)).toMatch(/Trang dau[\s\S]*noi dung trang 2[\s\S]*noi dung trang 4$/);
    expect(app.db.prepare('SELECT last_error FROM ocr_pages').pluck().get()).toBe('trang hỏng');
    expect(app.incoming.get(documentId).files[0]!.readNote).toBe('đã đọc 2 trang bằng OCR; không đọc được trang 3 bằng OCR');
  });

  it('rewrites only the OCR words of a read note, whatever the import wrote beside them', () => {
    expect(ocrPagesNote('đã đọc trang 1 bằng OCR (độ tin cậy 83)', 3, [])).toBe('đã đọc 3 trang bằng OCR');
    expect(ocrPagesNote('trang 2, 4 không có lớp chữ (ảnh scan); mã hóa windows-1258', 2, [4])).toBe(
      'trang 2, 4 không có lớp chữ (ảnh scan); mã hóa windows-1258; đã đọc 2 trang bằng OCR; không đọc được trang 4 bằng OCR',
    );
    expect(ocrPagesNote('văn bản scan — đọc bằng OCR chưa rõ', 4, [])).toBe('văn bản scan — đọc bằng OCR chưa rõ; đã đọc 4 trang bằng OCR');
    // Written again (two processes, a later run): the count is replaced, never repeated.
    expect(ocrPagesNote('văn bản scan — chưa đọc được nội dung; đã đọc 2 trang bằng OCR; không đọc được trang 5 bằng OCR', 3, [])).toBe(
      'văn bản scan — chưa đọc được nội dung; đã đọc 3 trang bằng OCR',
    );
    expect(ocrPagesNote(null, 0, [2, 3])).toBe('không đọc được trang 2, 3 bằng OCR');
  });

  it('appends a page once when two processes read it at the same time', async () => {
    const app = open();
    const { documentId } = await queued(app, 2);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reader = { readPage: async () => (await gate, 'trang hai cua ban scan'), enabled: () => true, log: quiet };
    const [a, b] = [createOcrQueue(app.db, app.fileStore, reader), createOcrQueue(app.db, app.fileStore, reader)];
    const both = Promise.all([a.runUntilEmpty(), b.runUntilEmpty()]);
    release();
    await both;
    expect(occurrences(fullText(app, documentId), 'trang hai cua ban scan')).toBe(1);
    expect(finds(app, 'trang hai cua ban', documentId)).toBe(true);
  });

  it('reads nothing while OCR is off and keeps the pages; stop() lets the page being read finish', async () => {
    const app = open();
    await queued(app, 4);
    let enabled = false;
    let started: () => void = () => undefined;
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const queue = createOcrQueue(app.db, app.fileStore, {
      readPage: async (_bytes, page) => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 30));
        return `trang ${page}`;
      },
      enabled: () => enabled,
      log: quiet,
    });
    expect(await queue.runUntilEmpty()).toMatchObject({ pagesRead: 0 });
    expect(queue.status()).toMatchObject({ enabled: false, pendingPages: 3 });

    enabled = true;
    queue.start();
    await firstStarted;
    expect(queue.status().current).toMatchObject({ page: 2, pageCount: 4 });
    await queue.stop();
    // The page under way was finished and kept; the rest wait for the next start.
    expect(queue.status()).toMatchObject({ pendingPages: 2, current: null });
  });
});
