/**
 * Mẫu 1.5 (công văn, nd30 §6): the header with "V/v …" under the number, "Kính gửi", the body
 * ending "./.", then "Nơi nhận" beside the signature.
 */
import type { DispatchContent, BodyParagraph, Recipient } from '../../domain/dispatch.js';
import type { OrganisationProfile } from '../../domain/organisation.js';
import { formatDateLine } from '../../nd30/date-line.js';
import { formatDocumentNumber, formatNumberLine } from '../../nd30/number-symbol.js';
import { urgencyStamp } from '../../nd30/urgency.js';
import { DEFAULT_PAGE, type Block, type OfficialDocument, type Run, type TableBlock } from '../model.js';

export type CongVanInput = DispatchContent & {
  /** Null leaves the number blank, to be written by hand. */
  number: number | null;
  /** "STTTT-TTBCBC". */
  symbol: string;
  /** Null leaves the day and month blank. */
  issueDate: string | null;
};

export interface CongVanOptions {
  /** The year printed in a blank date line ("ngày … tháng … năm 2025"); blank when not given. */
  blankYear?: number;
}

/** The closing mark every body ends with (Phụ lục III templates). */
export const CLOSING_MARK = './.';

const upper = (text: string): string => text.trim().toLocaleUpperCase('vi');

/** A label as a list line ends: without a leading dash or a trailing ";", "," or ".". */
function bareLine(text: string): string {
  return text
    .trim()
    .replace(/^[-–•+]\s*/u, '')
    .replace(/[\s;,.]+$/u, '');
}

/** One recipient: "X." printed after "Kính gửi:"; several: "- X;" lines, the last ending ".". */
export function recipientLines(recipients: readonly Recipient[]): string[] {
  const labels = recipients.map((r) => bareLine(r.label)).filter((l) => l.length > 0);
  if (labels.length === 1) return [`${labels[0]}.`];
  return labels.map((label, index) => `- ${label}${index === labels.length - 1 ? '.' : ';'}`);
}

/**
 * "Nơi nhận": "- Như trên;" (the addressees of Kính gửi), the extra lines, then the file copy
 * "- Lưu: VT, <department>." (VT = the records office, văn thư).
 */
export function distributionLines(extra: readonly string[], departmentCode: string, hasRecipients: boolean): string[] {
  const lines: string[] = [];
  if (hasRecipients) lines.push('- Như trên;');
  for (const line of extra) {
    const bare = bareLine(line);
    if (bare) lines.push(`- ${bare};`);
  }
  const keepers = ['VT', departmentCode.trim()].filter((k) => k.length > 0).join(', ');
  lines.push(`- Lưu: ${keepers}.`);
  return lines;
}

function blockRuns(paragraph: BodyParagraph): Run[] {
  return paragraph.runs
    .filter((run) => run.text.length > 0)
    .map((run) => ({ text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}) }));
}

function tableBlock(table: NonNullable<BodyParagraph['table']>): TableBlock {
  return {
    kind: 'table',
    columnWeights: table.columnWeights,
    headerRows: table.headerRows,
    rows: table.rows.map((cells) =>
      cells.map((cell) => ({ runs: cell.text ? [{ text: cell.text, ...(cell.bold ? { bold: true } : {}) }] : [], ...(cell.align ? { align: cell.align } : {}) })),
    ),
  };
}

/**
 * The body as blocks: list paragraphs get "- " or "1. ", "2. " …. Bullets under a numbered item
 * do not interrupt its numbering; an ordinary paragraph, a heading or a table ends the list, and
 * the next starts at 1. Empty paragraphs print nothing: a report draft leaves one under each
 * section the clerk still has to write (the editor shows it as a prompt).
 */
export function bodyBlocks(paragraphs: readonly BodyParagraph[]): Block[] {
  const blocks: Block[] = [];
  let number = 0;
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'table') {
      number = 0;
      if (paragraph.table && paragraph.table.rows.length > 0) blocks.push(tableBlock(paragraph.table));
      continue;
    }
    const runs = blockRuns(paragraph);
    if (runs.every((run) => !run.text.trim())) continue;
    if (paragraph.kind === 'heading') {
      number = 0;
      blocks.push({ kind: 'heading', text: runs.map((run) => run.text).join('').trim() });
      continue;
    }
    if (paragraph.list === 'number') number += 1;
    else if (paragraph.list === null) number = 0;
    const marker = paragraph.list === 'bullet' ? '- ' : paragraph.list === 'number' ? `${number}. ` : '';
    const first = runs[0];
    if (marker && first) runs[0] = { ...first, text: marker + first.text.trimStart() };
    blocks.push({ kind: 'paragraph', runs });
  }
  return withClosingMark(blocks);
}

/**
 * Ends the last paragraph with "./.": an existing "./.", "/." (also " /." or ". /.") or final
 * "." is replaced by one "./.", which is added when there is none. The mark is plain text,
 * even after a bold or italic run. A body that ends with a heading or a table (a report whose
 * last section is still empty) gets the mark as a paragraph of its own, so that it still
 * closes the body rather than a paragraph in the middle of it.
 */
export function withClosingMark(blocks: Block[]): Block[] {
  const lastIndex = blocks.length - 1;
  const last = blocks[lastIndex];
  if (!last) return blocks;
  if (last.kind !== 'paragraph') return [...blocks, { kind: 'paragraph', runs: [{ text: CLOSING_MARK }] }];
  const fullText = last.runs.map((r) => r.text).join('');
  const ending = /(?:\s*\.?\s*\/\.|\s*\.)?\s*$/u.exec(fullText)?.[0] ?? '';
  // Cut `ending` off the runs from the back; a run can lose all its text.
  let toCut = ending.length;
  const runs: Run[] = [];
  for (const run of [...last.runs].reverse()) {
    const cut = Math.min(toCut, run.text.length);
    toCut -= cut;
    const text = run.text.slice(0, run.text.length - cut);
    if (text) runs.unshift({ ...run, text });
  }
  runs.push({ text: CLOSING_MARK });
  const result = [...blocks];
  result[lastIndex] = { ...last, runs };
  return result;
}

/**
 * What every outgoing document of ours shares, whatever its type: the header without "V/v",
 * the urgency stamp, "Kính gửi", the body, the signature, and "Nơi nhận" without "- Như trên;".
 * `typeName` ("Công văn", "Báo cáo") names the document in its description.
 */
export function commonDocumentParts(
  dispatch: CongVanInput,
  profile: OrganisationProfile,
  options: CongVanOptions,
  typeName: string,
): OfficialDocument {
  const recipients = recipientLines(dispatch.recipients);
  const signer = dispatch.signer;
  const writtenNumber = dispatch.number === null ? '…' : formatDocumentNumber(dispatch.number);
  return {
    description: `${typeName} số ${writtenNumber}/${dispatch.symbol.trim()}`,
    page: DEFAULT_PAGE,
    header: {
      parentAgency: upper(profile.parentAgency),
      agencyName: upper(profile.agencyName),
      numberLine: formatNumberLine(dispatch.number, dispatch.symbol),
      subjectLine: '',
      placeDateLine: formatDateLine(profile.placeName, dispatch.issueDate, options.blankYear),
    },
    urgency: dispatch.urgency ? urgencyStamp(dispatch.urgency) : null,
    title: null,
    recipients: recipients.length > 0 ? { lines: recipients } : null,
    body: bodyBlocks(dispatch.body),
    signature: signer
      ? { authority: signer.authority ? upper(signer.authority) : null, title: upper(signer.title), name: signer.name.trim() }
      : null,
    distribution: distributionLines(dispatch.distribution, dispatch.departmentCode, false),
  };
}

/** The công văn as a document model, from the stored dispatch and the organisation profile. */
export function buildCongVan(
  dispatch: CongVanInput,
  profile: OrganisationProfile,
  options: CongVanOptions = {},
): OfficialDocument {
  const common = commonDocumentParts(dispatch, profile, options, 'Công văn');
  const subject = dispatch.subject.trim();
  return {
    ...common,
    header: { ...common.header, subjectLine: subject ? `V/v ${subject}` : '' },
    distribution: distributionLines(dispatch.distribution, dispatch.departmentCode, common.recipients !== null),
  };
}
