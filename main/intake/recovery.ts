import crypto from 'node:crypto';
import type { Db } from '../db/connection.js';
import type { AuditLog } from '../db/audit.js';
import { sha256Of, type FileStore } from '../files/file-store.js';
import { detectContent } from './detect-kind.js';
import { createIncomingRepo, type NewIncoming, type NewIncomingFile } from './incoming-repo.js';
import type { Envelope, UnpackedItem } from './types.js';

/**
 * Surviving a crash during an import (issue 8). A received file is stored before it is parsed
 * and registered afterwards, in one transaction; a process that dies in between (power cut,
 * task manager, SIGKILL) leaves a file in the store that no entry points at. It was received,
 * so it must come back, and re-importing it must not register it a second time.
 *
 * How such a file is found: a journal, not a scan. Before the bytes of the items received
 * together (an e-mail and its attachments) are stored, one committed transaction notes them in
 * intake_pending; whatever then commits a reference to a file (an incoming_files or intake_log
 * row) deletes its note by trigger, in the same transaction, and so does the transaction that
 * logs a duplicate for the duplicate's other files (settle). At start only the notes left
 * behind are read — an empty table on a clean start, whatever the size of the store — where
 * listing the store and comparing it with the referencing tables would read some 65,000
 * folders for 100,000 files on every start. The notes also keep what the bytes alone cannot
 * tell: the file's name, where it came from, which e-mail it belonged to.
 *
 * What the journal does not cover: with synchronous=NORMAL a power cut (not a crashed process)
 * may take back the last commits, notes included; a file stored just before such a cut is then
 * in the store unreferenced and unnoted — kept, not deleted — and the same import run again
 * registers it.
 */

/** The review reason of an entry recovered at start; an entry that still carries it has not been checked by the clerk. */
export const RECOVERED_REASON = 'Tệp đã nhận nhưng chưa vào sổ do ứng dụng bị tắt đột ngột — hãy kiểm tra và vào sổ.';

type PendingRole = UnpackedItem['role'] | 'refused';

export interface PendingItem {
  bytes: Buffer;
  sourceName: string;
  fileName: string;
  displayPath: string;
  role: PendingRole;
  envelope: Envelope | null;
}

interface PendingRow {
  id: number;
  sha256: string;
  size: number;
  batch: string;
  source_name: string;
  file_name: string;
  display_path: string;
  role: PendingRole;
  message_id: string | null;
  subject: string | null;
  received_date: string;
  refused_reason: string | null;
  writer_pid: number;
}

export interface RecoveredEntry {
  id: number;
  arrivalYear: number;
  arrivalNumber: number;
  receivedDate: string;
}

/** The journal the import writes, and the entries recovered from it that a re-import completes. */
export function createIntakeJournal(db: Db) {
  const repo = createIncomingRepo(db);
  const insert = db.prepare(`
    INSERT INTO intake_pending (sha256, size, batch, source_name, file_name, display_path, role, message_id, subject, received_date, refused_reason, writer_pid, noted_at)
    VALUES (@sha256, @size, @batch, @sourceName, @fileName, @displayPath, @role, @messageId, @subject, @receivedDate, @refusedReason, @pid, @now)`);
  const holding = db.prepare<[string, string, string], { id: number; arrival_year: number; arrival_number: number; received_date: string }>(`
    SELECT d.id, d.arrival_year, d.arrival_number, d.received_date
      FROM incoming_files f JOIN incoming_documents d ON d.id = f.document_id
     WHERE f.sha256 IN (?, ?) AND d.status = 'needs_review' AND d.review_reason = ?
     ORDER BY d.id LIMIT 1`);
  const demoteMain = db.prepare("UPDATE incoming_files SET role = 'attachment' WHERE document_id = ? AND role = 'main'");
  const settle = db.prepare('DELETE FROM intake_pending WHERE sha256 = ?');
  const fileIdsOf = db.prepare<[number, string], number>('SELECT id FROM incoming_files WHERE document_id = ? AND sha256 = ?').pluck();

  return {
    /** Notes the items received together, in one committed transaction, before any of their bytes is stored. */
    note: db.transaction((items: readonly PendingItem[], receivedDate: string, refusedReason: string | null = null): void => {
      const batch = crypto.randomUUID();
      const now = new Date().toISOString();
      for (const item of items) {
        insert.run({
          sha256: sha256Of(item.bytes),
          size: item.bytes.length,
          batch,
          sourceName: item.sourceName,
          fileName: item.fileName,
          displayPath: item.displayPath,
          role: item.role,
          messageId: item.envelope?.messageId ?? null,
          subject: item.envelope?.subject ?? null,
          receivedDate,
          refusedReason,
          pid: process.pid,
          now,
        });
      }
    }),

    /**
     * Ends the pending state of files dealt with otherwise than by a reference to them (the other
     * files of a duplicate, recorded as stored only), inside the transaction that deals with them.
     */
    settle(sha256s: readonly string[]): void {
      for (const sha256 of sha256s) settle.run(sha256);
    },

    /**
     * The recovered entry, not yet checked by the clerk, that holds this document's main file or
     * its e-mail: the same receipt, which a re-import completes rather than registers again.
     */
    recoveredEntryHolding(mainSha256: string | null, messageSha256: string | null): RecoveredEntry | undefined {
      const row = holding.get(mainSha256 ?? '', messageSha256 ?? '', RECOVERED_REASON);
      return row && { id: row.id, arrivalYear: row.arrival_year, arrivalNumber: row.arrival_number, receivedDate: row.received_date };
    },

    /**
     * Fills a recovered entry with what the import read (inside the register transaction). The
     * caller then adds the entry's files and its search text. Its files received with this
     * import are taken off first: they come back with their roles, or as their own entry when
     * the e-mail carries several documents (their notes keep them safe until then); any other
     * file stays with it, as an attachment.
     */
    completeRecovered(id: number, doc: NewIncoming, receivedWithIt: readonly string[], now: string): void {
      repo.updateRead(id, doc, now);
      demoteMain.run(id);
      for (const sha256 of receivedWithIt) for (const fileId of fileIdsOf.all(id, sha256)) repo.removeRecoveredFile(fileId);
    },
  };
}

/** Whether the process that wrote a note may still be importing (then its notes are not ours to recover). */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it exists, under another account
  }
}

export interface RecoveryReport {
  /** Entries put in the review queue, one per batch of files received together. */
  entries: RecoveredEntry[];
  /** Refused files whose quarantine record was lost, now recorded. */
  quarantined: number;
  /** Half-written temporary copies of dead writers, removed (never a stored file). */
  abandonedTemp: number;
}

const FILE_ROLE: Record<Exclude<PendingRole, 'refused'>, NewIncomingFile['role']> = {
  message: 'message',
  body: 'body',
  attachment: 'attachment',
  entry: 'attachment',
  file: 'attachment',
};

/**
 * At start: every note left by a process that is gone becomes what the import would have made
 * of it had it finished reading — an entry in the review queue, with the files, the e-mail's
 * Message-ID and subject, and the day received — or, for a refused file, its quarantine record.
 * Notes of files that were registered after all, or never reached the store, are dropped.
 * Stored files are never deleted. Cheap when there is nothing to recover: one read of an empty
 * table and of the store's (empty) temporary folder.
 */
export function recoverInterruptedImports(
  db: Db,
  audit: AuditLog,
  files: FileStore,
  isWriterAlive: (pid: number) => boolean = processAlive,
): RecoveryReport {
  const report: RecoveryReport = { entries: [], quarantined: 0, abandonedTemp: files.removeAbandoned(isWriterAlive) };
  const selectPending = db.prepare<[], PendingRow>('SELECT * FROM intake_pending ORDER BY id');
  if (selectPending.all().length === 0) return report;

  const repo = createIncomingRepo(db);
  const referenced = db.prepare<[string, string, string], { n: number }>(`
    SELECT (SELECT count(*) FROM incoming_files WHERE sha256 = ?) + (SELECT count(*) FROM intake_log WHERE sha256 = ?)
         + (SELECT count(*) FROM dispatch_files WHERE sha256 = ?) AS n`);
  const drop = db.prepare('DELETE FROM intake_pending WHERE id = ?');
  const recoveredWithMessage = db.prepare<[string, string], { id: number; arrival_year: number; arrival_number: number; received_date: string; files: number; mains: number }>(`
    SELECT d.id, d.arrival_year, d.arrival_number, d.received_date, (SELECT count(*) FROM incoming_files f WHERE f.document_id = d.id) AS files,
           (SELECT count(*) FROM incoming_files f WHERE f.document_id = d.id AND f.role = 'main') AS mains
      FROM incoming_documents d WHERE d.message_id = ? AND d.status = 'needs_review' AND d.review_reason = ? ORDER BY d.id LIMIT 1`);
  const now = (): string => new Date().toISOString();

  const recover = db.transaction(() => {
    // Read again under the write lock: another process may have registered some meanwhile.
    const orphans = new Map<string, PendingRow[]>();
    const seen = new Set<string>();
    for (const row of selectPending.all()) {
      if (isWriterAlive(row.writer_pid)) continue;
      drop.run(row.id);
      if (seen.has(row.sha256) || referenced.get(row.sha256, row.sha256, row.sha256)!.n > 0 || !files.has(row.sha256)) continue;
      seen.add(row.sha256);
      orphans.set(row.batch, [...(orphans.get(row.batch) ?? []), row]);
    }
    for (const rows of orphans.values()) {
      for (const row of rows.filter((r) => r.role === 'refused')) {
        repo.recordStoredFile(row.sha256, row.size, now());
        repo.log({ sourceName: row.source_name, attachment: row.file_name === row.source_name ? null : row.file_name, status: 'rejected', reason: row.refused_reason ?? RECOVERED_REASON, sha256: row.sha256, duplicateOf: null }, now());
        report.quarantined++;
      }
      const received = rows.filter((r) => r.role !== 'refused');
      if (received.length) report.entries.push(recoverBatch(received));
    }
  });

  /** One entry for the files received together, or more files for the recovered entry of the same e-mail. */
  function recoverBatch(rows: PendingRow[]): RecoveredEntry {
    const first = rows[0]!;
    const messageId = rows.find((r) => r.message_id)?.message_id ?? null;
    const existing = messageId ? recoveredWithMessage.get(messageId, RECOVERED_REASON) : undefined;
    let entry: RecoveredEntry;
    let position = existing?.files ?? 0;
    if (existing) {
      entry = { id: existing.id, arrivalYear: existing.arrival_year, arrivalNumber: existing.arrival_number, receivedDate: existing.received_date };
    } else {
      const year = Number(first.received_date.slice(0, 4));
      const arrivalNumber = repo.nextArrivalNumber(year);
      const subject = rows.find((r) => r.subject)?.subject ?? null;
      const id = repo.insert(
        {
          status: 'needs_review', source: 'import', receivedDate: first.received_date, reviewReason: RECOVERED_REASON, agency: null,
          parentAgency: null, number: null, symbol: null, docType: null, place: null, docDate: null, subject, recipients: [], references: [],
          signer: null, unitId: null, unitConfidence: null, unitReasons: [], dispatchId: null, dispatchConfidence: null, dispatchReasons: [],
          periodKey: null, periodConfidence: null, periodReasons: [], messageId, fullText: '',
        },
        { year, number: arrivalNumber },
        now(),
      );
      repo.index(id);
      entry = { id, arrivalYear: year, arrivalNumber, receivedDate: first.received_date };
    }
    // The document is the first file that is neither the e-mail nor its body; the clerk corrects it in review.
    const main = existing?.mains ? undefined : rows.find((r) => r.role !== 'message' && r.role !== 'body');
    for (const row of rows) {
      repo.insertFile(
        entry.id,
        {
          sha256: row.sha256,
          size: row.size,
          fileName: row.file_name,
          displayPath: row.display_path,
          role: row === main ? 'main' : FILE_ROLE[row.role as Exclude<PendingRole, 'refused'>],
          contentKind: contentKindOf(row.sha256),
          readNote: RECOVERED_REASON,
          signatures: [],
        },
        position++,
        now(),
      );
    }
    audit.record({ action: existing ? 'update' : 'create', entity: 'incoming_document', entityId: entry.id, detail: { recovered: { files: rows.map((r) => r.display_path), arrivalNumber: entry.arrivalNumber, year: entry.arrivalYear } } });
    return entry;
  }

  function contentKindOf(sha256: string): string {
    try {
      return detectContent(files.get(sha256)).kind;
    } catch {
      return 'unknown'; // damaged in the store: kept and listed all the same, for a person to look at
    }
  }

  recover.immediate();
  return report;
}
