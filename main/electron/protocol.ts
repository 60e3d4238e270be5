/**
 * app://vanthu/… — serves the built renderer (dist/renderer) and nothing else, with the CSP on
 * every response. Registered as privileged before `ready`, handled after.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, appSchemePrivileges, contentSecurityPolicy, resolveAppProtocolPath, responseHeadersFor } from './security.js';

/** Must run before app `ready`. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges()]);
}

function notFound(status = 404): Response {
  return new Response('Không tìm thấy.', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy() },
  });
}

async function fileResponse(filePath: string, method: string): Promise<Response> {
  const body = await readFile(filePath);
  // A fresh ArrayBuffer: Response wants an ArrayBuffer-backed view, Buffer may share a pool.
  const bytes = new Uint8Array(body.byteLength);
  bytes.set(body);
  return new Response(method === 'HEAD' ? null : bytes, { status: 200, headers: responseHeadersFor(filePath) });
}

/** Call once the app is ready. `rootDir` is dist/renderer (inside app.asar when packaged). */
export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    const filePath = resolveAppProtocolPath(rootDir, request.url);
    if (filePath === null) return notFound();
    try {
      return await fileResponse(filePath, request.method);
    } catch {
      // A page address without a file extension (the renderer's own routes) gets the app shell.
      if (path.extname(filePath) === '') {
        try {
          return await fileResponse(path.join(rootDir, 'index.html'), request.method);
        } catch {
          return notFound();
        }
      }
      return notFound();
    }
  });
}
