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
    api.call('incoming.list', { status: 'needs_review', year: null }).then(
      (documents) => {
        if (stale) return;
        setQueue([...documents].sort((a, b) => a.arrivalYear - b.arrivalYear || a.arrivalNumber - b.arrivalNumber));
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
