import type { VanThuBridge } from '../../../shared/bridge';

// The Electron preload puts the bridge on `window.vanthu`; in browser mode it is absent.
declare global {
  interface Window {
    vanthu?: VanThuBridge;
  }
}

export type { VanThuBridge };
