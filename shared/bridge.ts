/**
 * The one object the Electron preload puts on `window.vanthu` (contextBridge). The renderer
 * declares `window.vanthu?: VanThuBridge`: when it is there the app runs in Electron, otherwise
 * the renderer talks to browser mode over fetch. Keep this shape tiny: every capability added
 * here is reachable by any script that ever runs in the page.
 */
import type { ApiResponse, Method } from './api.js';

export interface VanThuBridge {
  readonly shell: 'electron';
  /**
   * Sends one API call to the core (main validates the sender and the arguments, the core
   * validates the input with the schemas in shared/api.ts). Never rejects: failures come back as
   * `{ ok: false, error }` with a Vietnamese message.
   */
  invoke(method: string, input: unknown): Promise<ApiResponse<Method>>;
  /** The file-system path of a dropped or picked file (Electron's `webUtils.getPathForFile`); '' when it has none. */
  getPathForFile(file: File): string;
}

/** The single IPC channel between the preload and the main process. */
export const INVOKE_CHANNEL = 'vanthu:invoke';
