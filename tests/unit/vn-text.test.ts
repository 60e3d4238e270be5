import { describe, expect, it } from 'vitest';
import { fold, foldedTerms, matchesFolded, nameKey } from '../../shared/vn/fold.js';
import { compareVietnamese, vnSortKey } from '../../shared/vn/collate.js';

describe('fold', () => {
  it('removes tones and vowel marks and folds đ to d', () => {
    expect(fold('UBND huyện Kiên Lương')).toBe('ubnd huyen kien luong');
    expect(fold('Đài Phát thanh và Truyền hình')).toBe('dai phat thanh va truyen hinh');
    expect(fold('tuyên truyền rác thải nhựa')).toBe('tuyen truyen rac thai nhua');
  });

  it('folds text typed in composed and decomposed Unicode the same way', () => {
    expect(fold('Hòn Đất'.normalize('NFD'))).toBe(fold('Hòn Đất'.normalize('NFC')));
  });

  it('matches a query without diacritics against folded text', () => {
    const hay = fold('UBND huyện Kiên Lương');
    expect(matchesFolded(hay, 'kien luong')).toBe(true);
    expect(matchesFolded(hay, 'Kiên   LƯƠNG')).toBe(true);
    expect(matchesFolded(hay, 'kien hai')).toBe(false);
    expect(foldedTerms(' d,  Đ ')).toEqual(['d', 'd']);
  });

  it('makes a duplicate-name key that ignores case, marks and spacing', () => {
    expect(nameKey('  Sở  Nội vụ ')).toBe(nameKey('SỞ NỘI VỤ'));
    expect(nameKey('Sở Nội vụ')).not.toBe(nameKey('Sở Ngoại vụ'));
  });
});

describe('Vietnamese collation', () => {
  const sorted = (words: string[]) => [...words].sort(compareVietnamese);

  it('orders letters as the Vietnamese alphabet: a ă â … d đ … o ô ơ … u ư', () => {
    expect(sorted(['âm', 'ăn', 'an'])).toEqual(['an', 'ăn', 'âm']);
    expect(sorted(['đá', 'da', 'dê'])).toEqual(['da', 'dê', 'đá']);
    expect(sorted(['ơi', 'ôm', 'ong'])).toEqual(['ong', 'ôm', 'ơi']);
    expect(sorted(['ưa', 'ua', 'va'])).toEqual(['ua', 'ưa', 'va']);
  });

  it('puts Đ after every D word, unlike a plain code-point or folded sort', () => {
    const names = ['Đài Phát thanh', 'Du lịch', 'Dân tộc'];
    expect(sorted(names)).toEqual(['Dân tộc', 'Du lịch', 'Đài Phát thanh']);
  });

  it('orders tones ngang, huyền, hỏi, ngã, sắc, nặng after the letters', () => {
    expect(sorted(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
    // Letters decide before tones: "mà" < "mai" because "ma" is a prefix of "mai".
    expect(sorted(['mai', 'mà'])).toEqual(['mà', 'mai']);
  });

  it('compares runs of digits as numbers', () => {
    expect(sorted(['Phường 10', 'Phường 2', 'Phường 1'])).toEqual(['Phường 1', 'Phường 2', 'Phường 10']);
  });

  it('gives keys that sort correctly as plain strings (what SQLite BINARY does)', () => {
    const names = ['UBND huyện Kiên Lương', 'UBND huyện Kiên Hải', 'UBND huyện Giồng Riềng', 'UBND huyện Gò Quao'];
    const byKey = [...names].sort((a, b) => (vnSortKey(a) < vnSortKey(b) ? -1 : 1));
    expect(byKey).toEqual(['UBND huyện Giồng Riềng', 'UBND huyện Gò Quao', 'UBND huyện Kiên Hải', 'UBND huyện Kiên Lương']);
  });
});
