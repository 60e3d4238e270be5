import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { reportDocx } from '../support/report-samples.js';
import { matchDispatch } from '../../main/intake/match.js';
import { CONFIDENT } from '../../main/intake/import-service.js';
import type { DocumentReference, Envelope, RecognisedHeader } from '../../main/intake/types.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';

/**
 * Which of our dispatches a received document answers, found through indexed look-ups (by
 * number and year; by subject through the search index) instead of reading every dispatch, as
 * ten years bring thousands and numbers start again every year: 864/STTTT-TTBCBC exists in 2019,
 * 2021 (the demo's) and 2022 here.
 */

let app: ReturnType<typeof openTempApp>;
let cv864: Record<2019 | 2021 | 2022, Dispatch>;
let award: Dispatch;
let unique: Dispatch;

function issue(subject: string, date: string, options: { number?: number; departmentCode?: string; asksReports?: boolean } = {}): Dispatch {
  const year = Number(date.slice(0, 4));
  const draft = app.dispatches.createDraft({
    subject,
    departmentCode: options.departmentCode ?? 'TTBCBC',
    recipients: [{ kind: 'text', label: 'Các sở, ban, ngành' }],
    body: [{ runs: [{ text: 'Đề nghị các đơn vị báo cáo.' }], list: null }],
    signer: { name: 'Lâm Văn Sển', title: 'GIÁM ĐỐC', authority: null },
    requirement: options.asksReports ? { frequency: 'yearly', dueDay: 15, dueMonth: 11, fromYear: year, toYear: year, deadline: 'before' } : null,
  });
  return app.dispatches.issue(draft.id, { number: options.number ?? null, date });
}

beforeAll(() => {
  app = openTempApp();
  app.loadDemoData();
  const demo = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
  cv864 = {
    2019: issue('tăng cường quản lý hoạt động thông tin cơ sở', '2019-05-10', { number: 864 }),
    2021: demo,
    2022: issue('hướng dẫn thực hiện chuyển đổi số năm 2022', '2022-08-03', { number: 864, asksReports: true }),
  };
  // More dispatches asking for reports than the subject look-up compares, all alike but one.
  const topics = ['cải cách hành chính', 'an toàn thông tin', 'bưu chính', 'báo chí', 'xuất bản', 'viễn thông', 'công nghệ thông tin', 'thông tin cơ sở'];
  for (let i = 0; i < 64; i++) issue(`báo cáo kết quả công tác ${topics[i % topics.length]} quý ${(i % 4) + 1} năm 2020`, '2020-02-01', { departmentCode: 'VP', asksReports: true });
  award = issue('tổng kết phong trào thi đua khen thưởng ngành thông tin và truyền thông', '2020-03-01', { departmentCode: 'VP', asksReports: true });
  unique = issue('triển khai mạng bưu chính công cộng', '2020-04-01', { departmentCode: 'BCVT' });
});
afterAll(() => app.cleanup());

const nothing = { value: null, confidence: 0 };
function header(h: { date?: string; subject?: string; references?: Partial<DocumentReference>[] }): RecognisedHeader {
  return {
    agency: nothing, parentAgency: nothing, number: nothing, symbol: nothing, place: nothing, type: nothing, recipients: nothing, period: nothing, signer: nothing, urgency: nothing,
    date: { value: h.date ?? null, confidence: 0.9 },
    subject: { value: h.subject ?? null, confidence: 0.9 },
    references: (h.references ?? []).map((r) => ({ type: 'Công văn', number: null, symbol: null, date: null, text: '', ...r })),
  };
}
const mail = (subject: string): Envelope => ({ fromName: null, fromAddress: null, to: [], date: null, subject, messageId: null });
const ref864 = { number: 864, symbol: 'STTTT-TTBCBC' };

describe('the dispatch a document cites', () => {
  it('is looked up by number and year through an index', () => {
    const plan = app.db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM dispatches WHERE number = @number AND (@year IS NULL OR year = @year) AND status = 'issued'")
      .all({ number: 864, year: 2021 }) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX dispatches_cited');
  });

  it('with its date: that one, among the same number of other years', () => {
    for (const [date, expected] of [['2019-05-10', cv864[2019]], ['2021-08-03', cv864[2021]], ['2022-08-03', cv864[2022]]] as const) {
      const m = matchDispatch(app.dispatches, header({ date: '2023-01-05', references: [{ ...ref864, date }] }), null, '2023-01-06');
      expect(m).toMatchObject({ value: { id: expected.id }, confidence: 0.97 });
    }
    // A date none of them has: not one of them.
    expect(matchDispatch(app.dispatches, header({ references: [{ ...ref864, date: '2021-08-04' }] }), null, '2021-11-10').value).toBeNull();
  });

  it('without a date: the latest issued by the document\'s date, left to the clerk since others share the number', () => {
    const nov2021 = matchDispatch(app.dispatches, header({ date: '2021-11-10', references: [ref864] }), null, '2021-11-12');
    expect(nov2021.value?.id).toBe(cv864[2021].id);
    expect(nov2021.confidence).toBeLessThan(CONFIDENT.dispatch);
    expect(nov2021.reasons.join(' ')).toContain('2 công văn khác');
    // No date of its own: the day received bounds it.
    expect(matchDispatch(app.dispatches, header({ references: [ref864] }), null, '2023-01-06').value?.id).toBe(cv864[2022].id);
    // A number no other dispatch shares is enough.
    const alone = matchDispatch(app.dispatches, header({ date: '2020-05-01', references: [{ number: unique.number, symbol: 'stttt - bcvt' }] }), null, '2020-05-02');
    expect(alone).toMatchObject({ value: { id: unique.id }, confidence: 0.9 });
    expect(alone.confidence).toBeGreaterThanOrEqual(CONFIDENT.dispatch);
  });

  it('named in the e-mail\'s subject, with spaces, dashes or words run on after the symbol', () => {
    const subject = `Fwd: BC theo CV số 0${unique.number} / STTTT – BCVT-Kiên Lương`;
    expect(matchDispatch(app.dispatches, header({ date: '2020-05-01' }), mail(subject), '2020-05-02')).toMatchObject({ value: { id: unique.id }, confidence: 0.85 });
    // Another number that merely contains it is not it.
    expect(matchDispatch(app.dispatches, header({ date: '2020-05-01' }), mail(`BC theo CV 1${unique.number}/STTTT-BCVT`), '2020-05-02').value).toBeNull();
    expect(matchDispatch(app.dispatches, header({ date: '2022-11-01' }), mail('Báo cáo theo 864/STTTT-TTBCBC'), '2022-11-02')).toMatchObject({ value: { id: cv864[2022].id } });
  });

  it('by a subject alike, among more dispatches asking for reports than are compared: proposed, never registered', () => {
    const m = matchDispatch(app.dispatches, header({ subject: 'Báo cáo tổng kết phong trào thi đua, khen thưởng ngành Thông tin và Truyền thông năm 2020' }), null, '2020-11-10');
    expect(m).toMatchObject({ value: { id: award.id, subject: award.subject }, confidence: 0.6 });
    expect(m.confidence).toBeLessThan(CONFIDENT.dispatch);
    // A dispatch that asks for no report is never proposed by subject.
    expect(matchDispatch(app.dispatches, header({ subject: 'Triển khai mạng bưu chính công cộng' }), null, '2020-11-10').value).toBeNull();
    // Whatever a document's subject holds, it reaches the search index as quoted words.
    for (const subject of ['"', 'Báo cáo "x" OR NEAR(a b) * {folded} : ^ -', '*', "'; DROP TABLE dispatches; --"]) {
      expect(() => matchDispatch(app.dispatches, header({ subject }), mail(subject), '2020-11-10')).not.toThrow();
    }
  });

  it('an import finds it without reading the list of dispatches', async () => {
    const list = vi.spyOn(app.dispatches, 'list');
    const docx = reportDocx({ number: 15, symbol: 'BC-UBND', place: 'Kiên Lương', date: [10, 11, 2021], title: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021', year: 2021 });
    const [r] = await app.imports.importInputs([{ name: 'bc.docx', bytes: docx }], { receivedDate: '2021-11-12' });
    expect(r!.dispatch).toMatchObject({ id: cv864[2021].id, number: 864 });
    expect(list).not.toHaveBeenCalled();
    list.mockRestore();
  });
});
