import { describe, expect, it } from 'vitest';
import { dateAfter, recognizeDatePlace } from '../../main/intake/recognize-date-place.js';
import { headerZoneEnd, isoDate, prepareText } from '../../main/intake/recognize-patterns.js';

function read(text: string): { place: string | null; date: string | null; confidence: number } {
  const prep = prepareText(text);
  const r = recognizeDatePlace(prep, headerZoneEnd(prep), 0);
  return { place: r.place.value, date: r.date.value, confidence: r.date.confidence };
}

describe('recognizeDatePlace', () => {
  it('reads the place and the date in words', () => {
    expect(read('Vị Thanh, ngày 6 tháng 4 năm 2011')).toEqual({ place: 'Vị Thanh', date: '2011-04-06', confidence: 0.95 });
    expect(read('Kiên Giang, ngày 03 tháng 8 năm 2021').date).toBe('2021-08-03');
    expect(read('Phan Rang-Tháp Chàm, ngày 05 tháng11 năm 2010')).toMatchObject({ place: 'Phan Rang-Tháp Chàm', date: '2010-11-05' });
    expect(read('Lạng Sơn, ngày 07 tháng 7  năm 2017').date).toBe('2017-07-07');
  });

  it('finds the place after the number on a flattened line, or after a column gap', () => {
    expect(read('Số: 454/UBND-NCTH Vị Thanh, ngày 6 tháng 4 năm 2011').place).toBe('Vị Thanh');
    expect(read('Số : 4144 /GDĐT – VP          Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2018').place).toBe('Thành phố Hồ Chí Minh');
    expect(read('Độc lập - Tự do - Hạnh phúc Kiên Giang, ngày 03 tháng 8 năm 2021').place).toBe('Kiên Giang');
    expect(read('Số: 232/QĐ-UBND | Ninh Bình, ngày 12 tháng 4 năm 2019 |')).toMatchObject({ place: 'Ninh Bình', date: '2019-04-12' });
  });

  it('reads dd/mm/yyyy after a place', () => {
    expect(read('Hà Nội, ngày 03/8/2021').date).toBe('2021-08-03');
    expect(read('Hà Nội, 03/08/2021').date).toBe('2021-08-03');
    expect(read('Hà Nội, ngày 03-08-2021').date).toBe('2021-08-03');
  });

  it('a day or month left blank for the pen gives no date (never guessed)', () => {
    expect(read('Krông Nô, ngày      tháng 5 năm 2019')).toEqual({ place: 'Krông Nô', date: null, confidence: 0 });
    expect(read('Krông Nô, ngày …… tháng …… năm 2019').date).toBeNull();
    expect(read('Kiên Giang, ngày 17 tháng    năm 2019').date).toBeNull();
  });

  it('a date that is not in the calendar is null', () => {
    expect(read('Đà Nẵng, ngày 31 tháng 02 năm 2021').date).toBeNull();
    expect(isoDate(2021, 2, 29)).toBeNull();
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
  });

  it('dates in sentences are not the document\'s date', () => {
    expect(read('2. Thời gian: ½ ngày, từ 7h30 -9h00, Thứ ba, ngày 06/02/2018.').date).toBeNull();
    expect(read('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;').date).toBeNull();
    expect(read('Thông báo nghỉ học thứ 2 ngày 26/11/2018').date).toBeNull();
  });

  it('a date line by the signature is taken when the header has none, less surely', () => {
    const r = read('UBND TỈNH ĐĂK NÔNG\nSỞ TÀI CHÍNH\nSố: 106/BC-STC\n' + 'dòng bảng\n'.repeat(20) + 'Đăk Nông, ngày 28 tháng 5 năm 2019\nNơi nhận:');
    expect(r).toEqual({ place: 'Đăk Nông', date: '2019-05-28', confidence: 0.6 });
  });
});

describe('dateAfter', () => {
  it('reads the date right after a cited number', () => {
    const prep = prepareText('Kế hoạch số 136/KH-UBND ngày 15/7/2021 của UBND; Công văn số 4096/UBND-NC, ngày 02 tháng 8 năm 2017');
    expect(dateAfter(prep, prep.text.indexOf(' ngày 15'))?.iso).toBe('2021-07-15');
    expect(dateAfter(prep, prep.text.indexOf(', ngày 02'))?.iso).toBe('2017-08-02');
    expect(dateAfter(prep, prep.text.indexOf(' của'))).toBeNull();
  });
});
