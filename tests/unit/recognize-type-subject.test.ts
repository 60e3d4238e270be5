import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../main/intake/recognize-header.js';

describe('recognizeTypeSubject (through recognizeHeader)', () => {
  it('a công văn: V/v with or without colon, joined over its lines up to the date', () => {
    const h = recognizeHeader(
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 864/STTTT-TTBCBC\nV/v đẩy mạnh tuyên truyền về phòng,\nchống rác thải nhựa\n\nKiên Giang, ngày 03 tháng 8 năm 2021\nKính gửi: Báo Kiên Giang',
    );
    expect(h.type).toEqual({ value: 'Công văn', confidence: 0.9 });
    expect(h.subject).toEqual({ value: 'đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa', confidence: 0.9 });
    const colon = recognizeHeader('BỘ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 3478 /BTTTT-VP\nV/v: Chuẩn bị Tổng kết công tác năm 2011\n\nvà triển khai Chương trình công tác năm 2012\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(colon.subject.value).toBe('Chuẩn bị Tổng kết công tác năm 2011 và triển khai Chương trình công tác năm 2012');
  });

  it('a flattened line: the subject stops at "Kính gửi", the date or a column gap', () => {
    const h = recognizeHeader('SỞ GIÁO DỤC VÀ ĐÀO TẠO Số : 2917 /SGDĐT-VP Phan Rang-Tháp Chàm, ngày 05 tháng11 năm 2010 V/v báo cáo nhanh tình hình thiệt hại. Kính gửi: - Bộ Giáo dục và Đào tạo.');
    expect(h.subject.value).toBe('báo cáo nhanh tình hình thiệt hại');
    const gap = recognizeHeader('BỘ Y TẾ\nSố: 1/BYT-BH\nV/v hướng dẫn thực hiện          Hà Nội, ngày 27 tháng 01 năm 2021\nĐiều 22 Luật BHYT\nKính gửi: Sở Y tế');
    expect(gap.subject.value).toBe('hướng dẫn thực hiện Điều 22 Luật BHYT');
  });

  it('a named type: its title, then the subject under it', () => {
    const h = recognizeHeader('UBND TỈNH LẠNG SƠN\nSỞ TÀI CHÍNH\nSố: 249/BC-STC\nLạng Sơn, ngày 07 tháng 7 năm 2017\nBÁO CÁO\nTình hình giá cả thị trường\n6 tháng đầu năm 2017\n\nI. Tình hình chung:');
    expect(h.type).toEqual({ value: 'Báo cáo', confidence: 0.95 });
    expect(h.subject).toEqual({ value: 'Tình hình giá cả thị trường 6 tháng đầu năm 2017', confidence: 0.85 });
  });

  it('a decision: title before "V/V", the authority line after the subject is not part of it', () => {
    const h = recognizeHeader(
      'ỦY BAN NHÂN DÂN TỈNH KON TUM\nSố: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG ỦY BAN NHÂN DÂN TỈNH KON TUM\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:',
    );
    expect(h.type.value).toBe('Quyết định');
    expect(h.subject.value).toBe('BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG');
    const stacked = recognizeHeader('ỦY BAN NHÂN DÂN\nSố: 232/QĐ-UBND\nNinh Bình, ngày 12 tháng 4 năm 2019\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ DANH MỤC\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nCăn cứ Luật;');
    expect(stacked.subject.value).toBe('VỀ VIỆC CÔNG BỐ DANH MỤC');
  });

  it('the title wins over the V/v, and the symbol cross-checks it', () => {
    const agree = recognizeHeader('SỞ NỘI VỤ\nSố: 12/TTr-SNV\nAn Giang, ngày 02 tháng 3 năm 2022\nTỜ TRÌNH\nVề việc tuyển dụng\nKính gửi: UBND tỉnh');
    expect(agree.type).toEqual({ value: 'Tờ trình', confidence: 0.95 });
    const disagree = recognizeHeader('SỞ NỘI VỤ\nSố: 12/BC-SNV\nAn Giang, ngày 02 tháng 3 năm 2022\nTỜ TRÌNH\nVề việc tuyển dụng\nKính gửi: UBND tỉnh');
    expect(disagree.type.value).toBe('Tờ trình');
    expect(disagree.type.confidence).toBeLessThan(0.9);
  });

  it('without a title or V/v: the symbol tells, less surely', () => {
    const report = recognizeHeader('UBND TỈNH ĐĂK NÔNG\nSỞ TÀI CHÍNH\nSố: 106/BC-STC\nTỔNG HỢP KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN\nTHÁNG 5 NĂM 2019\n(Số liệu báo cáo tính từ ngày 19/4/2019)');
    expect(report.type).toEqual({ value: 'Báo cáo', confidence: 0.75 });
    expect(report.subject).toEqual({ value: 'TỔNG HỢP KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN THÁNG 5 NĂM 2019', confidence: 0.5 });
    const cv = recognizeHeader('ỦY BAN NHÂN DÂN\nSố: 722/UBND-MT\nKính gửi: Sở Tài nguyên và Môi trường');
    expect(cv.type).toEqual({ value: 'Công văn', confidence: 0.7 });
    expect(cv.subject.value).toBeNull();
  });

  it('a mixed-case "Báo cáo" at the top of a web page is not a title', () => {
    const h = recognizeHeader('Báo cáo tình hình giá cả 6 tháng đầu năm\nGiấy mời dự Lễ phát động\nThành phần mời: các sở');
    expect(h.type).toEqual({ value: null, confidence: 0 });
    expect(h.subject.value).toBeNull();
  });
});
