import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { reportDocx } from '../support/report-samples.js';
import { ftsQuery } from '../../main/search/search-service.js';
import { foldByChar, snippet } from '../../shared/vn/highlight.js';

let app: ReturnType<typeof openTempApp>;
beforeAll(async () => {
  app = openTempApp();
  app.loadDemoData();
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

  it('folds đ: "dai phat thanh" finds the unit Đài Phát thanh và Truyền hình Kiên Giang', () => {
    expect(app.search.search('dai phat thanh').filter((h) => h.kind === 'unit').map((h) => h.title)).toEqual(['Đài Phát thanh và Truyền hình Kiên Giang']);
  });

  it('treats quoted words as a phrase', () => {
    expect(app.search.search('"rac thai nhua"').some((h) => h.kind === 'incoming')).toBe(true);
    expect(app.search.search('"nhua rac thai"').some((h) => h.kind === 'incoming')).toBe(false);
  });

  it('quotes away FTS syntax and SQL metacharacters instead of failing', () => {
    expect(ftsQuery('a OR b NEAR(c) "; DROP TABLE units; --')!.match).not.toMatch(/NEAR\(|;/);
    expect(() => app.search.search('") OR 1=1 -- *')).not.toThrow();
    expect(app.search.search('   ')).toEqual([]);
  });

  it('keeps folded and original indices aligned', () => {
    const original = 'Đẩy mạnh tuyên truyền';
    expect(foldByChar(original)).toBe('day manh tuyen truyen');
    expect(snippet(original, ['truyen'])!.highlights).toEqual([[15, 21]]);
  });
});
