import {
  DispatchContent,
  type Dispatch,
  type DispatchContentInput,
  type DispatchStatus,
} from '../../shared/domain/dispatch.js';
import { IsoDate } from '../../shared/domain/common.js';
import { fold, foldedTerms } from '../../shared/vn/fold.js';
import type { Db } from '../db/connection.js';
import type { AuditLog } from '../db/audit.js';
import { UserError, notFound } from '../api/errors.js';
import type { UnitsService } from '../units/units-service.js';
import type { SettingsService } from '../settings/settings-service.js';
import { createDispatchesRepo, type DispatchFilter, type StoredDispatch, type SubjectCandidate } from './dispatches-repo.js';
import type { Page, Paging } from '../../shared/domain/paging.js';
import type { FileStore } from '../files/file-store.js';
import { crashPoint } from '../app/crash-points.js';
import { documentSymbol } from '../../shared/documents/templates/official-document.js';

/**
 * Outgoing dispatches: drafts, issuing with the next number of the year, voiding.
 * Numbers are assigned inside IMMEDIATE transactions so that the CLI and the app can
 * share one database without handing out a number twice (DESIGN §4).
 */

export interface IssueOptions {
  /** A number chosen by the clerk (e.g. already written by hand); refused if taken. */
  number?: number | null;
  /** The date on the document; today when absent. */
  date?: string | null;
  /** Issue now and record the number later (it is written by hand on the signed paper). */
  numberLater?: boolean;
}

function describe(d: Dispatch): string {
  const number = d.number === null ? '(chưa có số)' : String(d.number).padStart(2, '0');
  const date = d.issueDate ? ` ngày ${d.issueDate.split('-').reverse().join('/')}` : '';
  return `${number}/${d.symbol}${date}`;
}

export interface DispatchListFilter {
  year?: number | null;
  status?: DispatchStatus | null;
  /** Words that must all occur (folded: typed without diacritics they still match). */
  query?: string;
  /** Only the dispatches with a reporting requirement. */
  asksReports?: boolean;
}

const repoFilter = (filter: DispatchListFilter): DispatchFilter => ({
  year: filter.year ?? null,
  status: filter.status ?? null,
  terms: foldedTerms(filter.query ?? ''),
  asksReports: filter.asksReports ?? false,
});

export function createDispatchesService(
  db: Db,
  audit: AuditLog,
  units: UnitsService,
  settings: SettingsService,
  files: FileStore,
  today: () => string,
) {
  const repo = createDispatchesRepo(db);
  const now = (): string => new Date().toISOString();

  function requireDispatch(id: number): Dispatch {
    const d = repo.get(id);
    if (!d) throw notFound(`văn bản đi có mã ${id}`);
    return d;
  }

  function symbolFor(content: DispatchContent): string {
    const org = settings.getProfile().symbol;
    if (!org) {
      throw new UserError('profile_incomplete', 'Chưa khai báo ký hiệu cơ quan. Hãy vào Cài đặt → Thông tin cơ quan và nhập ký hiệu (ví dụ STTTT).');
    }
    return documentSymbol(content.documentType, org, content.departmentCode);
  }

  function stored(content: DispatchContent): StoredDispatch {
    const recipientUnitIds = content.recipients.flatMap((r) => (r.kind === 'unit' ? [r.unitId] : []));
    for (const unitId of [...recipientUnitIds, ...content.expectedUnitIds]) units.get(unitId);
    const text = [content.subject, ...content.recipients.map((r) => r.label), ...content.references, ...content.body.flatMap((p) => p.runs.map((r) => r.text))];
    return { symbol: symbolFor(content), content, subject: content.subject, searchText: fold(text.join(' \u0001 ')), recipientUnitIds };
  }

  function sequenceKey(content: DispatchContent): string {
    if (content.confidential) return 'mat';
    // One sequence per document type is one of the two choices the agency head has (nd30 §5).
    return settings.getNumberingMode() === 'per_type' ? content.documentType : 'chung';
  }

  /** What is missing before a dispatch can be issued, in the clerk's words. */
  function missingForIssue(c: DispatchContent): string[] {
    const missing: string[] = [];
    const report = c.documentType === 'bao_cao';
    if (!c.subject) missing.push(report ? 'trích yếu (tên báo cáo)' : 'trích yếu (V/v)');
    // A công văn always has addressees; a báo cáo carries "Kính gửi" only when it goes up to a superior body.
    if (c.recipients.length === 0 && !report) missing.push('nơi nhận (Kính gửi)');
    if (!c.body.some((p) => p.runs.some((r) => r.text.trim()))) missing.push('nội dung');
    if (!c.signer) missing.push('người ký');
    return missing;
  }

  /** A requirement expects reports from the recipients unless the clerk chose otherwise; a group means its active units at issue time. */
  function expandExpected(c: DispatchContent): number[] {
    if (!c.requirement || c.expectedUnitIds.length) return c.expectedUnitIds;
    const ids = new Set<number>();
    for (const r of c.recipients) {
      if (r.kind === 'unit') ids.add(r.unitId);
      if (r.kind === 'group') for (const u of units.list({ groupId: r.groupId })) ids.add(u.id);
    }
    return [...ids];
  }

  function numberTaken(year: number, number: number, holder: Dispatch): UserError {
    return new UserError(
      'number_taken',
      `Số ${String(number).padStart(2, '0')} năm ${year} đã được dùng cho văn bản ${describe(holder)}${holder.status === 'voided' ? ' (đã hủy; số của văn bản đã hủy không được dùng lại)' : ''}. Hãy chọn số khác hoặc để VănThư cấp số tiếp theo.`,
    );
  }

  return {
    get: requireDispatch,

    list(filter: DispatchListFilter = {}): Dispatch[] {
      return repo.list(repoFilter(filter));
    },

    /** A page of the dispatch list (drafts first, then the newest) and how many match in all. */
    page(filter: DispatchListFilter, paging: Paging): Page<Dispatch> {
      return { items: repo.list(repoFilter(filter), paging), total: repo.count(repoFilter(filter)) };
    },

    register: (year: number, paging?: Paging): Dispatch[] => repo.register(year, paging),
    registerCount: (year: number): number => repo.registerCount(year),
    /** The years dispatches were issued in, newest first. */
    years: (): number[] => repo.years(),

    /** Issued dispatches numbered `number` (of `year` when given), the newest first: how the import finds one a report cites. */
    issuedNumbered: (number: number, year: number | null): Dispatch[] => repo.issuedNumbered(number, year),
    /** Issued dispatches asking for reports whose subject holds some of `words` (folded), the likeliest first, at most `limit`. */
    issuedAskingReportsAbout: (words: readonly string[], limit: number): SubjectCandidate[] => repo.issuedAskingReportsAbout(words, limit),

    /** Finds a dispatch by "864/STTTT-TTBCBC" (and a year where that is ambiguous). */
    findByReference(reference: string, year: number | null): Dispatch[] {
      const m = /^\s*0*(\d+)\s*\/\s*(\S+)\s*$/.exec(reference);
      if (!m) return [];
      const found = repo.findByNumber(Number(m[1]), m[2]!.toUpperCase());
      return year === null ? found : found.filter((d) => d.issueDate?.startsWith(String(year)));
    },

    createDraft(input: DispatchContentInput): Dispatch {
      const content = DispatchContent.parse(input);
      return db.transaction(() => {
        const id = repo.insert(stored(content), now());
        audit.record({ action: 'create', entity: 'dispatch', entityId: id, detail: { subject: content.subject } });
        return requireDispatch(id);
      })();
    },

    /**
     * Saves a draft's content; an issued dispatch keeps its content (void it and issue a new one
     * instead). A draft keeps the type it was created with (and a report its source): an editor
     * that leaves them out cannot turn a Báo cáo into a công văn.
     */
    updateDraft(id: number, input: DispatchContentInput): Dispatch {
      return db.transaction(() => {
        const before = requireDispatch(id);
        if (before.status !== 'draft') {
          throw new UserError('not_draft', `Văn bản ${describe(before)} đã ban hành nên không sửa được nội dung. Nếu cần, hãy hủy văn bản và soạn văn bản mới.`);
        }
        const content = DispatchContent.parse({ ...input, documentType: before.documentType, reportSource: before.reportSource });
        repo.update(id, stored(content), now());
        return requireDispatch(id);
      })();
    },

    /**
     * The reporting requirement and the units expected, changed after issue (a deadline moved by
     * the superior body, a unit added or dropped). The printed document is not touched; the change
     * is recorded in the audit log, and tracking follows it at once.
     */
    updateRequirement(id: number, requirement: DispatchContent['requirement'], expectedUnitIds: number[]): Dispatch {
      return db.transaction(() => {
        const d = requireDispatch(id);
        if (d.status === 'voided') throw new UserError('voided', `Văn bản ${describe(d)} đã bị hủy.`);
        const content = DispatchContent.parse({ ...d, requirement, expectedUnitIds });
        repo.update(id, { ...stored(content), symbol: d.symbol }, now());
        audit.record({ action: 'update', entity: 'dispatch', entityId: id, detail: { requirement: { before: d.requirement, after: requirement }, expectedUnitIds } });
        return requireDispatch(id);
      })();
    },

    /** The outgoing-register columns that are filled in after issue (copies, keeper, notes). */
    updateRegisterFields(id: number, fields: { copies: number | null; fileKeeper: string | null; notes: string | null; sentDate: string | null }): Dispatch {
      return db.transaction(() => {
        const d = requireDispatch(id);
        const content = DispatchContent.parse({ ...d, copies: fields.copies, fileKeeper: fields.fileKeeper, notes: fields.notes });
        repo.update(id, { ...stored(content), symbol: d.symbol }, now());
        repo.setSentDate(id, fields.sentDate === null ? null : IsoDate.parse(fields.sentDate), now());
        audit.record({ action: 'update', entity: 'dispatch', entityId: id, detail: { register: fields } });
        return requireDispatch(id);
      })();
    },

    issue(id: number, options: IssueOptions = {}): Dispatch {
      const date = options.date ? IsoDate.parse(options.date) : today();
      const year = Number(date.slice(0, 4));
      const issueTx = db.transaction(() => {
        const d = requireDispatch(id);
        if (d.status !== 'draft') throw new UserError('not_draft', `Văn bản ${describe(d)} đã được ban hành rồi.`);
        const missing = missingForIssue(d);
        if (missing.length) throw new UserError('incomplete', `Chưa thể ban hành: còn thiếu ${missing.join(', ')}.`);
        const content = DispatchContent.parse({ ...d, expectedUnitIds: expandExpected(d) });
        const key = sequenceKey(content);
        let number: number | null = null;
        if (options.number != null) {
          if (!Number.isInteger(options.number) || options.number < 1) throw new UserError('invalid_number', 'Số văn bản phải là số nguyên dương.');
          const holder = repo.numberHolder(year, key, options.number);
          if (holder) throw numberTaken(year, options.number, holder);
          number = options.number;
        } else if (!options.numberLater) {
          number = repo.nextNumber(year, key);
        }
        repo.issue(id, { year, sequenceKey: key, number, issueDate: date, content }, now());
        crashPoint('mid-number');
        audit.record({ action: 'update', entity: 'dispatch', entityId: id, detail: { issued: { number, date } } });
        return requireDispatch(id);
      });
      return issueTx.immediate();
    },

    /** Records the number written by hand on a dispatch issued without one. */
    setNumber(id: number, number: number): Dispatch {
      const tx = db.transaction(() => {
        const d = requireDispatch(id);
        if (d.status === 'draft') throw new UserError('not_issued', 'Văn bản còn là dự thảo; số được cấp khi ban hành.');
        if (d.number !== null) throw new UserError('has_number', `Văn bản đã có số ${describe(d)}; số đã cấp không được thay đổi.`);
        const seq = repo.sequenceOf(id)!;
        const holder = repo.numberHolder(seq.year!, seq.sequence_key!, number);
        if (holder) throw numberTaken(seq.year!, number, holder);
        repo.setNumber(id, number, now());
        audit.record({ action: 'update', entity: 'dispatch', entityId: id, detail: { number } });
        return requireDispatch(id);
      });
      return tx.immediate();
    },

    /** An issued dispatch is never deleted: it is voided with a reason and keeps its number. */
    void(id: number, reason: string): Dispatch {
      const why = reason.trim();
      if (!why) throw new UserError('reason_required', 'Hãy nhập lý do hủy văn bản.');
      return db.transaction(() => {
        const d = requireDispatch(id);
        if (d.status === 'draft') throw new UserError('is_draft', 'Dự thảo chưa ban hành thì xóa, không cần hủy.');
        if (d.status === 'voided') throw new UserError('already_voided', `Văn bản ${describe(d)} đã bị hủy trước đó.`);
        repo.voidDispatch(id, why, now());
        audit.record({ action: 'update', entity: 'dispatch', entityId: id, detail: { voided: why } });
        return requireDispatch(id);
      })();
    },

    deleteDraft(id: number): void {
      db.transaction(() => {
        const d = requireDispatch(id);
        if (!repo.deleteDraft(id)) {
          throw new UserError('not_draft', `Văn bản ${describe(d)} đã ban hành nên không xóa được; hãy dùng "Hủy văn bản".`);
        }
        audit.record({ action: 'delete', entity: 'dispatch', entityId: id, detail: { subject: d.subject } });
      })();
    },

    /**
     * Keeps the signed original (a scan, or the digitally signed PDF) with the issued dispatch.
     * The bytes are stored, unchanged, before the row that points at them.
     */
    attachSignedOriginal(id: number, fileName: string, bytes: Buffer) {
      const d = requireDispatch(id);
      if (d.status === 'draft') throw new UserError('not_issued', 'Chỉ gắn bản gốc đã ký cho văn bản đã ban hành.');
      if (bytes.length === 0) throw new UserError('empty_file', 'Tệp trống. Hãy chọn lại bản gốc đã ký.');
      const stored = files.put(bytes);
      db.transaction(() => {
        repo.addFile(id, { sha256: stored.sha256, size: stored.size, fileName }, now());
        audit.record({ action: 'update', entity: 'dispatch', entityId: id, detail: { signedOriginal: { fileName, sha256: stored.sha256 } } });
      })();
      return repo.files(id);
    },

    files: (id: number) => {
      requireDispatch(id);
      return repo.files(id);
    },

    fileBytes(fileId: number): { fileName: string; bytes: Buffer } {
      const f = repo.file(fileId);
      if (!f) throw notFound(`tệp có mã ${fileId}`);
      return { fileName: f.file_name, bytes: files.get(f.sha256) };
    },

    describe,
  };
}
export type DispatchesService = ReturnType<typeof createDispatchesService>;
