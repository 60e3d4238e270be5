/**
 * The Electron main process: owns the window, the menu and the relay to the core; does no work
 * of its own (the core runs in a utility process, see core-host.ts / core-process.ts). Bundled to
 * dist/electron/main.cjs, so paths are taken from __dirname (dist/electron), never import.meta.
 */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  session,
  shell,
  utilityProcess,
  type Session,
  type WebContents,
} from 'electron';
import { defaultDataDir } from '../app/data-dir.js';
import { CoreHost, type CoreChild, type SpawnCore } from './core-host.js';
import type { ToCoreMessage } from './core-protocol.js';
import { registerInvokeHandler } from './ipc.js';
import { printHtmlToPdf } from './print-pdf.js';
import { aboutDetail, applicationMenuTemplate } from './menu.js';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './protocol.js';
import { APP_ENTRY_URL, isAllowedNavigation, isBlockedRequestUrl, mainWindowOptions } from './security.js';

const distDir = path.join(__dirname, '..'); // dist/
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const coreScriptPath = path.join(__dirname, 'core-process.cjs');
const iconPath = path.join(distDir, '..', 'resources', 'icon.png');

// --- Before `ready` -------------------------------------------------------------------------

// One data folder for every shell (CLI, browser mode, this app). Chromium's own files (cache,
// local storage) go in a subfolder so vanthu.db and files/ stay easy to find and back up.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'chromium'));
if (process.platform === 'win32') app.setAppUserModelId('vn.vanthu.app'); // taskbar grouping = appId
app.enableSandbox();
registerAppSchemeAsPrivileged();

let mainWindow: BrowserWindow | null = null;
let core: CoreHost | null = null;
let coreClosed = false;

function log(message: string, error?: unknown): void {
  console.error(`[VănThư] ${message}`, error ?? '');
}

// The lock lives in userData, so it is per data folder: a second start on the same data focuses
// the first window instead of opening the database twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    // Let the core finish its calls and close the database before the process goes.
    if (core === null || coreClosed) return;
    event.preventDefault();
    const closing = core;
    coreClosed = true;
    // Room for the core's quick backup at exit (bounded at 15 s there, see maintenance.ts).
    void closing.shutdown(20_000).finally(() => app.quit());
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) createWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('Không khởi động được VănThư', error);
      dialog.showErrorBox('VănThư', 'Không khởi động được VănThư. Hãy thử mở lại; nếu vẫn lỗi, hãy báo bộ phận kỹ thuật.');
      app.exit(1);
    });
}

// --- After `ready` --------------------------------------------------------------------------

function start(): void {
  handleAppProtocol(rendererDir);
  hardenSession(session.defaultSession);
  core = new CoreHost(spawnCore, { log, printPdf: printHtmlToPdf, chooseSavePath });
  core.start();
  registerInvokeHandler({ getWindow: () => mainWindow, core });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(applicationMenuTemplate({ isPackaged: app.isPackaged, onAbout: () => void showAbout() })),
  );
  createWindow();
}

function createWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, { devTools: !app.isPackaged, iconPath }));
  mainWindow = window;
  // The title stays "VănThư" whatever the page's <title> says.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log('Không tải được giao diện', error);
    window.show();
  });
}

/** "Sao lưu ngay": where to save a copy, chosen by the clerk in the save dialog; null when cancelled. */
async function chooseSavePath(suggestedName: string): Promise<string | null> {
  const options = {
    title: 'Lưu bản sao lưu VănThư',
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'Bản sao lưu VănThư', extensions: ['vanthu-backup'] }],
  };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Utility process for the core; messages wait until it has spawned. */
const spawnCore: SpawnCore = (events) => {
  const child = utilityProcess.fork(coreScriptPath, [], {
    serviceName: 'VănThư core',
    stdio: 'inherit',
    env: { ...process.env, VANTHU_DATA: dataDir },
  });
  let spawned = false;
  const queue: ToCoreMessage[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const message of queue.splice(0)) child.postMessage(message);
  });
  child.on('message', (message: unknown) => events.onMessage(message));
  child.on('exit', (code) => events.onExit(code));
  const handle: CoreChild = {
    postMessage: (message) => (spawned ? child.postMessage(message) : queue.push(message)),
    kill: () => {
      child.kill();
    },
  };
  return handle;
};

/** Applies to every webContents ever created, the main window's included. */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function hardenSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequestUrl(details.url) }));
}

async function showAbout(): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'Giới thiệu VănThư',
    message: `VănThư ${app.getVersion()}`,
    detail: aboutDetail({ version: app.getVersion(), dataDir }),
    buttons: ['Đóng', 'Mở thư mục dữ liệu'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response === 1) {
    const problem = await shell.openPath(dataDir);
    if (problem) log(`Không mở được thư mục dữ liệu: ${problem}`);
  }
}
