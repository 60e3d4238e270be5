import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/api/core.js';
import type { ApiOutput, Method } from '../../shared/api.js';
import { openTempApp } from '../support/temp-app.js';
import { draft864 } from '../support/dispatch-drafts.js';

/** The audit log screen's data: who (Windows user, machine) did what when, by kind and date, a page at a time. */

let app: ReturnType<typeof openTempApp>;
let core: Core;
beforeEach(() => {
  app = openTempApp();
  app.loadDemoData();
  core = createCore(app, 'browser');
});
afterEach(() => {
  core.close();
  app.cleanup();
});

async function ok<M extends Method>(method: M, input: unknown = {}): Promise<ApiOutput<M>> {
  const response = await core.call(method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as ApiOutput<M>;
}

const draft = (): number => draft864(app).id;

const todayInVietnam = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

describe('audit log', () => {
  it('records who: the OS user and the machine name, on every entry', async () => {
    await ok('units.create', { name: 'Ban Quản lý Khu kinh tế' });
    const [entry] = (await ok('audit.list', { kind: 'unit' })).entries;
    expect(entry).toMatchObject({ user: os.userInfo().username, machine: os.hostname(), kind: 'unit', summary: 'Thêm đơn vị Ban Quản lý Khu kinh tế', target: 'Ban Quản lý Khu kinh tế' });
    expect(Date.now() - Date.parse(entry!.at)).toBeLessThan(60_000);
  });

  it('tells issuing, renumbering and voiding apart, naming the document', async () => {
    const issued = app.dispatches.issue(draft(), { date: '2031-08-03', number: 864 });
    const later = app.dispatches.issue(draft(), { date: '2031-08-04', numberLater: true });
    app.dispatches.setNumber(later.id, 870);
    app.dispatches.void(issued.id, 'Sai nơi nhận');

    // Newest first; the demo data's own issue of 864/2021 comes after these two.
    expect((await ok('audit.list', { kind: 'issue' })).entries.map((e) => e.summary).slice(0, 2)).toEqual([
      'Ban hành ngày 04/08/2031, số cấp sau',
      'Ban hành, cấp số 864 ngày 03/08/2031',
    ]);
    expect((await ok('audit.list', { kind: 'renumber' })).entries).toMatchObject([{ summary: 'Sửa số văn bản thành 870', target: '870/STTTT-TTBCBC' }]);
    expect((await ok('audit.list', { kind: 'void' })).entries).toMatchObject([{ summary: 'Hủy văn bản. Lý do: Sai nơi nhận', target: '864/STTTT-TTBCBC' }]);
    const drafts = (await ok('audit.list', { kind: 'dispatch' })).entries.filter((e) => e.summary === 'Tạo dự thảo: đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa');
    expect(drafts.length).toBeGreaterThanOrEqual(2);
  });

  it('records settings changes (the profile, the work rules, the backup folder)', async () => {
    const rules = await ok('settings.getWorkRules');
    await ok('settings.saveWorkRules', { ...rules, maxFileMb: 20 });
    await ok('backup.saveSettings', { folder: null });
    expect((await ok('audit.list', { kind: 'settings' })).entries.map((e) => e.summary).slice(0, 3)).toEqual([
      'Đổi thư mục sao lưu: mặc định',
      'Sửa quy tắc nhập văn bản đến',
      'Đổi cách đánh số văn bản đi',
    ]);
  });

  it('filters by Vietnamese calendar day and pages newest first', async () => {
    for (let i = 1; i <= 25; i++) await ok('units.create', { name: `Đơn vị thử ${i}` });
    const today = todayInVietnam();
    const first = await ok('audit.list', { kind: 'unit', from: today, to: today, pageSize: 10 });
    expect(first.total).toBeGreaterThanOrEqual(25);
    expect(first.entries).toHaveLength(10);
    expect(first.entries[0]!.summary).toBe('Thêm đơn vị Đơn vị thử 25');
    const second = await ok('audit.list', { kind: 'unit', from: today, to: today, pageSize: 10, page: 2 });
    expect(second.entries[0]!.summary).toBe('Thêm đơn vị Đơn vị thử 15');
    expect(second.entries.every((e) => e.id < first.entries.at(-1)!.id)).toBe(true);

    expect((await ok('audit.list', { to: '2000-01-01' })).total).toBe(0);
    expect((await ok('audit.list', { from: '2999-01-01' })).entries).toEqual([]);
    const all = await ok('audit.list', {});
    expect(all.total).toBe(app.db.prepare('SELECT count(*) FROM audit_log').pluck().get());
  });

  it('refuses a malformed query with a Vietnamese message', async () => {
    const response = await core.call('audit.list', { kind: 'everything', page: 0 });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^Dữ liệu không hợp lệ/) } });
  });
});
