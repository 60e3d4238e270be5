import type { Core } from '../../main/api/core.js';
import type { ApiInput, ApiOutput, Method } from '../../shared/api.js';

/** Calls through `core` (validated as the app calls them) that return the result, or throw with the method, code and message. */
export function succeedingCalls(core: Core) {
  return async function call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const r = await core.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.result as ApiOutput<M>;
  };
}
