import { describe, expect, it } from 'vitest';
import { prepareText } from '../../main/intake/recognize-patterns.js';
import { recognizeRecipients } from '../../main/intake/recognize-recipients.js';

const read = (text: string): ReturnType<typeof recognizeRecipients> => recognizeRecipients(prepareText(text));

describe('recognizeRecipients', () => {
  it('one recipient on the Kính gửi line', () => {
    expect(read('Kính gửi: Sở Tài nguyên và Môi trường\nThực hiện Công văn')).toEqual({ value: ['Sở Tài nguyên và Môi trường'], confidence: 0.85 });
    expect(read('Kính gửi : Chủ tịch Ủy ban nhân dân các quận, huyện.').value).toEqual(['Chủ tịch Ủy ban nhân dân các quận, huyện']);
    expect(read('Kính gửi: UBND TP. Hồ Chí Minh.').value).toEqual(['UBND TP. Hồ Chí Minh']);
  });

  it('"- X;" lines, blank lines between them, the last ending "."', () => {
    const text = 'Kính gửi:\n\n- Các sở, ban, ngành cấp tỉnh;\n\n- Báo Kiên Giang;\n- Ủy ban nhân dân các huyện, thành phố.\n\nThực hiện Kế hoạch số 136/KH-UBND';
    expect(read(text)).toEqual({ value: ['Các sở, ban, ngành cấp tỉnh', 'Báo Kiên Giang', 'Ủy ban nhân dân các huyện, thành phố'], confidence: 0.9 });
    const enDash = read('Kính gửi:\n– Sở Y tế;\n– Các bệnh viện trực thuộc.\n(Sau đây gọi chung là các đơn vị)');
    expect(enDash.value).toEqual(['Sở Y tế', 'Các bệnh viện trực thuộc']);
  });

  it('a flattened page: items on one line, the body run on after the last', () => {
    const text = 'Hà Nội, ngày 02 tháng 02 năm 2021 Kính gửi: - Ủy ban nhân dân tỉnh Ninh Thuận; - Bộ Giáo dục và Đào tạo. Vừa qua, tỉnh Ninh Thuận bị ảnh hưởng của không khí lạnh; mưa lớn';
    expect(read(text).value).toEqual(['Ủy ban nhân dân tỉnh Ninh Thuận', 'Bộ Giáo dục và Đào tạo']);
    const single = read('Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn. Thực hiện Công văn số 1017/UBND-KT ngày 22/6/2017');
    expect(single.value).toEqual(['Ủy ban nhân dân tỉnh Lạng Sơn']);
  });

  it('"Kính gửi:" alone, the recipient on the next line without a dash: less sure', () => {
    expect(read('Kính gửi:\n   Ủy ban nhân dân tỉnh Kiên Giang\n\nThực hiện …')).toEqual({ value: ['Ủy ban nhân dân tỉnh Kiên Giang'], confidence: 0.6 });
  });

  it('none without "Kính gửi" ("kính gửi" in a sentence, "Kính mời" are not it)', () => {
    expect(read('Kính mời các đại biểu về dự.')).toEqual({ value: null, confidence: 0 });
    expect(read('văn bản này được kính gửi tới các đơn vị')).toEqual({ value: null, confidence: 0 });
  });
});
