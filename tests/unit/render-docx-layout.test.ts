/**
 * The .docx of công văn 864 checked against Decree 30 (nd30 §1–2), by reading the
 * WordprocessingML inside the file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import demo from '../../resources/demo/kien-giang-2021.json' with { type: 'json' };
import { DEMO_DISPATCH_864 } from '../fixtures/dispatch-864.js';
import { OrganisationProfile } from '../../shared/domain/organisation.js';
import { buildCongVan } from '../../shared/documents/templates/cong-van.js';
import { renderDocx } from '../../main/render/docx.js';
import { MM_PER_TWIP, TNR, allRuns, attr, find, flat, isOn, isUpper, noRun, numAttr, sizePt, unpack, expectPageNumbersFromPage2, type Para, type Unpacked } from '../support/docx-xml.js';

const profile = OrganisationProfile.parse(demo.profile);

// ---- the tests ----

describe('the .docx of công văn 864 follows Decree 30', () => {
  let docx: Unpacked;
  beforeAll(async () => {
    docx = await unpack(await renderDocx(buildCongVan(DEMO_DISPATCH_864, profile)));
  });

  it('is A4 portrait with margins 20/20/30/15 mm', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(docx.document)?.[0] ?? '';
    expect(numAttr(sect, 'w:pgSz', 'w:w')).toBe(11906);
    expect(numAttr(sect, 'w:pgSz', 'w:h')).toBe(16838);
    expect(attr(sect, 'w:pgSz', 'w:orient') ?? 'portrait').toBe('portrait');
    const mm = (a: string): number => (numAttr(sect, 'w:pgMar', a) ?? NaN) * MM_PER_TWIP;
    expect(mm('w:top')).toBeCloseTo(20, 1);
    expect(mm('w:bottom')).toBeCloseTo(20, 1);
    expect(mm('w:left')).toBeCloseTo(30, 1);
    expect(mm('w:right')).toBeCloseTo(15, 1);
  });

  it('uses Times New Roman everywhere: defaults, theme, every run', () => {
    const docDefaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(docx.styles)?.[0] ?? '';
    for (const slot of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(attr(docDefaults, 'w:rFonts', slot)).toBe(TNR);
    expect([...docx.theme.matchAll(/<a:latin typeface="([^"]*)"/g)].map((m) => m[1])).toEqual([TNR, TNR]);
    const parts = [docx.document, docx.styles, ...docx.headers.values()];
    const fonts = parts.flatMap((xml) => [...xml.matchAll(/<w:rFonts[^>]*>/g)].map((m) => m[0]));
    expect(fonts.length).toBeGreaterThan(10);
    for (const tag of fonts) {
      const named = [...tag.matchAll(/w:(ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)].map((m) => m[2]);
      expect(named.length, tag).toBe(4);
      expect(new Set(named), tag).toEqual(new Set([TNR]));
      expect(tag).not.toMatch(/Theme=/);
    }
  });

  it('sets the header in a two-column table without borders, grid and widths agreeing', () => {
    const header = docx.tbls[0];
    expect(header).toBeDefined();
    if (!header) return;
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(header.xml)?.[1] ?? '';
    const sides = [...borders.matchAll(/<w:(\w+) w:val="(\w+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(sides.sort()).toEqual(['bottom=none', 'insideH=none', 'insideV=none', 'left=none', 'right=none', 'top=none']);
    expect(header.grid).toHaveLength(2);
    expect(header.grid.reduce((a, b) => a + b, 0)).toBe(header.width);
    // 165 mm of text width, split about 40–44 | 56–60 (nd30 §3).
    expect(header.width * MM_PER_TWIP).toBeCloseTo(165, 0);
    const leftShare = (header.grid[0] ?? 0) / header.width;
    expect(leftShare).toBeGreaterThanOrEqual(0.38);
    expect(leftShare).toBeLessThanOrEqual(0.45);
    for (const table of docx.tbls) {
      expect(table.grid.reduce((a, b) => a + b, 0)).toBe(table.width);
      for (const row of table.rows) expect(row.cells.map((c) => c.width)).toEqual(table.grid);
    }
  });

  it('prints the issuer on the left: parent 13 upright, agency 13 bold, both upper case', () => {
    const left = docx.tbls[0]?.rows[0]?.cells[0]?.paragraphs ?? [];
    const parent = find(left, 'UBND TỈNH KIÊN GIANG');
    expect(sizePt(parent)).toBe(13);
    expect(noRun(parent, 'w:b')).toBe(true);
    expect(attr(parent.pPr, 'w:jc', 'w:val')).toBe('center');
    const agency = find(left, 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(sizePt(agency)).toBe(13);
    expect(allRuns(agency, 'w:b')).toBe(true);
    expect(isUpper(agency.text)).toBe(true);
    expect(attr(agency.pPr, 'w:jc', 'w:val')).toBe('center');
  });

  it('prints "Số:" at 13 and "V/v …" at 12, centred, 6 pt under it', () => {
    const cell = docx.tbls[0]?.rows[1]?.cells[0]?.paragraphs ?? [];
    const number = find(cell, 'Số: 864/STTTT-TTBCBC');
    expect(sizePt(number)).toBe(13);
    expect(noRun(number, 'w:b')).toBe(true);
    const subject = cell.find((p) => p.text.startsWith('V/v '));
    expect(subject).toBeDefined();
    if (!subject) return;
    expect(sizePt(subject)).toBe(12);
    expect(noRun(subject, 'w:b')).toBe(true);
    expect(attr(subject.pPr, 'w:jc', 'w:val')).toBe('center');
    expect(numAttr(subject.pPr, 'w:spacing', 'w:before')).toBe(120);
    expect(flat(subject.text)).toBe(
      'V/v đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa giai đoạn 2021-2025 trên địa bàn tỉnh Kiên Giang',
    );
  });

  it('prints the Quốc hiệu, the motto and the place and date on the right', () => {
    const top = docx.tbls[0]?.rows[0]?.cells[1]?.paragraphs ?? [];
    const national = find(top, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect([12, 13]).toContain(sizePt(national));
    expect(allRuns(national, 'w:b')).toBe(true);
    const motto = find(top, 'Độc lập - Tự do - Hạnh phúc');
    expect([13, 14]).toContain(sizePt(motto));
    expect(allRuns(motto, 'w:b')).toBe(true);
    const date = find(docx.tbls[0]?.rows[1]?.cells[1]?.paragraphs ?? [], 'Kiên Giang, ngày 03 tháng 8 năm 2021');
    expect(sizePt(date)).toBe(14);
    expect(allRuns(date, 'w:i')).toBe(true);
    expect(attr(date.pPr, 'w:jc', 'w:val')).toBe('center');
  });

  it('draws the line under the agency 1/3–1/2 of its width and the motto line as long as the motto (±10 %)', () => {
    const [agencyCell, mottoCell] = docx.tbls[0]?.rows[0]?.cells ?? [];
    const ruleWidthMm = (cell: typeof agencyCell): number => {
      const rules = (cell?.paragraphs ?? []).filter((p) => /<w:pBdr>[\s\S]*<w:bottom /.test(p.pPr));
      expect(rules).toHaveLength(1);
      const rule = rules[0];
      if (!rule || !cell) return NaN;
      expect(attr(rule.pPr, 'w:bottom', 'w:val')).toBe('single');
      expect(rule.text).toBe('');
      const left = numAttr(rule.pPr, 'w:ind', 'w:left') ?? 0;
      const right = numAttr(rule.pPr, 'w:ind', 'w:right') ?? 0;
      expect(Math.abs(left - right)).toBeLessThanOrEqual(1); // centred
      return (cell.width - left - right) * MM_PER_TWIP;
    };
    // Widths of the texts in Times New Roman Bold 13 pt, measured from the font (Liberation Serif 2 Bold):
    // the agency breaks into "SỞ THÔNG TIN" (33.64 mm) / "VÀ TRUYỀN THÔNG" (45.35 mm).
    const agencyTextMm = 45.35;
    const mottoTextMm = 56.14;
    const agencyRule = ruleWidthMm(agencyCell);
    expect(agencyRule / agencyTextMm).toBeGreaterThanOrEqual((1 / 3) * 0.9);
    expect(agencyRule / agencyTextMm).toBeLessThanOrEqual((1 / 2) * 1.1);
    const mottoRule = ruleWidthMm(mottoCell);
    expect(mottoRule).toBeGreaterThanOrEqual(mottoTextMm * 0.9);
    expect(mottoRule).toBeLessThanOrEqual(mottoTextMm * 1.1);
    expect(docx.document).not.toMatch(/_{3,}/);
  });

  it('lists Kính gửi at 14, one recipient a line, aligned, the last ending "."', () => {
    const label = find(docx.paras, 'Kính gửi:');
    expect(sizePt(label)).toBe(14);
    const lines = docx.paras.filter((p) => p.text.startsWith('- ') && sizePt(p) === 14);
    expect(lines.map((p) => p.text)).toEqual([
      '- Các sở, ban, ngành cấp tỉnh;',
      '- Báo Kiên Giang;',
      '- Đài Phát thanh và Truyền hình Kiên Giang;',
      '- Cổng Thông tin điện tử tỉnh;',
      '- Ủy ban nhân dân các huyện, thành phố.',
    ]);
    const starts = lines.map((p) => (numAttr(p.pPr, 'w:ind', 'w:left') ?? 0) - (numAttr(p.pPr, 'w:ind', 'w:hanging') ?? 0));
    expect(new Set(starts).size).toBe(1);
    expect(starts[0] ?? 0).toBeGreaterThan(numAttr(label.pPr, 'w:ind', 'w:left') ?? 0);
  });

  it('sets the body at 14, justified, 1 cm first-line indent, ≥ 6 pt apart, single to 1.5 spacing', () => {
    const body = docx.paras.filter((p) => p.text.length > 150);
    expect(body).toHaveLength(6);
    for (const p of body) {
      expect(sizePt(p)).toBe(14);
      expect(attr(p.pPr, 'w:jc', 'w:val')).toBe('both');
      expect([567, 720]).toContain(numAttr(p.pPr, 'w:ind', 'w:firstLine'));
      expect(numAttr(p.pPr, 'w:spacing', 'w:before') ?? 0).toBeGreaterThanOrEqual(120);
      const line = numAttr(p.pPr, 'w:spacing', 'w:line') ?? NaN;
      const rule = attr(p.pPr, 'w:spacing', 'w:lineRule');
      if (rule === 'exact' || rule === 'atLeast') {
        // Single spacing of Times New Roman is 1.15 em: 16.1 pt at 14 pt; 1.5 lines is 24.15 pt.
        expect(line / 20).toBeGreaterThanOrEqual(16.1);
        expect(line / 20).toBeLessThanOrEqual(24.15);
      } else {
        expect(line).toBeGreaterThanOrEqual(240);
        expect(line).toBeLessThanOrEqual(360);
      }
    }
    expect(flat(body[5]?.text ?? '')).toMatch(/tỉnh\.\/\.$/u);
    const bold = body[5]?.runs.find((r) => isOn(r.rPr, 'w:b'));
    expect(bold?.text).toBe('trước ngày 15/11 hàng năm');
    expect(body[0]?.runs.find((r) => isOn(r.rPr, 'w:i'))?.text).toBe('Kế hoạch kèm theo');
  });

  it('puts Nơi nhận (12 bold italic, items 11) beside the signature (14 bold, room for the seal)', () => {
    const signature = docx.tbls[docx.tbls.length - 1];
    const [left, right] = signature?.rows[0]?.cells ?? [];
    expect(signature?.rows[0]?.xml).toContain('<w:cantSplit/>');
    const label = find(left?.paragraphs ?? [], 'Nơi nhận:');
    expect(sizePt(label)).toBe(12);
    expect(allRuns(label, 'w:b') && allRuns(label, 'w:i')).toBe(true);
    const items = (left?.paragraphs ?? []).filter((p) => p.text.startsWith('- '));
    expect(items.map((p) => p.text)).toEqual(['- Như trên;', '- UBND tỉnh (báo cáo);', '- Lưu: VT, TTBCBC.']);
    for (const item of items) {
      expect(sizePt(item)).toBe(11);
      expect(noRun(item, 'w:b') && noRun(item, 'w:i')).toBe(true);
    }
    const title = find(right?.paragraphs ?? [], 'GIÁM ĐỐC');
    const name = find(right?.paragraphs ?? [], 'Lâm Văn Sển');
    for (const p of [title, name]) {
      expect(sizePt(p)).toBe(14);
      expect(allRuns(p, 'w:b')).toBe(true);
      expect(attr(p.pPr, 'w:jc', 'w:val')).toBe('center');
    }
    // "Nơi nhận:" level with the title: the same space above both.
    expect(numAttr(label.pPr, 'w:spacing', 'w:before')).toBe(numAttr(title.pPr, 'w:spacing', 'w:before'));
    // 4–5 lines of 14 pt (16.1 pt each) between title and name for the signature and the seal.
    const gapPt = (numAttr(name.pPr, 'w:spacing', 'w:before') ?? 0) / 20;
    expect(gapPt).toBeGreaterThanOrEqual(4 * 16.1);
    expect(gapPt).toBeLessThanOrEqual(5.5 * 16.1);
  });

  it('numbers pages from page 2, centred at the top in 14 pt, and leaves page 1 without a number', () => {
    expectPageNumbersFromPage2(docx);
  });

  it('is a Word 2013+ document, not one opened in compatibility mode', () => {
    expect(docx.settings).toMatch(/<w:compatSetting w:val="15" w:name="compatibilityMode"/);
  });
});

describe('the .docx of other dispatches', () => {
  it('boxes an urgency stamp under the header on the left, at the decree size', async () => {
    const docx = await unpack(await renderDocx(buildCongVan({ ...DEMO_DISPATCH_864, urgency: 'thuong_khan' }, profile)));
    const stamp = docx.tbls[1];
    const cell = stamp?.rows[0]?.cells[0];
    expect(cell?.paragraphs.map((p) => p.text)).toEqual(['THƯỢNG KHẨN']);
    expect(allRuns(cell?.paragraphs[0] as Para, 'w:b')).toBe(true);
    expect((stamp?.width ?? 0) * MM_PER_TWIP).toBeCloseTo(40, 0);
    expect(numAttr(stamp?.rows[0]?.xml ?? '', 'w:trHeight', 'w:val') ?? 0).toBeCloseTo(8 / MM_PER_TWIP, -1);
    expect(attr(stamp?.rows[0]?.xml ?? '', 'w:trHeight', 'w:hRule')).toBe('exact');
    expect(attr(stamp?.xml ?? '', 'w:top', 'w:val')).toBe('single');
    // Not glued to the header table: Word would merge two adjacent tables.
    expect(docx.document).not.toMatch(/<\/w:tbl><w:tbl>/);
  });

  it('prints a capacity line over the title, both upper case bold 14', async () => {
    const docx = await unpack(
      await renderDocx(buildCongVan({ ...DEMO_DISPATCH_864, signer: { name: 'Nguyễn Văn A', title: 'Phó Giám đốc', authority: 'KT. Giám đốc' } }, profile)),
    );
    const right = docx.tbls[docx.tbls.length - 1]?.rows[0]?.cells[1]?.paragraphs ?? [];
    expect(right.map((p) => p.text)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn A']);
    for (const p of right.slice(0, 2)) {
      expect(sizePt(p)).toBe(14);
      expect(allRuns(p, 'w:b')).toBe(true);
    }
  });

  it('writes text that would break the XML as plain, valid text', async () => {
    const docx = await unpack(
      await renderDocx(
        buildCongVan({ ...DEMO_DISPATCH_864, body: [{ list: null, runs: [{ text: 'A & B <c> "d"\u0001\u000b e' }] }] }, profile),
      ),
    );
    expect(docx.document).toContain('A &amp; B &lt;c&gt; &quot;d&quot; e');
    expect(docx.paras.map((p) => p.text)).toContain('A & B <c> "d" e./.');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(docx.document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});
