import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { parseDate } from '../../formatting/dates';
import { readFileBytes } from '../../components/read-file-bytes';
import { ImportQueue, type ImportEntry, type ImportItem } from './import-queue';

interface ImportSession {
  queue: ImportQueue;
  /** "Ngày nhận" as the clerk typed it; blank means the e-mail's date, else today. */
  receivedDateText: string;
  setReceivedDateText(text: string): void;
  /** Queues files with the received date typed; false (nothing queued) when that date is not a real date. */
  enqueue(entries: readonly ImportEntry[]): boolean;
}

interface ReviewCount {
  /** How many received documents wait in "Chờ xác nhận"; null until known. */
  count: number | null;
  refresh(): void;
}

const ImportSessionContext = createContext<ImportSession | null>(null);
const ReviewCountContext = createContext<ReviewCount | null>(null);

function importOne(item: ImportItem) {
  const { source, receivedDate } = item;
  if (source.kind === 'path') return api.call('intake.importPaths', { paths: [source.path], receivedDate });
  return readFileBytes(source.file).then((file) => api.call('intake.importFiles', { files: [file], receivedDate }));
}

/** The import queue and the review count, shared by the navigation, the drop overlay and the incoming screens. */
export function ImportSessionProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState<number | null>(null);
  const [receivedDateText, setReceivedDateText] = useState('');

  const refresh = useCallback(() => {
    // Only the total is wanted: one row is the least a page can hold.
    api.call('incoming.list', { status: 'needs_review', year: null, limit: 1 }).then(
      (page) => setCount(page.total),
      () => undefined, // only a badge: the review screen reports a failure itself
    );
  }, []);
  const [queue] = useState(() => new ImportQueue(importOne, refresh, errorMessage));

  useEffect(() => {
    refresh();
  }, [refresh]);

  const enqueue = useCallback(
    (entries: readonly ImportEntry[]): boolean => {
      const receivedDate = parseDate(receivedDateText);
      if (receivedDate === undefined) return false;
      queue.add(entries, receivedDate);
      return true;
    },
    [queue, receivedDateText],
  );

  const session = useMemo(() => ({ queue, receivedDateText, setReceivedDateText, enqueue }), [queue, receivedDateText, enqueue]);
  const reviewCount = useMemo(() => ({ count, refresh }), [count, refresh]);

  return (
    <ImportSessionContext.Provider value={session}>
      <ReviewCountContext.Provider value={reviewCount}>{children}</ReviewCountContext.Provider>
    </ImportSessionContext.Provider>
  );
}

export function useImportSession(): ImportSession {
  const session = useContext(ImportSessionContext);
  if (!session) throw new Error('useImportSession() dùng ngoài <ImportSessionProvider>.');
  return session;
}

export function useReviewCount(): ReviewCount {
  const reviewCount = useContext(ReviewCountContext);
  if (!reviewCount) throw new Error('useReviewCount() dùng ngoài <ImportSessionProvider>.');
  return reviewCount;
}
