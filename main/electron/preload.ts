/**
 * The preload: runs sandboxed, bundled to one CommonJS file (scripts/build.mjs), and puts exactly
 * one object on the page, `window.vanthu` (see shared/bridge.ts). The page never sees
 * ipcRenderer itself, only these three members.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ApiResponse, Method } from '../../shared/api.js';
import { INVOKE_CHANNEL, type VanThuBridge } from '../../shared/bridge.js';

const bridge: VanThuBridge = {
  shell: 'electron',
  invoke(method: string, input: unknown): Promise<ApiResponse<Method>> {
    return (ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<ApiResponse<Method>>).catch(
      // Main never throws by design; this covers the window being torn down mid-call.
      (): ApiResponse<Method> => ({
        ok: false,
        error: { code: 'ipc_failed', message: 'Không liên lạc được với VănThư. Hãy thử lại.' },
      }),
    );
  },
  getPathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('vanthu', bridge);
