import { useEffect, useState } from 'react';
import type { OcrQueueStatus } from '../../../shared/domain/ocr';
import { api } from '../api/client';
import { useImportSession } from '../pages/intake/ImportSessionProvider';
import { routeHref } from './routes';

/** How often the status bar asks while pages are being read, and while none wait. */
const BUSY_POLL_MS = 2000;
const IDLE_POLL_MS = 15000;

/** "Đang nhận dạng chữ: văn bản đến số 3/2019, trang 3/12 … (còn 14 trang)"; null when nothing is being read. */
export function ocrProgressText(s: OcrQueueStatus): string | null {
  if (!s.enabled || s.pendingPages === 0) return null;
  if (!s.current) return `Chờ nhận dạng chữ: ${s.pendingPages} trang`;
  const { arrivalNumber, arrivalYear, page, pageCount } = s.current;
  // The pages of this document after the one being read, and any of other documents.
  const others = s.pendingPages - (pageCount - page + 1);
  return `Đang nhận dạng chữ: văn bản đến số ${arrivalNumber}/${arrivalYear}, trang ${page}/${pageCount} …${others > 0 ? ` (còn ${others} trang khác)` : ''}`;
}

/**
 * The status bar's quiet note while the pages after the first of scans are read in the
 * background (for search): nothing when no page waits. Links to the document being read.
 * Asks again at once whenever an import of this window moves on, since that may queue pages.
 */
export function OcrProgress() {
  const { queue: imports } = useImportSession();
  const [status, setStatus] = useState<OcrQueueStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (ms: number): void => {
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(poll, ms);
    };
    function poll(): void {
      api.call('ocr.status', {}).then(
        (s) => {
          if (stopped) return;
          setStatus(s);
          schedule(s.pendingPages > 0 ? BUSY_POLL_MS : IDLE_POLL_MS);
        },
        // A note, not a feature: if the core cannot answer, ask again later.
        () => schedule(IDLE_POLL_MS),
      );
    }
    poll();
    const unsubscribe = imports.subscribe(() => schedule(0));
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [imports]);

  const text = status && ocrProgressText(status);
  if (!status || !text) return null;
  const title = 'Các trang sau trang đầu của văn bản scan được đọc dần để tìm kiếm được cả nội dung; có thể tiếp tục làm việc.';
  return (
    <span className="status-bar-item status-bar-ocr" role="status" title={title} data-testid="ocr-progress">
      {status.current ? <a href={routeHref('incoming', status.current.documentId)}>{text}</a> : text}
    </span>
  );
}
