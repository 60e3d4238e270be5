/**
 * The urgency stamp (nd30 §2 ô 10b): "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", upper case and alone in
 * its box near the header. "khẩn trương" in a sentence is not a stamp.
 */
import type { Urgency } from '../../shared/domain/dispatch.js';
import type { Recognised } from './types.js';
import { URGENCY_STAMP, segmentsOf, type PreparedText } from './recognize-patterns.js';

const KEYS: Readonly<Record<string, Urgency>> = {
  'HỎA TỐC': 'hoa_toc',
  'HOẢ TỐC': 'hoa_toc',
  'THƯỢNG KHẨN': 'thuong_khan',
  KHẨN: 'khan',
};

/** The stamp printed in the header zone [0, zoneEnd), as the domain's key ('khan', 'thuong_khan', 'hoa_toc'). */
export function recognizeUrgency(prep: PreparedText, zoneEnd: number): Recognised<Urgency> {
  for (const seg of segmentsOf(prep, 0, zoneEnd)) {
    const stamp = URGENCY_STAMP.exec(seg.text)?.[1];
    const key = stamp ? KEYS[stamp] : undefined;
    if (key) return { value: key, confidence: 0.9 };
  }
  return { value: null, confidence: 0 };
}
