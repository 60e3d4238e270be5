import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectContent, detectKind } from '../../main/intake/detect-kind.js';
import { cfbBytes, docxBytes, emlBytes, msgBytes, pdfBytes, wp, zipBytes } from '../support/intake-samples.js';

const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('detectKind: by the bytes, not the name', () => {
  it('recognises the common binary formats by their magic numbers', () => {
    expect(detectKind(pdfBytes([['x']]))).toBe('pdf');
    expect(detectKind(ascii('Rar!\x1a\x07\x01\x00rest'))).toBe('rar');
    expect(detectKind(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]))).toBe('7z');
    expect(detectKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpg');
    expect(detectKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(detectKind(ascii('II*\0\x08\0\0\0'))).toBe('tiff');
    expect(detectKind(ascii('MM\0*\0\0\0\x08'))).toBe('tiff');
    expect(detectKind(Buffer.alloc(0))).toBe('empty');
  });

  it('calls programs executables whatever they are named', () => {
    const exe = Buffer.concat([ascii('MZ\x90\0\x03\0\0\0'), Buffer.alloc(120)]);
    expect(detectKind(exe, 'Báo cáo năm 2021.pdf')).toBe('executable');
    expect(detectKind(ascii('\x7fELF\x02\x01\x01\0'), 'bao-cao.docx')).toBe('executable');
    expect(detectKind(ascii('#!/bin/sh\nrm -rf ~\n'), 'ghi-chu.txt')).toBe('executable');
    expect(detectKind(Buffer.from([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0]), 'bao-cao.pdf.lnk')).toBe('executable');
    // A Java archive is a zip, but a program.
    expect(detectKind(zipBytes([{ name: 'META-INF/MANIFEST.MF', data: 'Main-Class: X' }]), 'bao-cao.zip')).toBe('executable');
  });

  it('tells .docx, .xlsx and .pptx from a plain zip by the package parts', () => {
    expect(detectKind(docxBytes(wp('Kính gửi')), 'renamed.zip')).toBe('docx');
    const ct = { name: '[Content_Types].xml', data: '<Types/>' };
    expect(detectKind(zipBytes([ct, { name: 'xl/workbook.xml', data: '<x/>' }]))).toBe('xlsx');
    expect(detectKind(zipBytes([ct, { name: 'ppt/presentation.xml', data: '<x/>' }]))).toBe('pptx');
    expect(detectKind(zipBytes([{ name: 'bao-cao.pdf', data: '%PDF-1.4' }]), 'bao-cao.docx')).toBe('zip');
    // OpenDocument is a document, not a folder to unpack.
    expect(detectKind(zipBytes([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }]))).toBe('unknown');
  });

  it('still recognises a truncated .docx from its first entries', () => {
    const docx = docxBytes(wp('Nội dung'));
    expect(detectKind(docx.subarray(0, Math.floor(docx.length / 2)), 'bao-cao.docx')).toBe('docx');
    // With only [Content_Types].xml left, the name breaks the tie; without a name it stays unknown.
    const headOnly = docx.subarray(0, 200);
    expect(detectKind(headOnly, 'so-lieu.xlsx')).toBe('xlsx');
    expect(detectKind(headOnly)).toBe('unknown');
  });

  it('reports zips with encrypted entries', () => {
    expect(detectContent(zipBytes([{ name: 'a.pdf', data: 'xxxx', encrypted: true }]))).toEqual({ kind: 'zip', encrypted: true });
  });

  it('tells .doc, .xls, .msg and password-protected Office files apart inside OLE2', () => {
    const fib = Buffer.alloc(4096);
    fib.writeUInt16LE(0xa5ec, 0);
    expect(detectContent(cfbBytes([{ name: 'WordDocument', data: fib }, { name: '1Table', data: Buffer.alloc(10) }]))).toEqual({
      kind: 'doc',
      encrypted: false,
    });
    const encryptedFib = Buffer.from(fib);
    encryptedFib.writeUInt16LE(0x0100, 0x0a);
    expect(detectContent(cfbBytes([{ name: 'WordDocument', data: encryptedFib }]))).toEqual({ kind: 'doc', encrypted: true });

    const bof = Buffer.from([0x09, 0x08, 0x04, 0x00, 0x00, 0x06, 0x05, 0x00]);
    const filePass = Buffer.from([0x2f, 0x00, 0x02, 0x00, 0x01, 0x00]);
    expect(detectContent(cfbBytes([{ name: 'Workbook', data: Buffer.concat([bof, Buffer.alloc(64)]) }]))).toEqual({
      kind: 'xls',
      encrypted: false,
    });
    // Small streams live in the mini stream: this one is read from there.
    expect(detectContent(cfbBytes([{ name: 'Workbook', data: Buffer.concat([bof, filePass]) }]))).toEqual({
      kind: 'xls',
      encrypted: true,
    });

    const encrypted = cfbBytes([{ name: 'EncryptionInfo', data: Buffer.alloc(200) }, { name: 'EncryptedPackage', data: Buffer.alloc(5000) }]);
    expect(detectContent(encrypted, 'Báo cáo.docx')).toEqual({ kind: 'docx', encrypted: true });
    expect(detectContent(encrypted, 'so-lieu.xlsx')).toEqual({ kind: 'xlsx', encrypted: true });

    const msg = msgBytes({ subject: 'Báo cáo', senderName: 'A', senderEmail: 'a@b.vn', body: 'x', to: 'c@d.vn', attachments: [] });
    expect(detectKind(msg)).toBe('msg');
  });

  it('does not throw on a damaged OLE2 file', () => {
    const damaged = Buffer.from(cfbBytes([{ name: 'WordDocument', data: Buffer.alloc(5000) }]));
    damaged.fill(0xff, 512, 1024);
    expect(() => detectKind(damaged, 'x.doc')).not.toThrow();
    expect(detectKind(damaged.subarray(0, 600), 'x.doc')).toBe('doc');
  });

  it('recognises e-mail by its header fields', async () => {
    const eml = await emlBytes({ from: 'a@b.vn', to: 'c@d.vn', subject: 'Báo cáo', text: 'Kính gửi' });
    expect(detectKind(eml)).toBe('eml');
    expect(detectKind(ascii('Received: from mail.kiengiang.gov.vn\r\n\tby x; Mon, 1 Nov 2021\r\nSubject: x\r\n\r\nbody'))).toBe('eml');
    // A note that merely starts with a word and a colon is text.
    expect(detectKind(ascii('Ghi chu: hop luc 8h\nNoi dung: bao cao quy 3\n'))).toBe('txt');
  });

  it('tells HTML and text, and text in any encoding, from binary data', () => {
    expect(detectKind(ascii('<!DOCTYPE html><html><body>x</body></html>'))).toBe('html');
    expect(detectKind(ascii('  <html lang="vi"><p>x</p></html>'))).toBe('html');
    expect(detectKind(Buffer.from('Báo cáo năm 2021', 'utf8'))).toBe('txt');
    expect(detectKind(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Báo cáo', 'utf16le')]))).toBe('txt');
    expect(detectKind(Buffer.from('Bao cao nam 2021 cua UBND', 'utf16le'))).toBe('txt');
    expect(detectKind(iconv.encode('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'windows-1252'))).toBe('txt');
    expect(detectKind(ascii('{\\rtf1\\ansi Bao cao}'))).toBe('unknown');
    expect(detectKind(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 0x80, 0x81, 0, 0, 3, 9, 1, 2]))).toBe('unknown');
  });
});
