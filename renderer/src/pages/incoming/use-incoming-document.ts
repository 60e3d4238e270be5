import { useEffect, useState } from 'react';
import type { IncomingDocument } from '../../../../shared/domain/incoming';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

/** A received document by id; `setDocument` shows what a later call returned (after forwarding, say). */
export function useIncomingDocument(id: number) {
  const [document, setDocument] = useState<IncomingDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    api.call('incoming.get', { id }).then(
      (d) => {
        if (!stale) setDocument(d);
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [id]);
  return { document, error, setDocument };
}
