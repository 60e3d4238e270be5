import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { draft864 } from '../support/dispatch-drafts.js';
import type { DispatchContentInput } from '../../shared/domain/dispatch.js';

let app: ReturnType<typeof openTempApp>;
beforeEach(() => {
  app = openTempApp();
  app.loadDemoData();
});
afterEach(() => app.cleanup());

const draft = (extra: Partial<DispatchContentInput> = {}) => draft864(app, extra);

describe('outgoing numbering', () => {
  it('numbers in issue order within a year and restarts at 1 on 1 January', () => {
    const a = app.dispatches.issue(draft().id, { date: '2031-12-30' });
    const b = app.dispatches.issue(draft().id, { date: '2031-12-31' });
    const c = app.dispatches.issue(draft().id, { date: '2032-01-01' });
    expect([a.number, b.number, c.number]).toEqual([1, 2, 1]);
    expect(a.symbol).toBe('STTTT-TTBCBC');
  });

  it('continues from a number chosen by hand, and refuses a number already used that year', () => {
    app.dispatches.issue(draft().id, { date: '2031-08-03', number: 864 });
    expect(app.dispatches.issue(draft().id, { date: '2031-08-04' }).number).toBe(865);
    expect(() => app.dispatches.issue(draft().id, { date: '2031-09-01', number: 864 })).toThrow(/Số 864 năm 2031 đã được dùng cho văn bản 864\/STTTT-TTBCBC ngày 03\/08\/2031/);
    // The same number is free in another year.
    expect(app.dispatches.issue(draft().id, { date: '2032-02-01', number: 864 }).number).toBe(864);
  });

  it('never reuses the number of a voided dispatch', () => {
    const a = app.dispatches.issue(draft().id, { date: '2031-03-01' });
    const voided = app.dispatches.void(a.id, 'Sai nơi nhận');
    expect(voided).toMatchObject({ status: 'voided', number: 1, voidReason: 'Sai nơi nhận' });
    expect(app.dispatches.issue(draft().id, { date: '2031-03-02' }).number).toBe(2);
    expect(() => app.dispatches.issue(draft().id, { date: '2031-03-02', number: 1 })).toThrow(/đã hủy/);
    expect(() => app.dispatches.deleteDraft(a.id)).toThrow(/không xóa được/);
  });

  it('issues with the number left blank, then records the hand-written number with the same collision check', () => {
    app.dispatches.issue(draft().id, { date: '2031-05-01' });
    const blank = app.dispatches.issue(draft().id, { date: '2031-05-02', numberLater: true });
    expect(blank).toMatchObject({ status: 'issued', number: null });
    expect(() => app.dispatches.setNumber(blank.id, 1)).toThrow(/đã được dùng/);
    expect(app.dispatches.setNumber(blank.id, 7).number).toBe(7);
    expect(() => app.dispatches.setNumber(blank.id, 8)).toThrow(/không được thay đổi/);
  });

  it('gives secret documents their own sequence', () => {
    app.dispatches.issue(draft().id, { date: '2031-01-05' });
    expect(app.dispatches.issue(draft({ confidential: true }).id, { date: '2031-01-06' }).number).toBe(1);
    expect(app.dispatches.issue(draft().id, { date: '2031-01-07' }).number).toBe(2);
  });

  it('refuses to issue an incomplete draft and says what is missing', () => {
    const d = app.dispatches.createDraft({ subject: '' });
    expect(() => app.dispatches.issue(d.id)).toThrow(/còn thiếu trích yếu \(V\/v\), nơi nhận \(Kính gửi\), nội dung, người ký/);
    expect(app.dispatches.get(d.id).status).toBe('draft');
  });

  it('expands a group of recipients into its active units as the expected reporters at issue time', () => {
    const districts = app.units.listGroups().find((g) => g.name === 'UBND các huyện, thành phố')!;
    const kl = app.units.findByName('UBND huyện Kiên Lương')!;
    app.units.setActive(kl.id, false);
    const d = app.dispatches.issue(
      draft({
        recipients: [{ kind: 'group', groupId: districts.id, label: districts.kinhGuiLabel }],
        requirement: { frequency: 'yearly', dueDay: 15, dueMonth: 11, fromYear: 2031, toYear: 2035, deadline: 'before' },
      }).id,
      { date: '2031-08-03' },
    );
    expect(d.expectedUnitIds).toHaveLength(14);
    expect(d.expectedUnitIds).not.toContain(kl.id);
    // Units named by a dispatch are kept when the clerk deletes them.
    const pq = app.units.findByName('UBND thành phố Phú Quốc')!;
    expect(app.units.remove(pq.id).outcome).toBe('deactivated');
  });

  it('keeps an issued dispatch\'s content fixed', () => {
    const d = app.dispatches.issue(draft().id, { date: '2031-06-01' });
    expect(() => app.dispatches.updateDraft(d.id, { subject: 'khác' })).toThrow(/không sửa được/);
  });

  it('finds a dispatch by its printed reference, with the year for ambiguity', () => {
    app.dispatches.issue(draft().id, { date: '2031-08-03', number: 864 });
    app.dispatches.issue(draft().id, { date: '2032-08-03', number: 864 });
    // The demo data holds the real 864 of 2021 as well.
    expect(app.dispatches.findByReference('864/STTTT-TTBCBC', null).map((d) => d.issueDate)).toEqual(['2032-08-03', '2031-08-03', '2021-08-03']);
    expect(app.dispatches.findByReference('864/sttttt-ttbcbc', null)).toHaveLength(0);
    expect(app.dispatches.findByReference(' 864 / STTTT-TTBCBC', 2031).map((d) => d.issueDate)).toEqual(['2031-08-03']);
  });
});
