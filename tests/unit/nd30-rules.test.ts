import { describe, expect, it } from 'vitest';
import { formatDateLine, formatDateWords, formatMonth } from '../../shared/nd30/date-line.js';
import { dispatchSymbol, formatDocumentNumber, formatNumberLine, namedTypeSymbol } from '../../shared/nd30/number-symbol.js';
import { DOCUMENT_TYPES, documentTypeAbbreviation, findDocumentType } from '../../shared/nd30/document-types.js';
import { URGENCY_STAMPS, urgencyStamp } from '../../shared/nd30/urgency.js';
import { breakBalanced, textWidthMm } from '../../shared/documents/text-width.js';

describe('date line (nd30 §2 date rule)', () => {
  it('writes the date of công văn 864 as the decree does', () => {
    expect(formatDateLine('Kiên Giang', '2021-08-03')).toBe('Kiên Giang, ngày 03 tháng 8 năm 2021');
  });

  it('pads days below 10 and the months January and February, not the others', () => {
    expect(formatDateWords('2021-01-05')).toBe('ngày 05 tháng 01 năm 2021');
    expect(formatDateWords('2024-02-29')).toBe('ngày 29 tháng 02 năm 2024');
    expect(formatDateWords('2021-03-09')).toBe('ngày 09 tháng 3 năm 2021');
    expect(formatDateWords('2021-11-15')).toBe('ngày 15 tháng 11 năm 2021');
    expect(formatDateWords('2021-12-31')).toBe('ngày 31 tháng 12 năm 2021');
    expect([1, 2, 3, 9, 10, 12].map(formatMonth)).toEqual(['01', '02', '3', '9', '10', '12']);
  });

  it('leaves blanks to write the day and month by hand, with the year when it is known', () => {
    expect(formatDateLine('Kiên Giang', null, 2021)).toBe('Kiên Giang, ngày      tháng      năm 2021');
    const noYear = formatDateLine('Kiên Giang', null);
    expect(noYear.startsWith('Kiên Giang, ngày      tháng      năm')).toBe(true);
    expect(noYear).not.toMatch(/\d/);
  });

  it('rejects dates that are not in the calendar or not ISO', () => {
    expect(() => formatDateLine('Kiên Giang', '2021-02-30')).toThrow(RangeError);
    expect(() => formatDateLine('Kiên Giang', '03/08/2021')).toThrow(RangeError);
  });
});

describe('number and symbol (nd30 §2 ô 3, §4)', () => {
  it('prints "Số: n/SYMBOL" with a leading zero below 10', () => {
    expect(formatNumberLine(864, 'STTTT-TTBCBC')).toBe('Số: 864/STTTT-TTBCBC');
    expect(formatNumberLine(5, 'BNV-VP')).toBe('Số: 05/BNV-VP');
    expect(formatNumberLine(10, 'UBND-VX')).toBe('Số: 10/UBND-VX');
    expect(formatDocumentNumber(1)).toBe('01');
  });

  it('leaves room to write the number by hand', () => {
    expect(formatNumberLine(null, 'STTTT-TTBCBC')).toBe('Số:      /STTTT-TTBCBC');
  });

  it('refuses numbers that are not positive whole numbers', () => {
    for (const bad of [0, -3, 1.5, Number.NaN]) expect(() => formatDocumentNumber(bad)).toThrow(RangeError);
  });

  it('builds symbols joined by "-" with no spaces', () => {
    expect(dispatchSymbol('STTTT', 'TTBCBC')).toBe('STTTT-TTBCBC');
    expect(dispatchSymbol('UBND', '')).toBe('UBND');
    expect(dispatchSymbol('UBND', null)).toBe('UBND');
    expect(namedTypeSymbol('BC', 'STTTT')).toBe('BC-STTTT');
    expect(namedTypeSymbol('QĐ', ' BNV ')).toBe('QĐ-BNV');
    expect(namedTypeSymbol('KH', 'STTTT', 'TTBCBC')).toBe('KH-STTTT-TTBCBC');
  });
});

describe('document types (nd30 §4)', () => {
  it('knows the decree abbreviations, including the odd ones', () => {
    expect(documentTypeAbbreviation('Báo cáo')).toBe('BC');
    expect(documentTypeAbbreviation('Quy định')).toBe('QyĐ');
    expect(documentTypeAbbreviation('Chương trình')).toBe('CTr');
    expect(documentTypeAbbreviation('Tờ trình')).toBe('TTr');
    expect(documentTypeAbbreviation('Bản trích sao')).toBe('TrS');
  });

  it('finds a type whatever the case or tone-mark placement', () => {
    expect(documentTypeAbbreviation('BÁO CÁO')).toBe('BC');
    expect(documentTypeAbbreviation('Bản thoả thuận')).toBe('BTT');
    expect(documentTypeAbbreviation('giấy uỷ quyền')).toBe('GUQ');
  });

  it('gives công văn and thư công no abbreviation, and unknown types none at all', () => {
    expect(documentTypeAbbreviation('Công văn')).toBeNull();
    expect(findDocumentType('Thư công')?.abbreviation).toBeNull();
    expect(documentTypeAbbreviation('Thư tình')).toBeUndefined();
  });

  it('has one abbreviation per type', () => {
    const abbreviations = DOCUMENT_TYPES.map((t) => t.abbreviation).filter((a) => a !== null);
    expect(new Set(abbreviations).size).toBe(abbreviations.length);
  });
});

describe('urgency stamps (nd30 §2 ô 10b)', () => {
  it('has the decree labels and box sizes', () => {
    expect(urgencyStamp('khan')).toEqual({ label: 'KHẨN', widthMm: 20, heightMm: 8 });
    expect(urgencyStamp('thuong_khan')).toEqual({ label: 'THƯỢNG KHẨN', widthMm: 40, heightMm: 8 });
    expect(urgencyStamp('hoa_toc')).toEqual({ label: 'HỎA TỐC', widthMm: 30, heightMm: 8 });
  });

  it('makes every label fit its box at 13 pt bold', () => {
    for (const stamp of Object.values(URGENCY_STAMPS)) {
      expect(textWidthMm(stamp.label, { sizePt: 13, bold: true })).toBeLessThan(stamp.widthMm);
    }
  });
});

describe('Times New Roman text widths', () => {
  // Reference widths measured from Liberation Serif 2 (metric-compatible with Times New Roman).
  it('measures header texts as the font does', () => {
    expect(textWidthMm('Độc lập - Tự do - Hạnh phúc', { sizePt: 13, bold: true })).toBeCloseTo(56.14, 1);
    expect(textWidthMm('VÀ TRUYỀN THÔNG', { sizePt: 13, bold: true })).toBeCloseTo(45.35, 1);
    expect(textWidthMm('Kiên Giang, ngày 03 tháng 8 năm 2021', { sizePt: 14, italic: true })).toBeCloseTo(78.2, 1);
  });

  it('gives a letter with tone marks the width of its base letter, but horned letters their own', () => {
    const bold = { sizePt: 13, bold: true };
    expect(textWidthMm('Ộ', bold)).toBe(textWidthMm('O', bold));
    expect(textWidthMm('Ề', bold)).toBe(textWidthMm('E', bold));
    expect(textWidthMm('Ữ', bold)).toBe(textWidthMm('Ư', bold));
    expect(textWidthMm('Ư', bold)).toBeGreaterThan(textWidthMm('U', bold));
    // Decomposed input (as pasted from some PDFs) measures the same as composed.
    expect(textWidthMm('THÔNG'.normalize('NFD'), bold)).toBeCloseTo(textWidthMm('THÔNG', bold), 6);
  });

  it('breaks an agency name into balanced lines, never after "VÀ"', () => {
    const style = { sizePt: 13, bold: true };
    expect(breakBalanced('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', style, 70)).toEqual(['SỞ THÔNG TIN', 'VÀ TRUYỀN THÔNG']);
    expect(breakBalanced('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', style, 90)).toEqual(['SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
  });

  it('keeps every line within the width and every word in order', () => {
    const subject =
      'V/v đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa giai đoạn 2021-2025 trên địa bàn tỉnh Kiên Giang';
    const style = { sizePt: 12 };
    const lines = breakBalanced(subject, style, 70);
    expect(lines.join(' ')).toBe(subject);
    for (const line of lines) expect(textWidthMm(line, style)).toBeLessThanOrEqual(70);
    expect(lines).toEqual(['V/v đẩy mạnh tuyên truyền về phòng,', 'chống rác thải nhựa giai đoạn 2021-2025', 'trên địa bàn tỉnh Kiên Giang']);
  });

  it('keeps a run of spaces left for hand-writing', () => {
    expect(breakBalanced('Số:      /STTTT-TTBCBC', { sizePt: 13 }, 70)).toEqual(['Số:      /STTTT-TTBCBC']);
    expect(breakBalanced('Kiên Giang, ngày      tháng      năm 2021', { sizePt: 14, italic: true }, 60)).toEqual([
      'Kiên Giang, ngày',
      'tháng      năm 2021',
    ]);
  });

  it('honours line breaks the author typed', () => {
    expect(breakBalanced('V/v báo cáo\nnăm 2021', { sizePt: 12 }, 100)).toEqual(['V/v báo cáo', 'năm 2021']);
  });
});
