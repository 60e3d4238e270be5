import { describe, expect, it } from 'vitest';
import { prepareText } from '../../main/intake/recognize-patterns.js';
import { recognizeSigner } from '../../main/intake/recognize-signer.js';
import { recognizeUrgency } from '../../main/intake/recognize-urgency.js';

const signer = (text: string): ReturnType<typeof recognizeSigner> => recognizeSigner(prepareText(text));

describe('recognizeSigner', () => {
  it('the name under the capacity lines, past "(đã ký)"', () => {
    expect(signer('Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.\nTL. BỘ TRƯỞNG\nCHÁNH VĂN PHÒNG\n(đã ký)\nNguyễn Trọng Phát')).toEqual({ value: 'Nguyễn Trọng Phát', confidence: 0.85 });
    expect(signer('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n \n \nTrần Thành Lập\n;').value).toBe('Trần Thành Lập');
  });

  it('interleaved with Nơi nhận on the same lines, or run onto the capacity line', () => {
    const interleaved = 'Nơi nhận :                                   GIÁM ĐỐC\n– Như trên;\n– BGĐ Sở GD&ĐT;                         (đã ký)\n– Phòng, ban Sở;                        Lê Hồng Sơn\n– Các P.GD&ĐT;';
    expect(signer(interleaved).value).toBe('Lê Hồng Sơn');
    expect(signer('- Lưu: VT, CSYT.\nKT. TỔNG GIÁM ĐỐC PHÓ TỔNG GIÁM ĐỐC Phạm Lương Sơn').value).toBe('Phạm Lương Sơn');
  });

  it('a name alone on the last line without capacity lines: less sure', () => {
    expect(signer('- Lưu: VT, TTBCBC.\n\n\n\nLâm Văn Sển')).toEqual({ value: 'Lâm Văn Sển', confidence: 0.55 });
  });

  it('no name that is not a person\'s: a signature stamp, a sentence, a cut page', () => {
    expect(signer('GIÁM ĐỐC\nNgười ký: Sở Tài chính\nSở Tài chính\nTỉnh Đắk Nông\n28.05.2019').value).toBeNull();
    expect(signer('Kính mời các đại biểu về dự để buổi Lễ thành công tốt đẹp./.').value).toBeNull();
    expect(signer('Nơi nhận: | TL. CHỦ TỊCH |').value).toBeNull();
    expect(signer('Giám đốc Sở Lao động chủ trì\nHà Nội').value).toBeNull();
  });
});

describe('recognizeUrgency', () => {
  const urgency = (text: string): ReturnType<typeof recognizeUrgency> => {
    const prep = prepareText(text);
    return recognizeUrgency(prep, prep.text.length);
  };
  it('the stamp alone in its cell, as the domain key', () => {
    expect(urgency('Về cho học sinh nghỉ học\n\n   KHẨN\n\nKính gửi')).toEqual({ value: 'khan', confidence: 0.9 });
    expect(urgency('Số: 1/UBND-VP          HỎA TỐC').value).toBe('hoa_toc');
    expect(urgency('HOẢ TỐC').value).toBe('hoa_toc');
    expect(urgency('THƯỢNG KHẨN').value).toBe('thuong_khan');
  });
  it('"khẩn trương" in a sentence or inside a title is not a stamp', () => {
    expect(urgency('đề nghị các đơn vị khẩn trương báo cáo').value).toBeNull();
    expect(urgency('V/V KHẨN TRƯƠNG TRIỂN KHAI').value).toBeNull();
  });
});
