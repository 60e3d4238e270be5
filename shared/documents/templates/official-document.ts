/**
 * The one entry point from a stored outgoing document to its document model: the template is
 * chosen by the document's type (công văn, Mẫu 1.5; báo cáo, Mẫu 1.4), and so are its symbol
 * and the name it is cited by.
 */
import type { DispatchContent } from '../../domain/dispatch.js';
import type { OrganisationProfile } from '../../domain/organisation.js';
import { documentTypeAbbreviation } from '../../nd30/document-types.js';
import { dispatchSymbol, formatDocumentNumber, namedTypeSymbol } from '../../nd30/number-symbol.js';
import type { OfficialDocument } from '../model.js';
import { BAO_CAO_TYPE_NAME, buildBaoCao } from './bao-cao.js';
import { buildCongVan, type CongVanInput, type CongVanOptions } from './cong-van.js';

export type DocumentType = DispatchContent['documentType'];
export type OfficialDocumentInput = CongVanInput;
export type OfficialDocumentOptions = CongVanOptions;

/** "Công văn", "Báo cáo": as the type is written in a sentence and in the register. */
export const DOCUMENT_TYPE_NAMES: Readonly<Record<DocumentType, string>> = {
  cong_van: 'Công văn',
  bao_cao: BAO_CAO_TYPE_NAME,
};

export function buildOfficialDocument(
  input: OfficialDocumentInput,
  profile: OrganisationProfile,
  options: OfficialDocumentOptions = {},
): OfficialDocument {
  switch (input.documentType) {
    case 'bao_cao':
      return buildBaoCao(input, profile, options);
    case 'cong_van':
      return buildCongVan(input, profile, options);
  }
}

/**
 * The part after "/" (nd30 §4): a công văn's is the issuer then the drafting unit
 * ("STTTT-TTBCBC"); a named type's is its abbreviation then the issuer ("BC-STTTT").
 */
export function documentSymbol(documentType: DocumentType, orgSymbol: string, departmentCode: string): string {
  if (documentType === 'cong_van') return dispatchSymbol(orgSymbol, departmentCode);
  return namedTypeSymbol(documentTypeAbbreviation(DOCUMENT_TYPE_NAMES[documentType]) ?? '', orgSymbol);
}

/** "Công văn số 864/STTTT-TTBCBC", "Báo cáo số 05/BC-STTTT", "Báo cáo số …/BC-STTTT" before it has a number. */
export function documentCitation(d: { documentType: DocumentType; number: number | null; symbol: string }): string {
  return `${DOCUMENT_TYPE_NAMES[d.documentType]} số ${d.number === null ? '…' : formatDocumentNumber(d.number)}/${d.symbol}`;
}

/** The subject as it follows the type in the register and in an e-mail: "V/v …" for a công văn, as written for a named type. */
export function subjectAfterType(d: { documentType: DocumentType; subject: string }): string {
  return d.documentType === 'cong_van' ? `V/v ${d.subject}` : d.subject;
}
