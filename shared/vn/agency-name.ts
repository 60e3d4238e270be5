/**
 * An agency's name as it is written inside a sentence: "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" → "Sở Kế hoạch
 * và Đầu tư". Vietnamese capitalises the first syllable of the name and of each field it
 * joins ("và", "-", ","), not every syllable. Place names ("huyện Kiên Lương") are not
 * recognised: this is for a department's own name, as in the organisation profile.
 */
export function agencyNameInSentence(upper: string): string {
  const syllables = upper.trim().toLocaleLowerCase('vi').split(/\s+/).filter(Boolean);
  const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
  // The agency kind takes one or two syllables ("sở", "ủy ban nhân dân", "văn phòng"); the field follows it.
  const kinds = [['ủy', 'ban', 'nhân', 'dân'], ['văn', 'phòng'], ['ban', 'quản', 'lý'], ['sở'], ['bộ'], ['ban'], ['cục'], ['chi', 'cục'], ['đài'], ['báo'], ['cổng'], ['trung', 'tâm']];
  const kind = kinds.find((k) => k.every((w, i) => syllables[i] === w)) ?? [syllables[0] ?? ''];
  return syllables
    .map((s, i) => {
      if (i === 0 || i === kind.length) return capital(s);
      const before = syllables[i - 1];
      return before === 'và' || before === '-' || before?.endsWith(',') ? capital(s) : s;
    })
    .join(' ');
}
