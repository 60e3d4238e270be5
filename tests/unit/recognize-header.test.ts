import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../main/intake/recognize-header.js';
import type { PositionedLine, RecognisedHeader } from '../../main/intake/types.js';
import { describeWithShared, readShared, readTsv } from '../support/shared-fixtures.js';
import { messyVariants } from '../fixtures/messy-headers.js';

/** The six fields EXPECTED.tsv gives, as the recogniser returns them ('' for null, like the file). */
function expectedFields(h: RecognisedHeader): Record<string, string> {
  return {
    number: h.number.value === null ? '' : String(h.number.value),
    symbol: h.symbol.value ?? '',
    date: h.date.value ?? '',
    agency: h.agency.value ?? '',
    parent_agency: h.parentAgency.value ?? '',
    type: h.type.value ?? '',
  };
}

describeWithShared('recognizeHeader trên văn bản thật (fixtures/texts)', (dir) => {
  const rows = readTsv(readShared(dir, 'fixtures', 'texts', 'EXPECTED.tsv'));
  const fields = ['number', 'symbol', 'date', 'agency', 'parent_agency', 'type'] as const;

  it.each(rows.map((r) => [r.file ?? '', r] as const))('%s', (file, row) => {
    const h = recognizeHeader(readShared(dir, 'fixtures', 'texts', file));
    const got = expectedFields(h);
    for (const f of fields) expect({ field: f, value: got[f] }).toEqual({ field: f, value: row[f] ?? '' });
    // What is right is also said surely enough to be used without a person (matching takes ≥ 0.85).
    if (!h.agency.value?.match(/^(ỦY BAN NHÂN DÂN|UBND)$/)) expect(h.agency.confidence).toBeGreaterThanOrEqual(0.75);
    expect(h.number.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('đo độ chính xác trên EXPECTED.tsv', () => {
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    for (const row of rows) {
      const got = expectedFields(recognizeHeader(readShared(dir, 'fixtures', 'texts', row.file ?? '')));
      for (const f of fields) {
        total += 1;
        if (got[f] === (row[f] ?? '')) right += 1;
        else wrong.push(`${row.file} ${f}: "${got[f]}" ≠ "${row[f]}"`);
      }
    }
    console.log(`[recognize] EXPECTED.tsv: ${right}/${total} trường đúng${wrong.length ? ` — sai: ${wrong.join('; ')}` : ''}`);
    expect(wrong).toEqual([]);
  });

  it('file 18 (không có phần đầu): không bịa ra gì', () => {
    const h = recognizeHeader(readShared(dir, 'fixtures', 'texts', '18_ubnd-haiduong_giaymoi-tet-trong-cay_NOHEADER.txt'));
    expect(h.number).toEqual({ value: null, confidence: 0 });
    expect(h.symbol).toEqual({ value: null, confidence: 0 });
    expect(h.date).toEqual({ value: null, confidence: 0 });
    expect(h.agency).toEqual({ value: null, confidence: 0 });
    expect(h.parentAgency.value).toBeNull();
    expect(h.place.value).toBeNull();
    expect(h.type.value).toBeNull();
    expect(h.signer.value).toBeNull();
    expect(h.references).toEqual([]);
  });

  it('các trường khác trên văn bản thật: trích yếu, kính gửi, viện dẫn, người ký, độ khẩn', () => {
    const read = (file: string): RecognisedHeader => recognizeHeader(readShared(dir, 'fixtures', 'texts', file));
    const f01 = read('01_ubnd-haugiang_454-UBND-NCTH_congvan.txt');
    expect(f01.place).toEqual({ value: 'Vị Thanh', confidence: 0.9 });
    expect(f01.subject.value).toBe('tiếp tục phối hợp tuyên truyền và tham gia bầu chọn Vịnh Hạ Long là kỳ quan thiên nhiên thế giới');
    expect(f01.recipients.value).toHaveLength(4);
    expect(f01.references).toEqual([
      { type: 'Công văn', number: 847, symbol: 'UBND-VX1', date: '2011-03-22', text: 'Công văn số 847/UBND-VX1 ngày 22 tháng 3 năm 2011' },
    ]);
    expect(f01.signer.value).toBe('Trần Thành Lập');

    const f04 = read('04_btttt_3478-BTTTT-VP_congvan-yeucau-baocao.txt');
    expect(f04.subject.value).toBe('Chuẩn bị Tổng kết công tác năm 2011 và triển khai Chương trình công tác năm 2012');
    expect(f04.recipients.value).toEqual(['Các Sở Thông tin và Truyền thông']);
    expect(f04.period.value).toBe('2011');
    expect(f04.signer.value).toBe('Nguyễn Trọng Phát');

    const f08 = read('08_sgddt-hcm_4144-GDDT-VP_congvan-khan.txt');
    expect(f08.urgency).toEqual({ value: 'khan', confidence: 0.9 });
    expect(f08.place.value).toBe('Thành phố Hồ Chí Minh');
    expect(f08.signer.value).toBe('Lê Hồng Sơn');
    expect(f08.subject.confidence).toBeLessThan(0.9);

    const f13 = read('13_stc-langson_249-BC-STC_baocao-so_PARTIAL.txt');
    expect(f13.subject.value).toMatch(/^Tình hình giá cả thị trường Lạng Sơn .* 6 tháng cuối năm 2017$/);
    expect(f13.period.value).toBe('2017-H1');

    const f14 = read('14_ubnd-kontum_435-QD-UBND_quyetdinh-kem-chuongtrinh.txt');
    expect(f14.subject.value).toMatch(/^BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG .*TÌNH HÌNH MỚI”$/);
    expect(f14.references.map((r) => `${r.type} ${r.number}/${r.symbol} ${r.date}`)).toContain('Kế hoạch 119/KH/TU 2019-12-18');
    expect(f14.references.some((r) => r.number === 435)).toBe(false);

    const f16 = read('16_ubnd-kiengiang_1961-QD-UBND_quyetdinh_PARTIAL-pdftext.txt');
    expect(f16.symbol.confidence).toBeLessThan(0.9);

    const f17 = read('17_sgddt-ninhthuan_2917-SGDDT-VP_baocao-nhanh_GARBLED-PARTIAL.txt');
    expect(f17.place.value).toBe('Phan Rang-Tháp Chàm');
    expect(f17.recipients.value).toEqual(['Ủy ban nhân dân tỉnh Ninh Thuận', 'Bộ Giao duc và Đao tao']);

    const f20 = read('20_byt_627-BYT-BH_congvan-huongdan.txt');
    expect(f20.signer.value).toBe('Nguyễn Trường Sơn');
    expect(f20.recipients.value).toHaveLength(3);

    const f22 = read('22_ubnd-ninhbinh_232-QD-UBND_quyetdinh_PARTIAL-pipetable.txt');
    expect(f22.subject.value).toMatch(/^VỀ VIỆC CÔNG BỐ DANH MỤC .* CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO$/);
    expect(f22.agency.confidence).toBeLessThanOrEqual(0.6);
  });

  it('công văn 864 (seed)', () => {
    const text = readShared(dir, 'seed', 'cong-van-864-STTTT-TTBCBC.txt').replace(/\*{1,2}([^*]+)\*{1,2}/g, '$1');
    const h = recognizeHeader(text);
    expect(h.number).toEqual({ value: 864, confidence: 0.95 });
    expect(h.symbol).toEqual({ value: 'STTTT-TTBCBC', confidence: 0.95 });
    expect(h.date).toEqual({ value: '2021-08-03', confidence: 0.95 });
    expect(h.place.value).toBe('Kiên Giang');
    expect(h.agency.value).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(h.parentAgency.value).toBe('UBND TỈNH KIÊN GIANG');
    expect(h.type).toEqual({ value: 'Công văn', confidence: 0.9 });
    expect(h.subject.value).toBe('đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa giai đoạn 2021-2025 trên địa bàn tỉnh Kiên Giang');
    expect(h.subject.value?.startsWith('đẩy mạnh tuyên truyền')).toBe(true);
    expect(h.recipients.value).toEqual([
      'Các sở, ban, ngành cấp tỉnh',
      'Báo Kiên Giang',
      'Đài Phát thanh và Truyền hình Kiên Giang',
      'Cổng Thông tin điện tử tỉnh',
      'Ủy ban nhân dân các huyện, thành phố',
    ]);
    expect(h.references).toEqual([{ type: 'Kế hoạch', number: 136, symbol: 'KH-UBND', date: '2021-07-15', text: 'Kế hoạch số 136/KH-UBND ngày 15/7/2021' }]);
    expect(h.period.value).toBeNull();
    expect(h.signer.value).toBe('Lâm Văn Sển');
    expect(h.signer.confidence).toBeLessThan(0.85);
    expect(h.urgency.value).toBeNull();
  });

  it('nhanh: một văn bản 20 trang dưới 50 ms', () => {
    const base = readShared(dir, 'fixtures', 'texts', '14_ubnd-kontum_435-QD-UBND_quyetdinh-kem-chuongtrinh.txt');
    const long = `${base}\n${base.split('\n').slice(4).join('\n').repeat(3)}`;
    expect(long.length).toBeGreaterThan(60_000);
    recognizeHeader(long);
    const t0 = performance.now();
    for (let i = 0; i < 5; i += 1) recognizeHeader(long);
    const ms = (performance.now() - t0) / 5;
    console.log(`[recognize] ${long.length} ký tự: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(50);
  });
});

describe('recognizeHeader trên bộ văn bản sinh lộn xộn (tests/fixtures/messy-headers)', () => {
  it('các trường giữ nguyên qua mọi biến thể', () => {
    const variants = messyVariants();
    const fields = ['number', 'symbol', 'date', 'place', 'agency', 'parentAgency', 'type', 'subject', 'recipients', 'signer'] as const;
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    for (const v of variants) {
      const h = recognizeHeader(v.text);
      const got = {
        number: h.number.value,
        symbol: h.symbol.value,
        date: h.date.value,
        place: h.place.value,
        agency: h.agency.value,
        parentAgency: h.parentAgency.value,
        type: h.type.value,
        subject: h.subject.value,
        recipients: h.recipients.value ?? [],
        signer: h.signer.value,
      };
      for (const f of fields) {
        total += 1;
        if (JSON.stringify(got[f]) === JSON.stringify(v.expected[f])) right += 1;
        else wrong.push(`${v.name} ${f}: ${JSON.stringify(got[f])} ≠ ${JSON.stringify(v.expected[f])}`);
      }
    }
    console.log(`[recognize] văn bản sinh: ${variants.length} biến thể, ${right}/${total} trường đúng (${((100 * right) / total).toFixed(1)} %)`);
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});

describe('recognizeHeader với vị trí dòng của PDF', () => {
  // Modelled on 216-BC-STC (fixtures/real): a text extractor that reads by rows interleaves the
  // columns, and runs the first V/v line and the date (same baseline) together.
  const lines: PositionedLine[] = [
    { page: 1, x: 70.9, y: 58.4, width: 154.3, text: 'UBND TỈNH KIÊN GIANG' },
    { page: 1, x: 247.3, y: 58.1, width: 271, text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
    { page: 1, x: 60.3, y: 74.7, width: 176.2, text: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG' },
    { page: 1, x: 311.1, y: 74.7, width: 171.6, text: 'Độc lập - Tự do - Hạnh phúc' },
    { page: 1, x: 88.3, y: 106.6, width: 110, text: 'Số: 864/STTTT-TTBCBC' },
    { page: 1, x: 302.1, y: 118.6, width: 221, text: 'Kiên Giang, ngày 03 tháng 8 năm 2021' },
    { page: 1, x: 64.1, y: 118.6, width: 170, text: 'V/v đẩy mạnh tuyên truyền về phòng,' },
    { page: 1, x: 64.1, y: 130.6, width: 172, text: 'chống rác thải nhựa giai đoạn 2021-2025' },
    { page: 1, x: 75.3, y: 142.6, width: 140, text: 'trên địa bàn tỉnh Kiên Giang' },
    { page: 1, x: 200.5, y: 170.4, width: 60, text: 'Kính gửi:' },
    { page: 1, x: 230.5, y: 186.4, width: 200, text: '- Báo Kiên Giang;' },
    { page: 1, x: 230.5, y: 202.4, width: 230, text: '- Ủy ban nhân dân các huyện, thành phố.' },
  ];
  const text = [
    'UBND TỈNH KIÊN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - Tự do - Hạnh phúc',
    'Số: 864/STTTT-TTBCBC',
    'V/v đẩy mạnh tuyên truyền về phòng, Kiên Giang, ngày 03 tháng 8 năm 2021',
    'chống rác thải nhựa giai đoạn 2021-2025',
    'trên địa bàn tỉnh Kiên Giang',
    'Kính gửi:',
    '- Báo Kiên Giang;',
    '- Ủy ban nhân dân các huyện, thành phố.',
    'Thực hiện Kế hoạch số 136/KH-UBND ngày 15/7/2021 …',
  ].join('\n');

  it('đọc phần đầu theo từng cột nên trích yếu không bị ngày cắt ngang', () => {
    const flat = recognizeHeader(text);
    expect(flat.subject.value).toBe('đẩy mạnh tuyên truyền về phòng'); // the text alone cannot tell the columns apart
    const h = recognizeHeader(text, lines);
    expect(h.subject.value).toBe('đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa giai đoạn 2021-2025 trên địa bàn tỉnh Kiên Giang');
    expect(h.date.value).toBe('2021-08-03');
    expect(h.place.value).toBe('Kiên Giang');
    expect([h.parentAgency.value, h.agency.value]).toEqual(['UBND TỈNH KIÊN GIANG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    expect(h.recipients.value).toEqual(['Báo Kiên Giang', 'Ủy ban nhân dân các huyện, thành phố']);
    expect(h.references.map((r) => r.symbol)).toEqual(['KH-UBND']);
  });

  it('không có dòng quốc hiệu riêng để chia cột: dùng văn bản như cũ', () => {
    const merged = lines.filter((l) => !l.text.startsWith('CỘNG HÒA'));
    expect(recognizeHeader(text, merged)).toEqual(recognizeHeader(text));
    expect(recognizeHeader(text, [])).toEqual(recognizeHeader(text));
  });
});

describe('recognizeHeader: cases modelled on fixtures/real and the issue', () => {
  it('the Krông Nô report: number and day written by hand stay null, the rest is read', () => {
    const text = [
      'UBND TỈNH ĐẮK NÔNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'UBND HUYỆN KRÔNG NÔ                      Độc lập - Tự do - Hạnh phúc',
      'Số:       /BC-UBND                  Krông Nô, ngày      tháng 5 năm 2019',
      '',
      'BÁO CÁO',
      'TỔNG HỢP KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN CỦA THỦ TRƯỞNG',
      'CƠ QUAN, ĐƠN VỊ THÁNG 5 NĂM 2019',
      'Thực hiện Công văn số 2853/UBND-TD ngày 16/6/2016 của UBND tỉnh Đắk Nông về việc báo cáo.',
    ].join('\n');
    const h = recognizeHeader(text);
    expect(h.number).toEqual({ value: null, confidence: 0 });
    expect(h.symbol.value).toBe('BC-UBND');
    expect(h.date).toEqual({ value: null, confidence: 0 });
    expect(h.place.value).toBe('Krông Nô');
    expect([h.parentAgency.value, h.agency.value]).toEqual(['UBND TỈNH ĐẮK NÔNG', 'UBND HUYỆN KRÔNG NÔ']);
    expect(h.type).toEqual({ value: 'Báo cáo', confidence: 0.95 });
    expect(h.subject.value).toBe('TỔNG HỢP KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN CỦA THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ THÁNG 5 NĂM 2019');
    expect(h.period).toEqual({ value: '2019-05', confidence: 0.85 });
    expect(h.references).toEqual([{ type: 'Công văn', number: 2853, symbol: 'UBND-TD', date: '2016-06-16', text: 'Công văn số 2853/UBND-TD ngày 16/6/2016' }]);
  });

  it('a report whose date line is by the signature: read, but not surely', () => {
    const text = ['UBND TỈNH ĐĂK NÔNG', 'SỞ TÀI CHÍNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 106/BC-STC',
      'TỔNG HỢP KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN', 'THÁNG 5 NĂM 2019', ...Array.from({ length: 30 }, (_, i) => `0${i}   02/5/2019   Nguyễn Tấn Bi   Giám đốc   0`),
      'Đăk Nông, ngày 28 tháng 5 năm 2019', 'Nơi nhận:', '- Thanh tra tỉnh;', 'GIÁM ĐỐC'].join('\n');
    const h = recognizeHeader(text);
    expect(h.date).toEqual({ value: '2019-05-28', confidence: 0.6 });
    expect(h.type).toEqual({ value: 'Báo cáo', confidence: 0.75 });
    expect(h.period.value).toBe('2019-05');
    expect(h.period.confidence).toBeLessThan(0.7);
  });

  it('a web page\'s dateline above the header is not the document\'s date', () => {
    const h = recognizeHeader('Hà Nội, ngày 05/03/2021 (Chinhphu.vn)\nBỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 627/BYT-BH\nV/v hướng dẫn\nKính gửi: Sở Y tế');
    expect(h.date.value).toBeNull();
    expect(h.number.value).toBe(627);
  });

  it('a body reference alone gives no number, no symbol, no agency', () => {
    const h = recognizeHeader('Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông, UBND huyện báo cáo như sau.');
    expect([h.number.value, h.symbol.value, h.agency.value, h.date.value, h.type.value]).toEqual([null, null, null, null, null]);
    expect(h.references[0]).toMatchObject({ number: 864, symbol: 'STTTT-TTBCBC', date: '2021-08-03' });
  });

  it('empty text: every field null with confidence 0', () => {
    const h = recognizeHeader('');
    const { references, ...fields } = h;
    expect(references).toEqual([]);
    for (const f of Object.values(fields)) expect(f).toEqual({ value: null, confidence: 0 });
  });

  it('NFC: decomposed input reads the same as composed', () => {
    const composed = 'SỞ TÀI CHÍNH\nSố: 249/BC-STC\nLạng Sơn, ngày 07 tháng 7 năm 2017\nBÁO CÁO\nTình hình giá cả năm 2017';
    expect(recognizeHeader(composed.normalize('NFD'))).toEqual(recognizeHeader(composed));
  });
});

describe('recognizeHeader: no pattern backtracks badly', () => {
  const spaces = ' '.repeat(20_000);
  it.each([
    ['ngày + spaces', `ngày${spaces}x`],
    ['Số: + spaces', `Số:${spaces}x`],
    ['V/v + spaces', `Số: 1/UBND-VP\nV/v${spaces}x`],
    ['a type word + spaces', `Công văn${spaces}x`],
    ['a cell + spaces', `SỞ${spaces}TÀI CHÍNH${spaces}Hà Nội, ngày 1 tháng 2 năm 2020`],
    ['a long line of words', 'a '.repeat(40_000)],
  ])('%s', (_name, text) => {
    const t0 = performance.now();
    recognizeHeader(text);
    expect(performance.now() - t0).toBeLessThan(250);
  });
});
