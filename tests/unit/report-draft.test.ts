import { afterEach, describe, expect, it } from 'vitest';
import type { BodyParagraph } from '../../shared/domain/dispatch.js';
import { keySentences, reportSubject, superiorBody } from '../../main/reports/report-draft.js';
import { outgoingRegisterRows } from '../../main/dispatches/outgoing-register.js';
import { DISPATCH_864, EMAIL_NOTE, FORM_TEXT, KIEN_LUONG_TEXT, TRACKING_2021, sampleReport as draft } from '../fixtures/report-2021.js';
import { openTempApp } from '../support/temp-app.js';
import { writtenReportText, type FileShare } from '../../main/reports/reports-service.js';
import { reportDocx, reportEml } from '../support/report-samples.js';
import { fillForm, knownValues } from '../support/form-samples.js';

const text = (p: BodyParagraph): string => p.runs.map((r) => r.text).join('');

describe('the report subject, from the dispatch subject', () => {
  it('gives the result of the work itself, for the period reported on', () => {
    expect(reportSubject(DISPATCH_864.subject, '2021')).toBe('Kết quả tuyên truyền về phòng, chống rác thải nhựa trên địa bàn tỉnh Kiên Giang năm 2021');
    expect(reportSubject('V/v triển khai thực hiện Kế hoạch số 12/KH-UBND năm 2022', '2022-Q3')).toBe('Kết quả thực hiện Kế hoạch số 12/KH-UBND quý III năm 2022');
    expect(reportSubject('chuyển đổi số trong cơ quan nhà nước', '2023-H1')).toBe('Kết quả thực hiện chuyển đổi số trong cơ quan nhà nước 6 tháng đầu năm 2023');
    expect(reportSubject('báo cáo kết quả cải cách hành chính.', '2023-07')).toBe('Kết quả thực hiện cải cách hành chính tháng 7 năm 2023');
  });
});

describe('the superior body', () => {
  it('writes a People\'s Committee in full for Kính gửi and short for Nơi nhận', () => {
    expect(superiorBody('UBND TỈNH KIÊN GIANG')).toEqual({ full: 'Ủy ban nhân dân tỉnh Kiên Giang', short: 'UBND tỉnh' });
    expect(superiorBody('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH')).toEqual({ full: 'Ủy ban nhân dân thành phố Hồ Chí Minh', short: 'UBND thành phố' });
    expect(superiorBody('BỘ Y TẾ').full).toBe('Bộ Y tế');
    expect(superiorBody('  ').full).toBe('Cơ quan cấp trên');
  });
});

describe('a unit\'s key sentences', () => {
  it('are the first sentences of its results section, without subheadings, lists markers or the next section', () => {
    expect(keySentences(KIEN_LUONG_TEXT)).toBe(
      'Đài Truyền thanh huyện phát 120 lượt tin về tác hại của rác thải nhựa. Các xã tổ chức 9 buổi tuyên truyền với 1.250 lượt người tham dự. Ra quân thu gom rác thải nhựa tại 5 bãi biển; phát 3.000 tờ rơi.',
    );
  });

  it('start after the opening "… như sau:" when the report has no results heading', () => {
    const plain = 'BÁO CÁO\nKính gửi: Sở Thông tin và Truyền thông.\nThực hiện Công văn số 864/STTTT-TTBCBC, Báo Kiên Giang báo cáo như sau:\nĐã đăng 310 tin, bài về rác thải nhựa.\nNơi nhận:\n- Như trên;';
    expect(keySentences(plain)).toBe('Đã đăng 310 tin, bài về rác thải nhựa.');
  });

  it('come from the report, not from the form or the e-mail sent with it', () => {
    const entry = [EMAIL_NOTE, KIEN_LUONG_TEXT.replace(/\nI\. KẾT QUẢ THỰC HIỆN\n1\. Công tác tuyên truyền/u, ''), FORM_TEXT].join('\n\n');
    expect(keySentences(entry)).toMatch(/^Đài Truyền thanh huyện phát 120 lượt tin/u);
    // The form's group row "II. Kết quả tuyên truyền" is no results section, nor its notes.
    expect(keySentences([EMAIL_NOTE, FORM_TEXT].join('\n\n'))).toBeNull();
  });

  it('are none for a form sent alone (its cells only) and are cut at about 450 characters', () => {
    expect(keySentences('BIỂU SỐ LIỆU\nSTT\tChỉ tiêu\tKết quả\n1\tSố tin, bài\t12')).toBeNull();
    const long = `KẾT QUẢ THỰC HIỆN\n${'Đơn vị đã tuyên truyền rộng rãi '.repeat(30)}.`;
    const cut = keySentences(long) ?? '';
    expect(cut.length).toBeLessThanOrEqual(451);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('a unit\'s written report, out of a document\'s stored text', () => {
  const EMAIL = 'Báo cáo kết quả tuyên truyền phòng, chống rác thải nhựa\nKính gửi Sở TT&TT. Gửi kèm báo cáo.';
  /** The stored text and file shares of a document whose files hold these texts, in this order. */
  const stored = (...files: [FileShare['role'], string, string][]): [string, FileShare[]] => [
    files.map(([, , t]) => t).join('\n\n'),
    files.map(([role, contentKind, t]) => ({ role, contentKind, textChars: t.length })),
  ];

  it('is the text of its report files only: not the e-mail, its note, or the form sent with it', () => {
    const [full, files] = stored(['message', 'eml', EMAIL], ['body', 'txt', EMAIL_NOTE], ['attachment', 'xlsx', FORM_TEXT], ['main', 'docx', KIEN_LUONG_TEXT], ['attachment', 'pdf', 'PHỤ LỤC\nDanh sách mô hình.']);
    expect(writtenReportText(full, files)).toBe(`${KIEN_LUONG_TEXT}\n\nPHỤ LỤC\nDanh sách mô hình.`);
  });

  it('is nothing for a form sent alone, even as the document itself', () => {
    expect(writtenReportText(...stored(['message', 'eml', EMAIL], ['body', 'txt', EMAIL_NOTE], ['main', 'xlsx', FORM_TEXT]))).toBe('');
    expect(writtenReportText(...stored(['main', 'xlsx', FORM_TEXT]))).toBe('');
  });

  it('keeps the text OCR added after the files (pages 2+ of a scan), and an e-mail written as the report', () => {
    const [full, files] = stored(['main', 'pdf', 'Trang 1.'], ['attachment', 'xlsx', FORM_TEXT]);
    expect(writtenReportText(`${full}\n\nTrang 2.`, files)).toBe('Trang 1.\n\nTrang 2.');
    expect(writtenReportText(...stored(['message', 'eml', EMAIL], ['main', 'txt', 'Đơn vị đã tổ chức 3 buổi.']))).toBe('Đơn vị đã tổ chức 3 buổi.');
  });

  it('is the whole text when the files\' shares are not known (registered before they were recorded) and one is a report', () => {
    const full = [EMAIL_NOTE, KIEN_LUONG_TEXT, FORM_TEXT].join('\n\n');
    const unknown = (role: FileShare['role'], contentKind: string): FileShare => ({ role, contentKind, textChars: null });
    expect(writtenReportText(full, [unknown('body', 'txt'), unknown('main', 'docx'), unknown('attachment', 'xlsx')])).toBe(full);
    expect(writtenReportText(full, [unknown('body', 'txt'), unknown('main', 'xlsx')])).toBe('');
  });
});

describe('the report draft (Báo cáo tổng hợp)', () => {
  const content = draft();
  const paragraphs = content.body.map(text);

  it('is a Báo cáo of the period, to the superior body, signed as the dispatch was', () => {
    expect(content).toMatchObject({
      documentType: 'bao_cao',
      reportSource: { dispatchId: 1, periodKey: '2021' },
      subject: 'Kết quả tuyên truyền về phòng, chống rác thải nhựa trên địa bàn tỉnh Kiên Giang năm 2021',
      recipients: [{ kind: 'text', label: 'Ủy ban nhân dân tỉnh Kiên Giang' }],
      signer: { name: 'Lâm Văn Sển', title: 'GIÁM ĐỐC' },
      distribution: ['UBND tỉnh (báo cáo)', 'Ban Giám đốc Sở'],
      departmentCode: 'TTBCBC',
      requirement: null,
    });
    expect(paragraphs[0]).toBe(
      'Thực hiện Kế hoạch số 136/KH-UBND ngày 15/7/2021 của Ủy ban nhân dân tỉnh, Sở Thông tin và Truyền thông đã ban hành Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 về việc đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa giai đoạn 2021-2025 trên địa bàn tỉnh Kiên Giang, đề nghị các cơ quan, đơn vị báo cáo kết quả thực hiện. Trên cơ sở báo cáo của các cơ quan, đơn vị, Sở Thông tin và Truyền thông báo cáo kết quả thực hiện năm 2021 như sau:',
    );
  });

  it('says who reported, naming the late units with their days and the missing ones, straight from tracking', () => {
    expect(paragraphs).toContain(
      'Theo yêu cầu, có 5 cơ quan, đơn vị phải báo cáo (hạn cuối ngày 14/11/2021). Đến ngày 20/11/2021, Sở Thông tin và Truyền thông đã nhận được báo cáo của 3 cơ quan, đơn vị, trong đó 2 đơn vị báo cáo đúng hạn, 1 đơn vị báo cáo trễ hạn.',
    );
    expect(paragraphs).toContain('Báo cáo trễ hạn (1 đơn vị): UBND huyện Kiên Lương (3 ngày).');
    expect(paragraphs).toContain('Chưa báo cáo (2 đơn vị): UBND huyện An Minh; UBND thành phố Phú Quốc.');
    expect(paragraphs).toContain('Được miễn báo cáo kỳ này (1 đơn vị): UBND huyện Kiên Hải (chưa được giao nhiệm vụ).');
  });

  it('puts the figures in a table with the units counted, and says which values were left out', () => {
    const table = content.body.find((p) => p.kind === 'table')?.table;
    expect(table?.headerRows).toBe(1);
    expect(table?.rows[0]?.map((c) => c.text)).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Tổng hợp', 'Số đơn vị báo cáo']);
    const row = (name: string) => table?.rows.find((r) => r[1]?.text.startsWith(name))?.map((c) => c.text);
    expect(row('Số lượt người tham dự')).toEqual(['5', 'Số lượt người tham dự', 'lượt người', '1.900', '3']);
    expect(row('Đã ban hành kế hoạch')).toEqual(['1', 'Đã ban hành kế hoạch triển khai Kế hoạch số 136/KH-UBND', '', '2 đơn vị', '3']);
    expect(row('Tỷ lệ')?.[3]).toBe('80,17');
    expect(row('CÔNG TÁC CHỈ ĐẠO')).toEqual(['I', 'CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI', '', '', '']);
    const groupRow = table?.rows.find((r) => r[1]?.text === 'CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI');
    expect(groupRow?.slice(0, 2).map((c) => c.bold)).toEqual([true, true]);
    expect(table?.rows.find((r) => r[1]?.text === 'Số lượt người tham dự')?.[1]?.bold).toBeUndefined();
    expect(paragraphs.find((p) => p.startsWith('Các số liệu sau không hợp lệ'))).toBe(
      'Các số liệu sau không hợp lệ nên chưa được tổng hợp: UBND huyện Kiên Lương - Số tin, bài tuyên truyền trên báo chí, trang thông tin điện tử (Ô D7: «mười» không phải là số).',
    );
    expect(paragraphs).toContain('UBND huyện Kiên Lương: Cần thêm tài liệu.');
  });

  it('quotes each reporting unit\'s key sentences, and leaves III and IV for the clerk', () => {
    const quoted = content.body.find((p) => text(p).startsWith('UBND huyện Kiên Lương: Đài Truyền thanh'));
    expect(quoted?.runs[0]).toEqual({ text: 'UBND huyện Kiên Lương: ', bold: true });
    const third = content.body.findIndex((p) => p.kind === 'heading' && text(p) === 'III. ĐÁNH GIÁ CHUNG');
    expect(content.body[third + 1]).toEqual({ kind: 'paragraph', runs: [], list: null });
    expect(text(content.body[third + 2]!)).toBe('IV. ĐỀ XUẤT, KIẾN NGHỊ');
    expect(content.body[third + 3]).toEqual({ kind: 'paragraph', runs: [], list: null });
    expect(paragraphs[paragraphs.length - 1]).toBe('Trên đây là báo cáo kết quả thực hiện năm 2021 của Sở Thông tin và Truyền thông, kính báo cáo Ủy ban nhân dân tỉnh Kiên Giang xem xét, chỉ đạo.');
  });

  it('stays within what a document holds for a very large period, the appendix listing the rest', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      ...TRACKING_2021.rows[3]!,
      unit: { id: 1000 + i, name: `Ủy ban nhân dân xã số ${i + 1} thuộc huyện thử tải`, groupId: null, groupName: null },
    }));
    const big = draft({ tracking: { ...TRACKING_2021, rows, counts: { ...TRACKING_2021.counts, expected: 1200, missing: 1200 } } });
    const missing = big.body.map(text).find((t) => t.startsWith('Chưa báo cáo (1200 đơn vị): '))!;
    expect(missing.length).toBeLessThan(4200);
    expect(missing).toMatch(/; và \d+ đơn vị khác \(chi tiết tại Phụ lục\)\.$/u);
  });

  it('has a sentence instead of the table when the dispatch has no form', () => {
    const plain = draft({ consolidation: null });
    expect(plain.body.some((p) => p.kind === 'table')).toBe(false);
    expect(plain.body.map(text)).toContain('Yêu cầu báo cáo này không kèm biểu số liệu; kết quả dưới đây tóm tắt từ báo cáo của các cơ quan, đơn vị.');
    expect(plain.body.map(text)).not.toContain('1. Số liệu tổng hợp');
  });
});

describe('reports.createDraft in the app', () => {
  let app: ReturnType<typeof openTempApp> | null = null;
  afterEach(() => app?.cleanup());

  it('saves the Báo cáo as a draft in the outgoing register, numbered BC-STTTT when issued, in its own sequence when per type', () => {
    app = openTempApp();
    app.loadDemoData();
    const source = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
    const report = app.reports.createDraft(source.id, '2021', '2021-11-20');
    expect(report).toMatchObject({ status: 'draft', number: null, symbol: 'BC-STTTT', documentType: 'bao_cao' });
    // Nobody has reported yet: the table is there with no figures, every unit is missing.
    expect(report.body.map(text)).toContain('Chưa có cơ quan, đơn vị nào gửi biểu số liệu theo mẫu nên chưa có số liệu tổng hợp.');
    expect(report.body.map(text).find((t) => t.startsWith('Chưa báo cáo (41 đơn vị): '))).toBeDefined();

    // An editor that leaves the type out does not turn the report into a công văn.
    const { documentType: _type, reportSource: _source, ...edited } = report;
    expect(app.dispatches.updateDraft(report.id, { ...edited, subject: `${report.subject} (sửa)` })).toMatchObject({ documentType: 'bao_cao', reportSource: { periodKey: '2021' }, symbol: 'BC-STTTT' });

    app.settings.saveNumberingMode('per_type');
    const issued = app.dispatches.issue(report.id, { date: '2021-11-22' });
    expect(issued).toMatchObject({ status: 'issued', number: 1, symbol: 'BC-STTTT' });
    const [row] = outgoingRegisterRows(app.dispatches.register(2021)).filter((r) => r.dispatchId === report.id);
    expect(row).toMatchObject({ numberAndSymbol: '01/BC-STTTT', typeAndSubject: `Báo cáo: ${issued.subject}`, recipients: 'Ủy ban nhân dân tỉnh Kiên Giang' });
  });

  it('quotes a unit\'s written report, never the form sent with it, and nothing for a unit that sent only the form', async () => {
    app = openTempApp();
    app.loadDemoData();
    const source = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
    // A form without group rows: in the e-mail's text its instructions follow "Kính gửi …" with only table rows between.
    const sample = app.forms.sample();
    const form = app.forms.save(source.id, { ...sample, rows: sample.rows.filter((r) => r.kind === 'indicator') });
    const filled = async (unit: string, n: number) =>
      fillForm((await app!.forms.renderXlsx(source.id, app!.units.findByName(unit)!.id, '2021')).bytes, knownValues(form, n));
    const report = reportDocx({ number: 15, symbol: 'BC-UBND', place: 'Kiên Lương', date: [12, 11, 2021], title: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021', year: 2021 });
    const emails = [
      await reportEml({ from: 'ubndkienluong@kiengiang.gov.vn', date: '2021-11-12T08:00:00+07:00', messageId: '<bc-15@test>', attachments: [{ filename: 'Bieu so lieu.xlsx', content: await filled('UBND huyện Kiên Lương', 1) }, { filename: 'Bao cao 15.docx', content: report }] }),
      await reportEml({ from: 'vanthu.hondat@gmail.com', date: '2021-11-10T09:00:00+07:00', messageId: '<bieu@test>', attachments: [{ filename: 'Bieu so lieu.xlsx', content: await filled('UBND huyện Hòn Đất', 2) }] }),
    ];
    const results = await app.imports.importInputs(emails.map((bytes, i) => ({ name: `${i}.eml`, bytes })));
    expect(results.map((r) => [r.status, r.unit?.name])).toEqual([['registered', 'UBND huyện Kiên Lương'], ['registered', 'UBND huyện Hòn Đất']]);

    const body = app.reports.createDraft(source.id, '2021', '2021-11-20').body;
    const quotes = body.slice(body.findIndex((p) => text(p) === '2. Kết quả thực hiện của các cơ quan, đơn vị') + 1, body.findIndex((p) => text(p) === 'III. ĐÁNH GIÁ CHUNG'));
    expect(quotes.map(text)).toEqual(['UBND huyện Kiên Lương: Đã đăng 25 tin, bài trên trang thông tin điện tử.']);
    expect(body.map(text).join('\n')).not.toMatch(/Hướng dẫn|ô màu vàng/u);
    // Both forms' figures are in the table all the same.
    expect(text(body.find((p) => text(p).startsWith('Tổng hợp từ biểu số liệu'))!)).toContain('của 2 cơ quan, đơn vị');
  });

  it('refuses a period the dispatch does not have, in Vietnamese', () => {
    app = openTempApp();
    app.loadDemoData();
    const source = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
    expect(() => app!.reports.createDraft(source.id, '2030', '2021-11-20')).toThrow(/không có kỳ "2030"/);
    expect(() => app!.reports.consolidate(source.id, '2030')).toThrow(/không có kỳ báo cáo "2030"/);
  });
});
