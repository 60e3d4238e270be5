import { z } from 'zod';
import { Id } from './common.js';

/**
 * The background reading of scanned pages (issue 7): page 1 of a scan is read at import, the
 * pages after it wait in a queue and are read one at a time so that search finds their words.
 */
export const OcrQueueStatus = z.object({
  /** The OCR setting (Cài đặt → Quy tắc làm việc); off: nothing is queued or read. */
  enabled: z.boolean(),
  /** Pages still to read, and how many received documents they belong to. */
  pendingPages: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  /** Pages given up on after repeated failures (a damaged page, say); their document keeps what was read. */
  failedPages: z.number().int().nonnegative(),
  /** The page being read now by this app; null when idle (or when another process reads). */
  current: z
    .object({
      documentId: Id,
      arrivalNumber: z.number().int(),
      arrivalYear: z.number().int(),
      page: z.number().int(),
      pageCount: z.number().int(),
    })
    .nullable(),
});
export type OcrQueueStatus = z.infer<typeof OcrQueueStatus>;
