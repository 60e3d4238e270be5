/**
 * The signer's name (nd30 §2 ô 7b): under the capacity lines ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"),
 * after "(đã ký)" on published copies, often interleaved with the "Nơi nhận" list on the same
 * lines or run onto the capacity line by a flattened page. Best effort: a name is only taken
 * when its first word is a Vietnamese family name.
 */
import type { Recognised } from './types.js';
import { CAPACITY_F, NOI_NHAN_F, isUpperText, segmentsOf, type PreparedText } from './recognize-patterns.js';

/** Family names (and ethnic-minority name prefixes) a signer's name starts with. */
const FAMILY_NAMES = new Set(
  (
    'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lâm Đinh Trương Đoàn Lương Mai Trịnh Cao ' +
    'Lại Hà Tạ Chu Quách Thái Kiều Châu Tô Đàm Lưu Triệu Nông Hứa Giang Đào La Phùng Vương Thân Tăng Từ Khổng Mạc Lục ' +
    'Ông Doãn Âu Ninh Tống Quan Diệp Bạch Kim Đồng Tiêu Ung Khúc Phí Hàn Cù Thạch Danh Lò Bế Sầm Vi Hầu Giàng Sùng Lù ' +
    'Thào Vàng Nghiêm Cầm Lường Quàng Lữ Bạc Khuất Lã Mẫn Nhâm Tôn Thiều Tất Vy Đậu Mã Ma Trình Lạc Yên Y H Ksor ' +
    'Nay Siu Rơ Điểu Kpă Rahlan Bàn Ôn Cung Chung'
  ).split(' '),
);
/** One word of a name: capitalised, no digits ("H'Hen" allowed). */
const NAME_WORD = /^\p{Lu}(?:'\p{Lu})?[\p{Ll}\p{M}]*$/u;
/** Printed between the capacity and the name on published copies. */
const SKIP_F = /^(?:\(?\s*(?:da\s*ky|ky|ky\s*ten|ky,?\s*dong\s*dau|ky\s*va\s*ghi\s*ro\s*ho\s*ten|dau)\b.*\)?|[;.,]+)$/;
/** The distribution list, interleaved with the signature on flattened pages. */
const DISTRIBUTION_F = new RegExp(`^(?:[-–—•+]|${NOI_NHAN_F}|luu\\b)`);
/** How much of the end of the text is read. */
const TAIL = 4000;

/** `words` as a name when it looks like one: 2 (or `min`) to 5 capitalised words starting with a family name. */
function asName(words: readonly string[], min = 2): string | null {
  if (words.length < min || words.length > 5) return null;
  if (!words.every((w) => NAME_WORD.test(w))) return null;
  const family = (words[0] ?? '').replace(/'.*$/, '');
  return FAMILY_NAMES.has(family) ? words.join(' ') : null;
}

/** The name at the end of a flattened capacity line: "KT. TỔNG GIÁM ĐỐC PHÓ TỔNG GIÁM ĐỐC Phạm Lương Sơn". */
function trailingName(text: string): string | null {
  const words = text.split(' ').filter((w) => w.length > 0);
  for (let n = Math.min(5, words.length - 1); n >= 2; n -= 1) {
    const name = asName(words.slice(-n));
    if (name && isUpperText(words.slice(0, -n).join(' '))) return name;
  }
  return null;
}

/** The signer from the end of the text; null (confidence 0) when no name can be told apart. */
export function recognizeSigner(prep: PreparedText): Recognised<string> {
  const start = Math.max(0, prep.text.length - TAIL);
  const segs = segmentsOf(prep, start, prep.text.length);
  const folded = segs.map((s) => prep.folded.slice(s.start, s.end));

  let capacity = -1;
  for (let i = segs.length - 1; i >= 0; i -= 1) {
    const seg = segs[i];
    if (seg && CAPACITY_F.test(folded[i] ?? '') && (isUpperText(seg.text) || trailingName(seg.text))) {
      capacity = i;
      break;
    }
  }
  if (capacity >= 0) {
    const own = trailingName(segs[capacity]?.text ?? '');
    if (own) return { value: own, confidence: 0.85 };
    for (let i = capacity + 1; i < segs.length && i <= capacity + 16; i += 1) {
      const seg = segs[i];
      const f = (folded[i] ?? '').trim();
      if (!seg || SKIP_F.test(f) || DISTRIBUTION_F.test(f) || isUpperText(seg.text)) continue;
      const name = asName(seg.text.split(' ').filter((w) => w.length > 0));
      if (name) return { value: name, confidence: 0.85 };
    }
    return { value: null, confidence: 0 };
  }
  // No capacity lines (a draft or a copy without them): a name alone on the last line, of three
  // words or more ("Hà Nội", "Lâm Đồng" are two-word places starting like family names).
  const last = segs[segs.length - 1];
  const name = last?.wholeLine ? asName(last.text.split(' ').filter((w) => w.length > 0), 3) : null;
  return name ? { value: name, confidence: 0.55 } : { value: null, confidence: 0 };
}
