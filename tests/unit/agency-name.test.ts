import { describe, expect, it } from 'vitest';
import { agencyNameInSentence } from '../../shared/vn/agency-name.js';

describe('agency name inside a sentence', () => {
  it.each([
    ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Sở Thông tin và Truyền thông'],
    ['SỞ KẾ HOẠCH VÀ ĐẦU TƯ', 'Sở Kế hoạch và Đầu tư'],
    ['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'Sở Lao động - Thương binh và Xã hội'],
    ['SỞ TÀI CHÍNH', 'Sở Tài chính'],
  ])('%s → %s', (upper, expected) => {
    expect(agencyNameInSentence(upper)).toBe(expected);
  });
});
