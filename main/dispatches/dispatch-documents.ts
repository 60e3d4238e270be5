import type { Dispatch } from '../../shared/domain/dispatch.js';
import type { OrganisationProfile } from '../../shared/domain/organisation.js';
import type { OfficialDocument } from '../../shared/documents/model.js';
import { buildOfficialDocument, documentCitation, subjectAfterType } from '../../shared/documents/templates/official-document.js';
import { renderHtml } from '../../shared/documents/render-html.js';
import { fold } from '../../shared/vn/fold.js';
import { renderDocx } from '../render/docx.js';
import { composeEmailDraft } from './email-draft.js';

/**
 * A dispatch as files: the document model built once from the dispatch and the
 * organisation profile, then rendered to .docx, .html and .pdf; and the e-mail draft.
 */

export interface DispatchDocumentOptions {
  /** Print "Số:      /STTTT-TTBCBC" so the number can be written by hand. */
  blankNumber?: boolean;
  /** The year a draft's blank date line shows (a draft is dated when issued). */
  draftYear?: number;
}

export function dispatchDocument(d: Dispatch, profile: OrganisationProfile, options: DispatchDocumentOptions = {}): OfficialDocument {
  const year = d.issueDate ? Number(d.issueDate.slice(0, 4)) : options.draftYear;
  return buildOfficialDocument({ ...d, number: options.blankNumber ? null : d.number }, profile, year ? { blankYear: year } : {});
}

/**
 * A safe Vietnamese-readable file name: "864-STTTT-TTBCBC_2021-08-03_V-v-day-manh-tuyen-truyen.docx",
 * "05-BC-STTTT_2021-11-20_Ket-qua-tuyen-truyen.docx" for a report.
 */
export function dispatchFileName(d: Dispatch, extension: 'docx' | 'pdf' | 'html' | 'eml', options: DispatchDocumentOptions = {}): string {
  const words = fold(d.subject)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter(Boolean);
  let slug = d.documentType === 'cong_van' ? 'V-v' : (words.shift() ?? 'Bao-cao').replace(/^./, (c) => c.toUpperCase());
  for (const w of words) {
    if (slug.length + w.length + 1 > 25) break;
    slug += `-${w}`;
  }
  const number = d.number === null || options.blankNumber ? 'So-trong' : String(d.number).padStart(2, '0');
  const head = d.status === 'draft' ? 'Du-thao' : `${number}-${d.symbol}`;
  const date = d.issueDate ? `_${d.issueDate}` : '';
  return `${head}${date}_${slug}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '-');
}

export type PdfPrinter = (html: string) => Promise<Buffer>;

export function createDispatchRenderer(printPdf: PdfPrinter) {
  const html = (d: Dispatch, profile: OrganisationProfile, options: DispatchDocumentOptions = {}): string =>
    renderHtml(dispatchDocument(d, profile, options), { standalone: true });
  return {
    html,
    docx: (d: Dispatch, profile: OrganisationProfile, options: DispatchDocumentOptions = {}): Promise<Buffer> =>
      renderDocx(dispatchDocument(d, profile, options)),
    pdf: (d: Dispatch, profile: OrganisationProfile, options: DispatchDocumentOptions = {}): Promise<Buffer> =>
      printPdf(html(d, profile, options)),

    /**
     * An unsent e-mail to the units expected to answer (else the unit recipients), with the PDF and
     * .docx, and the blank data form (.xlsx) when the requirement has one (issue 6).
     */
    async emailDraft(d: Dispatch, profile: OrganisationProfile, emailsOf: (unitIds: number[]) => string[], dataForm: { fileName: string; bytes: Buffer } | null = null): Promise<Buffer> {
      const unitIds = d.expectedUnitIds.length ? d.expectedUnitIds : d.recipients.flatMap((r) => (r.kind === 'unit' ? [r.unitId] : []));
      const reference = documentCitation(d);
      const date = d.issueDate ? ` ngày ${d.issueDate.split('-').reverse().join('/')}` : '';
      const [pdf, docx] = await Promise.all([printPdf(html(d, profile)), renderDocx(dispatchDocument(d, profile))]);
      return composeEmailDraft({
        from: profile.email,
        to: emailsOf(unitIds),
        subject: `${reference}${date} ${subjectAfterType(d)}`,
        text: [
          'Kính gửi các cơ quan, đơn vị.',
          '',
          `Xin gửi kèm ${reference}${date} ${subjectAfterType(d)} (bản PDF và bản Word).`,
          ...(dataForm ? ['', 'Đề nghị các cơ quan, đơn vị điền số liệu vào biểu số liệu kèm theo (tệp Excel: chọn tên đơn vị, nhập vào các ô màu vàng) và gửi lại chính tệp đó cùng văn bản báo cáo.'] : []),
          '',
          'Trân trọng.',
        ].join('\n'),
        attachments: [
          { fileName: dispatchFileName(d, 'pdf'), content: pdf, contentType: 'application/pdf' },
          { fileName: dispatchFileName(d, 'docx'), content: docx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
          ...(dataForm ? [{ fileName: dataForm.fileName, content: dataForm.bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }] : []),
        ],
      });
    },
  };
}
export type DispatchRenderer = ReturnType<typeof createDispatchRenderer>;
