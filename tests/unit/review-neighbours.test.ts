import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/api/core.js';
import { openTempApp } from '../support/temp-app.js';
import { succeedingCalls } from '../support/api-call.js';

/**
 * What the review screen asks of the core instead of loading whole lists (issue 8): its place in
 * "Chờ xác nhận" and the documents before and after it (incoming.reviewNeighbours), and the
 * dispatch picker's search over issued dispatches by number, symbol or subject, a page at a time.
 */

let app: ReturnType<typeof openTempApp>;
let core: Core;
let call: ReturnType<typeof succeedingCalls>;

/** Waiting for review, in số đến order: 2021 first, then 2022. */
let waiting: number[];
let registered: number;

beforeAll(async () => {
  app = openTempApp();
  app.loadDemoData();
  core = createCore(app, 'cli');
  call = succeedingCalls(core);
  const paper = (day: string, i: number) => app.incoming.registerPaper({ receivedDate: day, agency: `Đơn vị số ${i}`, subject: `Công văn số ${i}` }).id;
  // A text from no known unit waits for review; registered paper documents come between them.
  const unknown = async (day: string, i: number) => (await app.imports.importInputs([{ name: `ghi-chu-${i}.txt`, bytes: Buffer.from(`Ghi chú số ${i} không rõ nơi gửi.`) }], { receivedDate: day }))[0]!.entryId!;
  const ids: number[] = [];
  ids.push(await unknown('2022-01-05', 4)); // số đến 1/2022, but after every 2021 one in the queue
  registered = paper('2021-03-01', 1);
  ids.push(await unknown('2021-03-02', 1));
  paper('2021-03-03', 2);
  ids.push(await unknown('2021-03-04', 2), await unknown('2021-03-05', 3));
  paper('2022-01-06', 3);
  ids.push(await unknown('2022-01-07', 5));
  waiting = [ids[1]!, ids[2]!, ids[3]!, ids[0]!, ids[4]!];
});
afterAll(() => app.cleanup());

describe('incoming.reviewNeighbours', () => {
  it('gives the place in the queue and the documents around it, across years, the queue wrapping round', async () => {
    expect((await call('incoming.list', { status: 'needs_review', year: null })).items.map((d) => d.id)).toEqual(waiting);
    const around = await Promise.all(waiting.map((id) => call('incoming.reviewNeighbours', { id })));
    expect(around).toEqual(
      waiting.map((_, i) => ({
        position: i + 1,
        total: waiting.length,
        previousId: waiting[(i - 1 + waiting.length) % waiting.length],
        nextId: waiting[(i + 1) % waiting.length],
      })),
    );
  });

  it('for a document no longer waiting: no place, and the waiting ones around its số đến', async () => {
    // Confirmed: it leaves the queue; the screen then opens the one after it.
    const [first, second, third, fourth, fifth] = waiting as [number, number, number, number, number];
    const correction = { agency: 'UBND huyện Hòn Đất', number: null, symbol: null, date: null, type: null, subject: 'Ghi chú', unitId: null, dispatchId: null, periodKey: null };
    await call('incoming.confirm', { id: second, correction });
    expect(await call('incoming.reviewNeighbours', { id: second })).toEqual({ position: null, total: 4, previousId: first, nextId: third });
    expect(await call('incoming.reviewNeighbours', { id: third })).toMatchObject({ position: 2, previousId: first });
    // A document registered at import never waited: the ones around it all the same.
    expect(await call('incoming.reviewNeighbours', { id: registered })).toEqual({ position: null, total: 4, previousId: fifth, nextId: first });
    expect(await call('incoming.reviewNeighbours', { id: fourth })).toMatchObject({ position: 3, total: 4, nextId: fifth });
  });

  it('with one document left, it has no neighbours; an unknown id is an error', async () => {
    const solo = openTempApp();
    try {
      const [r] = await solo.imports.importInputs([{ name: 'mot.txt', bytes: Buffer.from('Một ghi chú không rõ nơi gửi.') }], { receivedDate: '2021-05-01' });
      expect(solo.incoming.reviewNeighbours(r!.entryId!)).toEqual({ position: 1, total: 1, previousId: null, nextId: null });
    } finally {
      solo.cleanup();
    }
    expect(await core.call('incoming.reviewNeighbours', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('dispatches.list as the dispatch picker asks it', () => {
  beforeAll(() => {
    for (let i = 1; i <= 25; i++) {
      const d = app.dispatches.createDraft({
        subject: `đôn đốc báo cáo số liệu đợt ${i}`,
        departmentCode: i % 2 ? 'VP' : 'BCVT',
        recipients: [{ kind: 'text', label: 'Các xã' }],
        body: [{ runs: [{ text: 'Nội dung.' }], list: null }],
        signer: { name: 'Lâm Văn Sển', title: 'GIÁM ĐỐC', authority: null },
      });
      app.dispatches.issue(d.id, { date: `2021-10-${String(i).padStart(2, '0')}` });
    }
  });
  const issued = (query: string, offset = 0) => call('dispatches.list', { status: 'issued', year: null, query, offset, limit: 10 });

  it('finds a dispatch by its number and symbol as printed, typed in part or without diacritics', async () => {
    expect((await issued('864')).items.map((d) => `${d.number}/${d.symbol}`)).toEqual(['864/STTTT-TTBCBC']);
    expect((await issued('864/stttt-tt')).items.map((d) => d.number)).toEqual([864]);
    expect((await issued('ttbcbc')).items.map((d) => d.number)).toEqual([864]);
    expect((await issued('rac thai nhua')).items.map((d) => d.number)).toEqual([864]);
    const vp = await issued('STTTT-VP');
    expect(vp.total).toBe(13);
    expect(vp.items.every((d) => d.symbol === 'STTTT-VP')).toBe(true);
    expect((await issued('dot 19 don doc')).items.map((d) => d.subject)).toEqual(['đôn đốc báo cáo số liệu đợt 19']);
    // The LIKE wildcards are only letters here.
    expect((await issued('%')).total).toBe(0);
    expect((await issued('_')).total).toBe(0);
  });

  it('pages through them, the newest first, with the total', async () => {
    const pages = await Promise.all([0, 10, 20].map((offset) => issued('', offset)));
    expect(pages.map((p) => p.total)).toEqual([26, 26, 26]);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 6]);
    const dates = pages.flatMap((p) => p.items.map((d) => d.issueDate!));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(pages.flatMap((p) => p.items.map((d) => d.id))).size).toBe(26);
  });
});
