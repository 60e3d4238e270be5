/**
 * `npm run bench -- --generate [--out DIR]`: a data folder as a department has it after ten
 * years — 10 × 10,000 received documents, 2,000 dispatches, 500 units — written through the
 * real schema: units and dispatches through their services (validation, numbering, search
 * index), received documents through the incoming repository's prepared statements in one
 * transaction per year. The originals are a small shared set of stored PDFs. Deterministic:
 * the same seed gives the same registry (only the wall-clock timestamps differ).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from '../../main/app/open-app.js';
import { createIncomingRepo, type NewIncomingFile } from '../../main/intake/incoming-repo.js';
import type { DispatchContentInput } from '../../shared/domain/dispatch.js';
import { pdfBytes } from '../support/intake-samples.js';
import {
  GENERATED_GROUPS,
  Rng,
  generateDispatch,
  generateIncoming,
  generateUnits,
  type IssuedReference,
} from './scale-data.js';

export interface ScaleSize {
  seed: number;
  firstYear: number;
  years: number;
  docsPerYear: number;
  /** Outgoing dispatches in all, the demo's 864/STTTT-TTBCBC included. */
  dispatches: number;
  /** Units in all, the demo's 41 included. */
  units: number;
}

export const FULL_SCALE: ScaleSize = { seed: 20210803, firstYear: 2016, years: 10, docsPerYear: 10_000, dispatches: 2_000, units: 500 };

export interface ScaleSummary {
  units: number;
  dispatches: number;
  incoming: number;
  needsReview: number;
  seconds: number;
}

/** A few stored originals shared by every generated document (the benchmark measures the registry, not the disk). */
function sharedOriginals(count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) =>
    pdfBytes([[`UBND HUYEN MAU ${i + 1}`, `So: ${i + 1}/BC-UBND`, 'BAO CAO', 'Ket qua tuyen truyen phong, chong rac thai nhua']]),
  );
}

export async function generateScaleData(dataDir: string, size: ScaleSize, progress: (line: string) => void = () => {}): Promise<ScaleSummary> {
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} giây`;
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(path.join(dataDir, 'vanthu.db'))) throw new Error(`Thư mục ${dataDir} đã có dữ liệu; hãy chọn thư mục trống.`);
  const app = openApp({ dataDir, printPdf: async () => Buffer.alloc(0) });
  const { db } = app;
  // Bulk loading: a lost write only means generating again.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  const rng = new Rng(size.seed);
  try {
    app.loadDemoData();

    // Units: the demo's, then generated ones up to the wanted count.
    const groupIds = db.transaction(() => GENERATED_GROUPS.map((name, i) => app.units.createGroup({ name, sortOrder: 10 + i }).id))();
    const missing = size.units - app.units.list({ includeInactive: true }).length;
    db.transaction(() => {
      for (const u of generateUnits(rng, Math.max(0, missing))) app.units.create({ name: u.name, groupId: groupIds[u.group]!, emails: [u.email] });
    })();
    const units = app.units.list({ includeInactive: true }).map((u) => ({ id: u.id, name: u.name }));
    progress(`${units.length} đơn vị (${elapsed()}).`);

    // Dispatches: spread over the years, issued in date order so that numbers follow dates.
    // The demo's 864/STTTT-TTBCBC (2021) is answered like any other.
    const demo = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
    const issuedByYear = new Map<number, IssuedReference[]>([
      [2021, [{ id: demo.id, number: 864, symbol: demo.symbol, issueDate: demo.issueDate!, subject: demo.subject, recipientUnitIds: demo.expectedUnitIds }]],
    ]);
    const perYear = Math.floor((size.dispatches - 1) / size.years);
    for (let y = 0; y < size.years; y++) {
      const year = size.firstYear + y;
      const count = perYear + (y < (size.dispatches - 1) % size.years ? 1 : 0);
      const days = Array.from({ length: count }, () => rng.int(0, 360)).sort((a, b) => a - b);
      const issued: IssuedReference[] = issuedByYear.get(year) ?? [];
      db.transaction(() => {
        for (const day of days) {
          const g = generateDispatch(rng, year, day, units.length);
          const recipients = g.recipientIndexes.map((i) => units[i]!);
          const content: DispatchContentInput = {
            subject: g.subject,
            departmentCode: g.departmentCode,
            recipients: recipients.map((u) => ({ kind: 'unit' as const, unitId: u.id, label: u.name })),
            references: g.references,
            body: g.body.map((text) => ({ runs: [{ text }], list: null })),
            signer: g.signer,
            requirement: g.asksReport ? { frequency: 'yearly', dueDay: 15, dueMonth: 11, fromYear: year, toYear: year, deadline: 'before' } : null,
          };
          const draft = app.dispatches.createDraft(content);
          // The last year keeps a few drafts; a few issued ones were voided.
          if (y === size.years - 1 && rng.chance(0.05)) continue;
          const d = app.dispatches.issue(draft.id, { date: g.issueDate });
          if (rng.chance(0.02)) app.dispatches.void(d.id, 'Ban hành nhầm, đã thay bằng văn bản khác.');
          else issued.push({ id: d.id, number: d.number!, symbol: d.symbol, issueDate: g.issueDate, subject: g.subject, recipientUnitIds: recipients.map((u) => u.id) });
        }
      })();
      issuedByYear.set(year, issued);
    }
    progress(`${size.dispatches} văn bản đi (${elapsed()}).`);

    // Received documents: one transaction per year, through the repository's prepared statements.
    const repo = createIncomingRepo(db);
    const originals = sharedOriginals(6).map((bytes) => app.fileStore.put(bytes));
    let needsReview = 0;
    for (let y = 0; y < size.years; y++) {
      const year = size.firstYear + y;
      const yearStarted = performance.now();
      const ctx = { units, dispatches: issuedByYear.get(year) ?? [] };
      db.transaction(() => {
        for (let n = 1; n <= size.docsPerYear; n++) {
          const day = Math.floor(((n - 1) * 360) / size.docsPerYear);
          const g = generateIncoming(rng, year, day, ctx);
          const at = `${g.receivedDate}T08:00:00.000Z`;
          const id = repo.insert(
            {
              status: g.status, source: g.source, receivedDate: g.receivedDate, reviewReason: g.reviewReason, agency: g.agency,
              parentAgency: g.parentAgency, number: g.number, symbol: g.symbol, docType: g.docType, place: null, docDate: g.docDate,
              subject: g.subject, recipients: ['Sở Thông tin và Truyền thông'], references: [], signer: g.signer,
              unitId: g.unitId, unitConfidence: g.unitId === null ? null : 0.95, unitReasons: g.unitId === null ? [] : ['tên đơn vị trong tiêu đề'],
              dispatchId: g.dispatchId, dispatchConfidence: g.dispatchId === null ? null : 0.9, dispatchReasons: g.dispatchId === null ? [] : ['trích dẫn số, ký hiệu công văn'],
              periodKey: g.periodKey, periodConfidence: g.periodKey === null ? null : 0.9, periodReasons: g.periodKey === null ? [] : ['năm trong trích yếu'],
              messageId: null, fullText: g.fullText,
            },
            { year, number: n },
            at,
          );
          if (g.source === 'import') {
            const original = originals[n % originals.length]!;
            const file: NewIncomingFile = {
              sha256: original.sha256, size: original.size, fileName: g.fileName, displayPath: g.fileName, role: 'main',
              contentKind: g.fileName.endsWith('.pdf') ? 'pdf' : 'docx', readNote: null, signatures: [],
            };
            repo.insertFile(id, file, 0, at);
          }
          if (g.forwardedTo) repo.forward(id, g.forwardedTo, g.receivedDate, at);
          if (g.notes) repo.setNotes(id, g.notes, at);
          repo.index(id);
          if (g.status === 'needs_review') needsReview++;
        }
      })();
      progress(`Năm ${year}: ${size.docsPerYear} văn bản đến (${((performance.now() - yearStarted) / 1000).toFixed(1)} giây; tổng ${elapsed()}).`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
    return {
      units: count('SELECT count(*) FROM units'),
      dispatches: count('SELECT count(*) FROM dispatches'),
      incoming: count('SELECT count(*) FROM incoming_documents'),
      needsReview,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    app.close();
  }
}
