import { describe, expect, it } from 'vitest';
import { composeEmailDraft } from '../../main/dispatches/email-draft.js';

describe('e-mail draft', () => {
  it('writes an unsent message with Vietnamese subject and file names encoded, and the attachment bytes intact', async () => {
    const pdf = Buffer.from('%PDF-1.7 nội dung thử');
    const eml = (
      await composeEmailDraft({
        from: 'stttt@kiengiang.gov.vn',
        to: ['snv@kiengiang.gov.vn', 'ubndkienluong@kiengiang.gov.vn'],
        subject: 'Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 V/v đẩy mạnh tuyên truyền',
        text: 'Kính gửi các cơ quan, đơn vị.',
        attachments: [{ fileName: '864-STTTT-TTBCBC_2021-08-03_V-v-day-manh.pdf', content: pdf, contentType: 'application/pdf' }],
      })
    ).toString('latin1');
    const headers = eml.slice(0, eml.indexOf('\r\n\r\n'));
    expect(headers).toMatch(/^X-Unsent: 1$/m);
    expect(headers).toMatch(/^To: snv@kiengiang\.gov\.vn, ubndkienluong@kiengiang\.gov\.vn$/m);
    expect(headers).toMatch(/^Subject: =\?UTF-8\?/m);
    // Headers must be 7-bit: raw UTF-8 there breaks older mail programs.
    expect([...headers].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    const part = /filename=864-STTTT-TTBCBC_2021-08-03_V-v-day-manh\.pdf\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(eml);
    expect(part).not.toBeNull();
    expect(Buffer.from(part![1]!.replace(/\r\n/g, ''), 'base64').equals(pdf)).toBe(true);
  });
});
