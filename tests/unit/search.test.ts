import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { reportDocx } from '../support/report-samples.js';
import { ftsQuery, rankingTiers } from '../../main/search/search-service.js';
import { createIncomingRepo } from '../../main/intake/incoming-repo.js';
import { foldByChar, snippet } from '../../shared/vn/highlight.js';
import type { App } from '../../main/app/open-app.js';

let app: ReturnType<typeof openTempApp>;
let dispatch864: number;

/** A received document written through the repository, with exactly the subject and text a test needs. */
function addDocument(
  target: App,
  d: { subject: string; text?: string; year?: number; status?: 'registered' | 'needs_review'; unitId?: number | null; dispatchId?: number | null; fileName?: string },
): number {
  const repo = createIncomingRepo(target.db);
  const year = d.year ?? 2022;
  const id = repo.insert(
    {
      status: d.status ?? 'registered', source: 'import', receivedDate: `${year}-03-01`, reviewReason: null, agency: 'Phòng Văn hóa', parentAgency: null,
      number: 7, symbol: 'BC-VH', docType: 'Báo cáo', place: null, docDate: null, subject: d.subject, recipients: [], references: [], signer: null,
      unitId: d.unitId ?? null, unitConfidence: null, unitReasons: [], dispatchId: d.dispatchId ?? null, dispatchConfidence: null, dispatchReasons: [],
      periodKey: null, periodConfidence: null, periodReasons: [], messageId: null, fullText: d.text ?? '',
    },
    { year, number: repo.nextArrivalNumber(year) },
    new Date().toISOString(),
  );
  if (d.fileName) {
    const stored = target.fileStore.put(Buffer.from(`tệp ${id}`));
    repo.insertFile(id, { sha256: stored.sha256, size: stored.size, fileName: d.fileName, displayPath: d.fileName, role: 'main', contentKind: 'pdf', readNote: null, signatures: [] }, 0, new Date().toISOString());
  }
  repo.index(id);
  return id;
}

beforeAll(async () => {
  app = openTempApp();
  app.loadDemoData();
  dispatch864 = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!.id;
  await app.imports.importInputs(
    [{ name: 'bc.docx', bytes: reportDocx({ number: 15, symbol: 'BC-UBND', place: 'Kiên Lương', date: [10, 11, 2021], title: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021', year: 2021 }) }],
    { receivedDate: '2021-11-12' },
  );
});
afterAll(() => app.cleanup());

describe('search', () => {
  it('finds "tuyên truyền … rác thải nhựa" typed without diacritics, in received documents and dispatches', () => {
    const hits = app.search.search('tuyen truyen rac thai nhua');
    expect(hits.map((h) => h.kind)).toEqual(expect.arrayContaining(['incoming', 'dispatch']));
    const incoming = hits.find((h) => h.kind === 'incoming')!;
    expect(incoming.subtitle).toContain('15/BC-UBND');
    const { text, highlights } = incoming.snippet!;
    expect(highlights.map(([a, b]) => text.slice(a, b))).toEqual(expect.arrayContaining(['tuyên', 'truyền', 'rác', 'thải', 'nhựa']));
  });

  it('folds đ both ways: "dai phat thanh" and "Đài" find the unit, "dong" finds "đồng" in a text', () => {
    expect(app.search.search('dai phat thanh').filter((h) => h.kind === 'unit').map((h) => h.title)).toEqual(['Đài Phát thanh và Truyền hình Kiên Giang']);
    expect(app.search.search('Đài phát', { type: 'unit' }).map((h) => h.title)).toEqual(['Đài Phát thanh và Truyền hình Kiên Giang']);
    const id = addDocument(app, { subject: 'Kinh phí hoạt động', text: 'Tổng kinh phí 25 triệu đồng.' });
    expect(app.search.search('trieu dong', { type: 'incoming' }).map((h) => h.id)).toEqual([id]);
  });

  it('treats quoted words as a phrase', () => {
    expect(app.search.search('"rac thai nhua"').some((h) => h.kind === 'incoming')).toBe(true);
    expect(app.search.search('"nhua rac thai"').some((h) => h.kind === 'incoming')).toBe(false);
  });

  it('reads a number and symbol as the phrase of its parts: "864/STTTT" finds dispatch 864 and the reports citing it', () => {
    const hits = app.search.search('864/STTTT');
    expect(hits.find((h) => h.kind === 'dispatch')?.id).toBe(dispatch864);
    expect(hits.some((h) => h.kind === 'incoming' && h.subtitle.includes('15/BC-UBND'))).toBe(true);
    expect(app.search.search('864/STTTT-TTBCBC', { type: 'dispatch' }).map((h) => h.id)).toEqual([dispatch864]);
  });

  it('quotes away FTS syntax and SQL metacharacters instead of failing', () => {
    expect(ftsQuery('a OR b NEAR(c) "; DROP TABLE units; --')!.match).not.toMatch(/NEAR\(|;/);
    expect(() => app.search.search('") OR 1=1 -- *')).not.toThrow();
    expect(() => app.search.search('{subject} : x* ^y')).not.toThrow();
    expect(app.search.search('   ')).toEqual([]);
    expect(app.search.search('" -- "')).toEqual([]);
  });

  it('makes every word a prefix, except a single character', () => {
    expect(ftsQuery('tuyen tr')!.match).toBe('"tuyen"* AND "tr"*');
    expect(ftsQuery('chuyen doi s')!.match).toBe('"chuyen"* AND "doi"* AND "s"');
    expect(ftsQuery('rac "thai nhua"')!.match).toBe('"thai nhua" AND "rac"*');
    expect(ftsQuery('So 864/STT')!.match).toBe('"so"* AND "864 stt"*');
    expect(ftsQuery('tuyen tr')!.phrase).toBe('"tuyen tr"*');
    expect(app.search.search('tuyen tr', { type: 'incoming' }).length).toBeGreaterThan(0);
    expect(app.search.search('tuy tru rac', { type: 'incoming' }).length).toBeGreaterThan(0);
  });

  it('keeps folded and original indices aligned', () => {
    const original = 'Đẩy mạnh tuyên truyền';
    expect(foldByChar(original)).toBe('day manh tuyen truyen');
    expect(snippet(original, ['truyen'])!.highlights).toEqual([[15, 21]]);
  });
});

describe('search ranking', () => {
  let other: ReturnType<typeof openTempApp>;
  beforeAll(() => {
    other = openTempApp();
  });
  afterAll(() => other.cleanup());

  it('ranks a subject match above a body mention, even an older one above a newer one', () => {
    const inSubject = addDocument(other, { subject: 'Kế hoạch chuyển đổi số năm 2022', text: 'Nội dung kế hoạch.' });
    const inBody = addDocument(other, { subject: 'Báo cáo tháng 5', text: 'Về chuyển đổi số: chuyển đổi số, chuyển đổi số và chuyển đổi số.' });
    const newerInSubject = addDocument(other, { subject: 'Sơ kết chuyển đổi số', text: '' });
    expect(other.search.search('chuyen doi so').map((h) => h.id)).toEqual([newerInSubject, inSubject, inBody]);
  });

  it('ranks the words in a row above the same words apart; a quoted phrase finds only the words in a row', () => {
    const apart = addDocument(other, { subject: 'Thu gom rác, xử lý thải và bao bì nhựa', text: '' });
    const together = addDocument(other, { subject: 'Phòng, chống rác thải nhựa', text: '' });
    const inText = addDocument(other, { subject: 'Công văn gửi các xã', text: 'Đẩy mạnh phòng chống rác thải nhựa.' });
    expect(other.search.search('rac thai nhua').map((h) => h.id)).toEqual([together, apart, inText]);
    expect(other.search.search('"rac thai nhua"').map((h) => h.id)).toEqual([together, inText]);
  });

  it('ranks tier by tier: phrase in the heading, words in the heading, phrase in the text, words in the text', () => {
    expect(rankingTiers(ftsQuery('rac thai')!)).toEqual([
      '{subject} : ("rac thai"*)',
      '{subject} : ("rac"* AND "thai"*)',
      '{subject folded} : ("rac thai"*)',
      '{subject folded} : ("rac"* AND "thai"*)',
    ]);
    expect(rankingTiers(ftsQuery('nhua')!)).toEqual(['{subject} : ("nhua"*)', '{subject folded} : ("nhua"*)']);
  });
});

describe('search filters', () => {
  let f: ReturnType<typeof openTempApp>;
  let unitA: number;
  let unitB: number;
  let dispatchId: number;
  const ids = { a2021: 0, b2022: 0, review: 0 };

  beforeAll(() => {
    f = openTempApp();
    f.loadDemoData();
    unitA = f.units.findByName('UBND huyện Kiên Lương')!.id;
    unitB = f.units.findByName('Sở Tài chính')!.id;
    dispatchId = f.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!.id;
    ids.a2021 = addDocument(f, { subject: 'Báo cáo tuyên truyền năm 2021', year: 2021, unitId: unitA, dispatchId, fileName: 'BC tuyen truyen Kien Luong.pdf' });
    ids.b2022 = addDocument(f, { subject: 'Báo cáo tuyên truyền năm 2022', year: 2022, unitId: unitB, dispatchId });
    ids.review = addDocument(f, { subject: 'Tuyên truyền chưa rõ đơn vị', year: 2022, status: 'needs_review' });
  });
  afterAll(() => f.cleanup());

  const found = (query: string, filters: Parameters<App['search']['search']>[1]) => f.search.search(query, filters).map((h) => `${h.kind}:${h.id}`).sort();

  it('narrows received documents by year, unit, dispatch and status', () => {
    expect(found('tuyen truyen', { type: 'incoming', year: 2021 })).toEqual([`incoming:${ids.a2021}`]);
    expect(found('tuyen truyen', { type: 'incoming', unitId: unitB })).toEqual([`incoming:${ids.b2022}`]);
    expect(found('tuyen truyen', { type: 'incoming', dispatchId })).toEqual([`incoming:${ids.a2021}`, `incoming:${ids.b2022}`].sort());
    expect(found('tuyen truyen', { type: 'incoming', status: 'needs_review' })).toEqual([`incoming:${ids.review}`]);
    expect(found('tuyen truyen', { type: 'incoming', year: 2022, unitId: unitA })).toEqual([]);
  });

  it('keeps only the kinds a filter applies to', () => {
    const kinds = (filters: Parameters<App['search']['search']>[1]) => [...new Set(f.search.search('kien', filters).map((h) => h.kind))].sort();
    // "kien": dispatch 864 (Kiên Giang), units, and the 2021 report of UBND huyện Kiên Lương and its file.
    expect(kinds({})).toEqual(['dispatch', 'file', 'incoming', 'unit']);
    expect(kinds({ year: 2021 })).toEqual(['dispatch', 'file', 'incoming']);
    expect(kinds({ dispatchId })).toEqual(['file', 'incoming']);
    expect(kinds({ status: 'issued' })).toEqual(['dispatch']);
    expect(kinds({ type: 'unit' })).toEqual(['unit']);
    // The unit filter keeps the dispatches addressed to it: 864 expects a report from every district.
    expect(f.search.search('rac thai nhua', { unitId: unitA }).map((h) => h.kind)).toEqual(['dispatch']);
  });

  it('finds received files by name, and a file opens its document', () => {
    const hits = f.search.search('kien luong', { type: 'file' });
    expect(hits).toEqual([expect.objectContaining({ kind: 'file', title: 'BC tuyen truyen Kien Luong.pdf', documentId: ids.a2021 })]);
    expect(f.search.search('kien luong', { type: 'file', year: 2022 })).toEqual([]);
  });

  it('follows the clerk: a confirmed document moves to its new status, unit and dispatch at once', () => {
    f.incoming.confirm(ids.review, {
      agency: 'Sở Tài chính', number: 3, symbol: 'BC-STC', date: '2022-02-20', type: 'Báo cáo', subject: 'Tuyên truyền về ngân sách', unitId: unitB, dispatchId: null, periodKey: null,
    });
    expect(found('ngan sach', { type: 'incoming', status: 'registered', unitId: unitB })).toEqual([`incoming:${ids.review}`]);
    expect(found('tuyen truyen', { type: 'incoming', status: 'needs_review' })).toEqual([]);
    f.incoming.unlinkDispatch(ids.b2022);
    expect(found('tuyen truyen', { type: 'incoming', dispatchId })).toEqual([`incoming:${ids.a2021}`]);
  });

  it('refuses an unknown filter value through the API', async () => {
    const { createCore } = await import('../../main/api/core.js');
    const core = createCore(f, 'cli');
    expect(await core.call('search.query', { query: 'x', type: 'paper' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.call('search.query', { query: 'x', year: 99999 })).toMatchObject({ ok: false });
    expect(await core.call('search.query', { query: 'tuyen truyen', year: 2021, type: 'incoming' })).toMatchObject({ ok: true, result: [{ id: ids.a2021 }] });
  });
});
