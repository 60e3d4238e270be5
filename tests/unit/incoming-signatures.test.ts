import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/api/core.js';
import { describeSignature, signatureFindings, signatureHeadline, signatureNeedsAttention, type DocumentSignature } from '../../shared/domain/signature.js';
import { pdfBytes } from '../support/intake-samples.js';
import { describeWithShared } from '../support/shared-fixtures.js';
import { openTempApp } from '../support/temp-app.js';

/**
 * The digital signatures of a received PDF are stored with its file (migration 7) and come back
 * with the document (incoming.get), for the line "Ký số bởi …, lúc …" on its page (issue 7).
 */

let app: ReturnType<typeof openTempApp>;
beforeEach(() => {
  app = openTempApp();
});
afterEach(() => app.cleanup());

const CA = 'Co quan chung thuc so Chinh phu';
const STC = { signer: 'Sở Tài chính', organization: 'Tỉnh Đắk Nông', email: 'stc@daknong.gov.vn', taxCode: null, issuer: CA, digestValid: true };

describeWithShared('signatures of real signed PDFs, stored and returned', (dir) => {
  it('keeps both signatures of 106/BC-STC in order, as the file states them, and out of the read note', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'fixtures', 'real', '106-BC-STC_2019-05_tiep-cong-dan.pdf'));
    const [r] = await app.imports.importInputs([{ name: '106.pdf', bytes }], { receivedDate: '2019-05-29' });
    const expected: DocumentSignature[] = [
      { ...STC, signedAt: '2019-05-28T08:24:38Z', after: 'signatures-only' },
      { ...STC, signedAt: '2019-05-28T08:24:47Z', after: 'nothing' },
    ];
    const file = app.incoming.get(r!.entryId!).files.find((f) => f.role === 'main')!;
    expect(file.signatures).toEqual(expected);
    expect(file.readNote ?? '').not.toContain('Ký số');

    // Through the API, validated by its schema, as the screens receive it.
    const answer = await createCore(app, 'browser').call('incoming.get', { id: r!.entryId! });
    expect(answer).toMatchObject({ ok: true, result: { files: [{ role: 'main', signatures: expected }] } });
    expect(describeSignature(file.signatures[0]!)).toBe(
      'Ký số bởi Sở Tài chính, Tỉnh Đắk Nông, lúc 28/05/2019 08:24:38 UTC — chữ ký khớp với nội dung đã ký; sau khi ký chỉ có thêm chữ ký khác; chưa xác minh chuỗi chứng thư.',
    );
  });
});

describe('signatures that cannot be checked', () => {
  it('stores what could not be read as null, never as a valid signature', async () => {
    const signed = Buffer.concat([
      pdfBytes([['Bao cao ket qua nam 2021']]),
      Buffer.from('9 0 obj <</Type/Sig/ByteRange [0 10 20 99999]/Contents <3082ffff00>>> endobj\n', 'latin1'),
    ]);
    const [r] = await app.imports.importInputs([{ name: 'hong.pdf', bytes: signed }]);
    const [signature, ...rest] = app.incoming.get(r!.entryId!).files[0]!.signatures;
    expect(rest).toEqual([]);
    expect(signature).toMatchObject({ signer: null, organization: null, taxCode: null, signedAt: null, digestValid: null });
    expect(describeSignature(signature!)).toMatch(/^Ký số bởi người ký không rõ, không rõ thời điểm ký — không kiểm tra được chữ ký với nội dung; .*; chưa xác minh chuỗi chứng thư\.$/);
  });

  it('a document without a PDF has no signatures', async () => {
    const [r] = await app.imports.importInputs([{ name: 'ghi-chu.txt', bytes: Buffer.from('Báo cáo tháng 5') }]);
    expect(app.incoming.get(r!.entryId!).files[0]!.signatures).toEqual([]);
  });
});

describe('the Vietnamese wording of a signature', () => {
  const base = { signer: 'Nguyễn Văn A', organization: 'UBND huyện Krông Nô', taxCode: '6400085062', signedAt: '2019-05-17T14:05:42+07:00', digestValid: true, after: 'nothing' } as const;

  it('names signer, organisation and MST, with the time and zone exactly as written', () => {
    expect(signatureHeadline(base)).toBe('Ký số bởi Nguyễn Văn A, UBND huyện Krông Nô (MST 6400085062), lúc 17/05/2019 14:05:42 +07:00');
    expect(signatureHeadline({ ...base, signedAt: '2019-05-17T14:05:42Z' })).toContain('lúc 17/05/2019 14:05:42 UTC');
    // An organisation already in the signer's name is not repeated.
    expect(signatureHeadline({ ...base, signer: 'UBND huyện Krông Nô', taxCode: null })).toBe('Ký số bởi UBND huyện Krông Nô, lúc 17/05/2019 14:05:42 +07:00');
  });

  it('says the digest, what came after, and never more than "chưa xác minh chuỗi chứng thư"', () => {
    expect(signatureFindings(base)).toEqual(['chữ ký khớp với nội dung đã ký', 'sau khi ký không có thay đổi nào', 'chưa xác minh chuỗi chứng thư']);
    expect(signatureFindings({ ...base, after: 'signatures-only' })[1]).toBe('sau khi ký chỉ có thêm chữ ký khác');
    expect(signatureFindings({ ...base, digestValid: false, after: 'other-changes' }).slice(0, 2)).toEqual([
      'chữ ký không khớp nội dung — tệp có thể đã bị sửa',
      'sau khi ký tệp đã được sửa thêm — nội dung đang xem có thể khác bản đã ký',
    ]);
    for (const after of ['nothing', 'signatures-only', 'other-changes'] as const) {
      for (const digestValid of [true, false, null]) expect(describeSignature({ ...base, after, digestValid })).not.toMatch(/hợp lệ/);
    }
  });

  it('asks for attention only when the digest fails or the file changed after signing', () => {
    expect(signatureNeedsAttention(base)).toBe(false);
    expect(signatureNeedsAttention({ ...base, after: 'signatures-only' })).toBe(false);
    expect(signatureNeedsAttention({ ...base, digestValid: null })).toBe(false);
    expect(signatureNeedsAttention({ ...base, digestValid: false })).toBe(true);
    expect(signatureNeedsAttention({ ...base, after: 'other-changes' })).toBe(true);
  });
});
