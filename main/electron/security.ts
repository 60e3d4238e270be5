/**
 * Every security decision of the Electron shell, as plain functions. Nothing here imports
 * `electron` at run time (only its types), so tests/unit/electron-security.test.ts checks these
 * rules in plain Node on a machine without the Electron binary. main.ts only wires them up.
 */
import { contentSecurityPolicy } from '../app/content-security-policy.js';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, CustomScheme, WebPreferences } from 'electron';
import { isMethod, type ApiErrorShape, type Method } from '../../shared/api.js';

/** The renderer is served from `app://vanthu/…`: our own files, never a remote URL. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vanthu';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Largest accepted IPC input, in JSON characters. The biggest legitimate input is a file sent as
 * base64 (shared/api.ts caps it at 70 000 000 characters); a little headroom for the file name.
 */
export const MAX_INVOKE_INPUT_CHARS = 70_100_000;

/**
 * `standard` gives the scheme real origins and relative URLs (the Vite build uses `./assets/…`),
 * `secure` makes it a secure context, `supportFetchAPI` lets the page fetch its own assets.
 * No `bypassCSP`, no `corsEnabled`: nothing else may read from it.
 */
export function appSchemePrivileges(): CustomScheme {
  return {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  };
}

/**
 * The renderer's web preferences. Sandboxed, isolated, no Node: the page reaches the core only
 * through the preload's one `invoke` function. (The old `remote` module no longer exists in
 * Electron, so there is nothing to switch off for it.)
 */
export function webPreferencesFor(preloadPath: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped outside a drop zone would otherwise navigate the window to file://…
    navigateOnDragDrop: false,
    // Chromium's spell-checker downloads its dictionaries from Google: no network calls.
    spellcheck: false,
    safeDialogs: true,
    devTools: options.devTools ?? false,
  };
}

/** The one window: 1280×800, never smaller than 1024×680, hidden until its first paint. */
export function mainWindowOptions(
  preloadPath: string,
  options: { devTools?: boolean; iconPath?: string } = {},
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    title: 'VănThư',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: webPreferencesFor(preloadPath, { devTools: options.devTools ?? false }),
  };
}

// One policy for both shells (browser mode serves the same renderer).
export { contentSecurityPolicy };

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for `app://vanthu/…` and nothing else. Compared by parts, not by `URL.origin`: WHATWG
 * gives non-special schemes the opaque origin "null", which every such URL would share.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** `will-navigate` / `will-redirect`: the window may only move within our own files. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/**
 * Requests the session cancels outright: anything on the network or the file system. Everything
 * the page needs is on app:// (plus data:/blob: it makes itself); Chromium's internal schemes
 * (devtools:, chrome-extension:) are left alone so the developer tools keep working.
 */
export function isBlockedRequestUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return true;
  return NETWORK_SCHEMES.has(parsed.protocol);
}

export interface SenderInfo {
  /** `event.senderFrame.url`; null when the frame is already gone. */
  frameUrl: string | null;
  /** The sender frame is the top frame of its page (not an iframe). */
  isMainFrame: boolean;
  /** The sender's webContents is our main window's. */
  isOurWindow: boolean;
}

/** IPC is answered only for the main frame of our window, showing our own page. */
export function isTrustedSender(sender: SenderInfo): boolean {
  return sender.isOurWindow && sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}

/**
 * Maps an `app://vanthu/…` request to a file inside `rootDir` (dist/renderer), or null when the
 * URL is for another host or would leave the root: `..` in any spelling (`%2e%2e`, `..%2f`),
 * backslashes (a separator on Windows), NUL, and `:` (drive letters, NTFS streams).
 */
export function resolveAppProtocolPath(rootDir: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (/[\\\0:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, segments.length === 0 ? 'index.html' : segments.join('/'));
  const relative = path.relative(root, resolved);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return null;
  }
  return resolved;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Headers for a file served on app://: its type, the CSP, and no MIME sniffing. */
export function responseHeadersFor(filePath: string): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

export type InvokeCheck =
  | { ok: true; method: Method; input: Record<string, unknown> }
  | { ok: false; error: ApiErrorShape };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks what the renderer sent before it reaches the core: a known method, a plain object as
 * input (a missing input counts as `{}`, for methods that take nothing), not too large. The core
 * then validates the input against the method's zod schema.
 */
export function validateInvokeArgs(
  method: unknown,
  input: unknown,
  maxChars: number = MAX_INVOKE_INPUT_CHARS,
): InvokeCheck {
  if (typeof method !== 'string' || method.length > 100 || !isMethod(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: 'Chức năng được yêu cầu không có trong phiên bản VănThư này.' },
    };
  }
  const value = input === undefined ? {} : input;
  if (!isPlainObject(value)) {
    return { ok: false, error: { code: 'invalid_input', message: 'Dữ liệu gửi đi không đúng dạng (cần một đối tượng).' } };
  }
  let size: number;
  try {
    size = JSON.stringify(value).length;
  } catch {
    // Cycles or BigInt: structured clone carries them, JSON (and the core's schemas) do not.
    return { ok: false, error: { code: 'invalid_input', message: 'Dữ liệu gửi đi không đúng dạng.' } };
  }
  if (size > maxChars) {
    return { ok: false, error: { code: 'input_too_large', message: 'Dữ liệu gửi đi quá lớn (tối đa khoảng 50 MB).' } };
  }
  return { ok: true, method, input: value };
}

/** The answer to an IPC call from anywhere but our own page. */
export function forbiddenError(): ApiErrorShape {
  return { code: 'forbidden', message: 'Yêu cầu bị từ chối vì không đến từ cửa sổ VănThư.' };
}
