import type { z } from 'zod';
import type { Api, ApiOutput, Method } from '../../shared/api.js';
import type { App } from '../app/open-app.js';
import { UserError } from './errors.js';
import type { MaintenanceMethod } from './maintenance-handlers.js';
import { outgoingRegisterRows, writeOutgoingRegister } from '../dispatches/outgoing-register.js';
import { dispatchFileName } from '../dispatches/dispatch-documents.js';
import { reminderContent } from '../tracking/reminder.js';
import { writeTrackingXlsx } from '../tracking/tracking-xlsx.js';

export type ShellKind = 'electron' | 'browser' | 'cli';

/** One function per API method; each receives input already validated by its schema. */
export type Handlers = {
  [M in Method]: (input: z.output<Api[M]['input']>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a zip archive, as every .xlsx is

function decodeUpload(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new UserError('empty_file', 'Tệp trống. Hãy chọn lại tệp Excel.');
  if (!bytes.subarray(0, 4).equals(XLSX_MAGIC)) {
    throw new UserError(
      'invalid_xlsx',
      'Tệp không phải là bảng tính Excel (.xlsx). Nếu là tệp .xls cũ, hãy mở bằng Excel và lưu lại dưới dạng .xlsx.',
    );
  }
  return bytes;
}

/** Keeps the name a file was given, without any folder part that came with it. */
function safeFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .split('')
    .map((c) => (c.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(c) ? '_' : c))
    .join('')
    .trim();
  return base || 'tep-khong-ten';
}

/** Every method but backups, restore and health, which the core answers itself (maintenance-handlers.ts). */
export function createHandlers(app: App, shell: ShellKind, version: string): Omit<Handlers, MaintenanceMethod> {
  const thisYear = (): number => Number(app.today().slice(0, 4));
  return {
    'app.info': () => ({
      version,
      dataDir: app.dataDir,
      firstRun: app.settings.isFirstRun(),
      today: app.today(),
      shell,
    }),
    'app.firstRunChoice': ({ demo }) => {
      if (demo) return app.loadDemoData();
      app.settings.markFirstRunDone();
      return { unitsAdded: 0, groupsAdded: 0 };
    },

    'audit.list': (query) => app.audit.list(query),

    'settings.getProfile': () => app.settings.getProfile(),
    'settings.saveProfile': (profile) => app.settings.saveProfile(profile),

    'settings.getWorkRules': () => ({ numbering: app.settings.getNumberingMode(), ...app.settings.getIntake() }),
    'settings.saveWorkRules': ({ numbering, ...intake }) => {
      app.settings.saveNumberingMode(numbering);
      app.settings.saveIntake(intake);
      return { numbering, ...intake };
    },
    'groups.list': () => app.units.listGroups(),
    'groups.create': (group) => app.units.createGroup(group),
    'groups.update': ({ id, group }) => app.units.updateGroup(id, group),

    'units.list': (query) => app.units.list(query),
    'units.get': ({ id }) => app.units.get(id),
    'units.create': (unit) => app.units.create(unit),
    'units.update': ({ id, unit }) => app.units.update(id, unit),
    'units.setActive': ({ id, active }) => app.units.setActive(id, active),
    'units.remove': ({ id }) => app.units.remove(id),
    'units.exportXlsx': async () => ({
      fileName: `Danh-sach-don-vi-nhan_${app.today()}.xlsx`,
      base64: (await app.unitsSpreadsheet.exportXlsx()).toString('base64'),
    }),
    'units.importXlsx': ({ base64 }) => app.unitsSpreadsheet.importXlsx(decodeUpload(base64)),

    'dispatches.list': ({ offset, limit, ...filter }) => app.dispatches.page(filter, { offset, limit }),
    'dispatches.years': () => app.dispatches.years(),
    'dispatches.get': ({ id }) => app.dispatches.get(id),
    'dispatches.resolve': ({ reference, year }) => app.dispatches.findByReference(reference, year),
    'dispatches.createDraft': (content) => app.dispatches.createDraft(content),
    'dispatches.updateDraft': ({ id, content }) => app.dispatches.updateDraft(id, content),
    'dispatches.deleteDraft': ({ id }) => {
      app.dispatches.deleteDraft(id);
      return { deleted: true as const };
    },
    'dispatches.issue': ({ id, ...options }) => app.dispatches.issue(id, options),
    'dispatches.setNumber': ({ id, number }) => app.dispatches.setNumber(id, number),
    'dispatches.void': ({ id, reason }) => app.dispatches.void(id, reason),
    'dispatches.renderDocx': async ({ id, blankNumber }) => {
      const d = app.dispatches.get(id);
      const bytes = await app.dispatchRenderer.docx(d, app.settings.getProfile(), { blankNumber, draftYear: thisYear() });
      return { fileName: dispatchFileName(d, 'docx', { blankNumber }), base64: bytes.toString('base64') };
    },
    'dispatches.renderPdf': async ({ id }) => {
      const d = app.dispatches.get(id);
      const bytes = await app.dispatchRenderer.pdf(d, app.settings.getProfile(), { draftYear: thisYear() });
      return { fileName: dispatchFileName(d, 'pdf'), base64: bytes.toString('base64') };
    },
    'dispatches.renderHtml': ({ id }) => {
      const d = app.dispatches.get(id);
      return { fileName: dispatchFileName(d, 'html'), html: app.dispatchRenderer.html(d, app.settings.getProfile(), { draftYear: thisYear() }) };
    },
    'dispatches.emailDraft': async ({ id }) => {
      const d = app.dispatches.get(id);
      const dataForm = app.forms.get(id) ? await app.forms.renderXlsx(id, null, null) : null;
      const bytes = await app.dispatchRenderer.emailDraft(d, app.settings.getProfile(), (ids) => app.units.emailsOf(ids), dataForm);
      return { fileName: dispatchFileName(d, 'eml'), base64: bytes.toString('base64') };
    },
    'dispatches.attachSignedOriginal': ({ id, file }) =>
      app.dispatches.attachSignedOriginal(id, safeFileName(file.fileName), Buffer.from(file.base64, 'base64')),
    'dispatches.files': ({ id }) => app.dispatches.files(id),
    'dispatches.fileBytes': ({ fileId }) => {
      const f = app.dispatches.fileBytes(fileId);
      return { fileName: f.fileName, base64: f.bytes.toString('base64') };
    },
    'intake.importFiles': ({ files, receivedDate }) =>
      app.imports.importInputs(
        files.map((f) => ({ name: safeFileName(f.fileName), bytes: Buffer.from(f.base64, 'base64') })),
        { receivedDate },
      ),
    'intake.importPaths': ({ paths, receivedDate }) => {
      // Reading any path the caller names is for the shells that run on the clerk's own desktop
      // (files dropped on the Electron window, the CLI); over HTTP only uploaded bytes are accepted.
      if (shell === 'browser') throw new UserError('not_allowed', 'Ở chế độ trình duyệt, hãy chọn hoặc kéo thả tệp để tải lên.');
      return app.imports.importInputs(paths.map((p) => ({ path: p })), { receivedDate });
    },
    'incoming.list': ({ offset, limit, ...filter }) => app.incoming.page(filter, { offset, limit }),
    'incoming.years': () => app.incoming.years(),
    'incoming.get': ({ id }) => app.incoming.get(id),
    'incoming.reviewNeighbours': ({ id }) => app.incoming.reviewNeighbours(id),
    'incoming.confirm': ({ id, correction }) => app.incoming.confirm(id, correction),
    'incoming.registerPaper': (paper) => app.incoming.registerPaper(paper),
    'incoming.unlinkDispatch': ({ id }) => app.incoming.unlinkDispatch(id),
    'incoming.forward': ({ id, to, date }) => app.incoming.forward(id, to, date),
    'incoming.fileBytes': ({ id, fileId }) => {
      const f = app.incoming.fileBytes(id, fileId);
      return { fileName: f.fileName, base64: f.bytes.toString('base64') };
    },
    'ocr.status': () => app.ocrQueue.status(),
    'register.incoming': ({ year, ...paging }) => app.incoming.registerPage(year, paging),
    'register.incomingXlsx': async ({ year }) => ({
      fileName: `So-dang-ky-van-ban-den_${year}.xlsx`,
      base64: (await app.incoming.registerXlsx(year, app.settings.getProfile().agencyName)).toString('base64'),
    }),
    'tracking.get': ({ dispatchId, periodKey, today }) => app.tracking.track(dispatchId, today ?? app.today(), periodKey),
    'tracking.exempt': ({ dispatchId, unitId, periodKey, reason }) => {
      app.tracking.exempt(dispatchId, unitId, periodKey, reason);
      return { ok: true as const };
    },
    'tracking.withdrawExemption': ({ dispatchId, unitId, periodKey }) => {
      app.tracking.withdrawExemption(dispatchId, unitId, periodKey);
      return { ok: true as const };
    },
    'tracking.reminderDraft': ({ dispatchId, periodKey, today }) => {
      const day = today ?? app.today();
      const [period] = app.tracking.track(dispatchId, day, periodKey);
      if (!period || period.counts.missing === 0) {
        throw new UserError('nothing_missing', 'Không có đơn vị nào chưa báo cáo (đã quá hạn) trong kỳ này nên không cần đôn đốc.');
      }
      const content = reminderContent(app.dispatches.get(dispatchId), period, app.units.listGroups(), app.settings.getProfile(), day);
      return app.dispatches.createDraft(content);
    },
    'tracking.exportXlsx': async ({ dispatchId, periodKey, today }) => {
      const periods = app.tracking.track(dispatchId, today ?? app.today(), periodKey);
      const d = app.dispatches.get(dispatchId);
      return {
        fileName: `Theo-doi-bao-cao_${d.number ?? 'x'}-${d.symbol}${periodKey ? `_${periodKey}` : ''}.xlsx`,
        base64: (await writeTrackingXlsx(periods)).toString('base64'),
      };
    },
    'dashboard.get': () => {
      const today = app.today();
      return { today, ...app.tracking.dashboard(today), ...app.incoming.summary() };
    },
    'search.query': ({ query, ...options }) => app.search.search(query, options),
    'register.outgoing': ({ year, ...paging }) => ({ items: outgoingRegisterRows(app.dispatches.register(year, paging)), total: app.dispatches.registerCount(year) }),
    'register.outgoingXlsx': async ({ year }) => ({
      fileName: `So-dang-ky-van-ban-di_${year}.xlsx`,
      base64: (await writeOutgoingRegister(year, outgoingRegisterRows(app.dispatches.register(year)), app.settings.getProfile())).toString('base64'),
    }),
    'dispatches.updateRequirement': ({ id, requirement, expectedUnitIds }) => app.dispatches.updateRequirement(id, requirement, expectedUnitIds),
    'dispatches.updateRegisterFields': ({ id, ...fields }) => app.dispatches.updateRegisterFields(id, fields),
    'forms.get': ({ dispatchId }) => app.forms.get(dispatchId),
    'forms.save': ({ dispatchId, form }) => app.forms.save(dispatchId, form),
    'forms.remove': ({ dispatchId }) => {
      app.forms.remove(dispatchId);
      return { removed: true as const };
    },
    'forms.sample': () => app.forms.sample(),
    'forms.renderXlsx': async ({ dispatchId, unitId, periodKey }) => {
      const file = await app.forms.renderXlsx(dispatchId, unitId, periodKey);
      return { fileName: file.fileName, base64: file.bytes.toString('base64') };
    },
    'forms.submissions': ({ dispatchId, periodKey }) => app.forms.submissions(dispatchId, periodKey),
    'forms.submissionOf': ({ incomingId }) => app.forms.submissionOf(incomingId),
    'forms.correctValue': ({ incomingId, indicatorCode, value }) => app.forms.correctValue(incomingId, indicatorCode, value, app.today()),
    'forms.consolidate': ({ dispatchId, periodKey }) => app.reports.consolidate(dispatchId, periodKey).consolidation,
    'reports.createDraft': ({ dispatchId, periodKey, today }) => app.reports.createDraft(dispatchId, periodKey, today ?? app.today()),
    'reports.appendixXlsx': async ({ dispatchId, periodKey, today }) => {
      const file = await app.reports.appendixXlsx(dispatchId, periodKey, today ?? app.today());
      return { fileName: file.fileName, base64: file.bytes.toString('base64') };
    },
  };
}
