/**
 * The digital signatures of a PDF, read offline: who signed (certificate subject), when (as
 * the file states it), whether the signed bytes still match the signature, and what the file
 * holds after the signed range. The certificate chain is never validated here — there is no
 * trust store of Vietnamese CAs offline — so the UI always says "chưa xác minh chuỗi chứng thư".
 *
 * Reading a signature: each signature dictionary has `/ByteRange [a b c d]`; the gap between
 * a+b and c is exactly the `<hex>` of its /Contents, a detached CMS SignedData (PKCS#7) padded
 * with zeros. The digest over bytes[a, a+b) + bytes[c, c+d) must equal the CMS messageDigest
 * attribute, and the signature value must verify over the signed attributes.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { classifyAfter, indexPdf, type AfterSigned, type PdfIndex } from './pdf-incremental-updates.js';

export type { AfterSigned } from './pdf-incremental-updates.js';
// The Vietnamese sentence is shared with the renderer, which shows it on the document's page.
export { describeSignature } from '../../shared/domain/signature.js';

export interface PdfSignature {
  /** Certificate subject CN. */
  signer: string | null;
  /** Subject O. */
  organization: string | null;
  /** Subject E / emailAddress, else a SAN rfc822Name. */
  email: string | null;
  /** The MST (tax code) from the subject UID "MST:…" (not CMND/CCCD numbers). */
  taxCode: string | null;
  /** Issuer CN. */
  issuer: string | null;
  /** ISO 8601 with the offset as written: CMS signingTime, else the dictionary's /M. */
  signedAt: string | null;
  /** Signed bytes match the CMS digest and the signature value verifies; null: not checkable. */
  digestValid: boolean | null;
  /** What follows the signed byte range. */
  after: AfterSigned;
  /** The chain to a trusted root is never checked offline. */
  chain: 'unverified';
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  emailAddress: '1.2.840.113549.1.9.1',
  userId: '0.9.2342.19200300.100.1.1',
  subjectAltName: '2.5.29.17',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
} as const;

/** Digest algorithms of SignerInfo.digestAlgorithm, as node:crypto names them. */
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '1.2.840.113549.2.5': 'md5',
};

const BYTE_RANGE = /\/ByteRange[\0\t\n\f\r ]*\[[\0\t\n\f\r ]*(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]*\]/g;

interface SignatureDictionary {
  range: [number, number, number, number];
  /** The DER of the CMS, padding removed; null when the Contents cannot be found. */
  cms: Buffer | null;
  /** The /M of the dictionary, as written. */
  m: string | null;
}

/**
 * Every signature of the PDF, in signing order (by the end of the signed range). Never throws:
 * a damaged signature comes back with nulls and `digestValid: null`.
 */
export async function readPdfSignatures(bytes: Buffer): Promise<PdfSignature[]> {
  let index: PdfIndex;
  let dictionaries: SignatureDictionary[];
  try {
    index = indexPdf(bytes);
    dictionaries = findSignatureDictionaries(index.text);
  } catch {
    return [];
  }
  const out: PdfSignature[] = [];
  for (const dict of dictionaries) out.push(await readSignature(bytes, index, dict));
  return out;
}

function findSignatureDictionaries(text: string): SignatureDictionary[] {
  const seen = new Set<string>();
  const found: SignatureDictionary[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const range = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    // The same dictionary written again by a later update is still one signature.
    const key = range.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const [start, end] = enclosingObject(text, m.index);
    const body = text.slice(start, end);
    const date = /\/M[\0\t\n\f\r ]*\(([^)]*)\)/.exec(body);
    found.push({ range, cms: contentsOf(text, range, body), m: date?.[1] ?? null });
  }
  return found.sort((x, y) => x.range[2] + x.range[3] - (y.range[2] + y.range[3]));
}

/** The bounds of the `N G obj … endobj` around a position (or a window when there is none). */
function enclosingObject(text: string, at: number): [number, number] {
  const head = text.lastIndexOf(' obj', at);
  const endobj = text.indexOf('endobj', at);
  const start = head >= 0 && at - head < 200_000 ? head : Math.max(0, at - 4096);
  // The signature's own hex Contents can be long: up to the endobj, or a generous window.
  const end = endobj >= 0 ? endobj : Math.min(text.length, at + 200_000);
  return [start, end];
}

/** The CMS bytes: the gap the byte range leaves out, else the /Contents hex of the dictionary. */
function contentsOf(text: string, [a, b, c]: [number, number, number, number], body: string): Buffer | null {
  let hex: string | null;
  const gap = a + b < c && c <= text.length ? text.slice(a + b, c) : '';
  if (/^<[0-9a-fA-F\s]*>$/.test(gap)) hex = gap.slice(1, -1);
  else hex = /\/Contents[\0\t\n\f\r ]*<([0-9a-fA-F\s]*)>/.exec(body)?.[1] ?? null;
  if (hex === null) return null;
  hex = hex.replace(/\s+/g, '');
  if (hex.length % 2 === 1) hex += '0';
  return derPrefix(Buffer.from(hex, 'hex'));
}

/** The DER object at the start of a buffer, without the zero padding of the Contents slot. */
function derPrefix(buf: Buffer): Buffer | null {
  if (buf.length < 2 || buf[0] !== 0x30) return null;
  const first = buf[1] ?? 0;
  if (first === 0x80) return buf; // indefinite length (BER): asn1js finds the end itself
  if (first < 0x80) return buf.subarray(0, 2 + first);
  const n = first & 0x7f;
  if (n > 4 || buf.length < 2 + n) return null;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (buf[2 + i] ?? 0);
  return 2 + n + len <= buf.length ? buf.subarray(0, 2 + n + len) : null;
}

async function readSignature(bytes: Buffer, index: PdfIndex, dict: SignatureDictionary): Promise<PdfSignature> {
  const [a, b, c, d] = dict.range;
  const rangeOk = a >= 0 && a + b <= c && c + d <= bytes.length;
  let after: AfterSigned = 'other-changes';
  try {
    // A range past the end of the file does not cover it: the file is damaged or cut.
    after = rangeOk ? classifyAfter(index, c + d) : 'other-changes';
  } catch {
    // Leave the cautious answer.
  }
  const result: PdfSignature = {
    signer: null,
    organization: null,
    email: null,
    taxCode: null,
    issuer: null,
    signedAt: pdfDateToIso(dict.m),
    digestValid: null,
    after,
    chain: 'unverified',
  };
  if (!dict.cms) return result;
  try {
    const signedData = parseSignedData(dict.cms);
    if (!signedData) return result;
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo) return result;
    const cert = signerCertificate(signedData, signerInfo);
    if (cert) Object.assign(result, certificateNames(cert));
    const attrs = signerInfo.signedAttrs?.attributes ?? [];
    const time = attrs.find((x) => x.type === OID.signingTime)?.values[0] as unknown;
    const timestamp = timestampOf(signedData);
    // A document timestamp (ETSI.RFC3161) has no signingTime: its genTime is the time.
    result.signedAt = asn1TimeToIso(time) ?? asn1TimeToIso(timestamp?.genTime) ?? result.signedAt;
    if (!rangeOk) return result;

    const signed = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
    const digestOk = checkDigest(signed, signedData, signerInfo, timestamp);
    const signatureOk = await checkSignatureValue(signedData, signed);
    result.digestValid = digestOk === false || signatureOk === false ? false : (digestOk ?? signatureOk);
  } catch {
    // A CMS that pkijs cannot read: keep what is known, digestValid stays null.
  }
  return result;
}

function parseSignedData(der: Buffer): pkijs.SignedData | null {
  const asn1 = asn1js.fromBER(new Uint8Array(der));
  if (asn1.offset === -1) return null;
  const info = new pkijs.ContentInfo({ schema: asn1.result });
  if (info.contentType !== OID.signedData) return null;
  return new pkijs.SignedData({ schema: info.content });
}

/** The certificate named by the SignerInfo, else the first one (some tools get the sid wrong). */
function signerCertificate(sd: pkijs.SignedData, si: pkijs.SignerInfo): pkijs.Certificate | null {
  const certs = (sd.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    const match = certs.find((x) => x.issuer.isEqual(sid.issuer) && x.serialNumber.isEqual(sid.serialNumber));
    if (match) return match;
  }
  return certs[0] ?? null;
}

function nameValue(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  for (const tv of name.typesAndValues) {
    if (tv.type !== oid) continue;
    const v: unknown = tv.value;
    if (v instanceof asn1js.BaseStringBlock) return v.getValue().trim() || null;
  }
  return null;
}

function certificateNames(cert: pkijs.Certificate): Pick<PdfSignature, 'signer' | 'organization' | 'email' | 'taxCode' | 'issuer'> {
  let email = nameValue(cert.subject, OID.emailAddress);
  if (!email) {
    const san = cert.extensions?.find((e) => e.extnID === OID.subjectAltName)?.parsedValue as unknown;
    if (san instanceof pkijs.AltName) {
      // GeneralName type 1 is rfc822Name (RFC 5280 §4.2.1.6); its value is an IA5String text.
      const rfc822: unknown = san.altNames.find((n) => n.type === 1)?.value;
      if (typeof rfc822 === 'string') email = rfc822;
    }
  }
  return {
    signer: nameValue(cert.subject, OID.commonName),
    organization: nameValue(cert.subject, OID.organization),
    email,
    taxCode: taxCodeOf(cert.subject),
    issuer: nameValue(cert.issuer, OID.commonName),
  };
}

/**
 * Vietnamese agency certificates put "MST:0123456789" (branches "MST:0123456789-001") in the
 * subject UID; personal ones "CMND:…" or "CCCD:…", which are not tax codes.
 */
function taxCodeOf(subject: pkijs.RelativeDistinguishedNames): string | null {
  const uids = subject.typesAndValues.filter((tv) => tv.type === OID.userId).map((tv) => (tv.value instanceof asn1js.BaseStringBlock ? tv.value.getValue() : ''));
  for (const uid of uids) {
    const m = /MST\s*[:-]?\s*(\d{10}(?:-\d{3})?)/i.exec(uid);
    if (m?.[1]) return m[1];
  }
  return null;
}

interface Timestamp {
  algorithm: string | undefined;
  imprint: Buffer;
  genTime: unknown;
}

/** The TSTInfo of a timestamp token (RFC 3161 §2.4.2), read with asn1js to keep genTime as written. */
function timestampOf(sd: pkijs.SignedData): Timestamp | null {
  const eContent = sd.encapContentInfo.eContent;
  if (sd.encapContentInfo.eContentType !== OID.tstInfo || !eContent) return null;
  const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
  const raw = asn1js.fromBER(eContent.getValue()).result;
  // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, … }
  const genTime: unknown = raw instanceof asn1js.Sequence ? raw.valueBlock.value[4] : undefined;
  return {
    algorithm: DIGESTS[tst.messageImprint.hashAlgorithm.algorithmId],
    imprint: Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    genTime,
  };
}

/**
 * node:crypto digest over the signed bytes against what the CMS says it signed: the
 * messageDigest attribute (detached), the timestamp's message imprint (document timestamp),
 * or the encapsulated SHA-1 of the bytes (the old adbe.pkcs7.sha1). null: cannot tell.
 */
function checkDigest(signed: Buffer, sd: pkijs.SignedData, si: pkijs.SignerInfo, timestamp: Timestamp | null): boolean | null {
  if (timestamp) return timestamp.algorithm ? hash(timestamp.algorithm, signed).equals(timestamp.imprint) : null;
  const eContent = sd.encapContentInfo.eContent;
  if (eContent) return hash('sha1', signed).equals(Buffer.from(eContent.getValue()));
  const algorithm = DIGESTS[si.digestAlgorithm.algorithmId];
  const attr = si.signedAttrs?.attributes.find((x) => x.type === OID.messageDigest)?.values[0] as unknown;
  if (!algorithm || !(attr instanceof asn1js.OctetString)) return null;
  return hash(algorithm, signed).equals(Buffer.from(attr.valueBlock.valueHexView));
}

const hash = (algorithm: string, data: Buffer): Buffer => crypto.createHash(algorithm).update(data).digest();

/**
 * The signature value over the signed attributes, with pkijs (WebCrypto). true/false when it
 * could be checked, null when pkijs cannot (unknown algorithm, no certificate…).
 */
async function checkSignatureValue(sd: pkijs.SignedData, signed: Buffer): Promise<boolean | null> {
  try {
    const data = signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.byteLength) as ArrayBuffer;
    const r = await sd.verify({ signer: 0, data, extendedMode: true, checkChain: false });
    return r.signatureVerified ?? null;
  } catch (e) {
    // pkijs reports a digest mismatch as error 15 with this message; anything else is "cannot tell".
    if (e instanceof pkijs.SignedDataVerifyError && /digest doesn't match/i.test(e.message)) return false;
    return null;
  }
}

/** UTCTime / GeneralizedTime as written (DER says Z; BER may carry +hhmm) → ISO 8601. */
function asn1TimeToIso(value: unknown): string | null {
  if (!(value instanceof asn1js.UTCTime)) return null; // GeneralizedTime extends UTCTime
  const raw = Buffer.from(value.valueBlock.valueHexView).toString('latin1');
  const generalized = value instanceof asn1js.GeneralizedTime;
  const m = (generalized ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)?(\d\d)?(?:[.,]\d+)?(Z|[+-]\d{4})?$/ : /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(Z|[+-]\d{4})$/).exec(raw);
  if (!m) return null;
  let year = m[1] ?? '';
  // X.509 convention (RFC 5280 §4.1.2.5.1): YY < 50 is 20YY.
  if (!generalized) year = `${Number(year) < 50 ? '20' : '19'}${year}`;
  return isoOf(year, m[2], m[3], m[4], m[5], m[6], m[7]);
}

/** The PDF date of /M ("D:20190528082438+07'00'") → ISO 8601 keeping its offset. */
export function pdfDateToIso(text: string | null): string | null {
  const m = /^(?:D:)?(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(Z|[+-]\d\d'?(?:\d\d'?)?)?/.exec(text?.trim() ?? '');
  if (!m) return null;
  const zone = m[7]?.replace(/'/g, '');
  return isoOf(m[1] ?? '', m[2], m[3], m[4], m[5], m[6], zone === undefined || zone === 'Z' || zone.length === 5 ? zone : `${zone}00`);
}

function isoOf(y: string, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone?: string): string | null {
  const n = [mo, d, h, mi, s].map(Number) as [number, number, number, number, number];
  if (n[0] < 1 || n[0] > 12 || n[1] < 1 || n[1] > 31 || n[2] > 23 || n[3] > 59 || n[4] > 60) return null;
  const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3, 5)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
}
