import { describe, expect, it } from 'vitest';
import { periodMentions, recognizePeriod } from '../../main/intake/recognize-period.js';

const sure = (value: string | null): { value: string | null; confidence: number } => ({ value, confidence: 0.9 });
const key = (subject: string, year: number | null = null): string | null => recognizePeriod(sure(subject), '', year).value;

describe('recognizePeriod', () => {
  it('every DESIGN §4 key', () => {
    expect(key('Báo cáo kết quả công tác năm 2021')).toBe('2021');
    expect(key('kết quả 6 tháng đầu năm 2022')).toBe('2022-H1');
    expect(key('sáu tháng cuối năm 2022')).toBe('2022-H2');
    expect(key('tình hình quý III/2023')).toBe('2023-Q3');
    expect(key('tình hình quý 3 năm 2023')).toBe('2023-Q3');
    expect(key('TỔNG HỢP KẾT QUẢ QUÝ IV NĂM 2023')).toBe('2023-Q4');
    expect(key('công tác tháng 7/2023')).toBe('2023-07');
    expect(key('CÔNG TÁC TIẾP CÔNG DÂN THÁNG 5 NĂM 2019')).toBe('2019-05');
  });

  it('what is reported on, not the plan ahead; a missing year taken from later in the subject', () => {
    const r = recognizePeriod(sure('giá 6 tháng đầu năm; phương hướng nhiệm vụ 6 tháng cuối năm 2017'), '', null);
    expect(r).toEqual({ value: '2017-H1', confidence: 0.65 });
    expect(key('Chuẩn bị Tổng kết công tác năm 2011 và triển khai Chương trình công tác năm 2012')).toBe('2011');
    expect(key('kết quả 6 tháng đầu năm', 2020)).toBe('2020-H1');
  });

  it('dates, ranges and "quy định" are not periods', () => {
    expect(key('ngày 15 tháng 7 năm 2021')).toBeNull();
    expect(key('phòng, chống rác thải nhựa giai đoạn 2021-2025')).toBeNull();
    expect(key('thực hiện quy định tại Điều 22')).toBeNull();
    expect(key('nghỉ học ngày thứ hai, 26 tháng 11 năm 2018')).toBeNull();
  });

  it('the subject wins over the body; the body alone is barely a hint', () => {
    expect(recognizePeriod(sure('Báo cáo năm 2021'), 'Chỉ số giá trong tháng 6/2017 tăng', null).value).toBe('2021');
    expect(recognizePeriod(sure(null), 'Chỉ số giá trong tháng 6/2017 tăng', null)).toEqual({ value: '2017-06', confidence: 0.35 });
    expect(recognizePeriod(sure(null), '', null)).toEqual({ value: null, confidence: 0 });
  });

  it('no surer than the subject it is read from', () => {
    expect(recognizePeriod({ value: 'THÁNG 5 NĂM 2019', confidence: 0.5 }, '', null).confidence).toBeCloseTo(0.6);
  });

  it('periodMentions lists them in order, plans marked', () => {
    expect(periodMentions('năm 2020; phương hướng năm 2021', null)).toEqual([
      { key: '2020', forward: false, inferredYear: false },
      { key: '2021', forward: true, inferredYear: false },
    ]);
  });
});
