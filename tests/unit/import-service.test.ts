import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { reportDocx, reportEml } from '../support/report-samples.js';
import { createCore } from '../../main/api/core.js';
import { sharedDir } from '../support/shared-fixtures.js';

let app: ReturnType<typeof openTempApp>;
beforeEach(() => {
  app = openTempApp();
  app.loadDemoData();
});
afterEach(() => app.cleanup());

const kienLuong2021 = () =>
  reportDocx({ number: 15, symbol: 'BC-UBND', place: 'Kiên Lương', date: [10, 11, 2021], title: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021', year: 2021 });

describe('importing what units e-mail back', () => {
  it('registers a report from a known unit that cites our dispatch, with the reasons, the số đến and the e-mail date', async () => {
    const eml = await reportEml({
      from: '"UBND huyện Kiên Lương" <ubndkienluong@kiengiang.gov.vn>',
      date: '2021-11-10T09:30:00+07:00',
      messageId: '<bc-15@kienluong.kiengiang.gov.vn>',
      attachments: [{ filename: 'Báo cáo 15-BC-UBND.docx', content: kienLuong2021() }],
    });
    const [result, ...rest] = await app.imports.importInputs([{ name: 'Báo cáo Kiên Lương.eml', bytes: eml }]);
    expect(rest).toEqual([]);
    expect(result).toMatchObject({
      file: 'Báo cáo Kiên Lương.eml',
      attachment: 'Báo cáo 15-BC-UBND.docx',
      status: 'registered',
      arrivalNumber: 1,
      arrivalYear: 2021,
      receivedDate: '2021-11-10',
      document: { number: 15, symbol: 'BC-UBND', date: '2021-11-10', type: 'Báo cáo' },
      unit: { name: 'UBND huyện Kiên Lương' },
      dispatch: { number: 864, symbol: 'STTTT-TTBCBC' },
      period: { key: '2021' },
    });
    expect(result!.unit!.reasons.join(' ')).toContain('ubndkienluong@kiengiang.gov.vn');
    expect(result!.dispatch!.reasons.join(' ')).toContain('864/STTTT-TTBCBC');

    // The message and its attachment are kept unchanged in the file store.
    const doc = app.incoming.get(result!.entryId!);
    expect(doc.files.map((f) => f.role).sort()).toEqual(['main', 'message']);
    const message = doc.files.find((f) => f.role === 'message')!;
    expect(app.fileStore.get(message.sha256).equals(eml)).toBe(true);

    // The same e-mail again is a duplicate that names the entry it repeats, and takes no số đến.
    const [again] = await app.imports.importInputs([{ name: 'Báo cáo Kiên Lương (1).eml', bytes: eml }]);
    expect(again).toMatchObject({ status: 'duplicate', entryId: result!.entryId, arrivalNumber: null });
    expect(again!.reason).toContain('số 1/2021');
  });

  it('registers an empty file for review, and refuses an executable renamed .pdf while keeping its bytes', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const results = await app.imports.importInputs([
      { name: 'trống.pdf', bytes: Buffer.alloc(0) },
      { name: 'bao-cao.pdf', bytes: exe },
    ]);
    const empty = results.find((r) => r.file === 'trống.pdf')!;
    expect(empty).toMatchObject({ status: 'needs_review', arrivalNumber: 1 });
    expect(empty.reason).toMatch(/rỗng/i);
    const refused = results.find((r) => r.file === 'bao-cao.pdf')!;
    expect(refused).toMatchObject({ status: 'rejected', entryId: null, arrivalNumber: null });
    expect(refused.reason).toMatch(/chương trình|thực thi/i);
    const logged = app.db.prepare("SELECT sha256 FROM intake_log WHERE status = 'rejected'").pluck().get() as string;
    expect(app.fileStore.get(logged).equals(exe)).toBe(true);
  });

  it('makes one entry per document when an e-mail carries two reports with different numbers', async () => {
    const eml = await reportEml({
      from: 'ubndkienluong@kiengiang.gov.vn',
      date: '2022-11-01T08:00:00+07:00',
      messageId: '<two@kienluong>',
      attachments: [
        { filename: 'BC 21.docx', content: reportDocx({ number: 21, symbol: 'BC-UBND', place: 'Kiên Lương', date: [1, 11, 2022], title: 'Kết quả tuyên truyền năm 2022', year: 2022 }) },
        { filename: 'BC 22.docx', content: reportDocx({ number: 22, symbol: 'BC-UBND', place: 'Kiên Lương', date: [1, 11, 2022], title: 'Kết quả công tác khác năm 2022', year: 2022 }) },
      ],
    });
    const results = await app.imports.importInputs([{ name: 'hai-bao-cao.eml', bytes: eml }]);
    expect(results.map((r) => [r.document?.number, r.arrivalNumber]).sort()).toEqual([[21, 1], [22, 2]]);
  });

  it('does not take another province\'s Sở Tài chính for ours', async () => {
    const docx = reportDocx({ agency: ['UBND TỈNH ĐẮK NÔNG', 'SỞ TÀI CHÍNH'], number: 216, symbol: 'BC-STC', place: 'Đắk Nông', date: [14, 11, 2018], title: 'Kết quả cải cách hành chính', year: 2018 });
    const [r] = await app.imports.importInputs([{ name: '216.docx', bytes: docx }]);
    expect(r!.status).toBe('needs_review');
    expect(r!.unit!.id).toBeNull();
  });

  it('imports a folder, and the CLI-facing result names each file by its own name', async () => {
    const dir = fs.mkdtempSync(path.join(app.dataDir, 'thư mục nhận '));
    fs.writeFileSync(path.join(dir, 'Báo cáo.docx'), kienLuong2021());
    const [r] = await app.imports.importInputs([{ path: dir }], { receivedDate: '2021-11-12' });
    expect(r).toMatchObject({ file: 'Báo cáo.docx', attachment: null, receivedDate: '2021-11-12' });
    // No sender address: the agency name alone, from a document, still identifies the unit.
    expect(r!.unit!.name).toBe('UBND huyện Kiên Lương');
  });

  it('follows the work rules the clerk set: duplicates allowed, and a smaller size limit', async () => {
    const core = createCore(app, 'browser');
    expect(await core.call('settings.getWorkRules', {})).toMatchObject({ ok: true, result: { numbering: 'shared', duplicatePolicy: 'warn', maxFileMb: 100 } });
    await core.call('settings.saveWorkRules', { numbering: 'per_type', duplicatePolicy: 'allow', maxFileMb: 1 });
    const docx = kienLuong2021();
    const [first] = await app.imports.importInputs([{ name: 'a.docx', bytes: docx }], { receivedDate: '2021-11-12' });
    const [second] = await app.imports.importInputs([{ name: 'a.docx', bytes: docx }], { receivedDate: '2021-11-12' });
    expect([first!.status, second!.status]).toEqual(['registered', 'registered']);
    const [big] = await app.imports.importInputs([{ name: 'lớn.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, 0x20)]) }]);
    expect(big).toMatchObject({ status: 'rejected' });
    expect(app.settings.getNumberingMode()).toBe('per_type');
    const refused = await core.call('settings.saveWorkRules', { numbering: 'shared', duplicatePolicy: 'warn', maxFileMb: 0 });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('tối thiểu 1 MB') } });
  });

  it('reads a signed scan: page 1 by OCR, the signature names the unit; a hand-written number is never read as another', async () => {
    const dir = sharedDir();
    if (!dir) {
      console.log('Bỏ qua: không tìm thấy ../shared.');
      return;
    }
    app.units.create({ name: 'UBND huyện Krông Nô', aliases: ['Ủy ban nhân dân huyện K-rông Nô'] });
    const scan = fs.readFileSync(path.join(dir, 'fixtures/real/tong-hop-BC-TCD-T5-2019_UBND-huyen-Krong-No_scan.pdf'));
    const [r] = await app.imports.importInputs([{ name: 'scan.pdf', bytes: scan }], { receivedDate: '2019-05-20' });
    expect(r!.document).toMatchObject({ textSource: 'ocr', agency: expect.stringMatching(/KRÔNG NÔ/) });
    expect([null, 177]).toContain(r!.document!.number);
    expect(r!.document!.signatures).toEqual([
      expect.objectContaining({ signer: 'Ủy ban nhân dân huyện K-rông Nô', taxCode: '6400085062', digestValid: true, after: 'nothing' }),
    ]);
    expect(r!.unit).toMatchObject({ name: 'UBND huyện Krông Nô', confidence: expect.any(Number) });
    expect(r!.unit!.reasons.join(' ')).toContain('ký số');
  }, 60_000);

  it('keeps a unit that a received document refers to: deleting it deactivates it', async () => {
    const [r] = await app.imports.importInputs([{ name: 'bc.docx', bytes: kienLuong2021() }], { receivedDate: '2021-11-12' });
    const unitId = r!.unit!.id!;
    expect(app.units.remove(unitId).outcome).toBe('deactivated');
  });
});
