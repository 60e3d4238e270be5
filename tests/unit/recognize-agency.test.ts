import { describe, expect, it } from 'vitest';
import { normaliseAgency } from '../../main/intake/recognize-agency.js';
import { recognizeHeader } from '../../main/intake/recognize-header.js';

function agencies(text: string): [string | null, string | null] {
  const h = recognizeHeader(text);
  return [h.parentAgency.value, h.agency.value];
}

describe('recognizeAgency (through recognizeHeader)', () => {
  it('strips the national title and motto out of flattened two-column lines', () => {
    const text = 'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc\n\nSố: 454/UBND-NCTH Vị Thanh, ngày 6 tháng 4 năm 2011';
    expect(agencies(text)).toEqual([null, 'ỦY BAN NHÂN DÂN TỈNH HẬU GIANG']);
  });

  it('parent above issuer, also on one line with a column gap, also interleaved with the national title', () => {
    expect(agencies('UBND TỈNH LẠNG SƠN               SỞ TÀI CHÍNH\nSố: 249  /BC-STC')).toEqual(['UBND TỈNH LẠNG SƠN', 'SỞ TÀI CHÍNH']);
    expect(
      agencies('1. UBND TỈNH NINH THUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc Số : 2917 /SGDĐT-VP'),
    ).toEqual(['UBND TỈNH NINH THUẬN', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO']);
  });

  it('writes "UỶ" as the decree does ("ỦY")', () => {
    const text = 'UỶ BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố : 4144 /GDĐT – VP';
    expect(agencies(text)).toEqual(['ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO']);
    expect(normaliseAgency('  TOÀ ÁN NHÂN DÂN  TỈNH  KHÁNH HOÀ. ')).toBe('TÒA ÁN NHÂN DÂN TỈNH KHÁNH HÒA');
  });

  it('a name run onto "Số:" (PDF text) ends where the label starts', () => {
    expect(agencies('UBND TỈNH LẠNG SƠN\nSỞ TÀI CHÍNHSố: 249/BC-STC')).toEqual(['UBND TỈNH LẠNG SƠN', 'SỞ TÀI CHÍNH']);
  });

  it('reads the issuer at the end of a web page\'s title line, less surely', () => {
    const h = recognizeHeader('Công văn 296/BHXH-CSYT năm 2021 do Bảo hiểm xã hội Việt Nam ban hành. BẢO HIỂM XÃ HỘI VIỆT NAM --------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 296/BHXH-CSYT');
    expect(h.agency).toEqual({ value: 'BẢO HIỂM XÃ HỘI VIỆT NAM', confidence: 0.8 });
  });

  it('a banner above the header, with other text between, is not the parent', () => {
    const text = 'CỔNG THÔNG TIN ĐIỆN TỬ BỘ Y TẾ\nTin tức - Văn bản\nBỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 627/BYT-BH';
    expect(agencies(text)).toEqual([null, 'BỘ Y TẾ']);
  });

  it('"ỦY BAN NHÂN DÂN" with its province lost is kept as printed but not sure', () => {
    const h = recognizeHeader('ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 722/UBND-MT | Bắc Giang, ngày 28 tháng 03 năm 2013 |');
    expect(h.agency.value).toBe('ỦY BAN NHÂN DÂN');
    expect(h.agency.confidence).toBeLessThanOrEqual(0.6);
  });

  it('without a national title, number or date there is no header: no agency from the body', () => {
    const h = recognizeHeader('Hưởng ứng phong trào; ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG tổ chức Lễ phát động.\n- Lãnh đạo HĐND, UBND tỉnh;');
    expect(h.agency).toEqual({ value: null, confidence: 0 });
    expect(h.parentAgency).toEqual({ value: null, confidence: 0 });
  });
});

describe('normaliseAgency', () => {
  it('moves the tone mark only in word-final -uy/-oa', () => {
    expect(normaliseAgency('TỈNH UỶ KHÁNH HOÀ')).toBe('TỈNH ỦY KHÁNH HÒA');
    expect(normaliseAgency('TRUNG TÂM AN TOÀN THỰC PHẨM')).toBe('TRUNG TÂM AN TOÀN THỰC PHẨM');
  });
});
