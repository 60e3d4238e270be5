import { useEffect, useState } from 'react';
import type { Consolidation } from '../../../../shared/domain/form';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

export type PeriodFigures =
  | { state: 'loading' }
  | { state: 'no_form' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; consolidation: Consolidation };

/** The figures of the returned forms for a period, consolidated; 'no_form' when the dispatch has no data form. */
export function usePeriodFigures(dispatchId: number, periodKey: string): PeriodFigures {
  const [figures, setFigures] = useState<{ key: string; figures: PeriodFigures } | null>(null);
  useEffect(() => {
    let stale = false;
    (async (): Promise<PeriodFigures> => {
      if (!(await api.call('forms.get', { dispatchId }))) return { state: 'no_form' };
      return { state: 'ready', consolidation: await api.call('forms.consolidate', { dispatchId, periodKey }) };
    })().then(
      (result) => {
        if (!stale) setFigures({ key: periodKey, figures: result });
      },
      (e: unknown) => {
        if (!stale) setFigures({ key: periodKey, figures: { state: 'failed', message: errorMessage(e) } });
      },
    );
    return () => {
      stale = true;
    };
  }, [dispatchId, periodKey]);
  return figures && figures.key === periodKey ? figures.figures : { state: 'loading' };
}
