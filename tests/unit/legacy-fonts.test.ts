import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IStylesOptions } from 'docx';
import { extract } from '../../main/intake/extract.js';
import { ooxmlText } from '../../main/intake/extract-office.js';
import { detectLegacyEncoding, legacyFont } from '../../shared/vn/legacy-encodings.js';
import { openTempApp } from '../support/temp-app.js';

/**
 * Legacy Vietnamese fonts named in a .docx (issue 7): text set in .VnTime/.VnTimeH (TCVN3, ABC)
 * or VNI-Times is converted run by run with that font's table, however short; Unicode runs in
 * Times New Roman beside them stay as they are. The samples are the bytes those fonts were
 * typed with, as Windows-1252 characters (written out here, not produced by the converter).
 */

type Child = Paragraph | Table;
async function docx(children: Child[], styles?: IStylesOptions): Promise<Buffer> {
  return Packer.toBuffer(new Document({ ...(styles ? { styles } : {}), sections: [{ children }] }));
}
const run = (text: string, font?: string): TextRun => new TextRun(font ? { text, font } : { text });
const para = (...runs: TextRun[]): Paragraph => new Paragraph({ children: runs });

async function read(bytes: Buffer) {
  return extract({ bytes, fileName: 'van-ban.docx' });
}

describe('font names in .docx runs', () => {
  it('knows the TCVN3 and VNI font families by name, and the capitals-only ones', () => {
    expect(legacyFont('.VnTime')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(legacyFont('.VnTimeH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(legacyFont('.VnArial NarrowH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(legacyFont('.VnCentury Schoolbook')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(legacyFont('VNI-Times')).toEqual({ encoding: 'vni', capitals: false });
    expect(legacyFont('VNI-Helve')).toEqual({ encoding: 'vni', capitals: false });
    for (const modern of ['Times New Roman', 'Arial', 'VnTimes Unicode', 'theme', null]) expect(legacyFont(modern)).toBeNull();
  });

  it('converts a short TCVN3 run that statistics alone would leave alone', async () => {
    // Too short to decide by character statistics: the font is what tells.
    expect(detectLegacyEncoding('Sè: 15/BC-UBND')).toBeNull();
    const doc = await read(await docx([para(run('Sè: 15/BC-UBND', '.VnTime'))]));
    expect(doc.text).toBe('Số: 15/BC-UBND');
    expect(doc.notes).toEqual(['đã chuyển từ phông TCVN3 sang Unicode']);
  });

  it('converts a short VNI run too', async () => {
    expect(detectLegacyEncoding('Soá: 15/BC-UBND')).toBeNull();
    const doc = await read(await docx([para(run('Soá: 15/BC-UBND', 'VNI-Times'))]));
    expect(doc.text).toBe('Số: 15/BC-UBND');
    expect(doc.notes).toEqual(['đã chuyển từ phông VNI sang Unicode']);
  });

  it('converts legacy runs and leaves Unicode runs of the same paragraph unchanged', async () => {
    const doc = await read(
      await docx([
        para(run('Kính gửi: ', 'Times New Roman'), run('Së Th«ng tin vµ TruyÒn th«ng', '.VnTime'), run(' tỉnh Kiên Giang.', 'Times New Roman')),
        para(run('Độc lập', 'Times New Roman'), run(' - ', 'Times New Roman'), run('Töï do - Haïnh phuùc', 'VNI-Times')),
      ]),
    );
    expect(doc.text).toBe('Kính gửi: Sở Thông tin và Truyền thông tỉnh Kiên Giang.\nĐộc lập - Tự do - Hạnh phúc');
    expect(doc.notes.sort()).toEqual(['đã chuyển từ phông TCVN3 sang Unicode', 'đã chuyển từ phông VNI sang Unicode']);
  });

  it('writes capitals for a capitals-only font (.VnTimeH), typed with lower-case codes', async () => {
    const doc = await read(await docx([para(run('céng hßa x· héi chñ nghÜa viÖt nam', '.VnTimeH')), para(run('Sè: 15', '.VnTime'))]));
    expect(doc.text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 15');
  });

  it('follows the font of the document default, a paragraph style and its parent', async () => {
    const styles: IStylesOptions = {
      default: { document: { run: { font: '.VnTime' } } },
      paragraphStyles: [
        { id: 'CoQuan', name: 'Cơ quan', basedOn: 'Normal', run: { font: '.VnTimeH' } },
        { id: 'CoQuanDam', name: 'Cơ quan đậm', basedOn: 'CoQuan', run: { bold: true } },
      ],
    };
    const doc = await read(
      await docx(
        [
          new Paragraph({ style: 'CoQuanDam', children: [run('ñy ban nh©n d©n huyÖn kiªn l\u00ad¬ng')] }),
          para(run('Kiªn L\u00ad¬ng, ngµy 10 th¸ng 11 n¨m 2021')),
          para(run('Nơi nhận:', 'Times New Roman')),
        ],
        styles,
      ),
    );
    expect(doc.text).toBe('ỦY BAN NHÂN DÂN HUYỆN KIÊN LƯƠNG\nKiên Lương, ngày 10 tháng 11 năm 2021\nNơi nhận:');
  });

  it('converts a VNI letter whose mark Word put in the next run', async () => {
    const doc = await read(await docx([para(run('Vie', 'VNI-Times'), run('ät Nam', 'VNI-Times'))]));
    expect(doc.text).toBe('Việt Nam');
  });

  it('does not believe a .VnTime template typed over in Unicode', async () => {
    // Word shows Unicode letters the font lacks with a fallback font; converting them would garble them.
    const text = 'Báo cáo kết quả tuyên truyền năm 2021, đã đăng 25 tin bài';
    const doc = await read(await docx([para(run(text)), para(run('Hà Nội, ngày 10 tháng 11'))], { default: { document: { run: { font: '.VnTime' } } } }));
    expect(doc.text).toBe(`${text}\nHà Nội, ngày 10 tháng 11`);
    expect(doc.notes).toEqual([]);
  });

  it('leaves a run typed in Unicode alone even in a .VnTime font, when the rest is TCVN3', async () => {
    // Converted by the TCVN3 table, "Báo cáo" would read "Bỏo cỏo".
    const doc = await read(
      await docx([para(run('Céng hoµ x· héi chñ nghÜa ViÖt Nam', '.VnTime')), para(run('§éc lËp - Tù do - H¹nh phóc', '.VnTime')), para(run('Báo cáo kết quả', '.VnTime'))]),
    );
    expect(doc.text).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nBáo cáo kết quả');
  });

  it('converts the cells of a header table', async () => {
    const cell = (text: string, font: string) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, font)] })] });
    const table = new Table({ rows: [new TableRow({ children: [cell('Sè: 15/BC-UBND', '.VnTime'), cell('§éc lËp - Tù do - H¹nh phóc', '.VnTime')] })] });
    const doc = await read(await docx([table]));
    expect(doc.tables).toEqual([[['Số: 15/BC-UBND', 'Độc lập - Tự do - Hạnh phúc']]]);
  });

  it('reads the font of PowerPoint runs (a:latin) the same way', () => {
    const xml =
      '<p:sld xmlns:a="a" xmlns:p="p"><p:txBody><a:p><a:r><a:rPr lang="vi-VN"><a:latin typeface=".VnTime"/></a:rPr><a:t>B¸o c¸o</a:t></a:r>' +
      '<a:r><a:rPr><a:latin typeface="Arial"/></a:rPr><a:t> năm 2021</a:t></a:r></a:p></p:txBody></p:sld>';
    expect(ooxmlText(xml, 'a')).toMatchObject({ text: 'Báo cáo năm 2021', legacyEncodings: ['tcvn3'] });
  });
});

describe('a report typed in .VnTime, imported', () => {
  let app: ReturnType<typeof openTempApp>;
  beforeEach(() => {
    app = openTempApp();
    app.loadDemoData();
  });
  afterEach(() => app.cleanup());

  it('is recognised from the converted text, with textSource legacy-converted', async () => {
    const cell = (runs: TextRun[]) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: runs })] });
    const header = new Table({
      rows: [
        new TableRow({ children: [cell([run('ñy ban nh©n d©n huyÖn kiªn l\u00ad¬ng', '.VnTimeH')]), cell([run('céng hßa x· héi chñ nghÜa viÖt nam', '.VnTimeH')])] }),
        new TableRow({ children: [cell([run('Sè: 15/BC-UBND', '.VnTime')]), cell([run('§éc lËp - Tù do - H¹nh phóc', '.VnTime')])] }),
        new TableRow({ children: [cell([]), cell([run('Kiªn L\u00ad¬ng, ngµy 10 th¸ng 11 n¨m 2021', '.VnTime')])] }),
      ],
    });
    const bytes = await docx([
      header,
      para(run('b¸o c¸o', '.VnTimeH')),
      para(run('KÕt qu¶ tuyªn truyÒn phßng, chèng r¸c th¶i nhùa n¨m 2021', '.VnTime')),
      para(run('Kính gửi: Sở Thông tin và Truyền thông tỉnh Kiên Giang.', 'Times New Roman')),
    ]);
    const [r] = await app.imports.importInputs([{ name: 'BC 15.docx', bytes }], { receivedDate: '2021-11-12' });
    expect(r!.document).toMatchObject({
      textSource: 'legacy-converted',
      number: 15,
      symbol: 'BC-UBND',
      date: '2021-11-10',
      type: 'Báo cáo',
      subject: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021',
    });
    expect(r!.unit!.name).toBe('UBND huyện Kiên Lương');
    // Searchable as Unicode, without diacritics.
    expect(app.search.search('tuyen truyen rac thai').some((h) => h.kind === 'incoming' && h.id === r!.entryId)).toBe(true);
  });
});
