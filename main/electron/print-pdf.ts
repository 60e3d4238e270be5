/**
 * PDF in the Electron app: the document's own HTML (the preview's) printed by Chromium's
 * printToPDF in a hidden window — no script, no network, its own in-memory session.
 */
import { BrowserWindow, session } from 'electron';
import { isBlockedRequestUrl } from './security.js';

const PRINT_PARTITION = 'vanthu-print';

export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequestUrl(details.url) }));
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
    },
  });
  try {
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await window.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    window.destroy();
  }
}
