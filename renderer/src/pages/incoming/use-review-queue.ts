import { useCallback, useEffect, useState } from 'react';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

/** The documents waiting in "Chờ xác nhận", oldest số đến first: the order a clerk works through them. */
export function useReviewQueue(): { queue: IncomingDocument[] | null; error: string | null; reload(): void } {
  const [queue, setQueue] = useState<IncomingDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let stale = false;
    // The whole queue, in số đến order (the list's own order): the review screen shows its place in it.
    api.call('incoming.list', { status: 'needs_review', year: null }).then(
      (page) => {
        if (stale) return;
        setQueue(page.items);
        setError(null);
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { queue, error, reload };
}
