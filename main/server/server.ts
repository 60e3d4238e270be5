import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Core } from '../api/core.js';
import { contentSecurityPolicy } from '../app/content-security-policy.js';

/**
 * Browser mode: the renderer and the API over HTTP, on 127.0.0.1 only, for development
 * and end-to-end tests. Every API call must carry the per-run token; requests for any
 * other Host are refused (DNS rebinding), and static files never leave the renderer folder.
 */

export const TOKEN_HEADER = 'x-vanthu-token';
/** POST /download/backup/<file name>: streams a "Sao lưu ngay" file from the backup folder. */
export const DOWNLOAD_BACKUP = '/download/backup/';
const MAX_BODY_BYTES = 75 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface ServerOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Maps a URL path to a file inside `root`, or null when it would leave it. */
export function staticFilePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  const rootWithSep = path.resolve(root) + path.sep;
  return resolved.startsWith(rootWithSep) ? resolved : null;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

function apiError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const csp = contentSecurityPolicy();
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.core.log.error('Lỗi máy chủ chế độ trình duyệt', error);
      if (!res.headersSent) apiError(res, 500, 'internal', 'Máy chủ gặp lỗi không mong đợi. Hãy thử lại.');
      else res.destroy();
    });
  });

  /** API calls and downloads: POST, from our own page, with the session token. Answers the refusal itself. */
  function authorised(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (req.method !== 'POST') {
      apiError(res, 405, 'method_not_allowed', 'API chỉ nhận yêu cầu POST.');
      return false;
    }
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      apiError(res, 403, 'forbidden_origin', 'Yêu cầu đến từ trang khác bị từ chối.');
      return false;
    }
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      apiError(res, 401, 'unauthorized', 'Phiên làm việc không hợp lệ. Hãy mở lại đường dẫn mà lệnh "vanthu serve" đã in ra.');
      return false;
    }
    return true;
  }

  /** A "Sao lưu ngay" file, streamed (it may be gigabytes): only one the core finds in its backup folder. */
  async function sendBackup(res: http.ServerResponse, encodedName: string): Promise<void> {
    let file: string | null = null;
    try {
      file = options.core.backupFile(decodeURIComponent(encodedName));
    } catch {
      // A malformed name is a name we do not have.
    }
    const size = file ? (await fs.promises.stat(file).catch(() => null))?.size : undefined;
    if (!file || size === undefined) {
      apiError(res, 404, 'not_found', 'Không tìm thấy tệp sao lưu này. Hãy tải lại danh sách.');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': size,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    await pipeline(fs.createReadStream(file), res);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      send(res, 421, 'Yêu cầu bị từ chối: địa chỉ máy chủ không hợp lệ.', 'text/plain; charset=utf-8');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(DOWNLOAD_BACKUP)) {
      if (authorised(req, res)) await sendBackup(res, url.pathname.slice(DOWNLOAD_BACKUP.length));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(req, res)) return;
      const body = await readBody(req);
      if (body === null) {
        apiError(res, 413, 'too_large', 'Dữ liệu gửi lên quá lớn (tối đa 50 MB cho một tệp).');
        return;
      }
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          apiError(res, 400, 'invalid_json', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
          return;
        }
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      sendJson(res, 200, await options.core.call(method, input));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Phương thức không được hỗ trợ.', 'text/plain; charset=utf-8');
      return;
    }
    const file = staticFilePath(options.rendererDir, url.pathname);
    if (!file) {
      send(res, 404, 'Không tìm thấy.', 'text/plain; charset=utf-8');
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(file);
    } catch {
      const index = path.join(options.rendererDir, 'index.html');
      if (path.extname(file) || !fs.existsSync(index)) {
        const hint = fs.existsSync(index) ? 'Không tìm thấy.' : 'Giao diện chưa được dựng. Hãy chạy "npm run build" rồi mở lại.';
        send(res, 404, hint, 'text/plain; charset=utf-8');
        return;
      }
      bytes = await fs.promises.readFile(index); // client-side routes fall back to the app
    }
    const isHtml = path.extname(file) === '' || file.endsWith('.html');
    send(res, 200, bytes, isHtml ? CONTENT_TYPES['.html']! : (CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'), {
      'Content-Security-Policy': csp,
      'Cache-Control': isHtml ? 'no-store' : 'max-age=3600',
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
