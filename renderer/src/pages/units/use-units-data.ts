import { useCallback, useEffect, useState } from 'react';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';

interface UnitsData {
  /** Null until the first answer arrives. */
  units: Unit[] | null;
  groups: UnitGroup[];
  error: string | null;
  reload(): void;
}

/** The units matching `query` (the core folds diacritics) and the groups, reloaded on demand. */
export function useUnitsData(query: string, includeInactive: boolean): UnitsData {
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [groups, setGroups] = useState<UnitGroup[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let stale = false;
    api.call('units.list', { query, groupId: null, includeInactive }).then(
      (result) => {
        if (stale) return;
        setUnits(result);
        setError(null);
      },
      (e: unknown) => {
        if (!stale) setError(errorMessage(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [query, includeInactive, version]);

  useEffect(() => {
    let stale = false;
    api.call('groups.list', {}).then(
      (result) => {
        if (!stale) setGroups(result);
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
  return { units, groups, error, reload };
}
