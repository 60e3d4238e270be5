/** The urgency stamp (dấu chỉ độ khẩn, nd30 §2 ô 10b): upper case, bold, in a box of fixed size. */
import type { Urgency } from '../domain/dispatch.js';

export interface UrgencyStampSpec {
  label: string;
  widthMm: number;
  heightMm: number;
}

export const URGENCY_STAMPS: Readonly<Record<Urgency, UrgencyStampSpec>> = {
  khan: { label: 'KHẨN', widthMm: 20, heightMm: 8 },
  thuong_khan: { label: 'THƯỢNG KHẨN', widthMm: 40, heightMm: 8 },
  hoa_toc: { label: 'HỎA TỐC', widthMm: 30, heightMm: 8 },
};

export function urgencyStamp(urgency: Urgency): UrgencyStampSpec {
  return URGENCY_STAMPS[urgency];
}
