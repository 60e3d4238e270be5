import { z } from 'zod';

/**
 * A digital signature of a received PDF as the screens and the CLI show it (issue 7), and the
 * Vietnamese sentences that describe it. The certificate chain is never validated offline, so
 * no sentence ever says "hợp lệ": each ends with "chưa xác minh chuỗi chứng thư".
 */

/** What follows the signed byte range: nothing, only later signatures (normal), or other changes. */
export const AfterSigned = z.enum(['nothing', 'signatures-only', 'other-changes']);
export type AfterSigned = z.infer<typeof AfterSigned>;

/** One signature as `vanthu import --json` prints it (docs/cli.md). */
export const SignatureSummary = z.object({
  /** Certificate subject CN. */
  signer: z.string().nullable(),
  /** Subject O. */
  organization: z.string().nullable(),
  email: z.string().nullable(),
  /** The MST that Vietnamese agency certificates carry in the subject UID. */
  taxCode: z.string().nullable(),
  /** ISO 8601 with the offset exactly as the file states it (often local time labelled UTC). */
  signedAt: z.string().nullable(),
  /** The signed bytes match the signature; null when it could not be checked. */
  digestValid: z.boolean().nullable(),
  after: AfterSigned,
});
export type SignatureSummary = z.infer<typeof SignatureSummary>;

/** One signature of a stored file, as the document's page shows it. */
export const DocumentSignature = SignatureSummary.extend({
  /** Issuer CN (the certification authority). */
  issuer: z.string().nullable(),
});
export type DocumentSignature = z.infer<typeof DocumentSignature>;

type Described = Pick<SignatureSummary, 'signer' | 'organization' | 'taxCode' | 'signedAt' | 'digestValid' | 'after'>;

/** "28/05/2019 08:24:38 UTC" — the time exactly as the file states it, with its label. */
export function signatureTime(iso: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)(Z|[+-]\d\d:\d\d)?$/.exec(iso);
  if (!m) return iso;
  const zone = m[5] === undefined ? '' : m[5] === 'Z' ? ' UTC' : ` ${m[5]}`;
  return `${m[3]}/${m[2]}/${m[1]} ${m[4]}${zone}`;
}

/** "Ký số bởi Ủy ban nhân dân huyện K-rông Nô, Tỉnh Đắk Nông (MST 6400085062), lúc 17/05/2019 14:05:42 UTC" */
export function signatureHeadline(s: Described): string {
  const org = s.organization && s.signer && !s.signer.toLowerCase().includes(s.organization.toLowerCase()) ? `, ${s.organization}` : '';
  const who = s.signer ? `${s.signer}${org}` : (s.organization ?? 'người ký không rõ');
  const mst = s.taxCode ? ` (MST ${s.taxCode})` : '';
  const when = s.signedAt ? `, lúc ${signatureTime(s.signedAt)}` : ', không rõ thời điểm ký';
  return `Ký số bởi ${who}${mst}${when}`;
}

const DIGEST_TEXT = {
  true: 'chữ ký khớp với nội dung đã ký',
  false: 'chữ ký không khớp nội dung — tệp có thể đã bị sửa',
  null: 'không kiểm tra được chữ ký với nội dung',
} as const;

const AFTER_TEXT: Record<AfterSigned, string> = {
  nothing: 'sau khi ký không có thay đổi nào',
  // Normal for every signature but the last: later signers append to the file.
  'signatures-only': 'sau khi ký chỉ có thêm chữ ký khác',
  'other-changes': 'sau khi ký tệp đã được sửa thêm — nội dung đang xem có thể khác bản đã ký',
};

export const CHAIN_UNVERIFIED = 'chưa xác minh chuỗi chứng thư';

/** What was checked, in order: the digest, what came after, and that the chain was not. */
export function signatureFindings(s: Described): [digest: string, after: string, chain: string] {
  return [DIGEST_TEXT[String(s.digestValid) as keyof typeof DIGEST_TEXT], AFTER_TEXT[s.after], CHAIN_UNVERIFIED];
}

/** True when the clerk should look twice: the digest fails or the file was changed after signing. */
export function signatureNeedsAttention(s: Described): boolean {
  return s.digestValid === false || s.after === 'other-changes';
}

/** The whole sentence: "Ký số bởi …, lúc … — chữ ký khớp …; sau khi ký …; chưa xác minh chuỗi chứng thư." */
export function describeSignature(s: Described): string {
  return `${signatureHeadline(s)} — ${signatureFindings(s).join('; ')}.`;
}
