import fs from 'node:fs';
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/api/core.js';
import { openTempApp } from '../support/temp-app.js';

let app: ReturnType<typeof openTempApp>;
beforeEach(() => {
  app = openTempApp();
});
afterEach(() => app.cleanup());

describe('file store', () => {
  it('keeps bytes unchanged under their SHA-256, once, and leaves no temporary file', () => {
    const bytes = Buffer.from('%PDF-1.4 bản gốc đã ký');
    const first = app.fileStore.put(bytes);
    expect(first.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(first.added).toBe(true);
    expect(app.fileStore.put(Buffer.from(bytes)).added).toBe(false);
    expect(app.fileStore.get(first.sha256).equals(bytes)).toBe(true);
    expect(app.fileStore.pathOf(first.sha256)).toMatch(new RegExp(`files[\\\\/]${first.sha256.slice(0, 2)}[\\\\/]${first.sha256.slice(2, 4)}[\\\\/]${first.sha256}$`));
    expect(fs.readdirSync(`${app.dataDir}/files/.tmp`)).toEqual([]);
  });

  it('refuses to serve a stored file whose bytes no longer match their name', () => {
    const { sha256 } = app.fileStore.put(Buffer.from('nguyên vẹn'));
    fs.writeFileSync(app.fileStore.pathOf(sha256), 'bị sửa');
    expect(() => app.fileStore.get(sha256)).toThrow(/bị hỏng/);
  });

  it('rejects a name that is not a SHA-256, so no path can be smuggled in', () => {
    expect(() => app.fileStore.pathOf('../../vanthu.db')).toThrow(/không hợp lệ/);
  });
});

describe('signed original of an issued dispatch', () => {
  it('is stored unchanged with its file name, without any folder part, and only for issued dispatches', async () => {
    app.loadDemoData();
    const core = createCore(app, 'browser');
    const [cv864] = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021);
    const scan = Buffer.from('%PDF-1.7 ... bản scan có chữ ký và dấu đỏ');
    const attached = await core.call('dispatches.attachSignedOriginal', {
      id: cv864!.id,
      file: { fileName: '..\\..\\864 đã ký.pdf', base64: scan.toString('base64') },
    });
    expect(attached).toMatchObject({ ok: true, result: [{ fileName: '864 đã ký.pdf', size: scan.length }] });
    const fileId = attached.ok ? (attached.result as { id: number }[])[0]!.id : 0;
    const back = await core.call('dispatches.fileBytes', { fileId });
    expect(back.ok && Buffer.from((back.result as { base64: string }).base64, 'base64').equals(scan)).toBe(true);

    const draft = app.dispatches.createDraft({ subject: 'thử' });
    const refused = await core.call('dispatches.attachSignedOriginal', { id: draft.id, file: { fileName: 'a.pdf', base64: scan.toString('base64') } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_issued' } });
  });
});
