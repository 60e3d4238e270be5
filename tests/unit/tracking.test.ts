import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { reportDocx, reportEml } from '../support/report-samples.js';
import { createCore } from '../../main/api/core.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';
import JSZip from 'jszip';

let app: ReturnType<typeof openTempApp>;
let cv864: Dispatch;
beforeEach(() => {
  app = openTempApp();
  app.loadDemoData();
  cv864 = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
});
afterEach(() => app.cleanup());

let seq = 0;
/** A district's 2021 report e-mailed on a given day from its (sample) address. */
async function report(from: string, day: string, place = 'Kiên Lương') {
  const agency = ['ỦY BAN NHÂN DÂN', `HUYỆN ${place.toLocaleUpperCase('vi')}`];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const eml = await reportEml({
    from,
    date: `${day}T09:00:00+07:00`,
    messageId: `<r${++seq}@test>`,
    attachments: [{ filename: `bc-${seq}.docx`, content: reportDocx({ agency, number: 100 + seq, symbol: 'BC-UBND', place, date: [d, m, y], title: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021', year: 2021 }) }],
  });
  return (await app.imports.importInputs([{ name: `bc-${seq}.eml`, bytes: eml }]))[0]!;
}

const row = (periods: ReturnType<typeof app.tracking.track>, name: string) => periods[0]!.rows.find((r) => r.unit.name === name)!;

describe('tracking công văn 864, period 2021 (last day 14/11: "trước ngày 15/11")', () => {
  it('derives on time, late, missing, not yet due and in review from the documents received', async () => {
    expect((await report('ubndkienluong@kiengiang.gov.vn', '2021-11-14')).status).toBe('registered');
    expect((await report('ubndhondat@kiengiang.gov.vn', '2021-11-15', 'Hòn Đất')).status).toBe('registered');
    // A document that cannot be read still counts: as in review, once a clerk links it.
    const [unread] = await app.imports.importInputs([{ name: 'scan.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF') }], { receivedDate: '2021-11-12' });
    app.db.prepare('UPDATE incoming_documents SET unit_id = ?, dispatch_id = ?, period_key = ? WHERE id = ?').run(app.units.findByName('UBND huyện An Biên')!.id, cv864.id, '2021', unread!.entryId);

    const before = app.tracking.track(cv864.id, '2021-11-14', '2021');
    expect(row(before, 'Sở Y tế').status).toBe('not_due');
    const after = app.tracking.track(cv864.id, '2021-11-20', '2021');
    expect(row(after, 'UBND huyện Kiên Lương')).toMatchObject({ status: 'on_time', receivedDate: '2021-11-14', daysLate: null });
    expect(row(after, 'UBND huyện Hòn Đất')).toMatchObject({ status: 'late', receivedDate: '2021-11-15', daysLate: 1 });
    expect(row(after, 'UBND huyện An Biên').status).toBe('in_review');
    expect(row(after, 'Sở Y tế')).toMatchObject({ status: 'missing', daysLate: 6 });
    expect(after[0]!.counts).toMatchObject({ expected: 41, received: 2, onTime: 1, late: 1, inReview: 1, missing: 38 });
  });

  it('lets the first submission decide on time or late, whatever comes after', async () => {
    await report('ubndkienluong@kiengiang.gov.vn', '2021-11-10');
    await report('ubndkienluong@kiengiang.gov.vn', '2021-11-30');
    const r = row(app.tracking.track(cv864.id, '2021-12-01', '2021'), 'UBND huyện Kiên Lương');
    expect(r).toMatchObject({ status: 'on_time', receivedDate: '2021-11-10' });
    expect(r.documents).toHaveLength(2);
  });

  it('shows an exemption with its reason, and takes it back without losing the history', () => {
    const syt = app.units.findByName('Sở Y tế')!;
    app.tracking.exempt(cv864.id, syt.id, '2021', 'Đơn vị không được giao nhiệm vụ');
    const exempted = row(app.tracking.track(cv864.id, '2021-11-20', '2021'), 'Sở Y tế');
    expect(exempted).toMatchObject({ status: 'exempt', exemption: { reason: 'Đơn vị không được giao nhiệm vụ' } });
    app.tracking.withdrawExemption(cv864.id, syt.id, '2021');
    expect(row(app.tracking.track(cv864.id, '2021-11-20', '2021'), 'Sở Y tế').status).toBe('missing');
    expect(app.db.prepare('SELECT count(*) FROM obligation_exemptions').pluck().get()).toBe(1);
  });

  it('expects the districts until they ceased on 30/6/2025, and a successor where the clerk named one', () => {
    const kl = app.units.findByName('UBND huyện Kiên Lương')!;
    const successor = app.units.create({ name: 'UBND xã Kiên Lương', validFrom: '2025-07-01' });
    app.units.update(kl.id, { ...kl, successorId: successor.id });
    const names = (key: string) => app.tracking.track(cv864.id, '2026-01-01', key)[0]!.rows.map((r) => r.unit.name);
    expect(names('2024')).toContain('UBND huyện Kiên Lương');
    expect(names('2025')).not.toContain('UBND huyện Kiên Lương');
    expect(names('2025')).toContain('UBND xã Kiên Lương');
    expect(names('2025')).not.toContain('UBND huyện Hòn Đất');
    expect(app.tracking.track(cv864.id, '2026-01-01', '2025')[0]!.counts.expected).toBe(41 - 15 + 1);
  });

  it('drafts a reminder to exactly the missing units, citing the dispatch and a new deadline', async () => {
    await report('ubndkienluong@kiengiang.gov.vn', '2021-11-10');
    const core = createCore(app, 'cli');
    const response = await core.call('tracking.reminderDraft', { dispatchId: cv864.id, periodKey: '2021', today: '2021-11-20' });
    expect(response.ok).toBe(true);
    const reminder = (response as { ok: true; result: Dispatch }).result;
    expect(reminder.status).toBe('draft');
    expect(reminder.subject).toBe('đôn đốc báo cáo năm 2021 theo Công văn số 864/STTTT-TTBCBC');
    // Two groups are wholly missing and print as their label; the districts' group lost Kiên Lương, so its units are named.
    const labels = reminder.recipients.map((r) => r.label);
    expect(labels).toContain('Các sở, ban, ngành cấp tỉnh');
    expect(labels).toContain('UBND huyện Hòn Đất');
    expect(labels).not.toContain('UBND huyện Kiên Lương');
    expect(labels).not.toContain('Ủy ban nhân dân các huyện, thành phố');
    expect(reminder.expectedUnitIds).toHaveLength(40);
    const text = reminder.body.flatMap((p) => p.runs.map((r) => r.text)).join(' ');
    expect(text).toContain('Ngày 03/8/2021, Sở Thông tin và Truyền thông ban hành Công văn số 864/STTTT-TTBCBC');
    expect(text).toContain('chậm nhất ngày 27/11/2021');
    expect(text).not.toContain('UBND huyện Kiên Lương;');
    const nothing = await core.call('tracking.reminderDraft', { dispatchId: cv864.id, periodKey: '2021', today: '2021-11-01' });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'nothing_missing' } });
  });

  it('follows a deadline moved after issue, a unit added to the list, and a document unlinked', async () => {
    const kl = await report('ubndkienluong@kiengiang.gov.vn', '2021-11-15');
    expect(row(app.tracking.track(cv864.id, '2021-11-20', '2021'), 'UBND huyện Kiên Lương').status).toBe('late');
    // The superior body allowed until 20/11 ("chậm nhất ngày"): the same report is now on time.
    const extra = app.units.create({ name: 'Ban Quản lý dự án tỉnh', groupId: app.units.listGroups()[0]!.id });
    app.dispatches.updateRequirement(
      cv864.id,
      { frequency: 'yearly', dueDay: 20, dueMonth: 11, fromYear: 2021, toYear: 2025, deadline: 'by' },
      [...cv864.expectedUnitIds, extra.id],
    );
    const moved = app.tracking.track(cv864.id, '2021-11-20', '2021');
    expect(moved[0]!.period.dueDate).toBe('2021-11-20');
    expect(row(moved, 'UBND huyện Kiên Lương').status).toBe('on_time');
    expect(row(moved, 'Ban Quản lý dự án tỉnh').status).toBe('not_due');
    expect(moved[0]!.counts.expected).toBe(42);
    // A report matched by mistake is taken off: the unit is missing again, and the document stays registered.
    app.incoming.unlinkDispatch(kl.entryId!);
    expect(row(app.tracking.track(cv864.id, '2021-11-21', '2021'), 'UBND huyện Kiên Lương').status).toBe('missing');
    expect(app.incoming.get(kl.entryId!).status).toBe('registered');
  });

  it('keeps a deadline that falls on a weekend as written', () => {
    // 15/11/2025 is a Saturday: "trước ngày 15/11" still ends on Friday 14/11, and "chậm nhất" on the Saturday itself.
    const d = app.dispatches.updateRequirement(cv864.id, { frequency: 'yearly', dueDay: 15, dueMonth: 11, fromYear: 2025, toYear: 2025, deadline: 'by' }, cv864.expectedUnitIds);
    expect(app.tracking.track(d.id, '2025-11-20')[0]!.period.dueDate).toBe('2025-11-15');
  });

  it('prints the reminder in the same Decree 30 layout, naming exactly the missing units', async () => {
    await report('ubndkienluong@kiengiang.gov.vn', '2021-11-10');
    const core = createCore(app, 'cli');
    const response = await core.call('tracking.reminderDraft', { dispatchId: cv864.id, periodKey: '2021', today: '2021-11-20' });
    const reminder = (response as { ok: true; result: Dispatch }).result;
    const docx = await app.dispatchRenderer.docx(reminder, app.settings.getProfile(), { draftYear: 2021 });
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    // The V/v line breaks across two lines of the header's left column.
    expect(text).toContain('V/v đôn đốc báo cáo năm 2021theo Công văn số 864/STTTT-TTBCBC');
    expect(text).toContain('UBND huyện Hòn Đất;');
    expect(text).not.toContain('UBND huyện Kiên Lương');
  });

  it('refuses a period the dispatch does not have, naming the ones it has', () => {
    expect(() => app.tracking.track(cv864.id, '2021-11-20', '2030')).toThrow(/2021, 2022, 2023, 2024, 2025/);
  });
});
