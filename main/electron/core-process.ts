/**
 * The core, running in Electron's utility process (forked by main.ts through CoreHost).
 * better-sqlite3 is synchronous and imports are heavy: here they never block the window.
 * Receives `{ type: 'call', id, method, input }` on process.parentPort and answers
 * `{ id, response }`; `core.call` validates the input and never throws.
 */
import { defaultDataDir } from '../app/data-dir.js';
import { preferSmallHeap } from '../app/memory.js';
import type { Core } from '../api/core.js';
import type { ApiResponse, Method } from '../../shared/api.js';
import {
  isCoreCallMessage,
  isCorePrintResultMessage,
  isCoreSaveDialogResultMessage,
  isCoreShutdownMessage,
  type CorePrintRequestMessage,
  type CoreSaveDialogRequestMessage,
  type CoreReplyMessage,
} from './core-protocol.js';

const port = process.parentPort;
if (!port) {
  console.error('core-process phải được chạy trong utilityProcess của Electron.');
  process.exit(2);
}

preferSmallHeap();

// main.ts passes the data folder it chose (and gave Chromium) in VANTHU_DATA.
const dataDir = defaultDataDir();

// Loaded lazily so a failure to open (a native module built for the wrong ABI, a locked or
// damaged database) becomes an answer to every call instead of a crash-and-restart loop.
const corePromise: Promise<Core> = import('../api/core.js').then(({ openCore }) =>
  openCore({ dataDir, shell: 'electron', printPdf: printThroughMain, chooseSavePath: saveDialogThroughMain }),
);

// PDFs are printed by the main process (printToPDF of a hidden window); the core waits for the bytes.
let nextPrintId = 1;
const printsInFlight = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();

function printThroughMain(html: string): Promise<Buffer> {
  const requestId = nextPrintId++;
  return new Promise((resolve, reject) => {
    printsInFlight.set(requestId, { resolve, reject });
    const request: CorePrintRequestMessage = { type: 'print-pdf', requestId, html };
    port.postMessage(request);
  });
}
// "Sao lưu ngay" asks main for the save dialog and waits for the clerk's choice.
let nextSaveDialogId = 1;
const saveDialogsOpen = new Map<number, (path: string | null) => void>();

function saveDialogThroughMain(suggestedName: string): Promise<string | null> {
  const requestId = nextSaveDialogId++;
  return new Promise((resolve) => {
    saveDialogsOpen.set(requestId, resolve);
    const request: CoreSaveDialogRequestMessage = { type: 'save-dialog', requestId, suggestedName };
    port.postMessage(request);
  });
}

corePromise.then(
  // Here, off the window's thread: pages 2+ of scans read by OCR, automatic backups, database checks.
  (core) => core.startBackground(),
  (error: unknown) => console.error('[VănThư] Không mở được dữ liệu:', error),
);

const UNAVAILABLE: ApiResponse<Method> = {
  ok: false,
  error: {
    code: 'core_unavailable',
    message: `Không mở được dữ liệu VănThư trong thư mục ${dataDir}. Hãy đóng các cửa sổ VănThư khác rồi mở lại; nếu vẫn lỗi, hãy báo bộ phận kỹ thuật.`,
  },
};

let inFlight = 0;
let shuttingDown = false;

async function handleCall(id: number, method: string, input: unknown): Promise<void> {
  inFlight += 1;
  let response: ApiResponse<Method>;
  try {
    const core = await corePromise;
    response = await core.call(method, input);
  } catch {
    response = UNAVAILABLE; // already logged above
  } finally {
    inFlight -= 1;
  }
  const reply: CoreReplyMessage = { id, response };
  port.postMessage(reply);
  if (shuttingDown && inFlight === 0) void finish();
}

async function finish(): Promise<void> {
  try {
    const core = await corePromise;
    await core.shutdown(); // the quick backup at exit, bounded in time
  } catch {
    // Nothing was opened: nothing to close.
  }
  process.exit(0);
}

port.on('message', (event) => {
  const message: unknown = event.data;
  if (isCorePrintResultMessage(message)) {
    const waiting = printsInFlight.get(message.requestId);
    printsInFlight.delete(message.requestId);
    if (message.base64 !== null) waiting?.resolve(Buffer.from(message.base64, 'base64'));
    else waiting?.reject(new Error(message.error ?? 'printToPDF failed'));
    return;
  }
  if (isCoreSaveDialogResultMessage(message)) {
    saveDialogsOpen.get(message.requestId)?.(message.path);
    saveDialogsOpen.delete(message.requestId);
    return;
  }
  if (isCoreShutdownMessage(message)) {
    shuttingDown = true;
    if (inFlight === 0) void finish();
    return;
  }
  if (!isCoreCallMessage(message)) {
    console.error('[VănThư] Thông điệp không hợp lệ gửi tới tiến trình lõi.');
    return;
  }
  void handleCall(message.id, message.method, message.input);
});
