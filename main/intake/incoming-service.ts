import type { Db } from '../db/connection.js';
import type { AuditLog } from '../db/audit.js';
import type { FileStore } from '../files/file-store.js';
import type { UnitsService } from '../units/units-service.js';
import { IsoDate } from '../../shared/domain/common.js';
import { PaperDocument, ReviewCorrection, type IncomingDocument, type ReviewNeighbours } from '../../shared/domain/incoming.js';
import { fold } from '../../shared/vn/fold.js';
import { UserError, notFound } from '../api/errors.js';
import { createIncomingRepo, type IncomingFilter, type IncomingRow } from './incoming-repo.js';
import { EVERY_ROW, type Page, type Paging } from '../../shared/domain/paging.js';
import { writeRegisterXlsx } from '../render/register-xlsx.js';
import type { FormIntake } from '../forms/form-intake.js';

/**
 * Received documents after import: the review queue (confirm or correct what was
 * recognised, remembering a unit's other spelling as an alias), documents received on
 * paper (same số đến sequence), forwarding, and the incoming register (nd30 §5).
 */

export const INCOMING_REGISTER_COLUMNS = [
  { header: 'Ngày đến', width: 11 },
  { header: 'Số đến', width: 8 },
  { header: 'Tác giả', width: 28 },
  { header: 'Số, ký hiệu văn bản', width: 18 },
  { header: 'Ngày tháng văn bản', width: 12 },
  { header: 'Tên loại và trích yếu nội dung văn bản', width: 46 },
  { header: 'Đơn vị hoặc người nhận', width: 18 },
  { header: 'Ngày chuyển', width: 11 },
  { header: 'Ký nhận', width: 11 },
  { header: 'Ghi chú', width: 22 },
] as const;

const vnDate = (iso: string | null): string => (iso ? iso.split('-').reverse().join('/') : '');
const parse = (json: string): string[] => JSON.parse(json) as string[];

export function createIncomingService(db: Db, audit: AuditLog, files: FileStore, units: UnitsService, forms: FormIntake | null = null) {
  const repo = createIncomingRepo(db);
  const now = (): string => new Date().toISOString();

  function toDocument(r: IncomingRow): IncomingDocument {
    return {
      id: r.id,
      status: r.status,
      source: r.source,
      arrivalYear: r.arrival_year,
      arrivalNumber: r.arrival_number,
      receivedDate: r.received_date,
      reviewReason: r.review_reason,
      agency: r.agency,
      parentAgency: r.parent_agency,
      number: r.number,
      symbol: r.symbol,
      type: r.doc_type,
      place: r.place,
      date: r.doc_date,
      subject: r.subject,
      signer: r.signer,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitConfidence: r.unit_confidence,
      unitReasons: parse(r.unit_reasons),
      dispatchId: r.dispatch_id,
      dispatchConfidence: r.dispatch_confidence,
      dispatchReasons: parse(r.dispatch_reasons),
      periodKey: r.period_key,
      periodConfidence: r.period_confidence,
      periodReasons: parse(r.period_reasons),
      forwardedTo: r.forwarded_to,
      forwardedDate: r.forwarded_date,
      notes: r.notes,
      files: repo.files(r.id).map((f) => ({
        id: f.id,
        sha256: f.sha256,
        fileName: f.file_name,
        displayPath: f.display_path,
        role: f.role,
        contentKind: f.content_kind,
        readNote: f.read_note,
        signatures: repo.signatures(f.id),
      })),
    };
  }

  function requireDocument(id: number): IncomingDocument {
    const r = repo.get(id);
    if (!r) throw notFound(`văn bản đến có mã ${id}`);
    return toDocument(r);
  }

  /**
   * The stored .xlsx files of a document to read again as a returned form on confirmation: when
   * its dispatch has a form and the clerk set or changed its dispatch, unit or period, or it has
   * no figures yet; else none.
   */
  function spreadsheetsToReread(doc: IncomingDocument, c: Pick<IncomingDocument, 'dispatchId' | 'unitId' | 'periodKey'>): string[] {
    if (!forms || c.dispatchId === null || !forms.hasForm(c.dispatchId)) return [];
    const changed = c.dispatchId !== doc.dispatchId || c.unitId !== doc.unitId || c.periodKey !== doc.periodKey;
    if (!changed && forms.readingOf(doc.id)) return [];
    return doc.files.filter((f) => f.contentKind === 'xlsx').map((f) => f.sha256);
  }

  function registerRows(year: number, paging: Paging = EVERY_ROW) {
    return repo.list({ status: null, year }, paging).map((r) => ({
      documentId: r.id,
      receivedDate: vnDate(r.received_date),
      arrivalNumber: r.arrival_number,
      author: r.unit_name ?? r.agency ?? '',
      numberAndSymbol: r.number !== null ? `${r.number}${r.symbol ? `/${r.symbol}` : ''}` : (r.symbol ?? ''),
      date: vnDate(r.doc_date),
      typeAndSubject: [r.doc_type, r.subject].filter(Boolean).join(': '),
      forwardedTo: r.forwarded_to ?? '',
      forwardedDate: vnDate(r.forwarded_date),
      notes: [r.status === 'needs_review' ? 'Chờ xác nhận' : '', r.source === 'paper' ? 'Bản giấy' : '', r.notes ?? ''].filter(Boolean).join('. '),
    }));
  }

  return {
    get: requireDocument,
    /** Documents in register order (year, số đến), of one status and year when given. */
    list: (filter: IncomingFilter, paging: Paging = EVERY_ROW): IncomingDocument[] => repo.list(filter, paging).map(toDocument),
    page: (filter: IncomingFilter, paging: Paging): Page<IncomingDocument> => ({ items: repo.list(filter, paging).map(toDocument), total: repo.count(filter) }),
    /** The years that have received documents, newest first. */
    years: (): number[] => repo.years(),

    /** Where a document stands in the review queue and the documents around it, without loading the queue. */
    reviewNeighbours(id: number): ReviewNeighbours {
      const r = repo.get(id);
      if (!r) throw notFound(`văn bản đến có mã ${id}`);
      const around = repo.queueAround(id, { year: r.arrival_year, number: r.arrival_number });
      return {
        position: r.status === 'needs_review' ? around.before + 1 : null,
        total: repo.count({ status: 'needs_review', year: null }),
        previousId: around.previousId,
        nextId: around.nextId,
      };
    },

    fileBytes(documentId: number, fileId: number): { fileName: string; bytes: Buffer } {
      const f = requireDocument(documentId).files.find((x) => x.id === fileId);
      if (!f) throw notFound(`tệp có mã ${fileId}`);
      return { fileName: f.fileName, bytes: files.get(f.sha256) };
    },

    /**
     * Confirms a document in review with the clerk's corrections; it then counts as received.
     * When that gives it a dispatch with a data form (or changes its dispatch, unit or period),
     * its spreadsheets are read again against that form in the same transaction, so the figures
     * follow the clerk's choice (the earlier reading goes to the audit log). The spreadsheets are
     * loaded first, only when needed: otherwise the confirmation commits before this returns.
     */
    async confirm(id: number, input: ReviewCorrection): Promise<IncomingDocument> {
      const c = ReviewCorrection.parse(input);
      const sheets = spreadsheetsToReread(requireDocument(id), c);
      const workbooks = sheets.length ? (await Promise.all(sheets.map((sha256) => forms!.load(files.get(sha256))))).filter((wb) => wb !== null) : [];
      return db.transaction(() => {
        const before = requireDocument(id);
        const unit = c.unitId !== null ? units.get(c.unitId) : null;
        repo.confirm(id, c, now());
        if (c.rememberAlias && unit && c.agency && fold(c.agency) !== fold(unit.name) && !unit.aliases.some((a) => fold(a) === fold(c.agency!))) {
          units.update(unit.id, { ...unit, aliases: [...unit.aliases, c.agency] });
        }
        const reread = workbooks.length ? forms!.reread(id, workbooks, c.dispatchId!) : null;
        const formReread = reread && { readBy: reread.now.readBy, earlier: reread.earlier && { readBy: reread.earlier.readBy, formVersion: reread.earlier.formVersion, values: reread.earlier.values, problems: reread.earlier.problems } };
        audit.record({ action: 'update', entity: 'incoming_document', entityId: id, detail: { confirmed: c, before: { unitId: before.unitId, dispatchId: before.dispatchId }, ...(formReread && { formReread }) } });
        return requireDocument(id);
      })();
    },

    /** Takes a document off the dispatch it was matched to (it stays in the register); tracking follows at once. */
    unlinkDispatch(id: number): IncomingDocument {
      return db.transaction(() => {
        const before = requireDocument(id);
        repo.unlinkDispatch(id, now());
        audit.record({ action: 'update', entity: 'incoming_document', entityId: id, detail: { unlinked: { dispatchId: before.dispatchId, periodKey: before.periodKey } } });
        return requireDocument(id);
      })();
    },

    /** A document received on paper takes the next số đến of the same sequence. */
    registerPaper(input: PaperDocument): IncomingDocument {
      const p = PaperDocument.parse(input);
      const year = Number(p.receivedDate.slice(0, 4));
      const tx = db.transaction(() => {
        if (p.unitId !== null) units.get(p.unitId);
        const arrivalNumber = repo.nextArrivalNumber(year);
        const id = repo.insert(
          {
            status: 'registered', source: 'paper', receivedDate: p.receivedDate, reviewReason: null, agency: p.agency, parentAgency: null,
            number: p.number, symbol: p.symbol, docType: p.type, place: null, docDate: p.date, subject: p.subject, recipients: [],
            references: [], signer: null, unitId: p.unitId, unitConfidence: p.unitId ? 1 : null, unitReasons: p.unitId ? ['văn thư nhập'] : [],
            dispatchId: p.dispatchId, dispatchConfidence: p.dispatchId ? 1 : null, dispatchReasons: p.dispatchId ? ['văn thư nhập'] : [],
            periodKey: p.periodKey, periodConfidence: p.periodKey ? 1 : null, periodReasons: p.periodKey ? ['văn thư nhập'] : [],
            messageId: null, fullText: '',
          },
          { year, number: arrivalNumber },
          now(),
        );
        if (p.notes) repo.setNotes(id, p.notes, now());
        repo.index(id);
        audit.record({ action: 'create', entity: 'incoming_document', entityId: id, detail: { paper: true, arrivalNumber } });
        return id;
      });
      return requireDocument(tx.immediate());
    },

    forward(id: number, to: string, date: string): IncomingDocument {
      const who = to.trim();
      if (!who) throw new UserError('forward_to_required', 'Hãy nhập đơn vị hoặc người nhận.');
      const day = IsoDate.parse(date);
      return db.transaction(() => {
        requireDocument(id);
        repo.forward(id, who, day, now());
        audit.record({ action: 'update', entity: 'incoming_document', entityId: id, detail: { forwardedTo: who, date: day } });
        return requireDocument(id);
      })();
    },

    register: registerRows,
    registerPage: (year: number, paging: Paging) => ({ items: registerRows(year, paging), total: repo.count({ status: null, year }) }),

    /** For the dashboard: how many wait for review, and the latest arrivals. */
    summary(latest = 8) {
      return {
        awaitingReview: repo.count({ status: 'needs_review', year: null }),
        latestImports: repo.latest(latest).map((r) => ({
          id: r.id,
          arrivalNumber: r.arrival_number,
          arrivalYear: r.arrival_year,
          receivedDate: r.received_date,
          status: r.status,
          subject: r.subject,
          unitName: r.unit_name,
        })),
      };
    },

    registerXlsx(year: number, agencyName: string): Promise<Buffer> {
      return writeRegisterXlsx({
        sheetName: `Sổ VB đến ${year}`,
        agencyName,
        title: `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM ${year}`,
        columns: INCOMING_REGISTER_COLUMNS,
        rows: registerRows(year).map((r) => ({
          cells: [r.receivedDate, r.arrivalNumber, r.author, r.numberAndSymbol, r.date, r.typeAndSubject, r.forwardedTo, r.forwardedDate, '', r.notes],
        })),
      });
    },
  };
}
export type IncomingService = ReturnType<typeof createIncomingService>;
