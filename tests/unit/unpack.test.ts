import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFileName, unpack } from '../../main/intake/unpack.js';
import { DEFAULT_UNPACK_LIMITS, type UnpackResult } from '../../main/intake/types.js';
import { emlBytes, msgBytes, zipBytes } from '../support/intake-samples.js';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\0', 'latin1'), Buffer.alloc(200)]);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unpack Nguyễn Văn A '));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, bytes: Buffer | string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

const summary = (r: UnpackResult) => ({
  items: r.items.map((i) => `${i.role}:${i.depth}:${i.displayPath}`),
  refused: r.refused.map((i) => `${i.code}:${i.displayPath}`),
});

describe('unpack: e-mail', () => {
  it('keeps the .eml itself and gives its RFC 2231-named attachment the envelope', async () => {
    const eml = await emlBytes({
      from: '"UBND huyện Kiên Lương" <vanthu@kienluong.kiengiang.gov.vn>',
      to: ['stttt@kiengiang.gov.vn', 'tonghop@kiengiang.gov.vn'],
      subject: 'Báo cáo kết quả thực hiện Công văn 864/STTTT-TTBCBC',
      date: new Date('2021-11-10T02:15:00Z'),
      messageId: '<bc-2021@kienluong.kiengiang.gov.vn>',
      text: 'Kính gửi Sở Thông tin và Truyền thông.',
      attachments: [{ filename: 'Báo cáo năm 2021.pdf', content: PDF, contentType: 'application/pdf' }],
    });
    // The name travels RFC 2231-encoded, as Outlook and Thunderbird send it.
    expect(eml.toString('latin1')).toMatch(/filename\*0\*=utf-8''B%C3%A1o%20c%C3%A1o/);
    const r = await unpack([{ name: 'thu-bao-cao.eml', bytes: eml }]);
    expect(r.refused).toEqual([]);
    expect(summary(r).items).toEqual(['message:0:thu-bao-cao.eml', 'attachment:1:thu-bao-cao.eml › Báo cáo năm 2021.pdf']);
    const [message, attachment] = r.items;
    expect(message?.bytes).toBe(eml);
    const envelope = {
      fromName: 'UBND huyện Kiên Lương',
      fromAddress: 'vanthu@kienluong.kiengiang.gov.vn',
      to: ['stttt@kiengiang.gov.vn', 'tonghop@kiengiang.gov.vn'],
      date: '2021-11-10T02:15:00.000Z',
      subject: 'Báo cáo kết quả thực hiện Công văn 864/STTTT-TTBCBC',
      messageId: '<bc-2021@kienluong.kiengiang.gov.vn>',
    };
    expect(message?.envelope).toEqual(envelope);
    expect(attachment).toMatchObject({ fileName: 'Báo cáo năm 2021.pdf', sourceName: 'thu-bao-cao.eml', envelope });
    expect(attachment?.bytes.equals(PDF)).toBe(true);
  });

  it('decodes RFC 2047 names and keeps a message without attachments as message + body', async () => {
    const raw = [
      'From: =?UTF-8?B?U+G7nyBUw6BpIGNow61uaA==?= <stc@daknong.gov.vn>',
      'To: vanthu@kiengiang.gov.vn',
      'Subject: =?UTF-8?Q?B=C3=A1o_c=C3=A1o?=',
      'Date: Wed, 14 Nov 2018 09:00:00 +0700',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Kính gửi.',
      '--b1',
      'Content-Type: application/pdf; name="=?UTF-8?B?QsOhbyBjw6FvIG7Eg20gMjAyMS5wZGY=?="',
      'Content-Disposition: attachment; filename="=?UTF-8?B?QsOhbyBjw6FvIG7Eg20gMjAyMS5wZGY=?="',
      'Content-Transfer-Encoding: base64',
      '',
      PDF.toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    const r = await unpack([{ name: 'a.eml', bytes: Buffer.from(raw) }]);
    expect(r.items.map((i) => i.fileName)).toEqual(['a.eml', 'Báo cáo năm 2021.pdf']);
    expect(r.items[0]?.envelope).toMatchObject({ fromName: 'Sở Tài chính', subject: 'Báo cáo', date: '2018-11-14T02:00:00.000Z' });

    const plain = await emlBytes({ from: 'a@b.vn', to: 'c@d.vn', subject: 'Nhắc', text: 'Đề nghị gửi báo cáo trước ngày 15/11.' });
    const r2 = await unpack([{ name: 'nhac.eml', bytes: plain }]);
    expect(summary(r2).items).toEqual(['message:0:nhac.eml', 'body:1:nhac.eml › noi-dung-thu.txt']);
    expect(r2.items[1]?.bytes.toString('utf8')).toBe('Đề nghị gửi báo cáo trước ngày 15/11.');
  });

  it('keeps the body beside attachments only when it is substantive; an HTML-only body stays HTML', async () => {
    const att = [{ filename: 'bc.pdf', content: PDF }];
    const short = await emlBytes({ from: 'a@b.vn', to: 'c@d.vn', subject: 's', text: 'Gửi kèm báo cáo.', attachments: att });
    expect((await unpack([{ name: 's.eml', bytes: short }])).items.map((i) => i.role)).toEqual(['message', 'attachment']);
    const long = await emlBytes({ from: 'a@b.vn', to: 'c@d.vn', subject: 's', html: `<p>${'Nội dung báo cáo chi tiết. '.repeat(12)}</p>`, attachments: att });
    const r = await unpack([{ name: 'l.eml', bytes: long }]);
    expect(r.items.map((i) => `${i.role}:${i.fileName}`)).toEqual(['message:l.eml', 'body:noi-dung-thu.html', 'attachment:bc.pdf']);
  });

  it('opens a forwarded message attached to a message, with its own envelope', async () => {
    const inner = await emlBytes({
      from: 'ubnd@kienluong.vn',
      to: 'x@y.vn',
      subject: 'Báo cáo gốc',
      text: 'x',
      attachments: [{ filename: 'bc.pdf', content: PDF }],
    });
    const outer = await emlBytes({
      from: 'vanthu@stttt.vn',
      to: 'me@stttt.vn',
      subject: 'Fw: Báo cáo gốc',
      text: 'Chuyển tiếp',
      attachments: [{ filename: 'Báo cáo gốc.eml', content: inner, contentType: 'message/rfc822', contentDisposition: 'attachment' }],
    });
    const r = await unpack([{ name: 'fw.eml', bytes: outer }]);
    expect(summary(r).items).toEqual([
      'message:0:fw.eml',
      'message:1:fw.eml › Báo cáo gốc.eml',
      'attachment:2:fw.eml › Báo cáo gốc.eml › bc.pdf',
    ]);
    expect(r.items[2]?.envelope?.fromAddress).toBe('ubnd@kienluong.vn');
  });

  it('registers malformed MIME from its raw bytes instead of failing', async () => {
    const broken = Buffer.from(
      [
        'From: ubnd@kienluong.vn',
        'Subject: =?UTF-8?B?broken',
        'Content-Type: multipart/mixed; boundary="zz"',
        '',
        '--zz',
        'Content-Type: application/pdf; name="bc.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        '!!!không phải base64%%%',
        '--zz',
        'Content-Type: text/plain; charset=no-such-charset',
        '',
        'cắt ngang giữa chừng',
      ].join('\r\n'),
    );
    const r = await unpack([{ name: 'hong.eml', bytes: broken }]);
    expect(r.items[0]).toMatchObject({ role: 'message', fileName: 'hong.eml' });
    expect(r.items[0]?.bytes).toBe(broken);
    expect(r.refused).toEqual([]);
  });
});

describe('unpack: Outlook .msg', () => {
  it('keeps the .msg and its attachment with the envelope read from MAPI properties', async () => {
    const msg = msgBytes({
      subject: 'Báo cáo năm 2021',
      senderName: 'UBND huyện Kiên Lương',
      senderEmail: 'vanthu@kienluong.kiengiang.gov.vn',
      body: 'Kính gửi Sở Thông tin và Truyền thông.',
      to: 'stttt@kiengiang.gov.vn',
      messageId: '<msg-1@kienluong>',
      headers: 'Date: Wed, 10 Nov 2021 09:15:00 +0700\r\nMessage-ID: <msg-1@kienluong>',
      attachments: [{ fileName: 'Báo cáo năm 2021.pdf', data: PDF }],
    });
    const r = await unpack([{ name: 'bao-cao.msg', bytes: msg }]);
    expect(summary(r)).toEqual({ items: ['message:0:bao-cao.msg', 'attachment:1:bao-cao.msg › Báo cáo năm 2021.pdf'], refused: [] });
    expect(r.items[1]?.bytes.equals(PDF)).toBe(true);
    expect(r.items[1]?.envelope).toEqual({
      fromName: 'UBND huyện Kiên Lương',
      fromAddress: 'vanthu@kienluong.kiengiang.gov.vn',
      to: ['stttt@kiengiang.gov.vn'],
      date: '2021-11-10T02:15:00.000Z',
      subject: 'Báo cáo năm 2021',
      messageId: '<msg-1@kienluong>',
    });
  });

  it('opens an Outlook item attached to a .msg as a message of its own', async () => {
    const inner = { subject: 'Báo cáo gốc', senderName: 'UBND huyện', senderEmail: 'ubnd@kienluong.vn', body: 'x', to: 'a@b.vn' };
    const msg = msgBytes({
      subject: 'Fw: Báo cáo gốc',
      senderName: 'Văn thư',
      senderEmail: 'vanthu@stttt.vn',
      body: 'Chuyển tiếp',
      to: 'me@stttt.vn',
      attachments: [{ fileName: 'Báo cáo gốc', message: { ...inner, attachments: [{ fileName: 'bc.pdf', data: PDF }] } }],
    });
    const r = await unpack([{ name: 'fw.msg', bytes: msg }]);
    expect(summary(r).items).toEqual(['message:0:fw.msg', 'message:1:fw.msg › Báo cáo gốc.msg', 'attachment:2:fw.msg › Báo cáo gốc.msg › bc.pdf']);
    expect(r.items[2]?.envelope?.fromAddress).toBe('ubnd@kienluong.vn');
    expect(r.items[2]?.bytes.equals(PDF)).toBe(true);
  });

  it('keeps a damaged .msg as a message item', async () => {
    const msg = msgBytes({ subject: 's', senderName: 'n', senderEmail: 'a@b', body: 'b', to: 't@x', attachments: [] });
    const damaged = Buffer.from(msg);
    damaged.fill(0xff, 512, damaged.length);
    const r = await unpack([{ name: 'hong.msg', bytes: damaged }]);
    expect(r.items.map((i) => `${i.role}:${i.fileName}`)).toEqual(['message:hong.msg']);
  });
});

describe('unpack: zip', () => {
  it('gives the entries of a zip, decoding UTF-8, CP437 and Windows-1258 names', async () => {
    const zip = zipBytes([
      { name: 'Báo cáo/Báo cáo năm 2021.pdf', data: PDF, deflate: true }, // UTF-8 flag
      { name: iconv.encode('RÉSUMÉ.txt', 'cp437'), data: 'x' }, // old tools, no flag
      { name: Buffer.from('Kế hoạch.txt', 'utf8'), data: 'y' }, // UTF-8 without the flag
      { name: iconv.encode('Tờ trình.txt'.normalize('NFD').replace(/[aeouAEOU][\u0302\u0306\u031b]/g, (m) => m.normalize('NFC')), 'windows-1258'), data: 'z' },
      { name: 'thư mục/', data: '' },
      { name: '__MACOSX/._x', data: 'junk' },
    ]);
    const r = await unpack([{ name: 'bao-cao.zip', bytes: zip }]);
    expect(summary(r)).toEqual({
      items: [
        'entry:1:bao-cao.zip › Báo cáo/Báo cáo năm 2021.pdf',
        'entry:1:bao-cao.zip › RÉSUMÉ.txt',
        'entry:1:bao-cao.zip › Kế hoạch.txt',
        'entry:1:bao-cao.zip › Tờ trình.txt',
      ],
      refused: [],
    });
    expect(r.items[0]?.fileName).toBe('Báo cáo năm 2021.pdf');
    expect(r.items[0]?.bytes.equals(PDF)).toBe(true);
  });

  it('opens zips nested three deep and refuses the fourth', async () => {
    const doc = { name: 'bc.txt', data: 'Báo cáo' };
    const l4 = zipBytes([doc]);
    const l3 = zipBytes([doc, { name: 'l4.zip', data: l4 }]);
    const l2 = zipBytes([{ name: 'l3.zip', data: l3 }]);
    const r = await unpack([{ name: 'l1.zip', bytes: zipBytes([{ name: 'l2.zip', data: l2 }]) }]);
    expect(summary(r)).toEqual({
      items: ['entry:3:l1.zip › l2.zip › l3.zip › bc.txt'],
      refused: ['too_deep:l1.zip › l2.zip › l3.zip › l4.zip'],
    });
    expect(r.refused[0]?.bytes?.equals(l4)).toBe(true);
    expect(r.refused[0]?.reason).toMatch(/lồng nhau quá 3 lớp/);
  });

  it('refuses an archive bomb whole, by compression ratio, by total size, by a lying size and by entry count', async () => {
    const zeros = Buffer.alloc(5 * 1024 * 1024);
    const ratioBomb = zipBytes([{ name: 'a.txt', data: 'ok' }, { name: 'zeros.txt', data: zeros, deflate: true }]);
    const r1 = await unpack([{ name: 'bom.zip', bytes: ratioBomb }]);
    expect(summary(r1)).toEqual({ items: [], refused: ['archive_bomb:bom.zip'] });
    expect(r1.refused[0]?.bytes).toBe(ratioBomb);
    expect(r1.refused[0]?.reason).toMatch(/bom nén/);

    // Nested: each layer is modest, together they pass the total limit; the outer archive is refused.
    const layer = zipBytes([{ name: 'z.bin', data: zeros.subarray(0, 600 * 1024), deflate: true }]);
    const nested = zipBytes(Array.from({ length: 4 }, (_, i) => ({ name: `l${i}.zip`, data: layer })));
    const limits = { ...DEFAULT_UNPACK_LIMITS, maxTotalBytes: 2 * 1024 * 1024 };
    expect(summary(await unpack([{ name: 'nested.zip', bytes: nested }], limits))).toEqual({ items: [], refused: ['archive_bomb:nested.zip'] });

    const liar = zipBytes([{ name: 'small.txt', data: zeros.subarray(0, 2 * 1024 * 1024), deflate: true, declaredSize: 100 }]);
    const r3 = await unpack([{ name: 'liar.zip', bytes: liar }]);
    expect(summary(r3)).toEqual({ items: [], refused: ['archive_bomb:liar.zip'] });
    expect(r3.refused[0]?.reason).toMatch(/lớn hơn kích thước đã khai/);

    const many = zipBytes(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    const r4 = await unpack([{ name: 'nhieu.zip', bytes: many }]);
    expect(summary(r4)).toEqual({ items: [], refused: ['too_many_entries:nhieu.zip'] });
    expect(r4.refused[0]?.reason).toMatch(/1001 tệp, vượt giới hạn 1000/);

    // Entries are counted across nested archives too (a "42.zip").
    const inner = zipBytes(Array.from({ length: 300 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    const r5 = await unpack([{ name: '42.zip', bytes: zipBytes(Array.from({ length: 4 }, (_, i) => ({ name: `${i}.zip`, data: inner }))) }]);
    expect(summary(r5)).toEqual({ items: [], refused: ['too_many_entries:42.zip'] });
    expect(r5.refused[0]?.reason).toMatch(/tính cả các tệp nén lồng bên trong/);
  });

  it('refuses unsafe entry names and never writes anything to disk', async () => {
    const work = fs.mkdtempSync(path.join(dir, 'work-'));
    const zipPath = path.join(work, 'nguy-hiem.zip');
    fs.writeFileSync(
      zipPath,
      zipBytes([
        { name: '../../x.txt', data: 'escape' },
        { name: '/etc/passwd', data: 'root:x:0:0' },
        { name: 'C:\\Windows\\x.txt', data: 'drive' },
        { name: 'a/../../b.txt', data: 'escape 2' },
        { name: 'link', data: '/etc/shadow', unixMode: 0o120777 },
        { name: 'ok.txt', data: 'an toàn' },
      ]),
    );
    const before = fs.readdirSync(dir).sort();
    const r = await unpack([{ path: zipPath }]);
    expect(summary(r)).toEqual({
      items: ['entry:1:nguy-hiem.zip › ok.txt'],
      refused: [
        'unsafe_entry:nguy-hiem.zip › ../../x.txt',
        'unsafe_entry:nguy-hiem.zip › /etc/passwd',
        'unsafe_entry:nguy-hiem.zip › C:\\Windows\\x.txt',
        'unsafe_entry:nguy-hiem.zip › a/../../b.txt',
        'unsafe_entry:nguy-hiem.zip › link',
      ],
    });
    expect(r.refused.map((x) => x.fileName)).toEqual(['x.txt', 'passwd', 'x.txt', 'b.txt', 'link']);
    expect(r.refused[0]?.bytes?.toString()).toBe('escape');
    expect(fs.readdirSync(work)).toEqual(['nguy-hiem.zip']);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.existsSync(path.join(dir, '..', 'x.txt'))).toBe(false);
  });

  it('refuses a corrupt zip with its bytes kept, and keeps a password-protected zip whole', async () => {
    const good = zipBytes([{ name: 'a.txt', data: 'x' }]);
    const corrupt = Buffer.concat([good.subarray(0, 40), Buffer.alloc(30, 0x41)]);
    const r = await unpack([{ name: 'hong.zip', bytes: corrupt }]);
    expect(summary(r)).toEqual({ items: [], refused: ['unreadable_container:hong.zip'] });
    expect(r.refused[0]?.bytes).toBe(corrupt);

    const locked = zipBytes([{ name: 'bc.pdf', data: 'secret', encrypted: true }]);
    expect(summary(await unpack([{ name: 'mat-khau.zip', bytes: locked }]))).toEqual({ items: ['file:0:mat-khau.zip'], refused: [] });
  });
});

describe('unpack: files and folders', () => {
  it('refuses an executable renamed .pdf and a script by its name, bytes kept', async () => {
    const r = await unpack([
      { name: 'Báo cáo năm 2021.pdf', bytes: EXE },
      { name: 'chay-thu.bat', bytes: Buffer.from('@echo off\r\nformat c:\r\n') },
    ]);
    expect(summary(r)).toEqual({ items: [], refused: ['executable:Báo cáo năm 2021.pdf', 'executable:chay-thu.bat'] });
    expect(r.refused[0]?.bytes).toBe(EXE);
    expect(r.refused[0]?.reason).toMatch(/tệp chương trình/);
  });

  it('keeps an empty file as an item (extract marks it for review)', async () => {
    const r = await unpack([{ path: write('rong.pdf', '') }]);
    expect(summary(r)).toEqual({ items: ['file:0:rong.pdf'], refused: [] });
    expect(r.items[0]?.bytes.length).toBe(0);
  });

  it('refuses a 200 MB file from its size alone, without reading it', async () => {
    const big = path.join(dir, 'lon.pdf');
    fs.writeFileSync(big, '%PDF-1.7\n');
    fs.truncateSync(big, 200 * 1024 * 1024); // sparse: nothing is really written
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const r = await unpack([{ path: big }]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
    expect(summary(r)).toEqual({ items: [], refused: ['too_large:lon.pdf'] });
    expect(r.refused[0]).toMatchObject({ bytes: null });
    expect(r.refused[0]?.reason).toMatch(/200 MB, vượt giới hạn 100 MB/);
    fs.rmSync(big);
  });

  it('walks a folder recursively in Vietnamese order, skipping system junk and links that leave it', async () => {
    const root = path.join(dir, 'Báo cáo 2021');
    write('Báo cáo 2021/UBND huyện Kiên Lương/bc.pdf', PDF);
    write('Báo cáo 2021/Đài PT-TH/bc.txt', 'x');
    write('Báo cáo 2021/Báo Kiên Giang.txt', 'y');
    write('Báo cáo 2021/Thumbs.db', 'junk');
    write('Báo cáo 2021/~$bc.docx', 'lock file');
    write('ngoai-thu-muc.txt', 'secret');
    fs.symlinkSync(path.join(dir, 'ngoai-thu-muc.txt'), path.join(root, 'lien-ket-ra-ngoai.txt'));
    fs.symlinkSync(path.join(root, 'Báo Kiên Giang.txt'), path.join(root, 'lien-ket-ben-trong.txt'));
    const r = await unpack([{ path: root }]);
    expect(summary(r)).toEqual({
      items: [
        'file:0:Báo cáo 2021/Báo Kiên Giang.txt',
        'file:0:Báo cáo 2021/Đài PT-TH/bc.txt',
        'file:0:Báo cáo 2021/lien-ket-ben-trong.txt',
        'file:0:Báo cáo 2021/UBND huyện Kiên Lương/bc.pdf',
      ],
      refused: ['unsafe_entry:Báo cáo 2021/lien-ket-ra-ngoai.txt'],
    });
    expect(r.refused[0]?.bytes).toBeNull();
    expect(r.items[3]).toMatchObject({ sourceName: 'Báo cáo 2021/UBND huyện Kiên Lương/bc.pdf', fileName: 'bc.pdf' });
  });

  it('reports a path that cannot be read instead of throwing, and stops at the total size of one import', async () => {
    const r = await unpack([{ path: path.join(dir, 'khong-co.pdf') }]);
    expect(r.refused[0]?.reason).toMatch(/không tồn tại/);

    const limits = { ...DEFAULT_UNPACK_LIMITS, maxTotalBytes: 1000 };
    const r2 = await unpack([{ name: 'a.txt', bytes: Buffer.alloc(600, 0x61) }, { name: 'b.txt', bytes: Buffer.alloc(600, 0x62) }], limits);
    expect(summary(r2)).toEqual({ items: ['file:0:a.txt'], refused: ['too_large:b.txt'] });
  });
});

describe('safeFileName', () => {
  it('keeps the last part of a path, without control or forbidden characters', () => {
    expect(safeFileName('../../Báo cáo: "quý 3"?.pdf')).toBe('Báo cáo_ _quý 3__.pdf');
    expect(safeFileName('C:\\Windows\\system32\\x.txt')).toBe('x.txt');
    expect(safeFileName('a\u0000b\u001fc.txt')).toBe('abc.txt');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('..')).toBe('tep-khong-ten');
    expect(safeFileName('tên. ')).toBe('tên');
    expect([...safeFileName(`${'dài '.repeat(100)}.docx`)].length).toBe(200);
    expect(safeFileName(`${'dài '.repeat(100)}.docx`).endsWith('.docx')).toBe(true);
  });
});
