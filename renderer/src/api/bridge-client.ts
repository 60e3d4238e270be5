import type { ApiClient, ApiInput, ApiOutput, ApiResponse, Method } from '../../../shared/api';
import { unwrapResponse } from './unwrap-response';
import type { VanThuBridge } from './window-bridge';

/** Electron: the preload's contextBridge object relays each call to the core over IPC. */
export function createBridgeClient(bridge: VanThuBridge): ApiClient {
  return {
    async call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const response = (await bridge.invoke(method, input)) as ApiResponse<M>;
      return unwrapResponse(response);
    },
  };
}
