/**
 * Mẫu 1.5 (công văn, nd30 §6): the header with "V/v …" under the number, "Kính gửi", the body
 * ending "./.", then "Nơi nhận" beside the signature.
 */
import type { DispatchContent, BodyParagraph, Recipient } from '../../domain/dispatch.js';
import type { OrganisationProfile } from '../../domain/organisation.js';
import { formatDateLine } from '../../nd30/date-line.js';
import { formatDocumentNumber, formatNumberLine } from '../../nd30/number-symbol.js';
import { urgencyStamp } from '../../nd30/urgency.js';
import { DEFAULT_PAGE, type Block, type OfficialDocument, type Run } from '../model.js';

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

/**
 * The body as blocks: list paragraphs get "- " or "1. ", "2. " …. Bullets under a numbered item
 * do not interrupt its numbering; an ordinary paragraph ends the list, and the next starts at 1.
 */
export function bodyBlocks(paragraphs: readonly BodyParagraph[]): Block[] {
  const blocks: Block[] = [];
  let number = 0;
  for (const paragraph of paragraphs) {
    const runs: Run[] = paragraph.runs
      .filter((run) => run.text.length > 0)
      .map((run) => ({ text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}) }));
    if (runs.every((run) => !run.text.trim())) continue;
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
 * even after a bold or italic run.
 */
export function withClosingMark(blocks: Block[]): Block[] {
  const lastIndex = blocks.map((b) => b.kind).lastIndexOf('paragraph');
  const last = blocks[lastIndex];
  if (!last || last.kind !== 'paragraph') return blocks;
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

/** The công văn as a document model, from the stored dispatch and the organisation profile. */
export function buildCongVan(
  dispatch: CongVanInput,
  profile: OrganisationProfile,
  options: CongVanOptions = {},
): OfficialDocument {
  const numberLine = formatNumberLine(dispatch.number, dispatch.symbol);
  const recipients = recipientLines(dispatch.recipients);
  const subject = dispatch.subject.trim();
  const signer = dispatch.signer;
  const writtenNumber = dispatch.number === null ? '…' : formatDocumentNumber(dispatch.number);
  return {
    description: `Công văn số ${writtenNumber}/${dispatch.symbol.trim()}`,
    page: DEFAULT_PAGE,
    header: {
      parentAgency: upper(profile.parentAgency),
      agencyName: upper(profile.agencyName),
      numberLine,
      subjectLine: subject ? `V/v ${subject}` : '',
      placeDateLine: formatDateLine(profile.placeName, dispatch.issueDate, options.blankYear),
    },
    urgency: dispatch.urgency ? urgencyStamp(dispatch.urgency) : null,
    title: null,
    recipients: recipients.length > 0 ? { lines: recipients } : null,
    body: bodyBlocks(dispatch.body),
    signature: signer
      ? { authority: signer.authority ? upper(signer.authority) : null, title: upper(signer.title), name: signer.name.trim() }
      : null,
    distribution: distributionLines(dispatch.distribution, dispatch.departmentCode, recipients.length > 0),
  };
}
