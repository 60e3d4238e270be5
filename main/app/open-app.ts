import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../db/connection.js';
import { createAuditLog } from '../db/audit.js';
import { createUnitsService } from '../units/units-service.js';
import { createUnitsSpreadsheet } from '../units/units-xlsx.js';
import { createSettingsService } from '../settings/settings-service.js';
import { createDispatchesService } from '../dispatches/dispatches-service.js';
import { createFileStore } from '../files/file-store.js';
import { createDispatchRenderer, type PdfPrinter } from '../dispatches/dispatch-documents.js';
import { renderPdf } from '../render/pdf.js';
import { createImportService } from '../intake/import-service.js';
import { createIncomingService } from '../intake/incoming-service.js';
import { unpack } from '../intake/unpack.js';
import { extract } from '../intake/extract.js';
import { recognizeHeader } from '../intake/recognize-header.js';
import { readScan, terminateOcr } from '../intake/ocr.js';
import { readPdfSignatures } from '../intake/pdf-signatures.js';
import { DEFAULT_UNPACK_LIMITS } from '../intake/types.js';
import { createTrackingService } from '../tracking/tracking-service.js';
import { createSearchService } from '../search/search-service.js';
import { loadDemoData } from './demo-data.js';
import { createLog } from './log.js';
import { today } from './clock.js';

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
}

export function openApp(options: OpenAppOptions) {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.join(dataDir, FILES_DIR), { recursive: true });
  const log = createLog(dataDir);
  let db: Db;
  try {
    db = openDatabase(path.join(dataDir, DATABASE_FILE));
  } catch (error) {
    log.error('Không mở được cơ sở dữ liệu', error);
    throw error;
  }
  const audit = createAuditLog(db);
  const settings = createSettingsService(db, audit);
  const units = createUnitsService(db, audit);
  const unitsSpreadsheet = createUnitsSpreadsheet(db, units, audit);
  const fileStore = createFileStore(path.join(dataDir, FILES_DIR));
  const dispatches = createDispatchesService(db, audit, units, settings, fileStore, () => today());
  const dispatchRenderer = createDispatchRenderer(options.printPdf ?? renderPdf);
  const imports = createImportService(db, audit, fileStore, units, dispatches, { unpack, extract, recognize: recognizeHeader, ocr: readScan, signatures: readPdfSignatures }, () => today(), () => {
    const rules = settings.getIntake();
    return { ...DEFAULT_UNPACK_LIMITS, maxFileBytes: rules.maxFileMb * 1024 * 1024, duplicates: rules.duplicatePolicy, ocr: rules.ocr };
  }, () => settings.getProfile().placeName);
  const incoming = createIncomingService(db, audit, fileStore, units);
  const tracking = createTrackingService(db, audit, units, dispatches);
  const search = createSearchService(db, units, dispatches);

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
    today: () => today(),
    loadDemoData: () => loadDemoData(db, units, settings, dispatches),
    close(): void {
      if (db.open) db.close();
      // The OCR worker thread would otherwise keep the process (the CLI, a test) alive.
      void terminateOcr();
    },
  };
}
export type App = ReturnType<typeof openApp>;
