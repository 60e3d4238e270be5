// The Electron shell's rules, checked in plain Node: this machine has no Electron binary
// (DESIGN §6). The pure decisions (security.ts, menu.ts, core-host.ts) are called directly;
// the thin wiring (preload, IPC, protocol, main) runs against a recording stand-in for `electron`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResponse, Method } from '../../shared/api.js';
import { INVOKE_CHANNEL, type VanThuBridge } from '../../shared/bridge.js';
import { CORE_CRASHED_MESSAGE, CoreHost, type CoreChild, type CoreChildEvents } from '../../main/electron/core-host.js';
import type { ToCoreMessage } from '../../main/electron/core-protocol.js';
import { aboutDetail, applicationMenuTemplate } from '../../main/electron/menu.js';
import {
  APP_ENTRY_URL,
  MAX_INVOKE_INPUT_CHARS,
  contentSecurityPolicy,
  isAllowedNavigation,
  isAppUrl,
  isBlockedRequestUrl,
  isTrustedSender,
  mainWindowOptions,
  resolveAppProtocolPath,
  responseHeadersFor,
  validateInvokeArgs,
  webPreferencesFor,
} from '../../main/electron/security.js';

// ---------------------------------------------------------------------------------------------
// A recording stand-in for the `electron` module (only what our code touches).

type Listener = (...args: unknown[]) => unknown;

const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above, so it imports what it needs itself.
  const { EventEmitter: Emitter } = await import('node:events');
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const exposed = new Map<string, unknown>();
  const windows: FakeWindow[] = [];
  const children: FakeChild[] = [];
  const session = {
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    beforeRequest: null as Listener | null,
  };

  class FakeChild extends Emitter {
    posted: unknown[] = [];
    killed = false;
    postMessage(message: unknown): void {
      this.posted.push(message);
    }
    kill(): boolean {
      this.killed = true;
      return true;
    }
  }

  class FakeWebContents extends Emitter {
    static nextId = 1;
    id = FakeWebContents.nextId++;
    mainFrame = { processId: 7, routingId: this.id * 10, parent: null, url: '' };
    windowOpenHandler: Listener | null = null;
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpenHandler = handler;
    }
  }

  class FakeWindow extends Emitter {
    webContents = new FakeWebContents();
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    show(): void {}
    focus(): void {}
    restore(): void {}
  }

  const module = {
    app: {
      isPackaged: false,
      setPath: (name: string, value: string) => calls.push(`setPath ${name} ${value}`),
      setAppUserModelId: () => calls.push('setAppUserModelId'),
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return true;
      },
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => {
        calls.push('whenReady');
        return Promise.resolve();
      },
      isReady: () => true,
      getVersion: () => '0.1.0',
      quit: () => calls.push('quit'),
      exit: () => calls.push('exit'),
    },
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: () => calls.push('setApplicationMenu'),
    },
    dialog: { showErrorBox: () => undefined, showMessageBox: async () => ({ response: 0 }) },
    shell: { openPath: async () => '' },
    ipcMain: { handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (session.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (session.permissionCheck = handler),
        webRequest: { onBeforeRequest: (handler: Listener) => (session.beforeRequest = handler) },
      },
    },
    utilityProcess: {
      fork: (modulePath: string, _args: string[], options: { env?: Record<string, string | undefined> }) => {
        const child = new FakeChild();
        Object.assign(child, { modulePath, env: options.env });
        children.push(child);
        calls.push('utilityProcess.fork');
        return child;
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, result: null })) },
    webUtils: { getPathForFile: (file: { name: string }) => `/picked/${file.name}` },
  };
  return { module, calls, appListeners, ipcHandlers, protocolHandlers, exposed, windows, children, session };
});

vi.mock('electron', () => fake.module);

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vanthu-electron-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe('web preferences and window', () => {
  it('isolates and sandboxes the renderer, without Node', () => {
    const prefs = webPreferencesFor('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(webPreferencesFor('/p', { devTools: true }).devTools).toBe(true);
  });

  it('opens one 1280×800 window titled VănThư, at least 1024×680, hidden until painted', () => {
    const options = mainWindowOptions('/p');
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 680, title: 'VănThư', show: false });
    expect(options.webPreferences?.sandbox).toBe(true);
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy();
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows only our own scripts: no eval, no inline script', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('locks down objects, base, framing, forms and connections', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('is sent with every file, with the right type and no sniffing', () => {
    const html = responseHeadersFor('/r/index.html');
    expect(html['Content-Security-Policy']).toBe(csp);
    expect(html['Content-Type']).toBe('text/html; charset=utf-8');
    expect(html['X-Content-Type-Options']).toBe('nosniff');
    expect(responseHeadersFor('/r/assets/index-abc.js')['Content-Type']).toMatch(/^text\/javascript/);
    expect(responseHeadersFor('/r/x.unknown')['Content-Type']).toBe('application/octet-stream');
  });
});

describe('navigation and requests', () => {
  it('allows navigation only within app://vanthu', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://vanthu/units?x=1#top')).toBe(true);
    expect(isAllowedNavigation('https://evil.example/')).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://evil/index.html')).toBe(false);
    expect(isAllowedNavigation('app://user:pw@vanthu/index.html')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
    expect(isAppUrl('app://vanthu.evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://vanthu:8080/index.html')).toBe(false);
  });

  it('cancels network and file requests, keeps our own and Chromium internals', () => {
    expect(isBlockedRequestUrl('https://evil.example/x.js')).toBe(true);
    expect(isBlockedRequestUrl('http://127.0.0.1/')).toBe(true);
    expect(isBlockedRequestUrl('wss://evil.example/')).toBe(true);
    expect(isBlockedRequestUrl('file:///C:/Windows/win.ini')).toBe(true);
    expect(isBlockedRequestUrl('app://vanthu/assets/a.js')).toBe(false);
    expect(isBlockedRequestUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isBlockedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(false);
  });
});

describe('IPC sender', () => {
  const ok = { frameUrl: 'app://vanthu/index.html', isMainFrame: true, isOurWindow: true };
  it('trusts the main frame of our window showing our page', () => {
    expect(isTrustedSender(ok)).toBe(true);
  });
  it('rejects subframes, other windows, foreign pages and vanished frames', () => {
    expect(isTrustedSender({ ...ok, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ok, isOurWindow: false })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'app://other/index.html' })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null })).toBe(false);
  });
});

describe('app:// file resolution', () => {
  const root = path.resolve('/srv/vanthu/dist/renderer');

  it('maps our URLs to files inside dist/renderer', () => {
    expect(resolveAppProtocolPath(root, 'app://vanthu/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppProtocolPath(root, 'app://vanthu/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppProtocolPath(root, 'app://vanthu/assets/index-1a2b.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-1a2b.js'),
    );
    expect(resolveAppProtocolPath(root, 'app://vanthu/fonts/T%C3%AAn%20m%E1%BB%9Bi.woff2')).toBe(
      path.join(root, 'fonts', 'Tên mới.woff2'),
    );
  });

  it.each([
    'app://vanthu/..%2f..%2fetc%2fpasswd',
    'app://vanthu/assets/..%2F..%2F..%2Fsecret.txt',
    'app://vanthu/assets/%2e%2e%2f%2e%2e%2fx',
    'app://vanthu/..%5c..%5cWindows%5cwin.ini',
    'app://vanthu/C:%2FWindows%2Fwin.ini',
    'app://vanthu/index.html%00.png',
    'app://vanthu/%E0%A4%A',
    'app://evil/index.html',
    'https://vanthu/index.html',
    'file:///etc/passwd',
  ])('rejects %s', (url) => {
    expect(resolveAppProtocolPath(root, url)).toBeNull();
  });

  it('never returns a path outside the root, whatever the URL', () => {
    // The URL parser itself folds `..` and `%2e%2e` segments at the root (as Chromium does).
    const tricky = ['app://vanthu/%2e%2e/%2e%2e/etc/passwd', 'app://vanthu/../../x', 'app://vanthu/a/../../x', 'app://vanthu//etc/passwd', 'app://vanthu/./a/./b'];
    for (const url of tricky) {
      const resolved = resolveAppProtocolPath(root, url);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('IPC arguments', () => {
  it('accepts a known method with a plain object (or nothing) as input', () => {
    expect(validateInvokeArgs('units.list', { query: 'a' })).toEqual({ ok: true, method: 'units.list', input: { query: 'a' } });
    expect(validateInvokeArgs('app.info', undefined)).toEqual({ ok: true, method: 'app.info', input: {} });
    expect(validateInvokeArgs('app.info', Object.create(null))).toMatchObject({ ok: true });
  });

  it('rejects unknown methods, including prototype names', () => {
    for (const method of ['units.drop', 'toString', '__proto__', 'constructor', 42, null, 'x'.repeat(500)]) {
      const checked = validateInvokeArgs(method, {});
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.error.code).toBe('unknown_method');
    }
  });

  it('rejects inputs that are not plain objects', () => {
    for (const input of [null, 'x', 1, [], [1], new Date(), new Map(), () => 1]) {
      const checked = validateInvokeArgs('units.list', input);
      expect(checked).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(validateInvokeArgs('units.list', cyclic)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('bounds the size, with a Vietnamese message', () => {
    const checked = validateInvokeArgs('units.importXlsx', { fileName: 'a.xlsx', base64: 'A'.repeat(2000) }, 1000);
    expect(checked).toMatchObject({ ok: false, error: { code: 'input_too_large' } });
    if (!checked.ok) expect(checked.error.message).toMatch(/quá lớn/);
    // The default bound leaves room for the largest file the API accepts (70 000 000 base64 chars).
    expect(MAX_INVOKE_INPUT_CHARS).toBeGreaterThan(70_000_000);
  });
});

describe('menu', () => {
  const labels = (template: ReturnType<typeof applicationMenuTemplate>): string[] =>
    template.flatMap((item) => [
      item.label ?? '',
      ...(Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.label ?? '') : []),
    ]);

  it('is Vietnamese, with the expected items', () => {
    const all = labels(applicationMenuTemplate({ isPackaged: true, onAbout: () => undefined }));
    for (const label of ['Tệp', 'Thoát', 'Sửa', 'Hoàn tác', 'Làm lại', 'Cắt', 'Sao chép', 'Dán', 'Chọn tất cả', 'Xem',
      'Tải lại', 'Phóng to', 'Thu nhỏ', 'Kích thước thực', 'Toàn màn hình', 'Trợ giúp', 'Giới thiệu VănThư']) {
      expect(all).toContain(label);
    }
  });

  it('has developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) =>
      applicationMenuTemplate({ isPackaged, onAbout: () => undefined }).flatMap((item) =>
        Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.role) : [],
      );
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('opens the about box from Trợ giúp, which shows version and data folder', () => {
    const onAbout = vi.fn();
    const help = applicationMenuTemplate({ isPackaged: true, onAbout }).find((item) => item.label === 'Trợ giúp');
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    (about?.click as (() => void) | undefined)?.();
    expect(onAbout).toHaveBeenCalledTimes(1);
    const text = aboutDetail({ version: '1.2.3', dataDir: 'C:\\Users\\a\\AppData\\Roaming\\VanThu' });
    expect(text).toContain('1.2.3');
    expect(text).toContain('C:\\Users\\a\\AppData\\Roaming\\VanThu');
  });
});

// ---------------------------------------------------------------------------------------------

class ScriptedChild implements CoreChild {
  posted: ToCoreMessage[] = [];
  killed = false;
  constructor(readonly events: CoreChildEvents) {}
  postMessage(message: ToCoreMessage): void {
    this.posted.push(message);
  }
  kill(): void {
    this.killed = true;
  }
  lastCallId(): number {
    const last = this.posted.at(-1);
    if (last?.type !== 'call') throw new Error('no call posted');
    return last.id;
  }
}

function hostWithScriptedChildren(options: ConstructorParameters<typeof CoreHost>[1] = {}) {
  const children: ScriptedChild[] = [];
  const host = new CoreHost(
    (events) => {
      const child = new ScriptedChild(events);
      children.push(child);
      return child;
    },
    { log: () => undefined, ...options },
  );
  return { host, children };
}

describe('core host (relay to the utility process)', () => {
  it('prints a PDF for the core and answers with the bytes, or with the reason it failed', async () => {
    const printed: string[] = [];
    const { host, children } = hostWithScriptedChildren({
      printPdf: async (html) => {
        printed.push(html);
        if (html.includes('hỏng')) throw new Error('máy in lỗi');
        return Buffer.from('%PDF-1.7');
      },
    });
    host.start();
    const child = children[0]!;
    child.events.onMessage({ type: 'print-pdf', requestId: 7, html: '<p>Công văn</p>' });
    child.events.onMessage({ type: 'print-pdf', requestId: 8, html: '<p>hỏng</p>' });
    await new Promise((r) => setTimeout(r, 0));
    expect(printed).toEqual(['<p>Công văn</p>', '<p>hỏng</p>']);
    expect(child.posted).toEqual([
      { type: 'print-pdf-result', requestId: 7, base64: Buffer.from('%PDF-1.7').toString('base64'), error: null },
      { type: 'print-pdf-result', requestId: 8, base64: null, error: 'máy in lỗi' },
    ]);
  });

  it('asks the clerk where to save a backup for the core, and answers null when cancelled or impossible', async () => {
    const asked: string[] = [];
    const { host, children } = hostWithScriptedChildren({
      chooseSavePath: async (name) => {
        asked.push(name);
        if (name.startsWith('huy')) return null;
        if (name.startsWith('loi')) throw new Error('không mở được hộp thoại');
        return `D:\\SaoLuu\\${name}`;
      },
    });
    host.start();
    const child = children[0]!;
    child.events.onMessage({ type: 'save-dialog', requestId: 1, suggestedName: 'VanThu_2025.vanthu-backup' });
    child.events.onMessage({ type: 'save-dialog', requestId: 2, suggestedName: 'huy.vanthu-backup' });
    child.events.onMessage({ type: 'save-dialog', requestId: 3, suggestedName: 'loi.vanthu-backup' });
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toHaveLength(3);
    expect(child.posted).toEqual([
      { type: 'save-dialog-result', requestId: 1, path: 'D:\\SaoLuu\\VanThu_2025.vanthu-backup' },
      { type: 'save-dialog-result', requestId: 2, path: null },
      { type: 'save-dialog-result', requestId: 3, path: null },
    ]);
  });

  it('matches answers to calls by id, whatever the order', async () => {
    const { host, children } = hostWithScriptedChildren();
    const first = host.call('units.list', {});
    const second = host.call('app.info', {});
    const child = children[0]!;
    expect(child.posted).toEqual([
      { type: 'call', id: 1, method: 'units.list', input: {} },
      { type: 'call', id: 2, method: 'app.info', input: {} },
    ]);
    child.events.onMessage({ id: 2, response: { ok: true, result: 'second' } });
    child.events.onMessage({ id: 1, response: { ok: true, result: 'first' } });
    expect(await first).toEqual({ ok: true, result: 'first' });
    expect(await second).toEqual({ ok: true, result: 'second' });
    expect(host.pendingCount).toBe(0);
  });

  it('ignores malformed messages from the core', async () => {
    const { host, children } = hostWithScriptedChildren();
    const pending = host.call('units.list', {});
    children[0]!.events.onMessage({ id: 1, response: { ok: 'yes' } });
    children[0]!.events.onMessage('garbage');
    expect(host.pendingCount).toBe(1);
    children[0]!.events.onMessage({ id: 1, response: { ok: false, error: { code: 'x', message: 'y' } } });
    expect(await pending).toEqual({ ok: false, error: { code: 'x', message: 'y' } });
  });

  it('answers pending calls with core_crashed when the core dies, then restarts it', async () => {
    const { host, children } = hostWithScriptedChildren();
    const a = host.call('units.list', {});
    const b = host.call('groups.list', {});
    children[0]!.events.onExit(1);
    const expected = { ok: false, error: { code: 'core_crashed', message: CORE_CRASHED_MESSAGE } };
    expect(await a).toEqual(expected);
    expect(await b).toEqual(expected);
    expect(CORE_CRASHED_MESSAGE).toMatch(/sự cố/);
    expect(children).toHaveLength(2); // restarted at once
    const c = host.call('app.info', {});
    expect(children[1]!.posted).toHaveLength(1);
    // A late answer from the dead child changes nothing.
    children[0]!.events.onMessage({ id: 1, response: { ok: true, result: 'late' } });
    children[1]!.events.onMessage({ id: children[1]!.lastCallId(), response: { ok: true, result: 'fresh' } });
    expect(await c).toEqual({ ok: true, result: 'fresh' });
  });

  it('stops restarting eagerly when the core keeps crashing, but still tries on the next call', async () => {
    let now = 0;
    const { host, children } = hostWithScriptedChildren({ now: () => now, maxCrashesInWindow: 2, crashWindowMs: 10_000 });
    host.start();
    for (let i = 0; i < 3; i += 1) {
      now += 100;
      children.at(-1)!.events.onExit(1);
    }
    expect(children).toHaveLength(3); // 1 + 2 restarts, the third crash is not followed by one
    expect(host.running).toBe(false);
    const call = host.call('app.info', {});
    expect(children).toHaveLength(4);
    children[3]!.events.onExit(1);
    expect(await call).toMatchObject({ ok: false, error: { code: 'core_crashed' } });
  });

  it('shuts the core down cleanly, refusing new calls', async () => {
    const { host, children } = hostWithScriptedChildren();
    host.start();
    const done = host.shutdown(1000);
    expect(children[0]!.posted.at(-1)).toEqual({ type: 'shutdown' });
    expect(await host.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'core_closing' } });
    children[0]!.events.onExit(0);
    await done;
    expect(children).toHaveLength(1); // no restart after a requested exit
  });

  it('kills a core that does not exit in time', async () => {
    vi.useFakeTimers();
    try {
      const { host, children } = hostWithScriptedChildren();
      host.start();
      const done = host.shutdown(500);
      vi.advanceTimersByTime(600);
      await done;
      expect(children[0]!.killed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The wiring, against the recording `electron`.

describe('preload', () => {
  it('exposes exactly one object, window.vanthu, relaying to the one channel', async () => {
    await import('../../main/electron/preload.js');
    expect([...fake.exposed.keys()]).toEqual(['vanthu']);
    const bridge = fake.exposed.get('vanthu') as VanThuBridge;
    expect(Object.keys(bridge).sort()).toEqual(['getPathForFile', 'invoke', 'shell']);
    expect(bridge.shell).toBe('electron');
    expect(await bridge.invoke('app.info', {})).toEqual({ ok: true, result: null });
    expect(fake.module.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'app.info', {});
    expect(bridge.getPathForFile({ name: 'a.pdf' } as File)).toBe('/picked/a.pdf');
  });

  it('turns a failed IPC into an error answer instead of a rejection', async () => {
    const bridge = fake.exposed.get('vanthu') as VanThuBridge;
    fake.module.ipcRenderer.invoke.mockRejectedValueOnce(new Error('gone'));
    expect(await bridge.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'ipc_failed' } });
  });
});

describe('app:// protocol handler', () => {
  let handler: (request: Request) => Promise<Response>;
  const root = tempDir();
  mkdirSync(path.join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>VănThư</title>');
  writeFileSync(path.join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.txt'), 'secret');

  beforeEach(async () => {
    const { handleAppProtocol } = await import('../../main/electron/protocol.js');
    handleAppProtocol(path.join(root, 'renderer'));
    handler = fake.protocolHandlers.get('app')!;
  });

  it('serves our files with the CSP', async () => {
    const response = await handler(new Request('app://vanthu/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('VănThư');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    const script = await handler(new Request('app://vanthu/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses traversal, other hosts, missing files and writes', async () => {
    expect((await handler(new Request('app://vanthu/..%2fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://vanthu/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://vanthu/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('answers page routes without an extension with the app shell', async () => {
    const response = await handler(new Request('app://vanthu/units'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>VănThư</title>');
  });
});

describe('main process wiring', () => {
  const dataDir = tempDir();
  let window: (typeof fake.windows)[number];

  async function flush(): Promise<void> {
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
  }

  it('prepares data folder, scheme and lock before ready, then opens the window on app://', async () => {
    vi.stubEnv('VANTHU_DATA', dataDir);
    await import('../../main/electron/main.js');
    await flush();
    vi.unstubAllEnvs();
    const calls = fake.calls;
    const order = (prefix: string) => calls.findIndex((call) => call.startsWith(prefix));
    expect(calls).toContain(`setPath userData ${dataDir}`);
    expect(order('setPath userData')).toBeLessThan(order('requestSingleInstanceLock'));
    expect(order('registerSchemesAsPrivileged')).toBeLessThan(order('whenReady'));
    expect(order('enableSandbox')).toBeLessThan(order('whenReady'));
    expect(calls.find((call) => call.startsWith('registerSchemesAsPrivileged'))).toContain('"secure":true');
    expect(fake.windows).toHaveLength(1);
    window = fake.windows[0]!;
    expect(window.loaded).toEqual([APP_ENTRY_URL]);
    expect(window.options).toMatchObject({ title: 'VănThư', webPreferences: { sandbox: true, contextIsolation: true } });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    // The core runs in a utility process that gets the same data folder.
    expect(fake.children).toHaveLength(1);
    const child = fake.children[0] as unknown as { modulePath: string; env: Record<string, string> };
    expect(child.modulePath).toMatch(/core-process\.cjs$/);
    expect(child.env.VANTHU_DATA).toBe(dataDir);
  });

  it('denies every permission and cancels network requests', () => {
    const answers: boolean[] = [];
    fake.session.permissionRequest?.(null, 'media', (allowed: boolean) => answers.push(allowed));
    expect(answers).toEqual([false]);
    expect(fake.session.permissionCheck?.(null, 'clipboard-read')).toBe(false);
    const decisions: unknown[] = [];
    fake.session.beforeRequest?.({ url: 'https://evil.example/a.js' }, (d: unknown) => decisions.push(d));
    fake.session.beforeRequest?.({ url: 'app://vanthu/index.html' }, (d: unknown) => decisions.push(d));
    expect(decisions).toEqual([{ cancel: true }, { cancel: false }]);
  });

  it('guards every webContents: no new windows, no foreign navigation, no webviews', () => {
    const created = fake.appListeners.get('web-contents-created');
    expect(created).toBeDefined();
    const contents = new (fake.windows[0]!.webContents.constructor as new () => typeof window.webContents)();
    created?.({}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    const navigate = (event: string, url: string) => {
      const e = { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      contents.emit(event, e);
      return e.defaultPrevented;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'http://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'app://vanthu/index.html')).toBe(false);
    expect(navigate('will-attach-webview', 'app://vanthu/index.html')).toBe(true);
  });

  it('relays IPC from our main frame to the core, waiting for the process to spawn', async () => {
    const handler = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
    const child = fake.children[0]!;
    const wc = window.webContents;
    const event = { sender: wc, senderFrame: { ...wc.mainFrame, url: APP_ENTRY_URL } };
    const answer = handler(event, 'units.list', {}) as Promise<ApiResponse<Method>>;
    expect(child.posted).toEqual([]); // not spawned yet: queued
    child.emit('spawn');
    expect(child.posted).toEqual([{ type: 'call', id: 1, method: 'units.list', input: {} }]);
    child.emit('message', { id: 1, response: { ok: true, result: [] } });
    expect(await answer).toEqual({ ok: true, result: [] });
  });

  it('refuses IPC from subframes, other pages and other webContents, and bad arguments', async () => {
    const handler = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
    const wc = window.webContents;
    const main = { ...wc.mainFrame, url: APP_ENTRY_URL };
    const subframe = { ...main, routingId: 999, parent: main };
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    expect(await handler({ sender: wc, senderFrame: subframe }, 'app.info', {})).toMatchObject(forbidden);
    expect(await handler({ sender: wc, senderFrame: { ...main, url: 'https://evil.example/' } }, 'app.info', {})).toMatchObject(
      forbidden,
    );
    expect(await handler({ sender: { id: 999 }, senderFrame: main }, 'app.info', {})).toMatchObject(forbidden);
    expect(await handler({ sender: wc, senderFrame: null }, 'app.info', {})).toMatchObject(forbidden);
    expect(await handler({ sender: wc, senderFrame: main }, 'fs.readFile', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await handler({ sender: wc, senderFrame: main }, 'units.list', ['x'])).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(fake.children[0]!.posted).toHaveLength(1); // nothing of this reached the core
  });

  it('answers core_crashed when the utility process dies and forks a new one', async () => {
    const handler = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
    const wc = window.webContents;
    const event = { sender: wc, senderFrame: { ...wc.mainFrame, url: APP_ENTRY_URL } };
    const answer = handler(event, 'units.list', {}) as Promise<ApiResponse<Method>>;
    fake.children[0]!.emit('exit', 9);
    const response = await answer;
    expect(response).toMatchObject({ ok: false, error: { code: 'core_crashed' } });
    if (!response.ok) expect(response.error.message).toMatch(/khởi động lại/);
    expect(fake.children).toHaveLength(2);
  });

  it('closes the core before quitting', async () => {
    const beforeQuit = fake.appListeners.get('before-quit')!;
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    beforeQuit(event);
    expect(event.defaultPrevented).toBe(true);
    const child = fake.children[1]!;
    child.emit('spawn');
    expect(child.posted.at(-1)).toEqual({ type: 'shutdown' });
    child.emit('exit', 0);
    await flush();
    expect(fake.calls.at(-1)).toBe('quit');
    const again = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    beforeQuit(again);
    expect(again.defaultPrevented).toBe(false);
  });
});
