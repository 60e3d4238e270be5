import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/api/core.js';
import { openTempApp } from '../support/temp-app.js';

let app: ReturnType<typeof openTempApp>;
let core: Core;
beforeEach(() => {
  app = openTempApp();
  core = createCore(app, 'browser');
});
afterEach(() => app.cleanup());

describe('the API boundary', () => {
  it('answers a valid call with its validated result', async () => {
    const created = await core.call('units.create', { name: 'Sở Y tế', emails: ['syt@kiengiang.gov.vn'] });
    expect(created).toMatchObject({ ok: true, result: { name: 'Sở Y tế', active: true } });
    const listed = await core.call('units.list', { query: 'so y te' });
    expect(listed.ok && (listed.result as unknown[]).length).toBe(1);
  });

  it('rejects an unknown method with a Vietnamese message', async () => {
    expect(await core.call('units.dropAll', {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: expect.stringContaining('không tồn tại') },
    });
  });

  it('rejects input of the wrong shape with code invalid_input and no English or stack trace', async () => {
    const response = await core.call('units.create', { name: 42, emails: 'not-a-list' });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('invalid_input');
    expect(response.error.message).toMatch(/^Dữ liệu không hợp lệ/);
    expect(response.error.message).not.toMatch(/expected|received|at \w+ \(/);
  });

  it('reads the empty organisation profile of a new data folder without an error', async () => {
    expect(await core.call('settings.getProfile', {})).toMatchObject({ ok: true, result: { agencyName: '', signers: [] } });
    const refused = await core.call('settings.saveProfile', { agencyName: '', symbol: 'stttt', placeName: 'Kiên Giang' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Hãy nhập tên cơ quan') } });
  });

  it('names fields as the clerk knows them and writes one sentence', async () => {
    const response = await core.call('units.create', { name: 'Sở Y tế', taxCode: '12', emails: ['a@', 'b@'] });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.message).not.toMatch(/taxCode|emails|\.;/);
    expect(response.error.message).toMatch(/Mã số thuế phải gồm 10 chữ số \(có thể thêm -XXX cho chi nhánh\); Địa chỉ email "a@" không hợp lệ; Địa chỉ email "b@" không hợp lệ\.$/);
    const typed = await core.call('units.setActive', { id: 1, active: 'có' });
    expect(typed).toMatchObject({ ok: false, error: { message: 'Dữ liệu không hợp lệ: sai kiểu dữ liệu (trạng thái).' } });
  });

  it('rejects fields the contract does not know', async () => {
    const response = await core.call('units.get', { id: 1, sql: 'DROP TABLE units' });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('passes the service\'s own Vietnamese message through for a rule the clerk broke', async () => {
    await core.call('units.create', { name: 'Sở Y tế' });
    const response = await core.call('units.create', { name: 'SỞ Y TẾ' });
    expect(response).toMatchObject({ ok: false, error: { code: 'duplicate_name', message: expect.stringContaining('trùng tên') } });
  });

  it('hides an unexpected failure behind a calm message and writes the details to the log', async () => {
    app.db.close();
    const response = await core.call('units.list', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('không mong đợi') } });
    const fs = await import('node:fs');
    expect(fs.readFileSync(app.log.file, 'utf8')).toMatch(/units\.list/);
  });

  it('reports first run until the clerk chooses, and loads the sample data on request', async () => {
    expect(await core.call('app.info', {})).toMatchObject({ ok: true, result: { firstRun: true, shell: 'browser' } });
    expect(await core.call('app.firstRunChoice', { demo: true })).toMatchObject({ ok: true, result: { unitsAdded: 41 } });
    expect(await core.call('app.info', {})).toMatchObject({ ok: true, result: { firstRun: false } });
  });

  it('refuses a file that is not .xlsx before reading it', async () => {
    const response = await core.call('units.importXlsx', { fileName: 'ds.xls', base64: Buffer.from('\xD0\xCF\x11\xE0old excel').toString('base64') });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_xlsx', message: expect.stringContaining('.xlsx') } });
  });
});
