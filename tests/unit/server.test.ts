import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../main/api/core.js';
import { startServer, staticFilePath, type RunningServer } from '../../main/server/server.js';
import { openTempApp, tempDataDir } from '../support/temp-app.js';

let app: ReturnType<typeof openTempApp>;
let server: RunningServer;
let rendererDir: string;

/** A raw request, so that the Host header can be forged (fetch would not allow it). */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  app = openTempApp();
  rendererDir = tempDataDir('renderer');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>VănThư</title>');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'bí mật');
  server = await startServer({ core: createCore(app, 'browser'), rendererDir });
});
afterAll(async () => {
  await server.close();
  app.cleanup();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  request({
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vanthu-token': server.token, ...headers },
    body: JSON.stringify(body),
  });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and prints a URL that carries the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=${server.token}$`));
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers API calls that carry the token', async () => {
    const res = await api('units.create', { name: 'Sở Y tế' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { name: 'Sở Y tế' } });
  });

  it('refuses API calls without the right token', async () => {
    const missing = await request({ path: '/api/units.list', method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await api('units.list', {}, { 'x-vanthu-token': 'x'.repeat(server.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('refuses requests for another Host (DNS rebinding) and from another Origin', async () => {
    const rebound = await request({ path: '/', headers: { host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(421);
    const crossSite = await api('units.list', {}, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const res = await request({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('VănThư');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const res = await request({ path: p });
      expect(res.body, p).not.toContain('bí mật');
    }
    expect(staticFilePath('/srv/app', '/../etc/passwd')).toBeNull();
    expect(staticFilePath('/srv/app', '/%2e%2e%2fetc/passwd')).toBeNull();
    expect(staticFilePath('/srv/app', '/assets/a.js')).toBe(path.resolve('/srv/app/assets/a.js'));
  });

  it('answers malformed JSON and wrong methods with a Vietnamese error envelope', async () => {
    const bad = await request({ path: '/api/units.list', method: 'POST', headers: { 'x-vanthu-token': server.token }, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/JSON/);
    const get = await request({ path: '/api/units.list', headers: { 'x-vanthu-token': server.token } });
    expect(get.status).toBe(405);
  });
});
