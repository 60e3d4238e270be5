/**
 * "Kính gửi" (nd30 §2 ô 9a): one recipient on the same line ("Kính gửi: Sở Tài nguyên và Môi
 * trường"), or one per line as "- X;" with the last ending ".".
 */
import type { Recognised } from './types.js';
import { BODY_WORDS_F, HEADER_SCAN_LIMIT, KINH_GUI_F, collapse, type PreparedText } from './recognize-patterns.js';

const KINH_GUI = new RegExp(`${KINH_GUI_F}[ ]*[:.]?[ ]*`, 'g');
/** How far below "Kính gửi" a recipient without a dash is looked for. */
const NEXT_LINE_WINDOW = 2000;
const DASH = /^[-–—•+]/;
/** A flattened page runs the last recipient into the body: "… Đào tạo. Vừa qua, …". */
const SENTENCE_END = /\.\s+(?=\p{Lu})/gu;
/** A recipient on its own line is never longer than this. */
const OVERLONG = 150;

/**
 * The item without the body a flattened page ran into it; `cut` when there was one. A full stop
 * after an abbreviation ("UBND TP. Hồ Chí Minh") is not a sentence's end: the word before it
 * must have 3+ letters and a lower-case one.
 */
function cutBody(item: string): { item: string; cut: boolean } {
  for (const m of item.matchAll(SENTENCE_END)) {
    const before = item.slice(0, m.index);
    const word = before.slice(before.lastIndexOf(' ') + 1);
    if (word.length >= 3 && /\p{Ll}/u.test(word)) return { item: item.slice(0, m.index), cut: true };
  }
  return { item, cut: false };
}

/** Lines that are not a recipient on the line under "Kính gửi:". */
const NOT_RECIPIENT_F = new RegExp(`^(?:${BODY_WORDS_F}|theo|de\\s|ngay)`);
const MAX_ITEMS = 40;

function cleanItem(item: string): string {
  return collapse(item).replace(/^[-–—•+]\s*/, '').replace(/[\s;,.]+$/, '');
}

/** The recipients under the first "Kính gửi" of the text's head; null (confidence 0) without one. */
export function recognizeRecipients(prep: PreparedText): Recognised<string[]> {
  const limit = Math.min(prep.text.length, HEADER_SCAN_LIMIT * 2);
  // Capital K: "kính gửi" inside a sentence is not the addressee line.
  const label = [...prep.folded.slice(0, limit).matchAll(KINH_GUI)].find((m) => prep.text[m.index] === 'K');
  if (!label) return { value: null, confidence: 0 };
  const at = label.index + label[0].length;

  const text = prep.text;
  const lineEnd = (i: number): number => {
    const e = text.indexOf('\n', i);
    return e < 0 ? text.length : e;
  };
  const sameLine = text.slice(at, lineEnd(at)).trim();

  // One or more on the same line: "Kính gửi: Các Sở Thông tin và Truyền thông".
  if (sameLine && !DASH.test(sameLine)) {
    const value = cutBody(sameLine)
      .item.split(';')
      .map(cleanItem)
      .filter((s) => s.length > 0);
    return value.length > 0 ? { value, confidence: 0.85 } : { value: null, confidence: 0 };
  }

  // "- X;" items, on their lines or run together on one flattened line.
  const items: string[] = [];
  let pos = at;
  while (items.length < MAX_ITEMS) {
    while (pos < text.length && /\s/.test(text[pos] ?? '')) pos += 1;
    if (!DASH.test(text.slice(pos, pos + 1))) break;
    const semicolon = text.indexOf(';', pos);
    const end = semicolon >= 0 && semicolon < lineEnd(pos) ? semicolon + 1 : lineEnd(pos);
    const { item, cut } = cutBody(text.slice(pos, end));
    const cleaned = cleanItem(item);
    if (cleaned) items.push(cleaned);
    if (cut || /\.\s*$/.test(item)) break;
    pos = end;
  }
  if (items.length > 0) return { value: items, confidence: 0.9 };

  // "Kính gửi:" alone, the recipient on the next line without a dash (less sure).
  const below = text.slice(at, at + NEXT_LINE_WINDOW);
  const nextStart = at + below.length - below.trimStart().length;
  const nextLine = text.slice(nextStart, lineEnd(nextStart)).trim();
  if (nextLine && nextLine.length <= OVERLONG && !NOT_RECIPIENT_F.test(prep.folded.slice(nextStart, nextStart + 40))) {
    const cleaned = cleanItem(nextLine);
    if (cleaned) return { value: [cleaned], confidence: 0.6 };
  }
  return { value: null, confidence: 0 };
}
