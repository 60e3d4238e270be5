import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract, REVIEW_REASONS } from '../../main/intake/extract.js';
import { describeWithShared } from '../support/shared-fixtures.js';
import { cfbBytes, docxBytes, emlBytes, pdfBytes, wp, wtable, zipBytes } from '../support/intake-samples.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'intake');
const read = (bytes: Buffer, fileName = 'tep') => extract({ bytes, fileName });

describeWithShared('extract: the real PDFs of fixtures/real', (shared) => {
  const real = (name: string): Buffer => fs.readFileSync(path.join(shared, 'fixtures', 'real', name));
  const timed = async (name: string) => {
    const started = performance.now();
    const doc = await read(real(name), name);
    console.log(`extract ${name}: ${Math.round(performance.now() - started)} ms`);
    return doc;
  };

  it('reads the text layer of 216/BC-STC with line positions; the header columns differ in x', async () => {
    const doc = await timed('216-BC-STC_2018-11-14_cai-cach-hanh-chinh.pdf');
    expect(doc).toMatchObject({ kind: 'pdf', pageCount: 21, needsReview: null, tables: [] });
    const first = doc.lines.slice(0, 8);
    const numberLine = first.find((l) => /Số:\s*216\s*\/\s*BC-STC/.test(l.text));
    expect(numberLine).toBeDefined();
    expect(doc.text).toContain('Công văn số 4096/UBND-NC');
    // The agency (left column) and the national motto (right column) share a baseline, not an x.
    const agency = first.find((l) => l.text === 'UBND TỈNH ĐĂK NÔNG');
    const motto = first.find((l) => l.text === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(agency && motto).toBeTruthy();
    expect(Math.abs((agency?.y ?? 0) - (motto?.y ?? 1))).toBeLessThan(2);
    expect((motto?.x ?? 0) - (agency?.x ?? 0)).toBeGreaterThan(150);
    expect(agency?.y).toBeLessThan(100); // from the top of the page
    expect(numberLine?.x).toBeLessThan(motto?.x ?? 0);
    expect(doc.lines.every((l) => l.page >= 1 && l.page <= 21 && l.width > 0)).toBe(true);
    expect(new Set(doc.lines.map((l) => l.page)).size).toBe(21);
  });

  it('reads 106/BC-STC, a landscape one-page table', async () => {
    const doc = await timed('106-BC-STC_2019-05_tiep-cong-dan.pdf');
    expect(doc).toMatchObject({ kind: 'pdf', pageCount: 1, needsReview: null });
    expect(doc.lines.slice(0, 6).map((l) => l.text)).toContain('Số: 106/BC-STC');
  });

  it('marks the signed scan without a text layer for review, with its page count', async () => {
    const doc = await timed('tong-hop-BC-TCD-T5-2019_UBND-huyen-Krong-No_scan.pdf');
    expect(doc).toMatchObject({ kind: 'pdf', pageCount: 5, text: '', lines: [], needsReview: 'văn bản scan — chưa đọc được nội dung' });
  });
});

describe('extract: PDF', () => {
  it('reads a generated PDF and notes pages without text', async () => {
    const doc = await read(pdfBytes([['So: 12/BC-UBND', 'Bao cao quy 3'], []]));
    expect(doc).toMatchObject({ kind: 'pdf', pageCount: 2, needsReview: null, notes: ['trang 2 không có lớp chữ (ảnh scan)'] });
    expect(doc.lines.map((l) => [l.text, l.y])).toEqual([
      ['So: 12/BC-UBND', 72],
      ['Bao cao quy 3', 88],
    ]);
  });

  it('asks for a copy without password when the PDF needs one; reads one with an owner password only', async () => {
    const locked = pdfBytes([['Mat']], { encrypt: { userPassword: 'abc123', ownerPassword: 'owner' } });
    expect(await read(locked)).toMatchObject({
      kind: 'pdf',
      text: '',
      needsReview: 'tệp PDF có mật khẩu — hãy mở bằng mật khẩu rồi lưu lại bản không mật khẩu',
    });
    const restricted = pdfBytes([['Chi han che in an']], { encrypt: { userPassword: '', ownerPassword: 'owner' } });
    expect(await read(restricted)).toMatchObject({ text: 'Chi han che in an', needsReview: null });
  });

  it('gives a reason, not an exception, for a truncated or damaged PDF', async () => {
    const pdf = pdfBytes([['Noi dung trang 1'], ['Noi dung trang 2']]);
    const cut = await read(pdf.subarray(0, Math.floor(pdf.length * 0.6)));
    expect(cut.needsReview).toBe(REVIEW_REASONS.pdfTruncated);
    const garbage = await read(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x41)]));
    expect(garbage).toMatchObject({ kind: 'pdf', text: '' });
    expect(garbage.needsReview).toMatch(/tệp PDF/);
  });
});

describe('extract: Word, Excel, PowerPoint', () => {
  it('reads .docx paragraphs and tables, without field codes, deleted text or fallback copies', async () => {
    const body = [
      wp('UBND HUYỆN KIÊN LƯƠNG'),
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Số: 12/BC-UBND</w:t></w:r><w:r><w:tab/><w:t>Kiên Lương &amp; ngày 10</w:t></w:r></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>Trang </w:t></w:r><w:del><w:r><w:delText>bỏ đi</w:delText></w:r></w:del><w:ins><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>' +
        wp('Hộp chữ') +
        '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' +
        wp('Hộp chữ') +
        '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
      wtable([
        ['STT', 'Nội dung'],
        ['1', 'Tin bài'],
      ]),
    ].join('');
    const doc = await read(docxBytes(body), 'bc.docx');
    expect(doc).toMatchObject({ kind: 'docx', needsReview: null, notes: [] });
    expect(doc.text).toBe('UBND HUYỆN KIÊN LƯƠNG\nSố: 12/BC-UBND\tKiên Lương & ngày 10\nTrang thêm\nHộp chữ\n\nSTT\tNội dung\n1\tTin bài');
    expect(doc.tables).toEqual([
      [
        ['STT', 'Nội dung'],
        ['1', 'Tin bài'],
      ],
    ]);
  });

  it('converts a .docx typed in TCVN3', async () => {
    const doc = await read(docxBytes(wp('Céng hoµ x· héi chñ nghÜa ViÖt Nam') + wtable([['Sè: 12/BC-UBND', 'Kiªn L­¬ng']])));
    expect(doc.text).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam\nSố: 12/BC-UBND\tKiên Lương');
    expect(doc.tables).toEqual([[['Số: 12/BC-UBND', 'Kiên Lương']]]);
    expect(doc.notes).toEqual(['đã chuyển từ phông TCVN3 sang Unicode']);
  });

  it('gives a reason for a truncated .docx, one without text, and a password-protected one', async () => {
    const docx = docxBytes(wp('Nội dung '.repeat(200)));
    expect((await read(docx.subarray(0, Math.floor(docx.length * 0.7)), 'bc.docx')).needsReview).toBe(REVIEW_REASONS.docxDamaged);
    expect((await read(docxBytes('<w:p/>'), 'anh.docx')).needsReview).toBe(REVIEW_REASONS.noText);
    const encrypted = cfbBytes([{ name: 'EncryptionInfo', data: Buffer.alloc(200) }, { name: 'EncryptedPackage', data: Buffer.alloc(5000, 7) }]);
    expect(await read(encrypted, 'Báo cáo.docx')).toMatchObject({
      kind: 'docx',
      needsReview: 'tệp Office có mật khẩu — hãy mở bằng mật khẩu rồi lưu lại bản không mật khẩu',
    });
  });

  it('reads Word 97-2003 .doc files, converting TCVN3', async () => {
    const unicode = await read(fs.readFileSync(path.join(fixtures, 'bao-cao-unicode.doc')), 'bc.doc');
    expect(unicode).toMatchObject({ kind: 'doc', needsReview: null, notes: [] });
    expect(unicode.text).toContain('ỦY BAN NHÂN DÂN HUYỆN KIÊN LƯƠNG\nSố: 123/BC-UBND');
    expect(unicode.text).toContain('1\tTin bài tuyên truyền\t42');
    const tcvn3 = await read(fs.readFileSync(path.join(fixtures, 'bao-cao-tcvn3.doc')), 'cu.doc');
    expect(tcvn3.text).toBe(
      'Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nBáo cáo tình hình thực hiện công tác cải cách hành chính năm 2018',
    );
    expect(tcvn3.notes).toEqual(['đã chuyển từ phông TCVN3 sang Unicode']);
    const fib = Buffer.alloc(4096);
    fib.writeUInt16LE(0xa5ec, 0);
    fib.writeUInt16LE(0x0100, 0x0a);
    expect((await read(cfbBytes([{ name: 'WordDocument', data: fib }]), 'mat.doc')).needsReview).toBe(REVIEW_REASONS.officePassword);
    expect((await read(cfbBytes([{ name: 'WordDocument', data: Buffer.alloc(4096, 1) }]), 'hong.doc')).needsReview).toBe(REVIEW_REASONS.docDamaged);
  });

  it('reads every sheet of an .xlsx as text and tables', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Biểu 01');
    sheet.addRow(['BIỂU TỔNG HỢP SỐ LIỆU']);
    sheet.mergeCells('A1:C1');
    sheet.addRow(['STT', 'Đơn vị', 'Số tin bài']);
    sheet.addRow([1, 'UBND huyện Kiên Lương', 42]);
    sheet.addRow([2, 'Báo Kiên Giang', { formula: 'C3*2', result: 84 }]);
    workbook.addWorksheet('Ghi chú').addRow(['Ngày báo cáo', new Date(Date.UTC(2021, 10, 10))]);
    workbook.addWorksheet('Trống');
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const doc = await read(bytes, 'so-lieu.xlsx');
    expect(doc).toMatchObject({ kind: 'xlsx', needsReview: null });
    expect(doc.tables).toEqual([
      [['BIỂU TỔNG HỢP SỐ LIỆU'], ['STT', 'Đơn vị', 'Số tin bài'], ['1', 'UBND huyện Kiên Lương', '42'], ['2', 'Báo Kiên Giang', '84']],
      [['Ngày báo cáo', '10/11/2021']],
    ]);
    expect(doc.text).toBe(
      'Biểu 01\nBIỂU TỔNG HỢP SỐ LIỆU\nSTT\tĐơn vị\tSố tin bài\n1\tUBND huyện Kiên Lương\t42\n2\tBáo Kiên Giang\t84\n\nGhi chú\nNgày báo cáo\t10/11/2021',
    );
    expect((await read(bytes.subarray(0, 2000), 'so-lieu.xlsx')).needsReview).toBe(REVIEW_REASONS.xlsxDamaged);
  });

  it('reads the slides of a .pptx in order', async () => {
    const slide = (text: string) =>
      `<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:txBody><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sld>`;
    const pptx = zipBytes([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'ppt/slides/slide10.xml', data: slide('Mười') },
      { name: 'ppt/slides/slide2.xml', data: slide('Hai') },
    ]);
    expect(await read(pptx)).toMatchObject({ kind: 'pptx', text: 'Hai\n\nMười', needsReview: null });
  });
});

describe('extract: text and HTML', () => {
  const TEXT = 'Kính gửi: Sở Thông tin và Truyền thông tỉnh Kiên Giang\nBáo cáo năm 2021';
  /** Windows-1258 writes tones as combining marks after the letter (ă, â, ê, ô, ơ, ư, đ are precomposed). */
  const cp1258 = (s: string): Buffer =>
    iconv.encode(s.normalize('NFD').replace(/[aeouAEOU][\u0302\u0306\u031b]/g, (m) => m.normalize('NFC')), 'windows-1258');

  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), []],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), []],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), ['mã hóa utf-16le']],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]), ['mã hóa utf-16be']],
    ['UTF-16 LE without BOM', Buffer.from(TEXT, 'utf16le'), ['mã hóa utf-16le']],
    ['Windows-1258', cp1258(TEXT), ['mã hóa windows-1258']],
  ])('decodes %s', async (_name, bytes, notes) => {
    expect(await read(bytes, 'bc.txt')).toMatchObject({ kind: 'txt', text: TEXT, notes, needsReview: null });
  });

  it('converts .txt files typed in TCVN3 and VNI', async () => {
    const tcvn3 = await read(iconv.encode('Kiªn Giang, ngµy 03 th¸ng 8 n¨m 2021\r\nV/v ®Èy m¹nh tuyªn truyÒn', 'windows-1252'));
    expect(tcvn3).toMatchObject({ text: 'Kiên Giang, ngày 03 tháng 8 năm 2021\nV/v đẩy mạnh tuyên truyền', notes: ['mã hóa windows-1252', 'đã chuyển từ phông TCVN3 sang Unicode'] });
    const vni = await read(iconv.encode('Kieân Giang, ngaøy 03 thaùng 8 naêm 2021\nV/v ñaåy maïnh tuyeân truyeàn', 'windows-1252'));
    expect(vni.text).toBe('Kiên Giang, ngày 03 tháng 8 năm 2021\nV/v đẩy mạnh tuyên truyền');
    expect(vni.notes).toContain('đã chuyển từ phông VNI sang Unicode');
  });

  it('reads HTML without tags, scripts or styles, in its declared charset', async () => {
    const page = `<html><head><meta charset="windows-1258"><title>x</title><style>p{color:red}</style></head>
      <body><script>alert("không")</script><p>Kính gửi:&nbsp;Sở TT&amp;TT</p><table><tr><td>1</td><td>Tin bài</td></tr></table><br>Hết</body></html>`;
    const doc = await read(cp1258(page), 'thu.html');
    expect(doc).toMatchObject({ kind: 'html', text: 'Kính gửi: Sở TT&TT\n\n1\tTin bài\n\nHết', notes: ['mã hóa windows-1258'] });
  });

  it('reads a message as its subject and body', async () => {
    const eml = await emlBytes({ from: 'a@b.vn', to: 'c@d.vn', subject: 'Báo cáo quý 3', html: '<p>Kính gửi <b>Sở</b></p>' });
    expect(await read(eml, 'thu.eml')).toMatchObject({ kind: 'eml', text: 'Báo cáo quý 3\nKính gửi Sở', needsReview: null });
  });
});

describe('extract: what cannot be read yet, with what to do', () => {
  it.each([
    ['a JPEG scan', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpg', 'văn bản scan — chưa đọc được nội dung'],
    ['a PNG scan', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png', 'văn bản scan — chưa đọc được nội dung'],
    ['an old .xls', cfbBytes([{ name: 'Workbook', data: Buffer.alloc(100) }]), 'xls', 'tệp .xls kiểu cũ — hãy mở bằng Excel và lưu thành .xlsx'],
    ['a .rar', Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), 'rar', REVIEW_REASONS.rar],
    ['a .7z', Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), '7z', REVIEW_REASONS.sevenZip],
    ['an empty file', Buffer.alloc(0), 'empty', 'tệp rỗng (0 byte) — hãy xin đơn vị gửi lại'],
    ['an executable', Buffer.from('MZ\x90\0', 'latin1'), 'executable', 'tệp chương trình — không mở'],
    ['an .rtf', Buffer.from('{\\rtf1\\ansi x}'), 'unknown', REVIEW_REASONS.rtf],
    ['an .odt', zipBytes([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }]), 'unknown', REVIEW_REASONS.openDocument],
    ['a zip with a password', zipBytes([{ name: 'a.pdf', data: 'x', encrypted: true }]), 'zip', REVIEW_REASONS.zipPassword],
  ])('%s', async (_name, bytes, kind, reason) => {
    expect(await read(bytes)).toMatchObject({ kind, text: '', needsReview: reason });
  });

  it('never throws on damaged bytes behind any magic number', async () => {
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256));
    const heads = ['%PDF-1.4\n', 'PK\x03\x04', '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', 'From: a@b\r\nReceived: x\r\n\r\n', '<html>'];
    for (const head of heads) {
      const doc = await read(Buffer.concat([Buffer.from(head, 'latin1'), noise]), 'x.docx');
      expect(typeof doc.text).toBe('string');
    }
  });
});
