import { z } from 'zod';

/** A calendar date as ISO `YYYY-MM-DD` (DESIGN §4: dates as ISO, instants as ISO UTC). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((s) => isRealDate(s), 'Ngày không có thật trong lịch.');

export function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const Id = z.number().int().positive();

/** Optional free text: blank becomes null so that the database never stores "". */
export const OptionalText = z
  .string()
  .max(500, 'Nội dung quá dài (tối đa 500 ký tự).')
  .nullish()
  .transform((s) => {
    const t = s?.trim();
    return t ? t : null;
  });
