import { describe, expect, it } from 'vitest';
import { recognizeNumberSymbol, restoreTypeHyphen } from '../../main/intake/recognize-number-symbol.js';
import { headerZoneEnd, normaliseSymbol, prepareText, typeOfSymbol } from '../../main/intake/recognize-patterns.js';

function read(text: string): { number: number | null; symbol: string | null; confidence: number } {
  const prep = prepareText(text);
  const r = recognizeNumberSymbol(prep, headerZoneEnd(prep));
  return { number: r.number.value, symbol: r.symbol.value, confidence: r.symbol.confidence };
}

describe('recognizeNumberSymbol', () => {
  it('reads "Số:" with its spacing and dashes as printed', () => {
    expect(read('SỞ TÀI CHÍNH\nSố: 864/STTTT-TTBCBC')).toEqual({ number: 864, symbol: 'STTTT-TTBCBC', confidence: 0.95 });
    expect(read('Số : 4144 /GDĐT – VP      Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2018').symbol).toBe('GDĐT-VP');
    expect(read('Số:864/ STTTT - TTBCBC').symbol).toBe('STTTT-TTBCBC');
    expect(read('Số: 249  /BC—STC').symbol).toBe('BC-STC');
    expect(read('SỞ TÀI CHÍNHSố: 249/BC-STC')).toMatchObject({ number: 249, symbol: 'BC-STC' });
    expect(read('SỐ: 12/UBND-VP')).toMatchObject({ number: 12, symbol: 'UBND-VP' });
  });

  it('keeps the letters as printed: the decree\'s mixed-case abbreviations, Đ', () => {
    expect(read('Số: 33/TTr-SLĐTBXH').symbol).toBe('TTr-SLĐTBXH');
    expect(read('Số: 416/QĐ-TTg').symbol).toBe('QĐ-TTg');
  });

  it('normative documents keep their year; party documents their own order', () => {
    expect(read('Số: 15/2021/QĐ-UBND')).toMatchObject({ number: 15, symbol: '2021/QĐ-UBND' });
    expect(read('Số 59-CV/ĐU')).toMatchObject({ number: 59, symbol: 'CV/ĐU' });
  });

  it('a number left blank to be written by hand is null, its symbol still read', () => {
    expect(read('UBND HUYỆN KRÔNG NÔ\nSố:        /BC-UBND')).toEqual({ number: null, symbol: 'BC-UBND', confidence: 0.95 });
    expect(read('Số: ……/BC-UBND').number).toBeNull();
  });

  it('without "Số:" only a number opening a cell, and less surely', () => {
    const r = read('SỞ GIÁO DỤC VÀ ĐÀO TẠO\n4144 /GDĐT – VP');
    expect(r).toEqual({ number: 4144, symbol: 'GDĐT-VP', confidence: 0.75 });
    expect(read('Thông báo nghỉ học ngày 26/11/2018').number).toBeNull();
  });

  it('a reference in the body is not the header\'s number', () => {
    expect(read('Kính gửi: Các sở\nThực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở').number).toBeNull();
    expect(read('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nThực hiện Kế hoạch số 136/KH-UBND ngày 15/7/2021').number).toBeNull();
    // A web page's title names the document with its type: that is not the header.
    expect(read('Quyết định Số 435/QĐ-UBND năm 2020').number).toBeNull();
    expect(read('Công văn 722/UBND-MT rà soát cơ sở').number).toBeNull();
  });

  it('the number above the body wins over the numbers cited in it', () => {
    const r = read('BỘ Y TẾ\nSố: 627/BYT-BH\nKính gửi: Sở Y tế\nThực hiện Công văn Số: 12/BHXH-CSYT');
    expect(r.number).toBe(627);
  });
});

describe('symbols', () => {
  it('normaliseSymbol: no spaces, hyphens only', () => {
    expect(normaliseSymbol('GDĐT – VP')).toBe('GDĐT-VP');
    expect(normaliseSymbol('UBND‐NC')).toBe('UBND-NC');
  });

  it('typeOfSymbol: the decree\'s type abbreviation in front, else null', () => {
    expect(typeOfSymbol('BC-STC')).toBe('Báo cáo');
    expect(typeOfSymbol('TTr-SNV')).toBe('Tờ trình');
    expect(typeOfSymbol('2021/QĐ-UBND')).toBe('Quyết định');
    expect(typeOfSymbol('STTTT-TTBCBC')).toBeNull();
    expect(typeOfSymbol('UBND-VX')).toBeNull();
  });

  it('restoreTypeHyphen puts back the hyphen PDF text lost, only when the title says the type', () => {
    expect(restoreTypeHyphen('QĐUBND', 'Quyết định')).toBe('QĐ-UBND');
    expect(restoreTypeHyphen('BCSTC', 'Báo cáo')).toBe('BC-STC');
    expect(restoreTypeHyphen('QĐ-UBND', 'Quyết định')).toBeNull();
    expect(restoreTypeHyphen('BCSTC', 'Quyết định')).toBeNull();
    expect(restoreTypeHyphen('STTTT', 'Công văn')).toBeNull();
  });
});

describe('recognizeNumberSymbol: an issuer whose name ends in a type word', () => {
  it('"TRUNG TÂM … BÁO CÁO" above "Số:" is a name, not a citation', () => {
    expect(read('TRUNG TÂM THÔNG TIN VÀ BÁO CÁO\nSố: 12/TTTT-BC')).toMatchObject({ number: 12, symbol: 'TTTT-BC' });
  });
});
