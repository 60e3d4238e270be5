import type { Db } from '../db/connection.js';
import type { FileStore } from '../files/file-store.js';
import type { Log } from '../app/log.js';
import type { OcrQueueStatus } from '../../shared/domain/ocr.js';
import { fold } from '../../shared/vn/fold.js';

/**
 * The pages after the first of scanned PDFs, read by OCR in the background so that full-text
 * search finds their words (issue 7; page 1 is read at import, which is all recognition needs).
 *
 * The queue is the table ocr_pages: the import adds a row per page, and a row is deleted in the
 * transaction that appends its page's text to the document's full text and search index. So it
 * survives a restart and resumes with exactly the pages not yet read; two processes on the same
 * data folder (the app and `vanthu ocr`) may read a page twice, but only one appends it.
 *
 * The reader runs in the shells that live long (Electron's core process, browser mode) and in
 * `vanthu ocr`; `vanthu import` only queues, and never waits for it.
 */

/** After this many failures a page is left alone (a damaged page, a file missing from the store). */
export const MAX_ATTEMPTS = 3;
/** How often an idle reader looks for pages queued meanwhile (by this app or by `vanthu import`). */
const IDLE_POLL_MS = 5000;

interface QueuedPage {
  file_id: number;
  page: number;
  page_count: number;
  document_id: number;
  sha256: string;
  arrival_number: number;
  arrival_year: number;
}

/** The read note's words for page 1 read by OCR at import. */
export function firstPageOcrNote(confidence: number): string {
  return `đã đọc trang 1 bằng OCR (độ tin cậy ${Math.round(confidence)})`;
}

// A part of a read note (parts are joined by "; ") that firstPageOcrNote or ocrPagesNote wrote, found again to be replaced.
const OCR_NOTE_PART = /^(?:đã đọc (?:trang 1|\d+ trang) bằng OCR(?: \(độ tin cậy \d+\))?|không đọc được trang [\d, ]+ bằng OCR)$/;

/**
 * A file's read note once its queue is done: its words on OCR say how many pages were read
 * ("đã đọc 3 trang bằng OCR") and which could not be, in place of what the import wrote; the
 * rest of the note (a scan's review reason, pages without a text layer) stays.
 */
export function ocrPagesNote(note: string | null, pagesRead: number, failedPages: readonly number[]): string {
  const words = [
    ...(pagesRead > 0 ? [`đã đọc ${pagesRead} trang bằng OCR`] : []),
    ...(failedPages.length > 0 ? [`không đọc được trang ${failedPages.join(', ')} bằng OCR`] : []),
  ].join('; ');
  const rest = (note ?? '').split('; ').filter((part) => part.trim() !== '' && !OCR_NOTE_PART.test(part));
  return [...rest, words].filter(Boolean).join('; ');
}

/** The SQL of the queue. */
export function createOcrPagesStore(db: Db) {
  const add = db.prepare('INSERT OR IGNORE INTO ocr_pages (file_id, page, page_count, queued_at) VALUES (?, ?, ?, ?)');
  const countRead = db.prepare('UPDATE incoming_files SET ocr_pages_read = ocr_pages_read + 1 WHERE id = ?');
  const pendingOfFile = db.prepare<[number, number], number>('SELECT count(*) FROM ocr_pages WHERE file_id = ? AND attempts < ?').pluck();
  const failedOfFile = db.prepare<[number, number], number>('SELECT page FROM ocr_pages WHERE file_id = ? AND attempts >= ? ORDER BY page').pluck();
  const fileNote = db.prepare<[number], { read_note: string | null; ocr_pages_read: number }>('SELECT read_note, ocr_pages_read FROM incoming_files WHERE id = ?');
  const setNote = db.prepare('UPDATE incoming_files SET read_note = ? WHERE id = ?');

  /** Once no page of the file is left to read, its read note says how many pages OCR read. */
  function noteWhenDone(fileId: number): void {
    if (pendingOfFile.get(fileId, MAX_ATTEMPTS)) return;
    const file = fileNote.get(fileId);
    if (file) setNote.run(ocrPagesNote(file.read_note, file.ocr_pages_read, failedOfFile.all(fileId, MAX_ATTEMPTS)), fileId);
  }
  const next = db.prepare<[number], QueuedPage>(`
    SELECT q.file_id, q.page, q.page_count, f.document_id, f.sha256, d.arrival_number, d.arrival_year
      FROM ocr_pages q JOIN incoming_files f ON f.id = q.file_id JOIN incoming_documents d ON d.id = f.document_id
     WHERE q.attempts < ?
     ORDER BY f.document_id, q.file_id, q.page LIMIT 1`);
  const remove = db.prepare('DELETE FROM ocr_pages WHERE file_id = ? AND page = ?');
  const appendText = db.prepare("UPDATE incoming_documents SET full_text = full_text || ? WHERE id = ?");
  const appendIndex = db.prepare("UPDATE incoming_search SET folded = folded || ? WHERE rowid = ?");
  const insertIndex = db.prepare('INSERT INTO incoming_search (rowid, folded) VALUES (?, ?)');
  const fail = db.prepare('UPDATE ocr_pages SET attempts = attempts + 1, last_error = ? WHERE file_id = ? AND page = ?');
  const counts = db.prepare<[{ max: number }], { pending: number; documents: number; failed: number }>(`
    SELECT count(*) FILTER (WHERE q.attempts < @max) AS pending,
           count(DISTINCT f.document_id) FILTER (WHERE q.attempts < @max) AS documents,
           count(*) FILTER (WHERE q.attempts >= @max) AS failed
      FROM ocr_pages q JOIN incoming_files f ON f.id = q.file_id`);

  return {
    /** Queues `pages` (2 and after: page 1 is read at import) of a stored PDF of `pageCount` pages. */
    enqueue(fileId: number, pages: readonly number[], pageCount: number, now: string): void {
      for (const page of pages) add.run(fileId, page, pageCount, now);
    },
    next: (): QueuedPage | undefined => next.get(MAX_ATTEMPTS),
    /** Appends the page's text to its document, once: a page another process already did adds nothing. */
    complete: db.transaction((job: QueuedPage, text: string): void => {
      if (remove.run(job.file_id, job.page).changes === 0) return;
      countRead.run(job.file_id);
      const words = text.trim();
      if (words !== '') {
        appendText.run(`\n\n${words}`, job.document_id);
        const folded = `\n${fold(words)}`;
        if (appendIndex.run(folded, job.document_id).changes === 0) insertIndex.run(job.document_id, folded);
      }
      noteWhenDone(job.file_id);
    }),
    fail: db.transaction((job: QueuedPage, reason: string): void => {
      fail.run(reason, job.file_id, job.page);
      noteWhenDone(job.file_id);
    }),
    counts: () => counts.get({ max: MAX_ATTEMPTS }) ?? { pending: 0, documents: 0, failed: 0 },
  };
}

/** A page the queue dealt with: which, and whether its text was read (false: it failed). */
export type PageOutcome = NonNullable<OcrQueueStatus['current']> & { read: boolean };

export interface OcrQueueOptions {
  /** The text of one page (1-based) of a PDF. */
  readPage(bytes: Buffer, page: number): Promise<string>;
  /** The OCR setting, read before every page: off, nothing is read (the queue is kept). */
  enabled(): boolean;
  log: Pick<Log, 'warn'>;
}

export function createOcrQueue(db: Db, files: FileStore, options: OcrQueueOptions) {
  const store = createOcrPagesStore(db);
  let current: OcrQueueStatus['current'] = null;
  let stopping = false;
  let background: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  // Consecutive pages usually come from the same file: it is read from the store once.
  let lastFile: { sha256: string; bytes: Buffer } | null = null;

  /** Reads the next page; null when there was none to read (or OCR is off, or the data is closed). */
  async function readNext(): Promise<PageOutcome | null> {
    if (!db.open || !options.enabled()) return null;
    const job = store.next();
    if (!job) {
      lastFile = null; // not kept in memory while idle
      return null;
    }
    const page = { documentId: job.document_id, arrivalNumber: job.arrival_number, arrivalYear: job.arrival_year, page: job.page, pageCount: job.page_count };
    current = page;
    try {
      if (lastFile?.sha256 !== job.sha256) lastFile = { sha256: job.sha256, bytes: files.get(job.sha256) };
      const text = await options.readPage(lastFile.bytes, job.page);
      if (!db.open) return null;
      store.complete(job, text);
      return { ...page, read: true };
    } catch (error) {
      lastFile = null;
      if (!db.open || stopping) return null; // the app is closing: the page stays queued for next time
      store.fail(job, error instanceof Error ? error.message : String(error));
      options.log.warn(`Không đọc được trang ${job.page} của văn bản đến số ${job.arrival_number}/${job.arrival_year} bằng OCR`, error);
      return { ...page, read: false };
    } finally {
      current = null;
    }
  }

  function status(): OcrQueueStatus {
    const c = db.open ? store.counts() : { pending: 0, documents: 0, failed: 0 };
    return { enabled: db.open && options.enabled(), pendingPages: c.pending, documents: c.documents, failedPages: c.failed, current };
  }

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref(); // an idle queue never keeps the process alive
      function done(): void {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  return {
    status,

    /** Reads in the background until `stop()`: page after page, then a look every few seconds for more. */
    start(): void {
      if (background) return;
      stopping = false;
      background = (async () => {
        while (!stopping) {
          let outcome: PageOutcome | null = null;
          try {
            outcome = await readNext();
          } catch (error) {
            // The database busy or closing under it: never an unhandled rejection; try again later.
            if (db.open) options.log.warn('Hàng đợi nhận dạng chữ gặp lỗi, sẽ thử lại sau', error);
          }
          if (outcome === null) await pause(IDLE_POLL_MS);
        }
      })().finally(() => {
        background = null;
      });
    },

    /**
     * Stops reading after the page being read; resolves once stopped. Nothing is lost: a page
     * cut short stays queued. On app exit it is not awaited (terminating OCR ends that page).
     */
    async stop(): Promise<void> {
      stopping = true;
      wakeUp?.();
      await background;
    },

    /** Reads every queued page now, in this call (`vanthu ocr`, tests); `onPage` after each. */
    async runUntilEmpty(onPage?: (outcome: PageOutcome) => void): Promise<{ pagesRead: number; pagesFailed: number; seconds: number }> {
      const started = performance.now();
      let pagesRead = 0;
      let pagesFailed = 0;
      stopping = false;
      while (!stopping) {
        const outcome = await readNext();
        if (outcome === null) break;
        if (outcome.read) pagesRead++;
        else pagesFailed++;
        onPage?.(outcome);
      }
      return { pagesRead, pagesFailed, seconds: (performance.now() - started) / 1000 };
    },
  };
}
