import { useEffect, useState } from 'react';
import type { ApiInput, ApiOutput, Method } from '../../../shared/api';
import { api } from './client';

/**
 * What `method` answers for `input`, asked again whenever the input changes (null input: nothing
 * is asked). Null until the answer comes, and when the call fails: for what a screen can do
 * without (it says nothing about the failure).
 */
export function useApiValue<M extends Method>(method: M, input: ApiInput<M> | null): ApiOutput<M> | null {
  const key = input === null ? null : JSON.stringify(input);
  const [answer, setAnswer] = useState<{ key: string; value: ApiOutput<M> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let stale = false;
    api.call(method, JSON.parse(key) as ApiInput<M>).then(
      (value) => {
        if (!stale) setAnswer({ key, value });
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [method, key]);
  return answer !== null && answer.key === key ? answer.value : null;
}
