/**
 * The API contract: every method the renderer (or any shell) may call, with its
 * input and output schemas. The Electron preload, the browser-mode fetch client and
 * the handler table in main/api all derive their types from this one table.
 */
import { z } from 'zod';
import { Id, IsoDate } from './domain/common.js';
import { OrganisationProfile, OrganisationProfileView } from './domain/organisation.js';
import { Dispatch, DispatchContent, DispatchStatus, ReportingRequirement } from './domain/dispatch.js';
import { Dashboard, TrackingPeriod } from './domain/tracking.js';
import { Consolidation, DataForm, DataFormInput, FormSubmission } from './domain/form.js';
import { ImportResult, IncomingDocument, IncomingRegisterRow, PaperDocument, ReviewCorrection, ReviewNeighbours } from './domain/incoming.js';
import { OcrQueueStatus } from './domain/ocr.js';
import { SearchFilters, SearchHit } from './domain/search.js';
import { PageRequest, pageOf } from './domain/paging.js';
import { BackupId, BackupItem, BackupSettings, FolderCheck, Health, RestoreResult } from './domain/backup.js';
import { AuditPage, AuditQuery } from './domain/audit.js';
import {
  Unit,
  UnitGroup,
  UnitGroupInput,
  UnitImportResult,
  UnitInput,
  UnitListQuery,
} from './domain/unit.js';

const Empty = z.object({}).strict();
const ById = z.object({ id: Id }).strict();

/** A file travelling through the API as bytes (browser mode uploads and downloads). */
export const FileBytes = z.object({
  fileName: z.string().min(1).max(255),
  base64: z.string().max(70_000_000, 'Tệp quá lớn (tối đa 50 MB).'),
});
export type FileBytes = z.infer<typeof FileBytes>;

/** A file kept with a dispatch (its signed original), stored unchanged by SHA-256. */
export const DispatchFile = z.object({
  id: Id,
  sha256: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
});
export type DispatchFile = z.infer<typeof DispatchFile>;

export const WorkRules = z.object({
  /** 'shared': one number sequence for all administrative documents; 'per_type': one per document type. */
  numbering: z.enum(['shared', 'per_type']),
  duplicatePolicy: z.enum(['reject', 'warn', 'allow']),
  maxFileMb: z.number().int().min(1, 'Giới hạn kích thước tệp tối thiểu 1 MB.').max(2000, 'Giới hạn kích thước tệp tối đa 2000 MB.'),
  /** Read scans with OCR: page 1 at import, the pages after it in the background (for search). */
  ocr: z.boolean().default(true),
});
export type WorkRules = z.output<typeof WorkRules>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  /** True until the clerk has chosen between sample data and an empty registry. */
  firstRun: z.boolean(),
  today: z.string(),
  shell: z.enum(['electron', 'browser', 'cli']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const api = {
  'app.info': { input: Empty, output: AppInfo },
  /** First run: load the Kiên Giang sample data, or start empty. */
  'app.firstRunChoice': {
    input: z.object({ demo: z.boolean() }).strict(),
    output: z.object({ unitsAdded: z.number().int(), groupsAdded: z.number().int() }),
  },
  /** Is the database sound, did the last automatic backup fail, can a restore be undone. Answers even when the database is damaged. */
  'app.health': { input: Empty, output: Health },

  /** Backups in the backup folder, newest first: automatic ones (with why the rotation keeps them) and "Sao lưu ngay" files. */
  'backup.list': { input: Empty, output: z.object({ folder: z.string(), backups: z.array(BackupItem) }) },
  'backup.settings': { input: Empty, output: BackupSettings },
  /** null: the default folder (sao-luu inside the data folder). The folder must be empty or already a VănThư backup folder. */
  'backup.saveSettings': { input: z.object({ folder: z.string().trim().max(1000).nullable() }).strict(), output: BackupSettings },
  'backup.checkFolder': { input: z.object({ folder: z.string().trim().min(1).max(1000) }).strict(), output: FolderCheck },
  /**
   * "Sao lưu ngay": one self-contained .vanthu-backup in the backup folder. Browser mode then
   * downloads `download` (POST /download/backup); Electron asks where to save a copy (`savedTo`).
   */
  'backup.now': { input: Empty, output: z.object({ backup: BackupItem, download: z.string().nullable(), savedTo: z.string().nullable() }) },
  /** Reads a backup through and checks every SHA-256 against its manifest. */
  'backup.verify': { input: z.object({ backupId: BackupId }).strict(), output: BackupItem },
  /** Only a backup of the backup folder (by id) or uploaded bytes: never a path. Verified before anything is replaced. */
  'backup.restore': {
    input: z.union([z.object({ backupId: BackupId }).strict(), z.object({ upload: FileBytes }).strict()]),
    output: RestoreResult,
  },
  /** Puts back the data the last restore moved aside (what the restore brought in is kept aside in turn). */
  'backup.undoRestore': { input: Empty, output: z.object({ restoredDataDir: z.string() }) },
  /** Who (Windows user, machine) did what when; newest first, by kind and date, a page at a time. */
  'audit.list': { input: AuditQuery, output: AuditPage },

  'settings.getProfile': { input: Empty, output: OrganisationProfileView },
  'settings.saveProfile': { input: OrganisationProfile, output: OrganisationProfileView },

  /** How outgoing documents are numbered, and how imports treat duplicates and large files. */
  'settings.getWorkRules': { input: Empty, output: WorkRules },
  'settings.saveWorkRules': { input: WorkRules, output: WorkRules },

  'groups.list': { input: Empty, output: z.array(UnitGroup) },
  'groups.create': { input: UnitGroupInput, output: UnitGroup },
  'groups.update': { input: z.object({ id: Id, group: UnitGroupInput }).strict(), output: UnitGroup },

  'units.list': { input: UnitListQuery, output: z.array(Unit) },
  'units.get': { input: ById, output: Unit },
  'units.create': { input: UnitInput, output: Unit },
  'units.update': { input: z.object({ id: Id, unit: UnitInput }).strict(), output: Unit },
  'units.setActive': { input: z.object({ id: Id, active: z.boolean() }).strict(), output: Unit },
  /** Deletes a unit that nothing refers to; a referenced unit is deactivated instead. */
  'units.remove': {
    input: ById,
    output: z.object({ outcome: z.enum(['deleted', 'deactivated']), unit: Unit.nullable() }),
  },
  'units.exportXlsx': { input: Empty, output: FileBytes },
  'units.importXlsx': { input: FileBytes, output: UnitImportResult },

  /** A page of the dispatch list (drafts first, then the newest) and the total; without `limit`, every one. */
  'dispatches.list': {
    input: z
      .object({
        year: z.number().int().nullable().default(null),
        status: DispatchStatus.nullable().default(null),
        query: z.string().max(200).default(''),
        /** Only the dispatches that ask for reports (a reporting requirement): what tracking follows. */
        asksReports: z.boolean().default(false),
        ...PageRequest,
      })
      .strict(),
    output: pageOf(Dispatch),
  },
  /** The years dispatches were issued in, newest first (for the year selectors). */
  'dispatches.years': { input: Empty, output: z.array(z.number().int()) },
  'dispatches.get': { input: ById, output: Dispatch },
  /** Dispatches whose printed reference is "864/STTTT-TTBCBC" (of that year, when given). */
  'dispatches.resolve': {
    input: z.object({ reference: z.string().min(1).max(100), year: z.number().int().nullable().default(null) }).strict(),
    output: z.array(Dispatch),
  },
  'dispatches.createDraft': { input: DispatchContent.strict(), output: Dispatch },
  'dispatches.updateDraft': { input: z.object({ id: Id, content: DispatchContent.strict() }).strict(), output: Dispatch },
  'dispatches.deleteDraft': { input: ById, output: z.object({ deleted: z.literal(true) }) },
  'dispatches.issue': {
    input: z
      .object({
        id: Id,
        number: z.number().int().positive().nullable().default(null),
        date: IsoDate.nullable().default(null),
        numberLater: z.boolean().default(false),
      })
      .strict(),
    output: Dispatch,
  },
  'dispatches.setNumber': { input: z.object({ id: Id, number: z.number().int().positive() }).strict(), output: Dispatch },
  'dispatches.void': {
    input: z.object({ id: Id, reason: z.string().trim().min(1, 'Hãy nhập lý do hủy văn bản.').max(500) }).strict(),
    output: Dispatch,
  },
  'dispatches.renderDocx': {
    input: z.object({ id: Id, blankNumber: z.boolean().default(false) }).strict(),
    output: FileBytes,
  },
  'dispatches.renderPdf': { input: ById, output: FileBytes },
  'dispatches.renderHtml': { input: ById, output: z.object({ fileName: z.string(), html: z.string() }) },
  /** An unsent .eml addressed to the expected units, with the PDF and .docx attached. */
  'dispatches.emailDraft': { input: ById, output: FileBytes },
  'dispatches.attachSignedOriginal': {
    input: z.object({ id: Id, file: FileBytes }).strict(),
    output: z.array(DispatchFile),
  },
  'dispatches.files': { input: ById, output: z.array(DispatchFile) },
  'dispatches.fileBytes': { input: z.object({ fileId: Id }).strict(), output: FileBytes },
  /** Browser mode: files uploaded as bytes. */
  'intake.importFiles': {
    input: z.object({ files: z.array(FileBytes).min(1).max(500), receivedDate: IsoDate.nullable().default(null) }).strict(),
    output: z.array(ImportResult),
  },
  /** Electron: files and folders dropped on the window, by path (webUtils.getPathForFile). */
  'intake.importPaths': {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(500), receivedDate: IsoDate.nullable().default(null) }).strict(),
    output: z.array(ImportResult),
  },
  /** A page of received documents in register order (year, số đến) and the total; without `limit`, every one. */
  'incoming.list': {
    input: z
      .object({ status: z.enum(['registered', 'needs_review']).nullable().default(null), year: z.number().int().nullable().default(null), ...PageRequest })
      .strict(),
    output: pageOf(IncomingDocument),
  },
  /** The years that have received documents, newest first. */
  'incoming.years': { input: Empty, output: z.array(z.number().int()) },
  'incoming.get': { input: ById, output: IncomingDocument },
  /** The review screen's place in "Chờ xác nhận" ("3/120") and the documents before and after, without loading the queue. */
  'incoming.reviewNeighbours': { input: ById, output: ReviewNeighbours },
  'incoming.confirm': { input: z.object({ id: Id, correction: ReviewCorrection }).strict(), output: IncomingDocument },
  'incoming.registerPaper': { input: PaperDocument, output: IncomingDocument },
  'incoming.unlinkDispatch': { input: ById, output: IncomingDocument },
  'incoming.forward': { input: z.object({ id: Id, to: z.string().max(300), date: IsoDate }).strict(), output: IncomingDocument },
  'incoming.fileBytes': { input: z.object({ id: Id, fileId: Id }).strict(), output: FileBytes },
  /** The pages of scans still to read by OCR in the background (for search), and the one being read. */
  'ocr.status': { input: Empty, output: OcrQueueStatus },
  'register.incoming': { input: z.object({ year: z.number().int().min(1900).max(2200), ...PageRequest }).strict(), output: pageOf(IncomingRegisterRow) },
  'register.incomingXlsx': { input: z.object({ year: z.number().int().min(1900).max(2200) }).strict(), output: FileBytes },
  /** Who has reported: one table per period (or the one asked for); "today" from VANTHU_TODAY or the clock. */
  'tracking.get': {
    input: z.object({ dispatchId: Id, periodKey: z.string().max(20).nullable().default(null), today: IsoDate.nullable().default(null) }).strict(),
    output: z.array(TrackingPeriod),
  },
  'tracking.exempt': {
    input: z.object({ dispatchId: Id, unitId: Id, periodKey: z.string().max(20), reason: z.string().max(500) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  'tracking.withdrawExemption': {
    input: z.object({ dispatchId: Id, unitId: Id, periodKey: z.string().max(20) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Drafts the công văn đôn đốc to the units still missing; it is saved in the outgoing register as a draft. */
  'tracking.reminderDraft': {
    input: z.object({ dispatchId: Id, periodKey: z.string().max(20), today: IsoDate.nullable().default(null) }).strict(),
    output: Dispatch,
  },
  'tracking.exportXlsx': {
    input: z.object({ dispatchId: Id, periodKey: z.string().max(20).nullable().default(null), today: IsoDate.nullable().default(null) }).strict(),
    output: FileBytes,
  },
  'dashboard.get': { input: Empty, output: Dashboard },
  /** One search over received documents (full text), dispatches, units and file names; diacritics and đ folded; optional filters. */
  'search.query': {
    input: SearchFilters.extend({ query: z.string().max(300), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(SearchHit),
  },
  'register.outgoing': {
    input: z.object({ year: z.number().int().min(1900).max(2200), ...PageRequest }).strict(),
    output: pageOf(
      z.object({
        dispatchId: Id,
        numberAndSymbol: z.string(),
        date: z.string(),
        typeAndSubject: z.string(),
        signer: z.string(),
        recipients: z.string(),
        fileKeeper: z.string(),
        copies: z.number().int().nullable(),
        sentDate: z.string(),
        notes: z.string(),
        voided: z.boolean(),
      }),
    ),
  },
  'register.outgoingXlsx': { input: z.object({ year: z.number().int().min(1900).max(2200) }).strict(), output: FileBytes },
  /** Changes what an issued dispatch asks for (deadline, periods, expected units) without touching the printed text. */
  'dispatches.updateRequirement': {
    input: z.object({ id: Id, requirement: ReportingRequirement.nullable(), expectedUnitIds: z.array(Id).max(2000) }).strict(),
    output: Dispatch,
  },
  'dispatches.updateRegisterFields': {
    input: z
      .object({
        id: Id,
        copies: z.number().int().min(0).max(10000).nullable(),
        fileKeeper: z.string().max(300).nullable(),
        notes: z.string().max(1000).nullable(),
        sentDate: IsoDate.nullable(),
      })
      .strict(),
    output: Dispatch,
  },

  /** The data form (biểu mẫu số liệu) of a dispatch's requirement; null when it has none. */
  'forms.get': { input: z.object({ dispatchId: Id }).strict(), output: DataForm.nullable() },
  /** Saves the form; its version goes up when the indicators change. */
  'forms.save': { input: z.object({ dispatchId: Id, form: DataFormInput }).strict(), output: DataForm },
  /** Removes a form no unit has returned yet (a returned one is kept). */
  'forms.remove': { input: z.object({ dispatchId: Id }).strict(), output: z.object({ removed: z.literal(true) }) },
  /** The sample form of the demo dispatch 864 (plastic-waste propaganda figures), for the editor's "Dùng biểu mẫu mẫu". */
  'forms.sample': { input: Empty, output: DataFormInput },
  /** The .xlsx units fill in: for one unit (its name filled, metadata naming it) or a blank with a unit drop-down. */
  'forms.renderXlsx': {
    input: z.object({ dispatchId: Id, unitId: Id.nullable().default(null), periodKey: z.string().max(20).nullable().default(null) }).strict(),
    output: FileBytes,
  },
  /** Every returned form of a dispatch (of one period when given), superseded ones included. */
  'forms.submissions': {
    input: z.object({ dispatchId: Id, periodKey: z.string().max(20).nullable().default(null) }).strict(),
    output: z.array(FormSubmission),
  },
  /** The figures read from one received document, with the cells to check; null when it is not a returned form. */
  'forms.submissionOf': { input: z.object({ incomingId: Id }).strict(), output: FormSubmission.nullable() },
  /**
   * Corrects one value of a returned form after the unit confirmed it (read by the indicator's kind,
   * as the form's cell would be; the value in the file is kept); `value` null withdraws the correction.
   */
  'forms.correctValue': {
    input: z.object({ incomingId: Id, indicatorCode: z.string().trim().min(1).max(20), value: z.string().max(2000).nullable() }).strict(),
    output: FormSubmission,
  },
  'forms.consolidate': { input: z.object({ dispatchId: Id, periodKey: z.string().min(1).max(20) }).strict(), output: Consolidation },
  /**
   * "Lập báo cáo tổng hợp": drafts the Báo cáo (Mẫu 1.4) to the superior body from tracking and the
   * returned forms; saved as a draft in the outgoing register for the clerk to edit and issue.
   */
  'reports.createDraft': {
    input: z.object({ dispatchId: Id, periodKey: z.string().min(1).max(20), today: IsoDate.nullable().default(null) }).strict(),
    output: Dispatch,
  },
  /** The appendix: units × indicators with totals as formulas, and who reported when. */
  'reports.appendixXlsx': {
    input: z.object({ dispatchId: Id, periodKey: z.string().min(1).max(20), today: IsoDate.nullable().default(null) }).strict(),
    output: FileBytes,
  },
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type ApiInput<M extends Method> = z.input<Api[M]['input']>;
export type ApiOutput<M extends Method> = z.output<Api[M]['output']>;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(api, name);
}

/** An error as it crosses the API boundary: a code for programs, a Vietnamese sentence for people. */
export const ApiErrorShape = z.object({ code: z.string(), message: z.string() });
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

/** The envelope every transport (IPC, HTTP) carries. */
export type ApiResponse<M extends Method> =
  | { ok: true; result: ApiOutput<M> }
  | { ok: false; error: ApiErrorShape };

/** What the renderer holds: one function, the same in Electron and in browser mode. */
export interface ApiClient {
  call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
}

/** Thrown by clients when the core answered with an error. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}
