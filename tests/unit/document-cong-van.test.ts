import { describe, expect, it } from 'vitest';
import demo from '../../resources/demo/kien-giang-2021.json' with { type: 'json' };
import { DEMO_DISPATCH_864 } from '../fixtures/dispatch-864.js';
import { OrganisationProfile } from '../../shared/domain/organisation.js';
import { DispatchContent, type BodyParagraph } from '../../shared/domain/dispatch.js';
import type { ParagraphBlock, Run } from '../../shared/documents/model.js';
import { buildCongVan, type CongVanInput } from '../../shared/documents/templates/cong-van.js';
import { layoutDocument, type LaidParagraph } from '../../shared/documents/layout.js';
import { DOCUMENT_CSS, renderHtml } from '../../shared/documents/render-html.js';

const profile = OrganisationProfile.parse(demo.profile);

function text(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

function lastParagraphText(input: CongVanInput): string {
  const body = buildCongVan(input, profile).body;
  const last = body[body.length - 1] as ParagraphBlock;
  return text(last.runs);
}

function withBody(...paragraphs: BodyParagraph[]): CongVanInput {
  return { ...DEMO_DISPATCH_864, body: paragraphs };
}

const plain = (t: string, list: BodyParagraph['list'] = null): BodyParagraph => ({ runs: [{ text: t }], list });

describe('DEMO_DISPATCH_864', () => {
  it('is valid dispatch content', () => {
    const { number: _n, symbol: _s, issueDate: _d, ...content } = DEMO_DISPATCH_864;
    expect(DispatchContent.parse(content)).toEqual(content);
  });
});

describe('buildCongVan: công văn 864/STTTT-TTBCBC', () => {
  const doc = buildCongVan(DEMO_DISPATCH_864, profile);

  it('fills the header from the profile and the dispatch', () => {
    expect(doc.header).toEqual({
      parentAgency: 'UBND TỈNH KIÊN GIANG',
      agencyName: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      numberLine: 'Số: 864/STTTT-TTBCBC',
      subjectLine:
        'V/v đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa giai đoạn 2021-2025 trên địa bàn tỉnh Kiên Giang',
      placeDateLine: 'Kiên Giang, ngày 03 tháng 8 năm 2021',
    });
    expect(doc.page.marginsMm).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
    expect(doc.title).toBeNull();
    expect(doc.urgency).toBeNull();
    expect(doc.description).toBe('Công văn số 864/STTTT-TTBCBC');
  });

  it('lists several recipients as "- X;" lines, the last ending "."', () => {
    expect(doc.recipients?.lines).toEqual([
      '- Các sở, ban, ngành cấp tỉnh;',
      '- Báo Kiên Giang;',
      '- Đài Phát thanh và Truyền hình Kiên Giang;',
      '- Cổng Thông tin điện tử tỉnh;',
      '- Ủy ban nhân dân các huyện, thành phố.',
    ]);
  });

  it('keeps the body, its bold and italic, and ends it with "./."', () => {
    expect(doc.body).toHaveLength(6);
    const [first, , , , , last] = doc.body as ParagraphBlock[];
    expect(first?.runs.find((r) => r.italic)?.text).toBe('Kế hoạch kèm theo');
    expect(last?.runs.find((r) => r.bold)?.text).toBe('trước ngày 15/11 hàng năm');
    expect(text(last?.runs ?? [])).toMatch(/Ủy ban nhân dân tỉnh\.\/\.$/u);
    // Only the last paragraph gets the mark.
    expect(text(first?.runs ?? [])).not.toContain('/.');
  });

  it('writes Nơi nhận: "Như trên", the extra lines, then the file copy', () => {
    expect(doc.distribution).toEqual(['- Như trên;', '- UBND tỉnh (báo cáo);', '- Lưu: VT, TTBCBC.']);
  });

  it('signs with the title alone when there is no capacity line', () => {
    expect(doc.signature).toEqual({ authority: null, title: 'GIÁM ĐỐC', name: 'Lâm Văn Sển' });
  });
});

describe('buildCongVan: the rules for other dispatches', () => {
  it('puts a single recipient on the "Kính gửi:" line', () => {
    const doc = buildCongVan({ ...DEMO_DISPATCH_864, recipients: [{ kind: 'unit', unitId: 3, label: 'Sở Tài chính' }] }, profile);
    expect(doc.recipients?.lines).toEqual(['Sở Tài chính.']);
    const laid = layoutDocument(doc).flow.filter((i): i is LaidParagraph => i.kind === 'paragraph' && i.role.startsWith('recipient'));
    expect(laid).toHaveLength(1);
    expect(laid[0]?.lines.map((line) => text(line))).toEqual(['Kính gửi: Sở Tài chính.']);
  });

  it('does not double the punctuation clerks type into labels and Nơi nhận lines', () => {
    const doc = buildCongVan(
      {
        ...DEMO_DISPATCH_864,
        recipients: [
          { kind: 'text', label: '- Sở Nội vụ;' },
          { kind: 'text', label: 'Sở Tư pháp.' },
        ],
        distribution: ['- Giám đốc Sở;', 'Lưu trữ.'],
        departmentCode: '',
      },
      profile,
    );
    expect(doc.recipients?.lines).toEqual(['- Sở Nội vụ;', '- Sở Tư pháp.']);
    expect(doc.distribution).toEqual(['- Như trên;', '- Giám đốc Sở;', '- Lưu trữ;', '- Lưu: VT.']);
  });

  it('leaves "Như trên" out when there is no Kính gửi', () => {
    const doc = buildCongVan({ ...DEMO_DISPATCH_864, recipients: [] }, profile);
    expect(doc.recipients).toBeNull();
    expect(doc.distribution[0]).toBe('- UBND tỉnh (báo cáo);');
  });

  it('prints the capacity line over the title, in upper case', () => {
    const doc = buildCongVan(
      { ...DEMO_DISPATCH_864, signer: { name: 'Nguyễn Văn A', title: 'Phó Giám đốc', authority: 'KT. Giám đốc' } },
      profile,
    );
    expect(doc.signature).toEqual({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' });
  });

  it('leaves the number and date blank for writing by hand', () => {
    const doc = buildCongVan({ ...DEMO_DISPATCH_864, number: null, issueDate: null }, profile, { blankYear: 2021 });
    expect(doc.header.numberLine).toBe('Số:      /STTTT-TTBCBC');
    expect(doc.header.placeDateLine).toBe('Kiên Giang, ngày      tháng      năm 2021');
    expect(doc.description).toBe('Công văn số …/STTTT-TTBCBC');
  });

  it('pads a number below 10', () => {
    expect(buildCongVan({ ...DEMO_DISPATCH_864, number: 7 }, profile).header.numberLine).toBe('Số: 07/STTTT-TTBCBC');
  });

  it('marks urgency with the decree label and box', () => {
    const doc = buildCongVan({ ...DEMO_DISPATCH_864, urgency: 'hoa_toc' }, profile);
    expect(doc.urgency).toEqual({ label: 'HỎA TỐC', widthMm: 30, heightMm: 8 });
  });

  it('numbers list paragraphs across their bullets, restarting after ordinary ones, and dashes bullets', () => {
    const doc = buildCongVan(
      withBody(
        plain('Mở đầu:'),
        plain('Một.', 'number'),
        plain('Ý phụ.', 'bullet'),
        plain('Hai.', 'number'),
        plain('Đoạn thường.'),
        plain('Lại một.', 'number'),
      ),
      profile,
    );
    expect(doc.body.map((b) => (b.kind === 'paragraph' ? text(b.runs) : ''))).toEqual([
      'Mở đầu:',
      '1. Một.',
      '- Ý phụ.',
      '2. Hai.',
      'Đoạn thường.',
      '1. Lại một./.',
    ]);
  });

  it('drops empty paragraphs', () => {
    const doc = buildCongVan(withBody(plain('Nội dung.'), plain('   ')), profile);
    expect(doc.body).toHaveLength(1);
  });

  it.each([
    ['ends "/." (as the seed does)', 'báo cáo Ủy ban nhân dân tỉnh. /.', 'báo cáo Ủy ban nhân dân tỉnh./.'],
    ['ends " /." without a full stop', 'Trân trọng /.', 'Trân trọng./.'],
    ['already ends "./."', 'Trân trọng./.', 'Trân trọng./.'],
    ['ends "."', 'Trân trọng.', 'Trân trọng./.'],
    ['has no full stop', 'Trân trọng', 'Trân trọng./.'],
    ['has trailing spaces', 'Trân trọng.   ', 'Trân trọng./.'],
  ])('closes a body that %s with "./."', (_case, input, expected) => {
    expect(lastParagraphText(withBody(plain('Mở đầu.'), plain(input)))).toBe(expected);
  });

  it('keeps the closing mark plain after a bold run, and removes a mark split over runs', () => {
    const bold = buildCongVan(withBody({ list: null, runs: [{ text: 'Hạn ' }, { text: 'trước ngày 15/11.', bold: true }] }), profile);
    const runs = (bold.body[0] as ParagraphBlock).runs;
    expect(runs).toEqual([{ text: 'Hạn ' }, { text: 'trước ngày 15/11', bold: true }, { text: './.' }]);
    const split = buildCongVan(withBody({ list: null, runs: [{ text: 'Xong.' }, { text: ' /', italic: true }, { text: '.' }] }), profile);
    expect(text((split.body[0] as ParagraphBlock).runs)).toBe('Xong./.');
  });
});

describe('renderHtml', () => {
  const doc = buildCongVan(DEMO_DISPATCH_864, profile);

  it('escapes every text so that nothing typed can become markup', () => {
    const hostile = buildCongVan(
      {
        ...DEMO_DISPATCH_864,
        subject: '<script>alert(1)</script> & "quotes"',
        recipients: [{ kind: 'text', label: '<img src=x onerror=alert(1)>' }],
        body: [plain('<b>không đậm</b>')],
      },
      { ...profile, agencyName: 'SỞ <i>' },
    );
    const html = renderHtml(hostile, { standalone: true });
    expect(html).not.toMatch(/<script|<img|<b>|<i>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('makes a standalone A4 page with the margins and page numbers from page 2', () => {
    const html = renderHtml(doc, { standalone: true });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<title>Công văn số 864/STTTT-TTBCBC</title>');
    expect(html).toMatch(/@page \{\s*size: 210mm 297mm;\s*margin: 20mm 15mm 20mm 30mm;/);
    expect(html).toMatch(/@top-center \{\s*content: counter\(page\);/);
    expect(html).toMatch(/@page :first \{ @top-center \{ content: none; \} \}/);
    expect(html).toContain('"Times New Roman", Tinos, "Liberation Serif", serif');
  });

  it('makes a preview fragment that relies on DOCUMENT_CSS, with no scripts or event handlers', () => {
    const fragment = renderHtml(doc);
    expect(fragment.startsWith('<div class="vt-sheet"')).toBe(true);
    expect(fragment).toContain('--vt-margin-left:30mm');
    expect(fragment).not.toMatch(/<script|\son\w+=|<style/i);
    expect(DOCUMENT_CSS).toContain('width: 210mm');
    expect(DOCUMENT_CSS).toContain('min-height: 297mm');
  });

  it('sets the header as the decree sizes it and draws the lines as borders, not underscores', () => {
    const html = renderHtml(doc);
    expect(html).toMatch(/class="vt-p vt-agency" style="font-size:13pt;[^"]*font-weight:700/);
    expect(html).toMatch(/class="vt-p vt-place-date" style="font-size:14pt;[^"]*font-style:italic/);
    expect(html).toMatch(/class="vt-p vt-motto-rule" style="[^"]*border-bottom:0.75pt solid #000/);
    expect(html).toMatch(/class="vt-p vt-body[^"]*" style="font-size:14pt;line-height:18pt;text-align:justify;[^"]*text-indent:10mm/);
    expect(html).not.toContain('___');
  });

  it('keeps runs of spaces left for hand-writing', () => {
    const html = renderHtml(buildCongVan({ ...DEMO_DISPATCH_864, number: null }, profile));
    expect(html).toContain('Số:\u00a0\u00a0\u00a0\u00a0\u00a0 /STTTT-TTBCBC');
  });
});
