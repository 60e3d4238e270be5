import { useEffect, useState } from 'react';
import type { Dispatch } from '../../../../shared/domain/dispatch';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

export type EditorData =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; dispatch: Dispatch; groups: UnitGroup[]; units: Unit[] };

/** The dispatch, and the groups and units the recipient picker offers (inactive units too, for what was issued to them). */
export function useEditorData(id: number): EditorData {
  const [data, setData] = useState<EditorData>({ state: 'loading' });
  useEffect(() => {
    let stale = false;
    Promise.all([
      api.call('dispatches.get', { id }),
      api.call('groups.list', {}),
      api.call('units.list', { query: '', groupId: null, includeInactive: true }),
    ]).then(
      ([dispatch, groups, units]) => {
        if (!stale) setData({ state: 'ready', dispatch, groups, units });
      },
      (e: unknown) => {
        if (!stale) setData({ state: 'failed', message: errorMessage(e) });
      },
    );
    return () => {
      stale = true;
    };
  }, [id]);
  return data;
}
