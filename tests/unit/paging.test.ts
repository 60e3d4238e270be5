import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/api/core.js';
import { openTempApp } from '../support/temp-app.js';
import { succeedingCalls } from '../support/api-call.js';

/**
 * The long lists page through the API (issue 8): a page and the total, in a stable order, pages
 * that meet without a gap or an overlap, and callers that ask for no page still get everything.
 */

let app: ReturnType<typeof openTempApp>;
let core: Core;
let call: ReturnType<typeof succeedingCalls>;

const PAPER_2021 = 57;
const PAPER_2022 = 12;
const DRAFTS = 23;

beforeAll(() => {
  app = openTempApp();
  app.loadDemoData();
  core = createCore(app, 'cli');
  call = succeedingCalls(core);
  const paper = (day: string, i: number) => app.incoming.registerPaper({ receivedDate: day, agency: `Đơn vị số ${i}`, subject: `Công văn số ${i}` });
  for (let i = 1; i <= PAPER_2021; i++) paper(`2021-0${1 + (i % 9)}-10`, i);
  for (let i = 1; i <= PAPER_2022; i++) paper('2022-02-01', 100 + i);
  for (let i = 1; i <= DRAFTS; i++) {
    const d = app.dispatches.createDraft({ subject: `dự thảo ${i}`, recipients: [{ kind: 'text', label: 'Các xã' }], body: [{ runs: [{ text: 'Nội dung.' }], list: null }], signer: { name: 'Lâm Văn Sển', title: 'GIÁM ĐỐC', authority: null } });
    if (i % 2 === 0) app.dispatches.issue(d.id, { date: `2021-09-${String(i).padStart(2, '0')}` });
  }
});
afterAll(() => app.cleanup());

describe('paged lists', () => {
  it('register.incoming: pages of a year meet exactly, in số đến order, each with the year\'s total', async () => {
    const pages = await Promise.all([0, 20, 40].map((offset) => call('register.incoming', { year: 2021, offset, limit: 20 })));
    expect(pages.map((p) => p.total)).toEqual([PAPER_2021, PAPER_2021, PAPER_2021]);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, PAPER_2021 - 40]);
    const numbers = pages.flatMap((p) => p.items.map((r) => r.arrivalNumber));
    expect(numbers).toEqual(Array.from({ length: PAPER_2021 }, (_, i) => i + 1));
    expect(await call('register.incoming', { year: 2021, offset: PAPER_2021, limit: 20 })).toEqual({ items: [], total: PAPER_2021 });
    // Without a page, the whole year, as before paging (the CLI, the Excel export, printing).
    const all = await call('register.incoming', { year: 2021 });
    expect(all.items.map((r) => r.documentId)).toEqual(pages.flatMap((p) => p.items.map((r) => r.documentId)));
  });

  it('incoming.list: a status and a year narrow the pages and the total', async () => {
    const first = await call('incoming.list', { status: 'registered', year: 2022, offset: 0, limit: 5 });
    expect(first.total).toBe(PAPER_2022);
    expect(first.items.map((d) => d.arrivalNumber)).toEqual([1, 2, 3, 4, 5]);
    const everyYear = await call('incoming.list', { status: 'registered', year: null, offset: PAPER_2021 - 2, limit: 4 });
    expect(everyYear.total).toBe(PAPER_2021 + PAPER_2022);
    // The order runs on across years: the last two of 2021, then the first two of 2022.
    expect(everyYear.items.map((d) => `${d.arrivalYear}/${d.arrivalNumber}`)).toEqual([`2021/${PAPER_2021 - 1}`, `2021/${PAPER_2021}`, '2022/1', '2022/2']);
    expect(await call('incoming.list', { status: 'needs_review', year: null, limit: 1 })).toEqual({ items: [], total: 0 });
    expect(await call('incoming.years', {})).toEqual([2022, 2021]);
  });

  it('dispatches.list: drafts first, then the newest, paged with a stable order and the total of what matches', async () => {
    const all = await call('dispatches.list', { year: null, status: null, query: '' });
    expect(all.total).toBe(DRAFTS + 1);
    expect(all.items.length).toBe(DRAFTS + 1);
    const drafts = all.items.filter((d) => d.status === 'draft').length;
    expect(all.items.slice(0, drafts).every((d) => d.status === 'draft')).toBe(true);
    const paged = [];
    for (let offset = 0; offset < all.total; offset += 7) paged.push(...(await call('dispatches.list', { year: null, status: null, query: '', offset, limit: 7 })).items);
    expect(paged.map((d) => d.id)).toEqual(all.items.map((d) => d.id));
    const issued = await call('dispatches.list', { year: 2021, status: 'issued', query: 'du thao', offset: 2, limit: 3 });
    expect(issued.total).toBe(Math.floor(DRAFTS / 2));
    expect(issued.items.map((d) => d.subject)).toEqual(['dự thảo 18', 'dự thảo 16', 'dự thảo 14']);
    expect(await call('dispatches.years', {})).toEqual([2021]);
    // Of them, only 864 asks for reports: the dashboard counts it from a one-row page.
    const reporting = await call('dispatches.list', { status: 'issued', asksReports: true, limit: 1 });
    expect(reporting.total).toBe(1);
    expect(reporting.items.map((d) => d.number)).toEqual([864]);
  });

  it('register.outgoing: pages in number order with the year\'s total', async () => {
    const whole = await call('register.outgoing', { year: 2021 });
    expect(whole.total).toBe(Math.floor(DRAFTS / 2) + 1);
    const second = await call('register.outgoing', { year: 2021, offset: 3, limit: 3 });
    expect(second.total).toBe(whole.total);
    expect(second.items).toEqual(whole.items.slice(3, 6));
  });

  it('refuses a page of nothing or of too many rows', async () => {
    expect(await core.call('register.incoming', { year: 2021, limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.call('incoming.list', { limit: 5000 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.call('dispatches.list', { offset: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
