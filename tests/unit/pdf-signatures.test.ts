import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { describeSignature, pdfDateToIso, readPdfSignatures, type PdfSignature } from '../../main/intake/pdf-signatures.js';
import { describeWithShared } from '../support/shared-fixtures.js';

const STC = { signer: 'Sở Tài chính', organization: 'Tỉnh Đắk Nông', email: 'stc@daknong.gov.vn', taxCode: null };
const CA = 'Co quan chung thuc so Chinh phu';

/**
 * Values checked by hand against `pdfsig` 22.12 (run with TZ=UTC: it prints the CMS signingTime,
 * which these Vietnamese tools write as local time labelled UTC; the /M of the dictionaries
 * says the same clock time with +07'00').
 */
const EXPECTED: Record<string, Partial<PdfSignature>[]> = {
  '106-BC-STC_2019-05_tiep-cong-dan.pdf': [
    { ...STC, issuer: CA, signedAt: '2019-05-28T08:24:38Z', digestValid: true, after: 'signatures-only' },
    { ...STC, issuer: CA, signedAt: '2019-05-28T08:24:47Z', digestValid: true, after: 'nothing' },
  ],
  '216-BC-STC_2018-11-14_cai-cach-hanh-chinh.pdf': [
    { ...STC, issuer: CA, signedAt: '2018-11-14T14:56:53Z', digestValid: true, after: 'signatures-only' },
    { ...STC, issuer: CA, signedAt: '2018-11-14T14:57:06Z', digestValid: true, after: 'signatures-only' },
    { ...STC, issuer: CA, signedAt: '2018-11-14T14:57:14Z', digestValid: true, after: 'nothing' },
  ],
  'tong-hop-BC-TCD-T5-2019_UBND-huyen-Krong-No_scan.pdf': [
    {
      signer: 'Ủy ban nhân dân huyện K-rông Nô',
      organization: 'Tỉnh Đắk Nông',
      email: 'krongno@daknong.gov.vn',
      taxCode: '6400085062',
      issuer: CA,
      signedAt: '2019-05-17T14:05:42Z',
      digestValid: true,
      after: 'nothing',
    },
  ],
};

interface PdfsigEntry {
  commonName: string;
  time: string;
  valid: boolean;
  total: boolean;
}

function hasPdfsig(): boolean {
  try {
    execFileSync('pdfsig', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** pdfsig's report on a file (TZ=UTC so its times are the CMS times as written). */
function pdfsig(file: string): PdfsigEntry[] {
  let out: string;
  try {
    out = execFileSync('pdfsig', [file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  } catch (e) {
    // pdfsig exits non-zero when a signature is invalid; its report is still on stdout.
    out = String((e as { stdout?: unknown }).stdout ?? '');
  }
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      commonName: /Signer Certificate Common Name: (.*)/.exec(block)?.[1]?.trim() ?? '',
      time: /Signing Time: (.*)/.exec(block)?.[1]?.trim() ?? '',
      valid: /Signature Validation: Signature is Valid\./.test(block),
      total: /^\s*- Total document signed/m.test(block),
    }));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2019-05-28T08:24:38Z" as pdfsig prints it: "May 28 2019 08:24:38". */
function pdfsigTime(iso: string | null): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)/.exec(iso ?? '');
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[3]} ${m[1]} ${m[4]}` : '';
}

/** The last `startxref` value and trailer /Size, to append an update. */
function tailInfo(pdf: Buffer): { prev: number; size: number } {
  const text = pdf.toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const sizes = [...text.matchAll(/\/Size\s+(\d+)/g)].map((m) => Number(m[1]));
  return { prev, size: Math.max(...sizes) };
}

/** The last definition of object `num` in the file. */
function lastObject(pdf: Buffer, num: number): string {
  const text = pdf.toString('latin1');
  const all = [...text.matchAll(new RegExp(`(?<![0-9])${num} 0 obj\\s*([\\s\\S]*?)\\s*endobj`, 'g'))];
  return all.at(-1)?.[1] ?? '';
}

/** An incremental update with the given objects (body text by number), xref and trailer. */
function appendUpdate(pdf: Buffer, objects: [number, string][]): Buffer {
  const { prev, size } = tailInfo(pdf);
  let text = pdf.toString('latin1');
  if (!text.endsWith('\n')) text += '\n';
  const offsets: [number, number][] = [];
  for (const [num, body] of objects) {
    offsets.push([num, text.length]);
    text += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xref = text.length;
  text += 'xref\n0 1\n0000000000 65535 f \n';
  for (const [num, off] of offsets) text += `${num} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  const newSize = Math.max(size, ...objects.map(([n]) => n + 1));
  text += `trailer\n<</Size ${newSize}/Root 1 0 R/Prev ${prev}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

describeWithShared('chữ ký số trong PDF thật (pdf-signatures)', (dir) => {
  const real = (name: string): Buffer => fs.readFileSync(path.join(dir, 'fixtures', 'real', name));

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: người ký, thời điểm, băm, phần sau vùng ký`, async () => {
      const sigs = await readPdfSignatures(real(name));
      expect(sigs).toHaveLength(expected.length);
      sigs.forEach((s, i) => {
        expect(s).toMatchObject({ ...expected[i], chain: 'unverified' });
        // Earlier signatures of a multi-signature file are followed only by later signing.
        expect(s.after).toBe(i === sigs.length - 1 ? 'nothing' : 'signatures-only');
      });
    });

    it(`${name}: khớp với pdfsig`, async (ctx) => {
      if (!hasPdfsig()) {
        console.log('Bỏ qua so sánh với pdfsig: không có pdfsig (poppler-utils).');
        ctx.skip();
        return;
      }
      const file = path.join(dir, 'fixtures', 'real', name);
      const ours = await readPdfSignatures(fs.readFileSync(file));
      const theirs = pdfsig(file);
      expect(ours.map((s) => s.signer)).toEqual(theirs.map((t) => t.commonName));
      expect(ours.map((s) => pdfsigTime(s.signedAt))).toEqual(theirs.map((t) => t.time));
      expect(ours.map((s) => s.digestValid)).toEqual(theirs.map((t) => t.valid));
      expect(ours.map((s) => s.after === 'nothing')).toEqual(theirs.map((t) => t.total));
    });
  }

  it('câu hiển thị tiếng Việt', async () => {
    const [scan] = await readPdfSignatures(real('tong-hop-BC-TCD-T5-2019_UBND-huyen-Krong-No_scan.pdf'));
    expect(scan && describeSignature(scan)).toBe(
      'Ký số bởi Ủy ban nhân dân huyện K-rông Nô, Tỉnh Đắk Nông (MST 6400085062), lúc 17/05/2019 14:05:42 UTC — chữ ký khớp với nội dung đã ký; sau khi ký không có thay đổi nào; chưa xác minh chuỗi chứng thư.',
    );
    const [first] = await readPdfSignatures(real('106-BC-STC_2019-05_tiep-cong-dan.pdf'));
    expect(first && describeSignature(first)).toMatch(/^Ký số bởi Sở Tài chính, Tỉnh Đắk Nông, lúc 28\/05\/2019 08:24:38 UTC — chữ ký khớp với nội dung đã ký; sau khi ký chỉ có thêm chữ ký khác; chưa xác minh chuỗi chứng thư\.$/);
  });

  describe('tệp bị sửa sau khi ký', () => {
    const name = '106-BC-STC_2019-05_tiep-cong-dan.pdf';
    /** A new content stream drawn on page 3 and the page pointing at it. */
    function withPageChange(pdf: Buffer): { objects: [number, string][]; newNum: number } {
      const { size } = tailInfo(pdf);
      const content = 'BT /F1 24 Tf 100 100 Td (DA SUA) Tj ET';
      const page = lastObject(pdf, 3).replace(/\/Contents\s+(\d+) 0 R/, `/Contents [$1 0 R ${size} 0 R]`);
      expect(page).toContain(`${size} 0 R]`);
      return { newNum: size, objects: [[size, `<</Length ${content.length}>>stream\n${content}\nendstream`], [3, page]] };
    }

    it('thêm một bản cập nhật đổi nội dung trang → other-changes, băm vẫn đúng', async () => {
      const pdf = real(name);
      const changed = appendUpdate(pdf, withPageChange(pdf).objects);
      const sigs = await readPdfSignatures(changed);
      expect(sigs.map((s) => s.after)).toEqual(['other-changes', 'other-changes']);
      expect(sigs.map((s) => s.digestValid)).toEqual([true, true]);
      expect(describeSignature(sigs[1] as PdfSignature)).toContain('chữ ký khớp với nội dung đã ký; sau khi ký tệp đã được sửa thêm');
      if (hasPdfsig()) {
        const tmp = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'vanthu-sig-')), 'changed.pdf');
        fs.writeFileSync(tmp, changed);
        expect(pdfsig(tmp).map((t) => [t.valid, t.total])).toEqual([
          [true, false],
          [true, false],
        ]);
        fs.rmSync(path.dirname(tmp), { recursive: true });
      }
    });

    it('thay đổi trang giấu trong object stream nén → other-changes', async () => {
      const pdf = real(name);
      const { size } = tailInfo(pdf);
      // Only the page, turned a quarter, packed in a compressed object stream: no other object.
      const page = lastObject(pdf, 3).replace(/^<</, '<</Rotate 90');
      const first = '3 0 '.length;
      const data = zlib.deflateSync(Buffer.from(`3 0 ${page}`, 'latin1'));
      const objStm = `<</Type/ObjStm/N 1/First ${first}/Filter/FlateDecode/Length ${data.length}>>stream\n${data.toString('latin1')}\nendstream`;
      const sigs = await readPdfSignatures(appendUpdate(pdf, [[size, objStm]]));
      expect(sigs.map((s) => s.after)).toEqual(['other-changes', 'other-changes']);
      // The same object stream holding only the page's new /Annots is signing bookkeeping.
      const annots = lastObject(pdf, 3).replace(/\/Annots\s*\[([^\]]*)\]/, `/Annots[$1 ${size + 1} 0 R]`);
      const widget = `<</FT/Sig/Type/Annot/Subtype/Widget/Rect[0 0 0 0]/P 3 0 R/T(Signature3)>>`;
      const packed = `3 0 ${size + 1} ${annots.length + 1} ${annots} ${widget}`;
      const header = `3 0 ${size + 1} ${annots.length + 1} `.length;
      const data2 = zlib.deflateSync(Buffer.from(packed, 'latin1'));
      const objStm2 = `<</Type/ObjStm/N 2/First ${header}/Filter/FlateDecode/Length ${data2.length}>>stream\n${data2.toString('latin1')}\nendstream`;
      const ok = await readPdfSignatures(appendUpdate(pdf, [[size + 2, objStm2]]));
      expect(ok.map((s) => s.after)).toEqual(['signatures-only', 'signatures-only']);
      // Second entry of the stream read too: a rotated page after the widget is still caught.
      const rotated = annots.replace(/^<</, '<</Rotate 90');
      const packed3 = `${size + 1} 0 3 ${widget.length + 1} ${widget} ${rotated}`;
      const header3 = `${size + 1} 0 3 ${widget.length + 1} `.length;
      const data3 = zlib.deflateSync(Buffer.from(packed3, 'latin1'));
      const objStm3 = `<</Type/ObjStm/N 2/First ${header3}/Filter/FlateDecode/Length ${data3.length}>>stream\n${data3.toString('latin1')}\nendstream`;
      const bad = await readPdfSignatures(appendUpdate(pdf, [[size + 2, objStm3]]));
      expect(bad.at(-1)?.after).toBe('other-changes');
    });

    it('một trang mới → other-changes', async () => {
      const pdf = real(name);
      const { size } = tailInfo(pdf);
      const changed = appendUpdate(pdf, [[size, '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>']]);
      expect((await readPdfSignatures(changed)).at(-1)?.after).toBe('other-changes');
    });

    it('chỉ cập nhật thông tin tài liệu (Info) → signatures-only', async () => {
      const pdf = real(name);
      const info = lastObject(pdf, 33).replace(/\/ModDate\([^)]*\)/, "/ModDate(D:20190601000000+07'00')");
      const sigs = await readPdfSignatures(appendUpdate(pdf, [[33, info]]));
      expect(sigs.map((s) => s.after)).toEqual(['signatures-only', 'signatures-only']);
    });

    it('phần thêm không có đối tượng nào: chỉ xref/trailer → signatures-only, rác → other-changes', async () => {
      const pdf = real(name);
      expect((await readPdfSignatures(appendUpdate(pdf, []))).at(-1)?.after).toBe('signatures-only');
      expect((await readPdfSignatures(Buffer.concat([pdf, Buffer.from('\r\n\0 \n')]))).at(-1)?.after).toBe('nothing');
      expect((await readPdfSignatures(Buffer.concat([pdf, Buffer.from('rác cuối tệp')]))).at(-1)?.after).toBe('other-changes');
    });

    it('đổi một byte trong vùng đã ký → digestValid false', async () => {
      const pdf = Buffer.from(real(name));
      const [sig] = await readPdfSignatures(pdf);
      expect(sig?.digestValid).toBe(true);
      // A byte of the first page's content, well inside the first signed range of both signatures.
      const at = pdf.indexOf('stream', 1000) + 20;
      pdf[at] = (pdf[at] ?? 0) ^ 0x01;
      const sigs = await readPdfSignatures(pdf);
      expect(sigs.map((s) => s.digestValid)).toEqual([false, false]);
      expect(describeSignature(sigs[0] as PdfSignature)).toContain('chữ ký không khớp nội dung — tệp có thể đã bị sửa');
    });

    it('đổi một byte của giá trị chữ ký (ngoài vùng băm) → digestValid false', async () => {
      const pdf = Buffer.from(real(name));
      // Find the RSA signature value of the last signature inside its hex Contents, and flip it.
      const text = pdf.toString('latin1');
      const [a = 0, b = 0, c = 0] = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]).at(-1) ?? [];
      const hexStart = a + b + 1; // the gap between the two ranges is "<hex>"
      const hex = text.slice(hexStart, c - 1);
      const der = Buffer.from(hex, 'hex');
      const sd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(der)).result }).content });
      const value = Buffer.from(sd.signerInfos[0]?.signature.valueBlock.valueHexView ?? []).toString('hex');
      const pos = hex.toLowerCase().indexOf(value);
      expect(pos).toBeGreaterThan(0);
      const charAt = hexStart + pos + 10;
      pdf[charAt] = pdf[charAt] === 0x30 ? 0x31 : 0x30;
      const sigs = await readPdfSignatures(pdf);
      expect(sigs.map((s) => s.digestValid)).toEqual([true, false]);
    });

    it('tệp bị cắt cụt → không ném lỗi, chữ ký cuối không kiểm tra được', async () => {
      const pdf = real(name);
      const cut = pdf.subarray(0, 440_000); // inside the last signature's Contents
      const sigs = await readPdfSignatures(cut);
      expect(sigs[0]).toMatchObject({ digestValid: true, after: 'other-changes' });
      expect(sigs[1]).toMatchObject({ digestValid: null, chain: 'unverified' });
      for (const len of [0, 10, 100_000, 309_950, 364_000]) {
        await expect(readPdfSignatures(pdf.subarray(0, len))).resolves.toBeInstanceOf(Array);
      }
    });
  });
});

describe('PDF không chữ ký, rác', () => {
  const MINIMAL = [
    '%PDF-1.4',
    '1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj',
    '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj',
    '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj',
    'trailer <</Root 1 0 R/Size 4>>',
    '%%EOF',
  ].join('\n');

  it('PDF không có chữ ký → []', async () => {
    expect(await readPdfSignatures(Buffer.from(MINIMAL, 'latin1'))).toEqual([]);
  });

  it('rác và dữ liệu hỏng → không ném lỗi', async () => {
    const random = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await readPdfSignatures(random)).toEqual([]);
    expect(await readPdfSignatures(Buffer.alloc(0))).toEqual([]);
    const broken = Buffer.from(`${MINIMAL}\n9 0 obj <</Type/Sig/ByteRange [0 10 20 99999]/Contents <3082ffff00>>> endobj\n`, 'latin1');
    const sigs = await readPdfSignatures(broken);
    expect(sigs).toHaveLength(1);
    expect(sigs[0]).toMatchObject({ signer: null, digestValid: null, chain: 'unverified' });
    expect(describeSignature(sigs[0] as PdfSignature)).toContain('không kiểm tra được');
    const notDer = Buffer.from(`${MINIMAL}\n9 0 obj <</Type/Sig/M(D:2019)/ByteRange [0 5 10 3]/Contents <deadbeef>>> endobj\n`, 'latin1');
    await expect(readPdfSignatures(notDer)).resolves.toHaveLength(1);
  });

  it('dữ liệu độc hại (chuỗi không đóng lặp lại, dãy số rất dài) → xong nhanh', async () => {
    const started = Date.now();
    await readPdfSignatures(Buffer.from(`${'1 0 obj ('.repeat(100_000)}/ByteRange [0 1 2 3]`, 'latin1'));
    await readPdfSignatures(Buffer.from(`%PDF-1.4\n${'0'.repeat(1_000_000)}\n/ByteRange [0 10 20 5] /Contents <${'0'.repeat(50_000)}>`, 'latin1'));
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('ngày PDF /M giữ nguyên múi giờ ghi trong tệp', () => {
    expect(pdfDateToIso("D:20190528082438+07'00'")).toBe('2019-05-28T08:24:38+07:00');
    expect(pdfDateToIso('D:20190528082438Z')).toBe('2019-05-28T08:24:38Z');
    expect(pdfDateToIso('D:20190528')).toBe('2019-05-28T00:00:00');
    expect(pdfDateToIso('rác')).toBeNull();
  });
});
