/**
 * The .docx of a Báo cáo (Mẫu 1.4) against the layout rules of Decree 30 that apply to it
 * (nd30 §2, §6): the header without "V/v", "BÁO CÁO" and its subject in 14 bold centred with a
 * short line under the subject, "Kính gửi" to the superior body, headings and a ruled table in
 * the body, "./.", "Nơi nhận" without "- Như trên;", page numbers from page 2.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfficialDocument, documentSymbol } from '../../shared/documents/templates/official-document.js';
import { textWidthMm } from '../../shared/documents/text-width.js';
import { renderDocx } from '../../main/render/docx.js';
import { PROFILE as profile, sampleReport } from '../fixtures/report-2021.js';
import { MM_PER_TWIP, allRuns, attr, expectPageNumbersFromPage2, find, flat, noRun, numAttr, sizePt, unpack, type Para, type Unpacked } from '../support/docx-xml.js';

const content = sampleReport();
const report = { ...content, number: 5, symbol: documentSymbol('bao_cao', profile.symbol, content.departmentCode), issueDate: '2021-11-22' };
const SUBJECT = 'Kết quả tuyên truyền về phòng, chống rác thải nhựa trên địa bàn tỉnh Kiên Giang năm 2021';
const hasBottomRule = (p: Para): boolean => /<w:pBdr>[\s\S]*<w:bottom /.test(p.pPr);

describe('the .docx of a Báo cáo follows Mẫu 1.4 of Decree 30', () => {
  let docx: Unpacked;
  beforeAll(async () => {
    docx = await unpack(await renderDocx(buildOfficialDocument(report, profile)));
  });

  it('numbers it as a named type and has no "V/v" line in the header', () => {
    const cell = docx.tbls[0]?.rows[1]?.cells[0]?.paragraphs ?? [];
    expect(cell.map((p) => flat(p.text))).toEqual(['Số: 05/BC-STTTT']);
    expect(sizePt(cell[0]!)).toBe(13);
    expect(docx.document).not.toContain('V/v');
    expect(sizePt(find(docx.tbls[0]?.rows[1]?.cells[1]?.paragraphs ?? [], 'Kiên Giang, ngày 22 tháng 11 năm 2021'))).toBe(14);
  });

  it('prints "BÁO CÁO" and the subject 14 bold centred, with a short line under the subject', () => {
    const type = find(docx.paras, 'BÁO CÁO');
    const subject = docx.paras.find((p) => flat(p.text) === SUBJECT);
    expect(subject, flat(docx.paras.map((p) => p.text).join(' | '))).toBeDefined();
    if (!subject) return;
    for (const p of [type, subject]) {
      expect(sizePt(p)).toBe(14);
      expect(allRuns(p, 'w:b')).toBe(true);
      expect(attr(p.pPr, 'w:jc', 'w:val')).toBe('center');
    }
    const after = docx.paras[docx.paras.indexOf(subject) + 1];
    expect(after && hasBottomRule(after)).toBe(true);
    if (!after) return;
    expect(after.text).toBe('');
    const left = numAttr(after.pPr, 'w:ind', 'w:left') ?? 0;
    const right = numAttr(after.pPr, 'w:ind', 'w:right') ?? 0;
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1); // centred
    const ruleMm = 165 - (left + right) * MM_PER_TWIP;
    // The subject breaks into balanced lines; the line is 1/3–1/2 of the longest.
    const longest = Math.max(...subject.text.split('\n').map((l) => textWidthMm(l, { sizePt: 14, bold: true })));
    expect(ruleMm / longest).toBeGreaterThanOrEqual(1 / 3);
    expect(ruleMm / longest).toBeLessThanOrEqual(1 / 2);
  });

  it('carries "Kính gửi" to the superior body on one line, at 14', () => {
    const kinhGui = find(docx.paras, 'Kính gửi: Ủy ban nhân dân tỉnh Kiên Giang.');
    expect(sizePt(kinhGui)).toBe(14);
    expect(noRun(kinhGui, 'w:b')).toBe(true);
  });

  it('sets the section headings bold 14 and prints no placeholder for the sections still to write', () => {
    for (const text of ['I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ', 'II. KẾT QUẢ THỰC HIỆN', 'III. ĐÁNH GIÁ CHUNG', 'IV. ĐỀ XUẤT, KIẾN NGHỊ']) {
      const heading = find(docx.paras, text);
      expect(sizePt(heading)).toBe(14);
      expect(allRuns(heading, 'w:b')).toBe(true);
      expect(heading.pPr).toContain('<w:keepNext/>');
    }
    // The empty paragraph under III is the editor's prompt: nothing of it is printed.
    const third = docx.paras.indexOf(find(docx.paras, 'III. ĐÁNH GIÁ CHUNG'));
    expect(flat(docx.paras[third + 1]?.text ?? '')).toBe('IV. ĐỀ XUẤT, KIẾN NGHỊ');
  });

  it('rules the figures table with borders, sets it in 13 pt and repeats its header row on every page', () => {
    const table = docx.tbls.find((t) => flat(t.rows[0]?.cells[0]?.paragraphs[0]?.text ?? '') === 'STT');
    expect(table).toBeDefined();
    if (!table) return;
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(table.xml)?.[1] ?? '';
    const sides = [...borders.matchAll(/<w:(\w+) w:val="(\w+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(sides.sort()).toEqual(['bottom=single', 'insideH=single', 'insideV=single', 'left=single', 'right=single', 'top=single']);
    expect(table.rows[0]?.cells.map((c) => flat(c.paragraphs.map((p) => p.text).join(' ')))).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Tổng hợp', 'Số đơn vị báo cáo']);
    expect(table.rows[0]?.xml).toContain('<w:tblHeader/>');
    expect(table.rows[1]?.xml).not.toContain('<w:tblHeader/>');
    for (const cell of table.rows[0]?.cells ?? []) for (const p of cell.paragraphs) expect(allRuns(p, 'w:b')).toBe(true);
    const texts = table.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs)).filter((p) => p.text.trim());
    expect(texts.length).toBeGreaterThan(40);
    for (const p of texts) expect([13, 14]).toContain(sizePt(p));
    // Within the text width (165 mm), as wide as the text block less the rule's half-millimetre inset.
    expect(table.width * MM_PER_TWIP).toBeGreaterThan(163);
    expect(table.width * MM_PER_TWIP).toBeLessThanOrEqual(165);
    // The sum of the returned news items, "1.250" people (Vietnamese thousands), 2 of 3 units for TINBAI.
    const tinBai = table.rows.find((r) => r.cells[1]?.paragraphs[0]?.text.startsWith('Số tin, bài'));
    expect(tinBai?.cells.map((c) => flat(c.paragraphs.map((p) => p.text).join(' ')))).toEqual(['1', 'Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử', 'tin, bài', '165', '2']);
    expect(attr(tinBai?.cells[3]?.paragraphs[0]?.pPr ?? '', 'w:jc', 'w:val')).toBe('right');
  });

  it('ends the body "./." and lists Nơi nhận without "- Như trên;"', () => {
    const closing = docx.paras.find((p) => p.text.startsWith('Trên đây là báo cáo'));
    expect(closing?.text).toMatch(/chỉ đạo\.\/\.$/u);
    const signature = docx.tbls[docx.tbls.length - 1];
    const items = (signature?.rows[0]?.cells[0]?.paragraphs ?? []).filter((p) => p.text.startsWith('- '));
    expect(items.map((p) => p.text)).toEqual(['- UBND tỉnh (báo cáo);', '- Ban Giám đốc Sở;', '- Lưu: VT, TTBCBC.']);
    for (const item of items) expect(sizePt(item)).toBe(11);
    const right = signature?.rows[0]?.cells[1]?.paragraphs ?? [];
    expect(right.map((p) => p.text)).toEqual(['GIÁM ĐỐC', 'Lâm Văn Sển']);
  });

  it('numbers pages from page 2, centred at the top in 14 pt', () => {
    expectPageNumbersFromPage2(docx);
  });

  it('names the file\'s title as a Báo cáo', () => {
    expect(buildOfficialDocument(report, profile).description).toBe('Báo cáo số 05/BC-STTTT');
  });
});
