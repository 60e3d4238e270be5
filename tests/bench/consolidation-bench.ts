/**
 * Consolidation figure for `npm run bench` (issue 6): 1,000 units × 50 indicators returned for
 * one period of a dispatch. What is timed is what the clerk waits for after "Lập báo cáo tổng
 * hợp": through the API as the app calls it, the consolidation built from the figures stored in
 * form_submissions (`forms.consolidate`) and the Báo cáo draft (`reports.createDraft`: tracking,
 * consolidation, each unit's key sentences, saved in the register). The median of 3 runs.
 * The data is synthetic and set up directly (paper entries plus stored figures), not timed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../main/app/open-app.js';
import { createCore } from '../../main/api/core.js';
import type { DataFormInput, FormRow } from '../../shared/domain/form.js';

const UNITS = 1000;
const INDICATORS = 50;
const RUNS = 3;
const PERIOD = '2021';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Five indicator kinds in turn, so that every aggregation is exercised. */
function indicator(k: number): FormRow {
  const code = `CT${String(k + 1).padStart(2, '0')}`;
  const name = `Chỉ tiêu số ${k + 1}`;
  switch (k % 5) {
    case 0:
      return { kind: 'indicator', code, name, unit: 'tin, bài', valueKind: 'integer', aggregation: 'sum', required: false };
    case 1:
      return { kind: 'indicator', code, name, unit: '%', valueKind: 'percent', aggregation: 'average', required: false };
    case 2:
      return { kind: 'indicator', code, name, unit: 'buổi', valueKind: 'integer', aggregation: 'max', required: false };
    case 3:
      return { kind: 'indicator', code, name, unit: '', valueKind: 'boolean', aggregation: 'count_yes', required: false };
    default:
      return { kind: 'indicator', code, name, unit: '', valueKind: 'text', aggregation: 'list', required: false };
  }
}

function unitReport(n: number): string {
  return [
    'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'BÁO CÁO',
    'Kính gửi: Sở Thông tin và Truyền thông.',
    'Thực hiện Công văn số 864/STTTT-TTBCBC, đơn vị báo cáo như sau:',
    'I. KẾT QUẢ THỰC HIỆN',
    `Đơn vị đã đăng ${n + 10} tin, bài tuyên truyền. Tổ chức ${n % 20} buổi tuyên truyền với ${n * 7} lượt người tham dự.`,
    'Phát động phong trào chống rác thải nhựa tại các trường học.',
    'II. KHÓ KHĂN',
    'Kinh phí còn hạn chế.',
  ].join('\n');
}

export async function consolidationBench(): Promise<{ consolidationMs: number; consolidateMs: number; draftMs: number; units: number; indicators: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-consolidation-'));
  const app = openApp({ dataDir: dir, printPdf: async () => Buffer.alloc(0) });
  try {
    app.loadDemoData();
    const unitIds = app.db.transaction(() => {
      const group = app.units.createGroup({ name: 'Đơn vị thử tải', kinhGuiLabel: 'Các đơn vị thử tải', sortOrder: 9 });
      return Array.from({ length: UNITS }, (_, i) => app.units.create({ name: `Đơn vị thử tải số ${i + 1}`, groupId: group.id }).id);
    })();
    const draft = app.dispatches.createDraft({
      subject: 'đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa',
      departmentCode: 'TTBCBC',
      recipients: [{ kind: 'text', label: 'Các đơn vị thử tải' }],
      body: [{ runs: [{ text: 'Đề nghị các đơn vị báo cáo trước ngày 15/11 hằng năm.' }], list: null }],
      signer: { name: 'Lâm Văn Sển', title: 'GIÁM ĐỐC', authority: null },
      references: ['Kế hoạch số 136/KH-UBND ngày 15/7/2021 của Ủy ban nhân dân tỉnh'],
      requirement: { frequency: 'yearly', dueDay: 15, dueMonth: 11, fromYear: 2021, toYear: 2021, deadline: 'before' },
      expectedUnitIds: unitIds,
    });
    const dispatch = app.dispatches.issue(draft.id, { date: '2021-08-03' });
    const form: DataFormInput = { title: 'Biểu số liệu thử tải', rows: Array.from({ length: INDICATORS }, (_, k) => indicator(k)) };
    const saved = app.forms.save(dispatch.id, form);
    const setText = app.db.prepare('UPDATE incoming_documents SET full_text = ? WHERE id = ?');
    app.db.transaction(() => {
      unitIds.forEach((unitId, n) => {
        const day = String(1 + (n % 28)).padStart(2, '0');
        const doc = app.incoming.registerPaper({ receivedDate: `2021-11-${day}`, agency: `Đơn vị thử tải số ${n + 1}`, subject: 'Báo cáo kết quả năm 2021', unitId, dispatchId: dispatch.id, periodKey: PERIOD });
        setText.run(unitReport(n), doc.id);
        const values = Object.fromEntries(
          saved.rows.flatMap((r, k) => {
            if (r.kind !== 'indicator') return [];
            const value = r.valueKind === 'boolean' ? n % 2 === 0 : r.valueKind === 'text' ? `Ý kiến của đơn vị ${n + 1}` : n + k;
            return [[r.code, value]];
          }),
        );
        app.forms.recordSubmission({ incomingId: doc.id, readBy: 'metadata', formVersion: saved.version, meta: null, values, problems: [] });
      });
    })();

    const core = createCore(app, 'cli');
    const consolidate: number[] = [];
    const drafts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const figures = await core.call('forms.consolidate', { dispatchId: dispatch.id, periodKey: PERIOD });
      const t1 = performance.now();
      const report = await core.call('reports.createDraft', { dispatchId: dispatch.id, periodKey: PERIOD, today: '2021-11-20' });
      const t2 = performance.now();
      if (!figures.ok || !report.ok) throw new Error(JSON.stringify(figures.ok ? report : figures));
      consolidate.push(t1 - t0);
      drafts.push(t2 - t1);
    }
    const round = (ms: number): number => Math.round(ms);
    return {
      consolidationMs: round(median(consolidate.map((c, i) => c + drafts[i]!))),
      consolidateMs: round(median(consolidate)),
      draftMs: round(median(drafts)),
      units: UNITS,
      indicators: INDICATORS,
    };
  } finally {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
