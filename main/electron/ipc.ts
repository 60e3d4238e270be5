/**
 * The one IPC handler: checks who is asking and what, then relays the call to the core.
 * The checks themselves are the pure functions in security.ts.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiResponse, Method } from '../../shared/api.js';
import { INVOKE_CHANNEL } from '../../shared/bridge.js';
import type { CoreHost } from './core-host.js';
import { forbiddenError, isTrustedSender, validateInvokeArgs, type SenderInfo } from './security.js';

function describeSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): SenderInfo {
  const frame = event.senderFrame;
  if (window === null || window.isDestroyed() || frame === null) {
    return { frameUrl: frame?.url ?? null, isMainFrame: false, isOurWindow: false };
  }
  const mainFrame = window.webContents.mainFrame;
  return {
    frameUrl: frame.url,
    // Compared by identity numbers, not object identity: WebFrameMain wrappers may differ.
    isMainFrame:
      frame.parent === null && frame.processId === mainFrame.processId && frame.routingId === mainFrame.routingId,
    isOurWindow: event.sender.id === window.webContents.id,
  };
}

export function registerInvokeHandler(deps: { getWindow: () => BrowserWindow | null; core: CoreHost }): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<ApiResponse<Method>> => {
      if (!isTrustedSender(describeSender(event, deps.getWindow()))) {
        return { ok: false, error: forbiddenError() };
      }
      const checked = validateInvokeArgs(method, input);
      if (!checked.ok) return { ok: false, error: checked.error };
      return deps.core.call(checked.method, checked.input);
    },
  );
}
