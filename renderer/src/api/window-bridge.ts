/** What the Electron preload exposes as `window.vanthu` (absent in browser mode). */
export interface VanThuBridge {
  shell: 'electron';
  invoke(method: string, input: unknown): Promise<unknown>;
  getPathForFile(file: File): string;
}

declare global {
  interface Window {
    vanthu?: VanThuBridge;
  }
}
