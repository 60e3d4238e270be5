import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app/open-app.js';
import { createCore, type Core } from '../../main/api/core.js';
import { tempDataDir } from '../support/temp-app.js';
import { loadWorkbook, formMetadata } from '../../main/forms/read-form-xlsx.js';
import { DataFormInput } from '../../shared/domain/form.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';
import type { ApiInput, ApiOutput, Method } from '../../shared/api.js';

/** The data form of a dispatch: saving, versions, removal, the API and the e-mail draft (issue 6). */

let dir: string;
let app: ReturnType<typeof openApp>;
let core: Core;
let cv864: Dispatch;
beforeEach(() => {
  dir = tempDataDir();
  // The e-mail draft prints a PDF: a stand-in printer keeps the test off Chromium.
  app = openApp({ dataDir: dir, printPdf: async () => Buffer.from('%PDF-1.7 thử') });
  app.loadDemoData();
  core = createCore(app, 'browser');
  cv864 = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A call expected to succeed, typed by its method. */
async function result<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.result as ApiOutput<M>;
}

const audits = () => app.db.prepare("SELECT action, entity_id AS id, detail FROM audit_log WHERE entity = 'data_form' ORDER BY id").all() as { action: string; id: number; detail: string }[];

describe('saving a data form', () => {
  it('the sample is a valid form and the one 864 carries after the demo loads', () => {
    const sample = app.forms.sample();
    expect(DataFormInput.safeParse(sample).success).toBe(true);
    expect(app.forms.get(cv864.id)).toMatchObject({ dispatchId: cv864.id, version: 1, title: sample.title, rows: sample.rows });
  });

  it('keeps its form key forever and raises the version only when the rows change', () => {
    const first = app.forms.get(cv864.id)!;
    expect(first.formKey).toMatch(/^[0-9a-f-]{36}$/);
    const retitled = app.forms.save(cv864.id, { ...app.forms.sample(), title: 'Biểu số liệu năm' });
    expect(retitled).toMatchObject({ formKey: first.formKey, version: 1, title: 'Biểu số liệu năm' });
    const sample = app.forms.sample();
    const fewer = app.forms.save(cv864.id, { ...sample, rows: sample.rows.slice(0, -1) });
    expect(fewer).toMatchObject({ formKey: first.formKey, version: 2 });
    expect(app.forms.save(cv864.id, { ...sample, rows: sample.rows.slice(0, -1) }).version).toBe(2);
    expect(audits().map((a) => [a.action, JSON.parse(a.detail).version])).toEqual([
      ['create', 1],
      ['update', 1],
      ['update', 2],
      ['update', 2],
    ]);
  });

  it('another dispatch gets another form key', () => {
    const d = app.dispatches.createDraft({ ...cv864, subject: 'báo cáo thử', expectedUnitIds: cv864.expectedUnitIds } as never);
    const form = app.forms.save(d.id, app.forms.sample());
    expect(form.formKey).not.toBe(app.forms.get(cv864.id)!.formKey);
  });

  it('refuses a dispatch without a reporting requirement, in Vietnamese', () => {
    const d = app.dispatches.createDraft({ ...cv864, subject: 'thông báo', requirement: null, expectedUnitIds: [] } as never);
    expect(() => app.forms.save(d.id, app.forms.sample())).toThrow(/không yêu cầu báo cáo\. Hãy khai báo yêu cầu báo cáo trước/);
  });

  it('is removed while no unit has returned it', () => {
    app.forms.remove(cv864.id);
    expect(app.forms.get(cv864.id)).toBeNull();
    expect(audits().at(-1)).toMatchObject({ action: 'delete', id: cv864.id });
    expect(() => app.forms.remove(cv864.id)).toThrow(/chưa có biểu số liệu/);
  });
});

describe('the forms API', () => {
  it('validates the form: duplicate codes and bad codes are refused with Vietnamese messages', async () => {
    const sample = app.forms.sample();
    const duplicate = await core.call('forms.save', { dispatchId: cv864.id, form: { ...sample, rows: [...sample.rows, sample.rows[1]!] } });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!duplicate.ok && duplicate.error.message).toContain('Hai chỉ tiêu trùng mã');
    const badCode = await core.call('forms.save', { dispatchId: cv864.id, form: { title: 'x', rows: [{ kind: 'indicator', code: 'mã có dấu', name: 'A', valueKind: 'integer', aggregation: 'sum' }] } });
    expect(!badCode.ok && badCode.error.message).toContain('Mã chỉ tiêu chỉ gồm chữ không dấu');
  });

  it('get, sample, renderXlsx, submissions and submissionOf answer through the core', async () => {
    expect(await core.call('forms.get', { dispatchId: cv864.id })).toMatchObject({ ok: true, result: { version: 1 } });
    expect(await core.call('forms.sample', {})).toMatchObject({ ok: true, result: { title: app.forms.sample().title } });
    const file = await result('forms.renderXlsx', { dispatchId: cv864.id });
    expect(file.fileName).toBe('Bieu-so-lieu_864-STTTT-TTBCBC_Mau-trong.xlsx');
    expect(await core.call('forms.submissions', { dispatchId: cv864.id })).toEqual({ ok: true, result: [] });
    expect(await core.call('forms.submissionOf', { incomingId: 1 })).toEqual({ ok: true, result: null });
    expect(await core.call('forms.remove', { dispatchId: cv864.id })).toEqual({ ok: true, result: { removed: true } });
    expect(await core.call('forms.renderXlsx', { dispatchId: cv864.id })).toMatchObject({ ok: false, error: { code: 'no_form' } });
  });

  it('the e-mail draft of a dispatch with a form carries the blank form; without one, it does not', async () => {
    const withForm = await result('dispatches.emailDraft', { id: cv864.id });
    const eml = Buffer.from(withForm.base64, 'base64').toString('latin1');
    const part = /filename=Bieu-so-lieu_864-STTTT-TTBCBC_Mau-trong\.xlsx\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(eml);
    expect(part).not.toBeNull();
    const wb = (await loadWorkbook(Buffer.from(part![1]!.replace(/\r\n/g, ''), 'base64')))!;
    expect(formMetadata(wb)).toMatchObject({ formKey: app.forms.get(cv864.id)!.formKey, unitId: null, periodKey: null });
    expect(eml).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    app.forms.remove(cv864.id);
    const without = await result('dispatches.emailDraft', { id: cv864.id });
    expect(Buffer.from(without.base64, 'base64').toString('latin1')).not.toContain('spreadsheetml');
  });
});
