import { z } from 'zod';
import { OptionalText } from './common.js';

/** A person who signs outgoing documents, with the capacity line above the title (nd30 §2: TM., KT., …). */
export const Signer = z.object({
  name: z.string().trim().min(1, 'Hãy nhập họ tên người ký.').max(100),
  title: z.string().trim().min(1, 'Hãy nhập chức vụ người ký.').max(100),
  authority: OptionalText,
});
export type Signer = z.infer<typeof Signer>;

export const Department = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Hãy nhập ký hiệu phòng.')
    .max(20)
    .regex(/^[A-ZĐ0-9]+$/u, 'Ký hiệu phòng chỉ gồm chữ in hoa và chữ số, ví dụ TTBCBC.'),
  name: z.string().trim().min(1, 'Hãy nhập tên phòng.').max(200),
});
export type Department = z.infer<typeof Department>;

/** The organisation that uses VănThư: what the header of every outgoing document says. */
export const OrganisationProfile = z.object({
  parentAgency: z.string().trim().max(200).default(''),
  agencyName: z.string().trim().min(1, 'Hãy nhập tên cơ quan.').max(200),
  symbol: z
    .string()
    .trim()
    .min(1, 'Hãy nhập ký hiệu cơ quan.')
    .max(20)
    .regex(/^[A-ZĐ0-9]+$/u, 'Ký hiệu cơ quan chỉ gồm chữ in hoa và chữ số, ví dụ STTTT.'),
  placeName: z.string().trim().min(1, 'Hãy nhập địa danh.').max(100),
  address: OptionalText,
  phone: OptionalText,
  email: z
    .string()
    .trim()
    .max(254, 'Email quá dài (tối đa 254 ký tự).')
    .nullish()
    .transform((s) => (s ? s : null)),
  website: OptionalText,
  departments: z.array(Department).max(50).default([]),
  signers: z.array(Signer).max(20).default([]),
});
export type OrganisationProfile = z.infer<typeof OrganisationProfile>;
export type OrganisationProfileInput = z.input<typeof OrganisationProfile>;

/**
 * The profile as stored and shown. Before the clerk fills it in, its required fields are
 * empty: reading it must not fail on the rules that saving enforces.
 */
export const OrganisationProfileView = z.object({
  parentAgency: z.string(),
  agencyName: z.string(),
  symbol: z.string(),
  placeName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  signers: z.array(z.object({ name: z.string(), title: z.string(), authority: z.string().nullable() })),
});
export type OrganisationProfileView = z.infer<typeof OrganisationProfileView>;
