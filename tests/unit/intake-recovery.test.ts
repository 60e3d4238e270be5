import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { reportDocx, reportEml } from '../support/report-samples.js';
import { unpack } from '../../main/intake/unpack.js';
import { DEFAULT_UNPACK_LIMITS } from '../../main/intake/types.js';
import { createIntakeJournal, recoverInterruptedImports, RECOVERED_REASON } from '../../main/intake/recovery.js';
import type { ImportInput } from '../../main/intake/import-service.js';

/**
 * What an import leaves behind when its process dies between storing a file and registering
 * it, and what the next start and a re-import make of it. The death is reproduced in process:
 * the journal and the store are written exactly as the import writes them, then the import
 * stops; the writer is declared dead to the recovery. (tests/unit/crash-safety.test.ts kills
 * real processes.)
 */

let app: ReturnType<typeof openTempApp>;
beforeEach(() => {
  app = openTempApp();
  app.loadDemoData();
});
afterEach(() => app.cleanup());

const dead = (): boolean => false;
const recover = () => recoverInterruptedImports(app.db, app.audit, app.fileStore, dead);
const count = (sql: string): number => app.db.prepare(sql).pluck().get() as number;

const report = (number: number, symbol = 'BC-UBND') =>
  reportDocx({ number, symbol, place: 'Kiên Lương', date: [10, 11, 2021], title: `Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021 (${number})`, year: 2021 });

const kienLuongEmail = (attachments: { filename: string; content: Buffer }[], messageId = '<bc-15@kienluong.kiengiang.gov.vn>') =>
  reportEml({ from: '"UBND huyện Kiên Lương" <ubndkienluong@kiengiang.gov.vn>', date: '2021-11-10T09:30:00+07:00', messageId, attachments });

/** Does what the import does up to the moment it dies: notes the items, stores the first `stored` of them. */
async function interruptedImport(input: ImportInput & { bytes: Buffer }, stored: number): Promise<void> {
  const { items } = await unpack([input], DEFAULT_UNPACK_LIMITS);
  createIntakeJournal(app.db).note(items, '2021-11-10');
  for (const item of items.slice(0, stored)) app.fileStore.put(item.bytes);
}

describe('recovering files received but not registered', () => {
  it('costs nothing on a clean start', () => {
    expect(recover()).toEqual({ entries: [], quarantined: 0, abandonedTemp: 0 });
    expect(count('SELECT count(*) FROM incoming_documents')).toBe(0);
  });

  it('puts an e-mail stored before its process died in the review queue, with its files, never deleting them', async () => {
    const eml = await kienLuongEmail([{ filename: 'Báo cáo 15.docx', content: report(15) }]);
    await interruptedImport({ name: 'Báo cáo Kiên Lương.eml', bytes: eml }, 2);

    const { entries } = recover();
    expect(entries).toHaveLength(1);
    const doc = app.incoming.get(entries[0]!.id);
    expect(doc).toMatchObject({ status: 'needs_review', reviewReason: RECOVERED_REASON, arrivalNumber: 1, arrivalYear: 2021, receivedDate: '2021-11-10' });
    expect(doc.files.map((f) => [f.role, f.fileName])).toEqual([
      ['message', 'Báo cáo Kiên Lương.eml'],
      ['main', 'Báo cáo 15.docx'],
    ]);
    expect(app.fileStore.get(doc.files[0]!.sha256).equals(eml)).toBe(true);
    expect(app.incoming.list({ status: 'needs_review', year: null }).map((d) => d.id)).toEqual([doc.id]);
    expect(count('SELECT count(*) FROM intake_pending')).toBe(0);
    // Recovered once: the next start finds nothing more.
    expect(recover().entries).toEqual([]);
  });

  it('completes the recovered entry when the same import runs again: one entry, its số đến kept, whatever the duplicate policy', async () => {
    const eml = await kienLuongEmail([{ filename: 'Báo cáo 15.docx', content: report(15) }]);
    await interruptedImport({ name: 'Báo cáo Kiên Lương.eml', bytes: eml }, 1); // only the e-mail itself reached the store
    const [recovered] = recover().entries;

    app.settings.saveIntake({ ...app.settings.getIntake(), duplicatePolicy: 'allow' });
    const [result, ...rest] = await app.imports.importInputs([{ name: 'Báo cáo Kiên Lương.eml', bytes: eml }]);
    expect(rest).toEqual([]);
    expect(result).toMatchObject({ status: 'registered', entryId: recovered!.id, arrivalNumber: 1, arrivalYear: 2021, unit: { name: 'UBND huyện Kiên Lương' } });
    const doc = app.incoming.get(recovered!.id);
    expect(doc.reviewReason).toBeNull();
    expect(doc.number).toBe(15);
    expect(doc.files.map((f) => f.role).sort()).toEqual(['main', 'message']);
    expect(count('SELECT count(*) FROM incoming_documents')).toBe(1);

    // Completed, it is an ordinary entry: the same e-mail once more is a duplicate of it.
    app.settings.saveIntake({ ...app.settings.getIntake(), duplicatePolicy: 'warn' });
    const [again] = await app.imports.importInputs([{ name: 'Báo cáo Kiên Lương.eml', bytes: eml }]);
    expect(again).toMatchObject({ status: 'duplicate', entryId: recovered!.id });
    expect(count('SELECT count(*) FROM incoming_documents')).toBe(1);
  });

  it('keeps a document registered once when a recovered e-mail carried it again', async () => {
    const doc15 = report(15);
    await app.imports.importInputs([{ name: 'Báo cáo 15.docx', bytes: doc15 }]);
    const eml = await kienLuongEmail([{ filename: 'Báo cáo 15.docx', content: doc15 }]);
    await interruptedImport({ name: 'Chuyển tiếp.eml', bytes: eml }, 1); // only the e-mail reached the store
    const [recovered] = recover().entries;

    const [result] = await app.imports.importInputs([{ name: 'Chuyển tiếp.eml', bytes: eml }]);
    expect(result).toMatchObject({ status: 'duplicate' });
    expect(result!.entryId).not.toBe(recovered!.id);
    expect(count("SELECT count(*) FROM incoming_files WHERE role = 'main'")).toBe(1);
    // The e-mail itself was received: it stays in the queue for the clerk.
    expect(app.incoming.get(recovered!.id).reviewReason).toBe(RECOVERED_REASON);
  });

  it('gives each document of an e-mail its own entry again after a crash stored them together', async () => {
    const eml = await kienLuongEmail([
      { filename: 'Báo cáo 15.docx', content: report(15) },
      { filename: 'Báo cáo 16.docx', content: report(16, 'BC-VHTT') },
    ]);
    await interruptedImport({ name: 'Hai báo cáo.eml', bytes: eml }, 3);
    const [recovered] = recover().entries;
    expect(app.incoming.get(recovered!.id).files).toHaveLength(3);

    const results = await app.imports.importInputs([{ name: 'Hai báo cáo.eml', bytes: eml }]);
    expect(results.map((r) => [r.status, r.document?.number, r.arrivalNumber])).toEqual([
      ['registered', 15, 1],
      ['registered', 16, 2],
    ]);
    expect(results[0]!.entryId).toBe(recovered!.id);
    const mains = app.db.prepare("SELECT f.file_name FROM incoming_files f WHERE f.role = 'main' ORDER BY f.document_id").pluck().all();
    expect(mains).toEqual(['Báo cáo 15.docx', 'Báo cáo 16.docx']);
    expect(count('SELECT count(*) FROM incoming_files WHERE sha256 IN (SELECT sha256 FROM incoming_files WHERE role = \'main\') AND role = \'attachment\'')).toBe(0);
  });

  it('adds files of an e-mail to the entry already recovered for it instead of making a second one', async () => {
    const eml = await kienLuongEmail([{ filename: 'Báo cáo 15.docx', content: report(15) }]);
    await interruptedImport({ name: 'Báo cáo Kiên Lương.eml', bytes: eml }, 1);
    const [first] = recover().entries;
    // The re-import dies too, after storing the attachment this time.
    await interruptedImport({ name: 'Báo cáo Kiên Lương.eml', bytes: eml }, 2);
    const [second] = recover().entries;
    expect(second!.id).toBe(first!.id);
    expect(app.incoming.get(first!.id).files.map((f) => [f.role, f.fileName])).toEqual([
      ['message', 'Báo cáo Kiên Lương.eml'],
      ['main', 'Báo cáo 15.docx'],
    ]);
    expect(count('SELECT count(*) FROM incoming_documents')).toBe(1);
  });

  it('leaves the notes of a process still importing, and drops notes of files registered or never stored', async () => {
    const eml = await kienLuongEmail([{ filename: 'Báo cáo 15.docx', content: report(15) }]);
    await interruptedImport({ name: 'a.eml', bytes: eml }, 2);
    expect(recoverInterruptedImports(app.db, app.audit, app.fileStore, () => true)).toEqual({ entries: [], quarantined: 0, abandonedTemp: 0 });
    expect(count('SELECT count(*) FROM intake_pending')).toBe(2); // the e-mail and its attachment

    await app.imports.importInputs([{ name: 'a.eml', bytes: eml }]); // the same import, finished: its notes are cleared
    expect(count('SELECT count(*) FROM intake_pending')).toBe(0);
    const [duplicate] = await app.imports.importInputs([{ name: 'a.eml', bytes: eml }]); // and so are a duplicate's, the e-mail's too
    expect(duplicate!.status).toBe('duplicate');
    expect(count('SELECT count(*) FROM intake_pending')).toBe(0);
    const docx = report(77);
    await interruptedImport({ name: 'chưa kịp lưu.docx', bytes: docx }, 0);
    await interruptedImport({ name: 'a.eml', bytes: eml }, 2); // already registered: noted again, then died
    expect(recover()).toEqual({ entries: [], quarantined: 0, abandonedTemp: 0 });
    expect(count('SELECT count(*) FROM intake_pending')).toBe(0);
    expect(count('SELECT count(*) FROM incoming_documents')).toBe(1);
  });

  it('removes half-written temporary copies of dead writers only, and never a stored file', () => {
    const stored = app.fileStore.put(Buffer.from('đã lưu trọn vẹn'));
    const tmp = path.join(app.dataDir, 'files', '.tmp');
    fs.writeFileSync(path.join(tmp, `${'a'.repeat(64)}.999999.dead`), 'dở dang');
    fs.writeFileSync(path.join(tmp, `${'b'.repeat(64)}.${process.pid}.live`), 'đang ghi');
    expect(recoverInterruptedImports(app.db, app.audit, app.fileStore, (pid) => pid === process.pid).abandonedTemp).toBe(1);
    expect(fs.readdirSync(tmp)).toEqual([`${'b'.repeat(64)}.${process.pid}.live`]);
    expect(app.fileStore.get(stored.sha256).toString()).toBe('đã lưu trọn vẹn');
  });

  it('records a refused file whose quarantine record was lost', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const { refused } = await unpack([{ name: 'bao-cao.pdf', bytes: exe }], DEFAULT_UNPACK_LIMITS);
    createIntakeJournal(app.db).note([{ ...refused[0]!, bytes: exe, role: 'refused', envelope: null }], '2021-11-10', refused[0]!.reason);
    app.fileStore.put(exe);
    expect(recover()).toEqual({ entries: [], quarantined: 1, abandonedTemp: 0 });
    expect(app.db.prepare("SELECT status, reason FROM intake_log").get()).toEqual({ status: 'rejected', reason: refused[0]!.reason });
    expect(count('SELECT count(*) FROM incoming_documents')).toBe(0);
  });
});
