import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { UserError } from '../../main/api/errors.js';

let app: ReturnType<typeof openTempApp>;
beforeEach(() => {
  app = openTempApp();
});
afterEach(() => app.cleanup());

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('units service', () => {
  it('finds units by words without diacritics and đ, in names, aliases and e-mail addresses', () => {
    app.loadDemoData();
    expect(app.units.list({ query: 'kien luong' }).map((u) => u.name)).toEqual(['UBND huyện Kiên Lương']);
    expect(app.units.list({ query: 'dai phat thanh' }).map((u) => u.name)).toEqual(['Đài Phát thanh và Truyền hình Kiên Giang']);
    expect(app.units.list({ query: 'ủy ban nhân dân hòn đất' }).map((u) => u.name)).toEqual(['UBND huyện Hòn Đất']);
    expect(app.units.list({ query: 'snv@' }).map((u) => u.name)).toEqual(['Sở Nội vụ']);
    expect(app.units.list({ query: '100%_' })).toEqual([]);
  });

  it('loads the whole Kiên Giang sample once: 15 districts and cities, the press, and the departments', () => {
    const first = app.loadDemoData();
    expect(first.groupsAdded).toBe(3);
    expect(app.loadDemoData()).toEqual({ unitsAdded: 0, groupsAdded: 0 });
    const groups = app.units.listGroups();
    const districts = groups.find((g) => g.name === 'UBND các huyện, thành phố');
    expect(districts?.unitCount).toBe(15);
    expect(districts?.kinhGuiLabel).toBe('Ủy ban nhân dân các huyện, thành phố');
    const names = app.units.list().map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Báo Kiên Giang', 'Cổng Thông tin điện tử tỉnh', 'UBND thành phố Phú Quốc']));
    expect(app.units.list().every((u) => u.isSample)).toBe(true);
    expect(app.settings.getProfile()).toMatchObject({ symbol: 'STTTT', placeName: 'Kiên Giang', parentAgency: 'UBND TỈNH KIÊN GIANG' });
    expect(app.settings.getProfile().signers[0]?.name).toBe('Lâm Văn Sển');
  });

  it('sorts within a group by order, then in Vietnamese alphabetical order', () => {
    const g = app.units.createGroup({ name: 'Thử' });
    for (const name of ['Đội Quản lý', 'Ban Dân tộc', 'Sở Y tế', 'Ban Điều phối']) app.units.create({ name, groupId: g.id });
    expect(app.units.list().map((u) => u.name)).toEqual(['Ban Dân tộc', 'Ban Điều phối', 'Đội Quản lý', 'Sở Y tế']);
  });

  it('rejects a duplicate name whatever its case, marks or spacing, and names the unit it clashes with', () => {
    app.units.create({ name: 'Sở Nội vụ' });
    const error = errorOf(() => app.units.create({ name: '  SỞ NỘI  VỤ ' }));
    expect(error.code).toBe('duplicate_name');
    expect(error.message).toContain('"Sở Nội vụ"');
    expect(app.units.list()).toHaveLength(1);
  });

  it('rejects an alias that is another unit\'s name, and an e-mail address that belongs to another unit', () => {
    app.units.create({ name: 'Sở Y tế', emails: ['syt@kiengiang.gov.vn'] });
    expect(errorOf(() => app.units.create({ name: 'Sở Tư pháp', aliases: ['Sở Y Tế'] })).code).toBe('duplicate_alias');
    expect(errorOf(() => app.units.create({ name: 'Sở Tư pháp', emails: ['SYT@kiengiang.gov.vn'] })).code).toBe('duplicate_email');
  });

  it('rejects malformed e-mail addresses with a Vietnamese message naming the address', () => {
    expect(() => app.units.create({ name: 'Sở Tư pháp', emails: ['stp.kiengiang.gov.vn'] })).toThrow(/stp\.kiengiang\.gov\.vn.*không hợp lệ/);
    expect(() => app.units.create({ name: 'Sở Tư pháp', emails: ['a b@x.vn'] })).toThrow(/không hợp lệ/);
  });

  it('stores e-mail addresses in lower case without repeats', () => {
    const u = app.units.create({ name: 'Sở Tư pháp', emails: ['STP@KienGiang.gov.vn', 'stp@kiengiang.gov.vn', 'vt.stp@kiengiang.gov.vn'] });
    expect(u.emails).toEqual(['stp@kiengiang.gov.vn', 'vt.stp@kiengiang.gov.vn']);
  });

  it('rejects an end of validity before its start, and a unit that succeeds itself', () => {
    expect(() => app.units.create({ name: 'A', validFrom: '2025-07-01', validUntil: '2025-06-30' })).toThrow(/sau ngày bắt đầu/);
    const a = app.units.create({ name: 'A' });
    expect(errorOf(() => app.units.update(a.id, { name: 'A', successorId: a.id })).code).toBe('invalid_successor');
  });

  it('deletes a unit nothing refers to, but only deactivates one that is referenced', () => {
    const successor = app.units.create({ name: 'UBND tỉnh An Giang' });
    const old = app.units.create({ name: 'UBND tỉnh Kiên Giang', successorId: successor.id, validUntil: '2025-06-30' });
    const kept = app.units.remove(successor.id);
    expect(kept.outcome).toBe('deactivated');
    expect(app.units.get(successor.id).active).toBe(false);
    expect(app.units.list().map((u) => u.name)).toEqual(['UBND tỉnh Kiên Giang']);
    expect(app.units.list({ includeInactive: true })).toHaveLength(2);
    expect(app.units.remove(old.id).outcome).toBe('deleted');
    expect(() => app.units.get(old.id)).toThrow(/Không tìm thấy/);
  });

  it('keeps the sample mark only while the sample e-mail addresses are unchanged', () => {
    app.loadDemoData();
    const unit = app.units.findByName('Sở Y tế')!;
    const renamedPhone = app.units.update(unit.id, { ...unit, phone: '0297 3862 000' });
    expect(renamedPhone.isSample).toBe(true);
    const realMail = app.units.update(unit.id, { ...renamedPhone, emails: ['vanthu.syt@kiengiang.gov.vn'] });
    expect(realMail.isSample).toBe(false);
  });

  it('records who changed what in the audit log', () => {
    const u = app.units.create({ name: 'Sở Y tế' });
    app.units.setActive(u.id, false);
    const rows = app.db.prepare("SELECT action, actor FROM audit_log WHERE entity = 'unit' ORDER BY id").all() as { action: string; actor: string }[];
    expect(rows.map((r) => r.action)).toEqual(['create', 'deactivate']);
    expect(rows[0]?.actor).toMatch(/.+@.+/);
  });

  it('rejects a duplicate group name', () => {
    app.units.createGroup({ name: 'Các sở, ban, ngành' });
    expect(errorOf(() => app.units.createGroup({ name: 'các sở, ban, ngành' })).code).toBe('duplicate_group');
  });
});
