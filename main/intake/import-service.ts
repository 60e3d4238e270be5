import type ExcelJS from 'exceljs';
import type { Db } from '../db/connection.js';
import type { AuditLog } from '../db/audit.js';
import type { FileStore } from '../files/file-store.js';
import type { UnitsService } from '../units/units-service.js';
import type { DispatchesService } from '../dispatches/dispatches-service.js';
import type { ImportResult } from '../../shared/domain/incoming.js';
import type { PdfSignature } from './pdf-signatures.js';
import { createOcrPagesStore, firstPageOcrNote } from './ocr-queue.js';
import { matchDispatch, matchPeriod, matchUnit, type Match } from './match.js';
import { createIncomingRepo, type NewIncoming, type NewIncomingFile } from './incoming-repo.js';
import { createIntakeJournal } from './recovery.js';
import { crashPoint } from '../app/crash-points.js';
import type { FormIntake } from '../forms/form-intake.js';
import type {
  ContentKind,
  Envelope,
  ExtractedDocument,
  PositionedLine,
  RecognisedHeader,
  UnpackedItem,
  UnpackLimits,
  UnpackResult,
} from './types.js';

/**
 * The import: unpack → store → extract → recognise → match → register (DESIGN §3).
 * Every byte received is in the file store before it is parsed; each entry is registered
 * in one transaction with the next số đến of its year; what cannot be read is registered
 * for review, never dropped.
 */

/** A file or folder by path (CLI, Electron), or bytes uploaded by browser mode. */
export type ImportInput = { path: string } | { name: string; bytes: Buffer };

export interface IntakeStages {
  unpack(inputs: ImportInput[], limits: UnpackLimits): Promise<UnpackResult>;
  extract(item: { bytes: Buffer; fileName: string }): Promise<ExtractedDocument>;
  recognize(text: string, lines: PositionedLine[]): RecognisedHeader;
  /** Page 1 of a scan read by OCR (uncertain digits masked); null when nothing legible came out. */
  ocr(bytes: Buffer, kind: 'pdf' | 'jpg' | 'png' | 'tiff'): Promise<{ text: string; confidence: number } | null>;
  /** The digital signatures of a PDF (signer, time, digest, what came after). */
  signatures(bytes: Buffer): Promise<PdfSignature[]>;
}

/** The scan reason extract gives; OCR may lift it (issue 7). */
const SCAN_REASON = 'văn bản scan — chưa đọc được nội dung';
/** Below this OCR confidence (0–100) page 1 waits for the clerk, whatever was recognised in it. */
const LEGIBLE_OCR = 60;
const UNCLEAR_OCR_REASON = 'văn bản scan — đọc bằng OCR chưa rõ';
const SCAN_KINDS = new Set(['pdf', 'jpg', 'png', 'tiff'] as const);
/** OCR text is less certain than a text layer: every recognised field counts for less. */
const OCR_CONFIDENCE_FACTOR = 0.8;

function discounted(header: RecognisedHeader, factor: number): RecognisedHeader {
  const out = { ...header } as Record<string, unknown>;
  for (const [key, field] of Object.entries(header)) {
    if (field && typeof field === 'object' && 'confidence' in field) out[key] = { ...field, confidence: (field as { confidence: number }).confidence * factor };
  }
  return out as unknown as RecognisedHeader;
}

export type DuplicatePolicy = 'reject' | 'warn' | 'allow';

export interface ImportOptions {
  /** The day received, when the clerk sets it; else the e-mail's date, else today. */
  receivedDate?: string | null;
  duplicates?: DuplicatePolicy;
  onProgress?: (done: number, total: number, name: string) => void;
}

/** Thresholds tuned for precision: below them a person decides. */
export const CONFIDENT = { unit: 0.85, dispatch: 0.85, period: 0.7 } as const;

// Which attachment is "the document" when a message has several: a letter before a spreadsheet.
const MAIN_PREFERENCE: ContentKind[] = ['pdf', 'docx', 'doc', 'jpg', 'png', 'tiff', 'txt', 'html', 'xlsx', 'xls', 'rar', '7z', 'pptx', 'unknown', 'empty'];

interface ReadItem {
  item: UnpackedItem;
  sha256: string;
  extracted: ExtractedDocument;
  header: RecognisedHeader | null;
  textSource: 'text' | 'ocr' | 'legacy-converted';
  signatures: PdfSignature[];
  /** Pages of a PDF without a text layer after the first, queued for OCR in the background (for search). */
  laterScannedPages: number[];
  /** Pages read by OCR at import: 1 when page 1 was a picture and OCR read it. */
  ocrPagesRead: number;
  /** A spreadsheet, loaded to be read as a returned data form once the entry is matched. */
  workbook: ExcelJS.Workbook | null;
}

function localDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** Items that belong together: an e-mail with its attachments and body; any other item alone. */
function groupItems(items: UnpackedItem[]): UnpackedItem[][] {
  const groups = new Map<string, UnpackedItem[]>();
  for (const item of items) {
    const key =
      item.role === 'message'
        ? item.displayPath
        : item.role === 'attachment' || item.role === 'body'
          ? item.displayPath.split(' › ').slice(0, -1).join(' › ')
          : `${item.displayPath}\u0000${groups.size}`;
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function headerKey(h: RecognisedHeader | null): string | null {
  return h && h.number.value !== null && h.symbol.value ? `${h.number.value}/${h.symbol.value}` : null;
}

export function createImportService(
  db: Db,
  audit: AuditLog,
  files: FileStore,
  units: UnitsService,
  dispatches: DispatchesService,
  stages: IntakeStages,
  today: () => string,
  limits: () => UnpackLimits & { duplicates: DuplicatePolicy; ocr: boolean },
  homePlace: () => string,
  forms: FormIntake | null = null,
  /** Refuses (UserError low_disk_space) when the data folder's drive cannot take this many bytes. */
  ensureSpace: (bytes: number) => void = () => {},
) {
  const repo = createIncomingRepo(db);
  const journal = createIntakeJournal(db);
  const ocrPages = createOcrPagesStore(db);
  const now = (): string => new Date().toISOString();

  async function read(item: UnpackedItem, ocrEnabled: boolean): Promise<ReadItem> {
    const { sha256 } = files.put(item.bytes); // stored before anything parses it
    crashPoint('after-store');
    let extracted = await stages.extract({ bytes: item.bytes, fileName: item.fileName });
    let textSource: ReadItem['textSource'] = extracted.notes.some((n) => /TCVN3|VNI/.test(n)) ? 'legacy-converted' : 'text';
    const kind = extracted.kind;
    const scan = extracted.needsReview === SCAN_REASON; // every page a picture
    const withoutText = kind === 'pdf' ? (extracted.pagesWithoutText ?? []) : [];
    // Page 1 holds the header: when it is a picture (a scan, a photo, a scanned first page before typed ones) OCR reads it now.
    const firstPageScanned = ocrEnabled && (SCAN_KINDS as Set<string>).has(kind) && (scan || withoutText.includes(1));
    let ocrPagesRead = 0;
    if (firstPageScanned) {
      try {
        const read = await stages.ocr(item.bytes, kind as 'pdf' | 'jpg' | 'png' | 'tiff');
        if (read) {
          textSource = 'ocr';
          ocrPagesRead = 1;
          const unclear = read.confidence >= LEGIBLE_OCR ? null : UNCLEAR_OCR_REASON;
          extracted = {
            ...extracted,
            // Before typed pages, page 1's words come first, as on paper; the typed pages' positions do not place its header.
            text: scan ? read.text : `${read.text}\n\n${extracted.text}`,
            lines: [],
            // Legible enough to recognise; the discounted confidences still send doubtful fields to review.
            needsReview: scan ? unclear : (extracted.needsReview ?? unclear),
            notes: [...extracted.notes, firstPageOcrNote(read.confidence)],
          };
        }
      } catch {
        // OCR is a help, not a requirement: the scan stays registered for review as it was.
      }
    }
    // The other pictures of pages wait for the background queue: their words are for search.
    const laterScannedPages = ocrEnabled ? withoutText.filter((page) => page >= 2) : [];
    const recognised = extracted.text.trim() ? stages.recognize(extracted.text, extracted.lines) : null;
    const header = recognised && textSource === 'ocr' ? discounted(recognised, OCR_CONFIDENCE_FACTOR) : recognised;
    // Stored with the file and shown on the document's page (not in the read note).
    const signatures = kind === 'pdf' ? await stages.signatures(item.bytes) : [];
    const workbook = forms && kind === 'xlsx' && !extracted.needsReview ? await forms.load(item.bytes) : null;
    return { item, sha256, extracted, header, textSource, signatures, laterScannedPages, ocrPagesRead, workbook };
  }

  /** Splits a message's documents into entries when they carry different numbers/symbols (DESIGN §4). */
  function entriesOf(group: ReadItem[]): ReadItem[][] {
    const documents = group.filter((r) => r.item.role !== 'message');
    const keys = new Set(documents.map((r) => headerKey(r.header)).filter((k): k is string => k !== null));
    if (keys.size <= 1) return [group];
    const shared = group.filter((r) => r.item.role === 'message' || headerKey(r.header) === null);
    return [...keys].map((key) => [...group.filter((r) => headerKey(r.header) === key), ...shared]);
  }

  function mainOf(entry: ReadItem[]): ReadItem | null {
    const candidates = entry.filter((r) => r.item.role !== 'message' && r.item.role !== 'body');
    const pool = candidates.length ? candidates : entry.filter((r) => r.item.role === 'body');
    const rank = (r: ReadItem) => (headerKey(r.header) ? 0 : 100) + MAIN_PREFERENCE.indexOf(r.extracted.kind);
    return [...pool].sort((a, b) => rank(a) - rank(b))[0] ?? null;
  }

  function emptyResult(file: string, attachment: string | null): ImportResult {
    return { file, attachment, status: 'rejected', reason: null, entryId: null, arrivalNumber: null, arrivalYear: null, receivedDate: null, document: null, period: null, unit: null, dispatch: null };
  }

  /** The day received: the one the clerk set, else the e-mail's date, else today. */
  function receivedDateOf(options: ImportOptions, envelope: Envelope | null): string {
    return options.receivedDate ?? (envelope?.date ? localDate(envelope.date) : today());
  }

  /**
   * @param messagesThisRun e-mails registered earlier in this import: their other documents are not duplicates.
   * @param receivedWithIt the SHA-256 of every item received together with this entry (its e-mail's other documents too).
   */
  function registerEntry(entry: ReadItem[], options: ImportOptions, messagesThisRun: Set<string>, receivedWithIt: readonly string[]): ImportResult {
    const main = mainOf(entry);
    const envelope: Envelope | null = (main ?? entry[0]!).item.envelope;
    const first = (main ?? entry[0]!).item;
    const result = first.role === 'file' ? emptyResult(first.fileName, null) : emptyResult(first.sourceName, first.fileName);

    // An entry recovered after a crash that holds this document (or its e-mail) is this same
    // receipt: it is completed below, whatever the duplicate policy, never registered twice.
    const recovered = journal.recoveredEntryHolding(main?.sha256 ?? null, entry.find((r) => r.item.role === 'message')?.sha256 ?? null);
    const policy = options.duplicates ?? 'warn';
    if (policy !== 'allow') {
      const messageId = envelope?.messageId && !messagesThisRun.has(envelope.messageId) ? envelope.messageId : null;
      const dupOf = (main && repo.documentWithFile(main.sha256)) ?? (messageId ? repo.documentWithMessage(messageId) : undefined);
      if (dupOf !== undefined && dupOf !== recovered?.id) {
        const original = repo.get(dupOf)!;
        const reason = `Trùng với văn bản đến số ${original.arrival_number}/${original.arrival_year} (nhận ngày ${original.received_date.split('-').reverse().join('/')}); không vào sổ lần nữa.`;
        db.transaction(() => {
          for (const r of entry) repo.recordStoredFile(r.sha256, r.item.bytes.length, now());
          journal.settle(entry.map((r) => r.sha256));
          repo.log({ sourceName: first.sourceName, attachment: result.attachment, status: policy === 'reject' ? 'rejected' : 'duplicate', reason, sha256: main?.sha256 ?? null, duplicateOf: dupOf }, now());
        })();
        return { ...result, status: policy === 'reject' ? 'rejected' : 'duplicate', reason, entryId: dupOf };
      }
    }

    const header = main?.header ?? null;
    const receivedDate = recovered?.receivedDate ?? receivedDateOf(options, envelope);
    let unit: Match<{ id: number; name: string }> =
      header || envelope?.fromAddress || main?.signatures.length
        ? matchUnit(units.list({ includeInactive: true }), envelope, header ?? blankHeader(), homePlace(), main?.signatures ?? [])
        : { value: null, confidence: 0, reasons: [] };
    let dispatch = matchDispatch(dispatches, header ?? blankHeader(), envelope, receivedDate);
    let period: Match<string> = dispatch.value || header?.period.value ? matchPeriod(dispatch.value, header ?? blankHeader(), receivedDate) : { value: null, confidence: 0, reasons: [] };
    // A returned data form names its dispatch, unit and period, and holds the figures (issue 6).
    const returnedForm = forms?.read(entry.flatMap((r) => (r.workbook ? [r.workbook] : [])), { unit, dispatch, period }, (d) => matchPeriod(d, header ?? blankHeader(), receivedDate));
    if (returnedForm) ({ unit, dispatch, period } = returnedForm);

    const review: string[] = [];
    if (!main) review.push('không có tệp văn bản nào trong thư');
    if (main?.extracted.needsReview) review.push(main.extracted.needsReview);
    if (unit.confidence < CONFIDENT.unit) review.push(unit.value ? `chưa chắc đơn vị gửi là ${unit.value.name}` : 'chưa nhận ra đơn vị gửi');
    if (dispatch.value && dispatch.confidence < CONFIDENT.dispatch) review.push(`chưa chắc văn bản trả lời Công văn số ${dispatch.value.number}/${dispatch.value.symbol}`);
    if (dispatch.value && dispatch.confidence >= CONFIDENT.dispatch && period.confidence < CONFIDENT.period) review.push('chưa rõ kỳ báo cáo');
    if (returnedForm?.review) review.push(returnedForm.review);
    const status = review.length ? 'needs_review' : 'registered';
    const reviewReason = review.length ? `${review.join('; ')}.`.replace(/^./, (c) => c.toLocaleUpperCase('vi')) : null;

    const fileRows: NewIncomingFile[] = entry.map((r) => ({
      sha256: r.sha256,
      size: r.item.bytes.length,
      fileName: r.item.fileName,
      displayPath: r.item.displayPath,
      role: r === main ? 'main' : r.item.role === 'message' ? 'message' : r.item.role === 'body' ? 'body' : 'attachment',
      contentKind: r.extracted.kind,
      readNote: r.extracted.needsReview ?? (r.extracted.notes.join('; ') || null),
      signatures: r.signatures,
      textChars: r.extracted.text.length,
      ocrPagesRead: r.ocrPagesRead,
    }));
    // Each file's share is its textChars: the report quotes a unit's written report, not the form beside it.
    const fullText = entry.map((r) => r.extracted.text).join('\n\n');
    const year = Number(receivedDate.slice(0, 4));

    const register = db.transaction(() => {
      const arrivalNumber = recovered?.arrivalNumber ?? repo.nextArrivalNumber(year);
      const doc: NewIncoming = {
        status,
        source: 'import',
        receivedDate,
        reviewReason,
        agency: header?.agency.value ?? null,
        parentAgency: header?.parentAgency.value ?? null,
        number: header?.number.value ?? null,
        symbol: header?.symbol.value ?? null,
        docType: header?.type.value ?? null,
        place: header?.place.value ?? null,
        docDate: header?.date.value ?? null,
        subject: header?.subject.value ?? envelope?.subject ?? null,
        recipients: header?.recipients.value ?? [],
        references: header?.references ?? [],
        signer: header?.signer.value ?? null,
        unitId: unit.value?.id ?? null,
        unitConfidence: unit.confidence,
        unitReasons: unit.reasons,
        dispatchId: dispatch.value?.id ?? null,
        dispatchConfidence: dispatch.confidence,
        dispatchReasons: dispatch.reasons,
        periodKey: period.value,
        periodConfidence: period.confidence,
        periodReasons: period.reasons,
        messageId: envelope?.messageId ?? null,
        fullText,
      };
      // A recovered entry keeps its số đến and the day it was received; what was read now fills it.
      if (recovered) journal.completeRecovered(recovered.id, doc, receivedWithIt, now());
      const id = recovered?.id ?? repo.insert(doc, { year, number: arrivalNumber }, now());
      fileRows.forEach((f, i) => {
        const fileId = repo.insertFile(id, f, i, now());
        ocrPages.enqueue(fileId, entry[i]!.laterScannedPages, entry[i]!.extracted.pageCount ?? 0, now());
      });
      if (forms && returnedForm?.submission) forms.record(id, returnedForm.submission);
      crashPoint('mid-register');
      repo.index(id, envelope?.subject ?? null);
      audit.record({ action: recovered ? 'update' : 'create', entity: 'incoming_document', entityId: id, detail: { arrivalNumber, year, status, ...(recovered && { recoveredEntryCompleted: true }) } });
      return { id, arrivalNumber };
    });
    const { id, arrivalNumber } = register.immediate();
    if (envelope?.messageId) messagesThisRun.add(envelope.messageId);
    return {
      ...result,
      status,
      reason: reviewReason,
      entryId: id,
      arrivalNumber,
      arrivalYear: year,
      receivedDate,
      document: header
        ? {
            agency: header.agency.value,
            parentAgency: header.parentAgency.value,
            number: header.number.value,
            symbol: header.symbol.value,
            type: header.type.value,
            place: header.place.value,
            date: header.date.value,
            subject: header.subject.value,
            recipients: header.recipients.value ?? [],
            references: header.references,
            signer: header.signer.value,
            textSource: main?.textSource ?? 'text',
            signatures: (main?.signatures ?? []).map((g) => ({
              signer: g.signer,
              organization: g.organization,
              email: g.email,
              taxCode: g.taxCode,
              signedAt: g.signedAt,
              digestValid: g.digestValid,
              after: g.after,
            })),
          }
        : null,
      period: { key: period.value, confidence: period.confidence, reasons: period.reasons },
      unit: { id: unit.value?.id ?? null, name: unit.value?.name ?? null, confidence: unit.confidence, reasons: unit.reasons },
      dispatch: {
        id: dispatch.value?.id ?? null,
        number: dispatch.value?.number ?? null,
        symbol: dispatch.value?.symbol ?? null,
        confidence: dispatch.confidence,
        reasons: dispatch.reasons,
      },
    };
  }

  return {
    async importInputs(inputs: ImportInput[], options: ImportOptions = {}): Promise<ImportResult[]> {
      const { duplicates, ocr, ...unpackLimits } = limits();
      options = { duplicates, ...options };
      const unpacked = await stages.unpack(inputs, unpackLimits);
      // Everything unpacked is about to be written to the file store: nothing is, unless it all fits.
      ensureSpace([...unpacked.items, ...unpacked.refused].reduce((sum, item) => sum + (item.bytes?.length ?? 0), 0));
      const results: ImportResult[] = [];
      for (const refused of unpacked.refused) {
        if (refused.bytes) journal.note([{ ...refused, bytes: refused.bytes, role: 'refused', envelope: null }], receivedDateOf(options, null), refused.reason);
        const stored = refused.bytes ? files.put(refused.bytes) : null;
        db.transaction(() => {
          if (stored) repo.recordStoredFile(stored.sha256, stored.size, now());
          repo.log({ sourceName: refused.sourceName, attachment: refused.fileName === refused.sourceName ? null : refused.fileName, status: 'rejected', reason: refused.reason, sha256: stored?.sha256 ?? null, duplicateOf: null }, now());
        })();
        results.push({ ...emptyResult(refused.sourceName, refused.fileName === refused.sourceName ? null : refused.fileName), reason: refused.reason });
      }
      const groups = groupItems(unpacked.items);
      const messagesThisRun = new Set<string>();
      let done = 0;
      for (const group of groups) {
        // Noted before any byte is stored: a crash from here on is recovered at the next start (recovery.ts).
        journal.note(group, receivedDateOf(options, group[0]!.envelope));
        const readItems: ReadItem[] = [];
        for (const item of group) {
          readItems.push(await read(item, ocr));
          options.onProgress?.(++done, unpacked.items.length, item.displayPath);
        }
        const receivedWithIt = readItems.map((r) => r.sha256);
        for (const entry of entriesOf(readItems)) results.push(registerEntry(entry, options, messagesThisRun, receivedWithIt));
      }
      return results;
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;

function blankHeader(): RecognisedHeader {
  const nothing = { value: null, confidence: 0 };
  return {
    agency: nothing, parentAgency: nothing, number: nothing, symbol: nothing, place: nothing, date: nothing, type: nothing,
    subject: nothing, recipients: nothing, references: [], period: nothing, signer: nothing, urgency: nothing,
  };
}
