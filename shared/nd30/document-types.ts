/** The document types of Decree 30 and their abbreviations in the symbol (nd30 §4, Phụ lục III §I). */

export interface DocumentType {
  /** As written in the title, normal case: "Báo cáo". */
  name: string;
  /** As written in the symbol: "BC"; null for công văn and thư công, which have none. */
  abbreviation: string | null;
}

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { name: 'Nghị quyết', abbreviation: 'NQ' },
  { name: 'Quyết định', abbreviation: 'QĐ' },
  { name: 'Chỉ thị', abbreviation: 'CT' },
  { name: 'Quy chế', abbreviation: 'QC' },
  { name: 'Quy định', abbreviation: 'QyĐ' },
  { name: 'Thông cáo', abbreviation: 'TC' },
  { name: 'Thông báo', abbreviation: 'TB' },
  { name: 'Hướng dẫn', abbreviation: 'HD' },
  { name: 'Chương trình', abbreviation: 'CTr' },
  { name: 'Kế hoạch', abbreviation: 'KH' },
  { name: 'Phương án', abbreviation: 'PA' },
  { name: 'Đề án', abbreviation: 'ĐA' },
  { name: 'Dự án', abbreviation: 'DA' },
  { name: 'Báo cáo', abbreviation: 'BC' },
  { name: 'Biên bản', abbreviation: 'BB' },
  { name: 'Tờ trình', abbreviation: 'TTr' },
  { name: 'Hợp đồng', abbreviation: 'HĐ' },
  { name: 'Công điện', abbreviation: 'CĐ' },
  { name: 'Bản ghi nhớ', abbreviation: 'BGN' },
  { name: 'Bản thỏa thuận', abbreviation: 'BTT' },
  { name: 'Giấy ủy quyền', abbreviation: 'GUQ' },
  { name: 'Giấy mời', abbreviation: 'GM' },
  { name: 'Giấy giới thiệu', abbreviation: 'GGT' },
  { name: 'Giấy nghỉ phép', abbreviation: 'GNP' },
  { name: 'Phiếu gửi', abbreviation: 'PG' },
  { name: 'Phiếu chuyển', abbreviation: 'PC' },
  { name: 'Phiếu báo', abbreviation: 'PB' },
  { name: 'Bản sao y', abbreviation: 'SY' },
  { name: 'Bản trích sao', abbreviation: 'TrS' },
  { name: 'Bản sao lục', abbreviation: 'SL' },
  { name: 'Công văn', abbreviation: null },
  { name: 'Thư công', abbreviation: null },
];

function typeKey(name: string): string {
  // Typed text often places the tone mark the old way ("thoả", "uỷ"); map it to the decree's spelling.
  return name
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('vi')
    .replace(/oả/g, 'ỏa')
    .replace(/uỷ/g, 'ủy');
}

/** The type named `name` (any case, either tone-mark placement), or undefined when the decree has no such type. */
export function findDocumentType(name: string): DocumentType | undefined {
  const key = typeKey(name);
  return DOCUMENT_TYPES.find((type) => typeKey(type.name) === key);
}

/** "BC" for "Báo cáo"; null for "Công văn" (no abbreviation); undefined when the type is unknown. */
export function documentTypeAbbreviation(name: string): string | null | undefined {
  return findDocumentType(name)?.abbreviation;
}
