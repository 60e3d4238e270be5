import type { Db } from '../db/connection.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';
import type { TrackingPeriod } from '../../shared/domain/tracking.js';
import { formatShortDate } from '../../shared/nd30/date-line.js';
import { documentCitation } from '../../shared/documents/templates/official-document.js';
import { fold } from '../../shared/vn/fold.js';
import { UserError } from '../api/errors.js';
import type { DispatchesService } from '../dispatches/dispatches-service.js';
import type { FormsService } from '../forms/forms-service.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { TrackingService } from '../tracking/tracking-service.js';
import type { UnitsService } from '../units/units-service.js';
import { consolidate, currentSubmissions, type ConsolidationResult } from './consolidate.js';
import { reportDraftContent } from './report-draft.js';
import { writeAppendixXlsx } from './appendix-xlsx.js';

/**
 * The consolidated report of a dispatch's period: the figures of the returned forms, the Báo
 * cáo draft (saved in the outgoing register like any document of ours) and its .xlsx appendix.
 */

/** A file of an incoming document, as far as the report's quotes need it. */
export interface FileShare {
  role: string;
  contentKind: string;
  /** Its text's length in the document's full_text; null when not recorded (registered before migration 10). */
  textChars: number | null;
}

/** Kinds a unit writes its report in (a scan is read by OCR); a spreadsheet is a form or a table, never the report. */
const REPORT_KINDS = new Set(['docx', 'doc', 'pdf', 'txt', 'html', 'jpg', 'png', 'tiff']);
/** The document itself or an attachment (the e-mail's own note is no report), of a kind a report is written in. */
const isWrittenReport = (f: FileShare): boolean => (f.role === 'main' || f.role === 'attachment') && REPORT_KINDS.has(f.contentKind);
/** full_text joins its files' texts with a blank line (import-service.ts). */
const FILE_SEPARATOR = 2;

/**
 * The text of a document's written report: the share of full_text of its report files, without
 * the returned form, the e-mail or other spreadsheets beside it; "" when it has none (a unit that
 * sent only the form). Text added after the files' (OCR of pages 2+) is a scan's, so the report's.
 * When the shares are not known, the whole text of a document that has a report file.
 */
export function writtenReportText(fullText: string, files: readonly FileShare[]): string {
  if (!files.some(isWrittenReport)) return '';
  if (files.some((f) => f.textChars === null)) return fullText;
  const parts: string[] = [];
  let at = 0;
  for (const f of files) {
    if (isWrittenReport(f)) parts.push(fullText.slice(at, at + f.textChars!));
    at += f.textChars! + FILE_SEPARATOR;
  }
  parts.push(fullText.slice(at)); // OCR appends each page after a blank line too
  return parts.filter((p) => p.trim()).join('\n\n');
}

function createReportsRepo(db: Db) {
  const where = `FROM incoming_documents WHERE dispatch_id = ? AND period_key = ? AND status = 'registered'`;
  const ids = db.prepare<[number, string], { id: number }>(`SELECT id ${where}`);
  const texts = db.prepare<[number, string], { id: number; full_text: string }>(`SELECT id, full_text ${where}`);
  const files = db.prepare<[number, string], { document_id: number; role: string; content_kind: string; text_chars: number | null }>(
    `SELECT document_id, role, content_kind, text_chars FROM incoming_files WHERE document_id IN (SELECT id ${where}) ORDER BY document_id, position`,
  );
  return {
    /** The registered documents answering the dispatch for the period. */
    registeredIds: (dispatchId: number, periodKey: string): Set<number> => new Set(ids.all(dispatchId, periodKey).map((r) => r.id)),
    /** The same, with the text of each one's written report ("" for a returned form alone). */
    registeredReports(dispatchId: number, periodKey: string): Map<number, string> {
      const shares = new Map<number, FileShare[]>();
      for (const f of files.all(dispatchId, periodKey)) {
        const list = shares.get(f.document_id) ?? [];
        list.push({ role: f.role, contentKind: f.content_kind, textChars: f.text_chars });
        shares.set(f.document_id, list);
      }
      return new Map(texts.all(dispatchId, periodKey).map((r) => [r.id, writtenReportText(r.full_text, shares.get(r.id) ?? [])]));
    },
  };
}

export function createReportsService(
  db: Db,
  dispatches: DispatchesService,
  tracking: TrackingService,
  forms: Pick<FormsService, 'get' | 'submissions'>,
  units: UnitsService,
  settings: SettingsService,
) {
  const repo = createReportsRepo(db);

  function requirePeriod(d: Dispatch, periodKey: string): void {
    const periods = tracking.periods(d.id);
    if (!periods.some((p) => p.key === periodKey)) {
      throw new UserError('unknown_period', `Công văn ${dispatches.describe(d)} không có kỳ báo cáo "${periodKey}". Các kỳ: ${periods.map((p) => p.key).join(', ')}.`);
    }
  }

  /**
   * The figures of the period, or null when the dispatch has no form. The units in the registry's
   * order: the tracking of the period has them so already (a unit outside it comes last).
   */
  function figures(d: Dispatch, periodKey: string, registered: ReadonlySet<number>, period: TrackingPeriod | null): ConsolidationResult | null {
    const form = forms.get(d.id);
    if (!form) return null;
    const current = currentSubmissions(forms.submissions(d.id, periodKey), registered);
    const order = period ? period.rows.map((r) => r.unit.id) : units.list({ includeInactive: true }).map((u) => u.id);
    return consolidate(form, periodKey, current, order);
  }

  function periodTracking(d: Dispatch, periodKey: string, today: string): TrackingPeriod {
    return tracking.track(d.id, today, periodKey)[0]!;
  }

  function citation(d: Dispatch): string {
    return `${documentCitation(d)}${d.issueDate ? ` ngày ${formatShortDate(d.issueDate)}` : ''}`;
  }

  return {
    consolidate(dispatchId: number, periodKey: string): ConsolidationResult {
      const d = dispatches.get(dispatchId);
      requirePeriod(d, periodKey);
      const result = figures(d, periodKey, repo.registeredIds(d.id, periodKey), null);
      if (!result) {
        throw new UserError('no_form', `Công văn ${dispatches.describe(d)} chưa có biểu số liệu nên không có số liệu để tổng hợp. Hãy lập biểu số liệu trước.`);
      }
      return result;
    },

    /** "Lập báo cáo tổng hợp": the Báo cáo as a draft in the outgoing register, numbered when issued. */
    createDraft(dispatchId: number, periodKey: string, today: string): Dispatch {
      const d = dispatches.get(dispatchId);
      const period = periodTracking(d, periodKey, today);
      const texts = repo.registeredReports(d.id, periodKey);
      // Each unit's written reports, newest first: its latest report speaks for it.
      const unitTexts = new Map(
        period.rows.map((row) => [
          row.unit.id,
          row.documents
            .flatMap((doc) => texts.get(doc.entryId) || [])
            .reverse(),
        ]),
      );
      const content = reportDraftContent({
        dispatch: d,
        tracking: period,
        consolidation: figures(d, periodKey, new Set(texts.keys()), period),
        unitTexts,
        profile: settings.getProfile(),
        today,
      });
      return dispatches.createDraft(content);
    },

    /** The appendix .xlsx: units × indicators with formulas, and who reported when. */
    async appendixXlsx(dispatchId: number, periodKey: string, today: string): Promise<{ fileName: string; bytes: Buffer }> {
      const d = dispatches.get(dispatchId);
      const period = periodTracking(d, periodKey, today);
      const bytes = await writeAppendixXlsx({
        consolidation: figures(d, periodKey, repo.registeredIds(d.id, periodKey), period),
        tracking: period,
        agencyName: settings.getProfile().agencyName,
        dispatchCitation: citation(d),
      });
      const reference = `${d.number ?? 'x'}-${d.symbol}`;
      return { fileName: `Phu-luc-tong-hop_${reference}_${fold(periodKey)}.xlsx`.replace(/[^A-Za-z0-9._-]/g, '-'), bytes };
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
