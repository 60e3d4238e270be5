import { describe, expect, it } from 'vitest';
import { prepareText } from '../../main/intake/recognize-patterns.js';
import { recognizeReferences } from '../../main/intake/recognize-references.js';

const read = (text: string, own = { number: null as number | null, symbol: null as string | null }): ReturnType<typeof recognizeReferences> =>
  recognizeReferences(prepareText(text), own);

describe('recognizeReferences', () => {
  it('reads type, number, symbol and ISO date of what the body cites', () => {
    expect(read('Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông, …')).toEqual([
      { type: 'Công văn', number: 864, symbol: 'STTTT-TTBCBC', date: '2021-08-03', text: 'Công văn số 864/STTTT-TTBCBC ngày 03/8/2021' },
    ]);
    expect(read('căn cứ Kế hoạch số 136/KH-UBND ngày 15/7/2021 triển khai')[0]).toMatchObject({ type: 'Kế hoạch', number: 136, symbol: 'KH-UBND', date: '2021-07-15' });
    expect(read('Ghi chú: theo Công văn số 2853/UBND-TD ngày 16/6/2016 của UBND tỉnh.')[0]).toMatchObject({ number: 2853, symbol: 'UBND-TD', date: '2016-06-16' });
    expect(read('Thực hiện Công văn số 4096/UBND-NC, ngày 02/8/2017 của Ủy ban')[0]?.date).toBe('2017-08-02');
    expect(read('Công văn số 847/UBND-VX1 ngày 22 tháng 3 năm 2011')[0]?.date).toBe('2011-03-22');
  });

  it('any case, party numbering, years of normative documents, words between the type and "số"', () => {
    expect(read('TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU NGÀY 18 THÁNG 12 NĂM 2019')[0]).toMatchObject({ type: 'Kế hoạch', number: 119, symbol: 'KH/TU', date: '2019-12-18' });
    expect(read('Nghị định số 61/2018/NĐ-CP ngày 23/4/2018')[0]).toMatchObject({ type: 'Nghị định', number: 61, symbol: '2018/NĐ-CP' });
    expect(read('Luật bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008')[0]).toMatchObject({ type: 'Luật', number: 25 });
    expect(read('Quyết định số 416/QĐ- TTg ngày 25 tháng 3 năm 2020')[0]?.symbol).toBe('QĐ-TTg');
  });

  it('"…, số 1016/…" after a citation is another one of the same type', () => {
    const refs = read('Công văn số 1017/BTNMT-TCMT, số 1016/BTNMT-TCMT ngày 22/3/2013 của Bộ');
    expect(refs.map((r) => [r.type, r.number, r.date])).toEqual([
      ['Công văn', 1017, null],
      ['Công văn', 1016, '2013-03-22'],
    ]);
  });

  it('each once (the date filled in from a later mention), the document\'s own number left out', () => {
    const refs = read('Quyết định 435/QĐ-UBND năm 2020. Căn cứ Chỉ thị số 25/CT-BYT; theo Chỉ thị số 25/CT-BYT ngày 21/12/2020.', { number: 435, symbol: 'QĐ-UBND' });
    expect(refs).toEqual([{ type: 'Chỉ thị', number: 25, symbol: 'CT-BYT', date: null, text: 'Chỉ thị số 25/CT-BYT' }].map((r) => ({ ...r, date: '2020-12-21' })));
  });

  it('not a citation: no number, a blank number, a date', () => {
    expect(read('Nội dung hướng dẫn tại công văn này được áp dụng.')).toEqual([]);
    expect(read('Quyết định số     /QĐ-UBND (mẫu)')).toEqual([]);
    expect(read('Kế hoạch năm 2021 ngày 15/7/2021')).toEqual([]);
  });
});
