import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../db/connection.js';
import { createAuditLog, type AuditLog } from '../db/audit.js';
import { createUnitsService } from '../units/units-service.js';
import { createUnitsSpreadsheet } from '../units/units-xlsx.js';
import { createSettingsService } from '../settings/settings-service.js';
import { createDispatchesService } from '../dispatches/dispatches-service.js';
import { createFileStore, type FileStore } from '../files/file-store.js';
import { createDispatchRenderer, type PdfPrinter } from '../dispatches/dispatch-documents.js';
import { renderPdf } from '../render/pdf.js';
import { createImportService } from '../intake/import-service.js';
import { createIncomingService } from '../intake/incoming-service.js';
import { unpack } from '../intake/unpack.js';
import { extract } from '../intake/extract.js';
import { recognizeHeader } from '../intake/recognize-header.js';
import { ocrPdfPageText, readScan, terminateOcr } from '../intake/ocr.js';
import { createOcrQueue } from '../intake/ocr-queue.js';
import { readPdfSignatures } from '../intake/pdf-signatures.js';
import { DEFAULT_UNPACK_LIMITS } from '../intake/types.js';
import { recoverInterruptedImports } from '../intake/recovery.js';
import { createTrackingService } from '../tracking/tracking-service.js';
import { createSearchService } from '../search/search-service.js';
import { createFormsService } from '../forms/forms-service.js';
import { createFormIntake } from '../forms/form-intake.js';
import { createReportsService } from '../reports/reports-service.js';
import { loadDemoData } from './demo-data.js';
import { createLog, type Log } from './log.js';
import { today } from './clock.js';
import { ensureFreeSpace, readFreeSpace, type FreeSpaceReader } from './disk-space.js';
import { beginSession, checkOpenDatabase, DatabaseDamagedError } from '../backup/integrity.js';

export const DATABASE_FILE = 'vanthu.db';
export const FILES_DIR = 'files';

/**
 * The composition root: opens (creating if needed) the data folder and wires the
 * services. The only place that knows how the pieces fit together.
 */
export interface OpenAppOptions {
  dataDir: string;
  /**
   * Prints a page of HTML to PDF. Browser mode and the CLI use the system's Chromium;
   * the Electron shell passes its own printToPDF.
   */
  printPdf?: PdfPrinter;
  /** Free space on a drive (tests inject a small one to see imports refused). */
  freeSpace?: FreeSpaceReader;
}

export function openApp(options: OpenAppOptions) {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.join(dataDir, FILES_DIR), { recursive: true });
  const log = createLog(dataDir);
  // A session left open by a process that died: check the database before anything reads it.
  const session = beginSession(dataDir);
  let db: Db;
  try {
    db = openDatabase(path.join(dataDir, DATABASE_FILE));
    if (session.uncleanBefore) {
      const check = checkOpenDatabase(db, 'quick');
      if (!check.ok) {
        db.close();
        throw new DatabaseDamagedError(check.problems);
      }
      log.warn('Lần trước VănThư không được đóng bình thường; cơ sở dữ liệu đã được kiểm tra (quick_check): không có lỗi.');
    }
  } catch (error) {
    session.release();
    log.error('Không mở được cơ sở dữ liệu', error);
    throw error;
  }
  const audit = createAuditLog(db);
  const settings = createSettingsService(db, audit);
  const units = createUnitsService(db, audit);
  const unitsSpreadsheet = createUnitsSpreadsheet(db, units, audit);
  const fileStore = createFileStore(path.join(dataDir, FILES_DIR));
  recoverReceivedFiles(db, audit, fileStore, log);
  const dispatches = createDispatchesService(db, audit, units, settings, fileStore, () => today());
  const forms = createFormsService(db, audit, dispatches, units, settings);
  const formIntake = createFormIntake(forms, dispatches, units);
  const dispatchRenderer = createDispatchRenderer(options.printPdf ?? renderPdf);
  const imports = createImportService(db, audit, fileStore, units, dispatches, { unpack, extract, recognize: recognizeHeader, ocr: readScan, signatures: readPdfSignatures }, () => today(), () => {
    const rules = settings.getIntake();
    return { ...DEFAULT_UNPACK_LIMITS, maxFileBytes: rules.maxFileMb * 1024 * 1024, duplicates: rules.duplicatePolicy, ocr: rules.ocr };
  }, () => settings.getProfile().placeName, formIntake, (bytes) =>
    ensureFreeSpace(dataDir, bytes, 'nhập các tệp này', options.freeSpace ?? readFreeSpace));
  const incoming = createIncomingService(db, audit, fileStore, units, formIntake);
  const tracking = createTrackingService(db, audit, units, dispatches);
  const search = createSearchService(db, units);
  const reports = createReportsService(db, dispatches, tracking, forms, units, settings);
  // Pages 2+ of scans, read in the background; started only by the shells that live long.
  const ocrQueue = createOcrQueue(db, fileStore, { readPage: ocrPdfPageText, enabled: () => settings.getIntake().ocr, log });

  return {
    dataDir,
    db,
    log,
    audit,
    settings,
    units,
    unitsSpreadsheet,
    dispatches,
    fileStore,
    dispatchRenderer,
    imports,
    incoming,
    tracking,
    search,
    ocrQueue,
    forms,
    reports,
    today: () => today(),
    loadDemoData: () => loadDemoData(db, units, settings, dispatches, forms),
    /** The previous session ended without closing (the quick check at open passed). */
    uncleanShutdown: session.uncleanBefore,
    close(): void {
      void ocrQueue.stop();
      if (db.open) db.close();
      session.release();
      // The OCR worker thread would otherwise keep the process (the CLI, a test) alive.
      void terminateOcr();
    },
  };
}
export type App = ReturnType<typeof openApp>;

/**
 * Files an import stored but did not register before its process died go to the review queue
 * (one read of an empty table when there are none). A failure here must not keep the registry
 * from opening: the notes stay, and the next start tries again.
 */
function recoverReceivedFiles(db: Db, audit: AuditLog, fileStore: FileStore, log: Log): void {
  try {
    const { entries, quarantined } = recoverInterruptedImports(db, audit, fileStore);
    for (const e of entries) log.warn(`Đã đưa tệp nhận dở (ứng dụng bị tắt đột ngột) vào hàng chờ xác nhận: văn bản đến số ${e.arrivalNumber}/${e.arrivalYear}.`);
    if (quarantined) log.warn(`Đã ghi lại ${quarantined} tệp bị từ chối mà lần nhập trước chưa kịp ghi.`);
  } catch (error) {
    log.error('Không khôi phục được các tệp nhận dở; sẽ thử lại khi mở lần sau', error);
  }
}
