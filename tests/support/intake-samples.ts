/**
 * Test inputs for the intake stages, made in code so that each test shows what it feeds in:
 * zips with exactly the headers wanted (names in CP437 or UTF-8, lying sizes, unsafe paths),
 * e-mails (nodemailer's MailComposer), Outlook .msg and other OLE2 files (msgreader's CFB
 * burner), small PDFs (optionally encrypted with the standard RC4 handler) and .docx files.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { burn, type Entry as CfbEntry } from '@kenjiuno/msgreader/lib/Burner.js';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader.js';

// ---------------------------------------------------------------- zip

export interface ZipSpec {
  /** A string is written as UTF-8 with the UTF-8 flag when it is not ASCII; a Buffer is written raw without it. */
  name: string | Buffer;
  data: Buffer | string;
  deflate?: boolean;
  /** Lie about the uncompressed size in the headers. */
  declaredSize?: number;
  /** Set the "encrypted" flag (the data is not really encrypted). */
  encrypted?: boolean;
  /** Unix mode in the external attributes (0o120777 makes a symbolic link). */
  unixMode?: number;
}

export function zipBytes(specs: ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const data = Buffer.isBuffer(spec.data) ? spec.data : Buffer.from(spec.data, 'utf8');
    const name = Buffer.isBuffer(spec.name) ? spec.name : Buffer.from(spec.name, 'utf8');
    const utf8 = !Buffer.isBuffer(spec.name) && /[^\p{ASCII}]/u.test(spec.name);
    const body = spec.deflate ? zlib.deflateRawSync(data) : data;
    const flags = (utf8 ? 0x800 : 0) | (spec.encrypted ? 0x1 : 0);
    const method = spec.deflate ? 8 : 0;
    const crc = zlib.crc32(data);
    const size = spec.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(spec.unixMode ? 0x0314 : 20, 4); // made by Unix when a mode is given
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((spec.unixMode ?? 0) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// ---------------------------------------------------------------- e-mail

export async function emlBytes(options: Mail.Options): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

// ---------------------------------------------------------------- OLE2 / .msg

export interface CfbNode {
  name: string;
  data?: Buffer;
  children?: CfbNode[];
}

/** An OLE2 compound file with the given streams (data) and storages (children) under the root. */
export function cfbBytes(nodes: CfbNode[]): Buffer {
  const entries: CfbEntry[] = [{ name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: [] }];
  const add = (parent: number, node: CfbNode): void => {
    const index = entries.length;
    entries[parent]?.children?.push(index);
    if (node.children) {
      entries.push({ name: node.name, type: TypeEnum.DIRECTORY, length: 0, children: [] });
      for (const child of node.children) add(index, child);
    } else {
      // A copy with an ArrayBuffer of its own: the burner copies from `.buffer` at offset 0,
      // which for a small pooled Buffer is some other data.
      const data = new Uint8Array(node.data ?? Buffer.alloc(0));
      entries.push({ name: node.name, type: TypeEnum.DOCUMENT, length: data.length, binaryProvider: () => data });
    }
  };
  for (const node of nodes) add(0, node);
  return Buffer.from(burn(entries));
}

/** A MAPI string property stream (PT_UNICODE, 001F). */
const unicodeProp = (tag: string, value: string): CfbNode => ({
  name: `__substg1.0_${tag}001F`,
  data: Buffer.from(`${value}\0`, 'utf16le'),
});

export interface MsgSpec {
  subject: string;
  senderName: string;
  senderEmail: string;
  body: string;
  to: string;
  headers?: string;
  messageId?: string;
  /** A file, or a message attached as an Outlook item (an embedded .msg). */
  attachments: ({ fileName: string; data: Buffer } | { fileName: string; message: MsgSpec })[];
}

/** An Outlook .msg: the MAPI properties msgreader reads, as streams of a compound file. */
export function msgBytes(spec: MsgSpec): Buffer {
  return cfbBytes(msgNodes(spec));
}

function msgNodes(spec: MsgSpec): CfbNode[] {
  return [
    unicodeProp('0037', spec.subject),
    unicodeProp('0C1A', spec.senderName),
    unicodeProp('0C1F', spec.senderEmail),
    unicodeProp('1000', spec.body),
    ...(spec.headers ? [unicodeProp('007D', spec.headers)] : []),
    ...(spec.messageId ? [unicodeProp('1035', spec.messageId)] : []),
    { name: '__recip_version1.0_#00000000', children: [unicodeProp('3001', spec.to), unicodeProp('3003', spec.to)] },
    ...spec.attachments.map((att, i) => ({
      name: `__attach_version1.0_#${String(i).padStart(8, '0')}`,
      children: [
        unicodeProp('3707', att.fileName),
        unicodeProp('3001', att.fileName),
        // PR_ATTACH_DATA_OBJ: binary data (0102), or a storage holding a whole message (000D).
        'data' in att
          ? { name: '__substg1.0_37010102', data: att.data }
          : { name: '__substg1.0_3701000D', children: msgNodes(att.message) },
      ],
    })),
  ];
}

// ---------------------------------------------------------------- PDF

const PDF_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + (s[i] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 255] ?? 0);
  }
  return out;
}

const md5 = (...parts: Buffer[]): Buffer => crypto.createHash('md5').update(Buffer.concat(parts)).digest();
const padPassword = (pw: string): Buffer => Buffer.concat([Buffer.from(pw, 'latin1'), PDF_PAD]).subarray(0, 32);

export interface PdfOptions {
  /** Encrypt with the standard security handler, revision 2 (RC4, 40 bits). */
  encrypt?: { userPassword: string; ownerPassword: string };
}

/** A PDF with one page per entry of `pages`, each a list of ASCII lines in Helvetica. */
export function pdfBytes(pages: string[][], options: PdfOptions = {}): Buffer {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  let fileKey: Buffer | null = null;
  let encryptDict = '';
  if (options.encrypt) {
    const p = -44; // print and copy allowed, the rest not
    const ownerKey = md5(padPassword(options.encrypt.ownerPassword)).subarray(0, 5);
    const o = rc4(ownerKey, padPassword(options.encrypt.userPassword));
    const pBytes = Buffer.alloc(4);
    pBytes.writeInt32LE(p);
    fileKey = md5(padPassword(options.encrypt.userPassword), o, pBytes, id).subarray(0, 5);
    const u = rc4(fileKey, PDF_PAD);
    encryptDict = `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${p} >>`;
  }
  const objects: Buffer[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[2] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  objects[3] = Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  pages.forEach((lines, i) => {
    const pageId = 4 + i * 2;
    const contentId = pageId + 1;
    const ops = lines.map((line, n) => `BT /F1 12 Tf 72 ${770 - n * 16} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
    let stream: Buffer = Buffer.from(ops, 'latin1');
    if (fileKey) {
      const objKey = md5(fileKey, Buffer.from([contentId & 255, (contentId >> 8) & 255, 0, 0, 0])).subarray(0, 10);
      stream = rc4(objKey, stream);
    }
    objects[pageId] = Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    objects[contentId] = Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`), stream, Buffer.from('\nendstream')]);
  });
  if (encryptDict) objects.push(Buffer.from(encryptDict));
  const encryptRef = encryptDict ? ` /Encrypt ${objects.length - 1} 0 R` : '';
  return assemblePdf(objects, `${encryptRef} /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`);
}

/**
 * A PDF file of the given objects (object n at index n; 1 is the catalog), with its xref table;
 * `trailerExtra` goes into the trailer dictionary after /Size and /Root.
 */
export function assemblePdf(objects: Buffer[], trailerExtra = ''): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]?.length ?? 0;
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = length;
    const chunk = Buffer.concat([Buffer.from(`${n} 0 obj\n`), objects[n] ?? Buffer.alloc(0), Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  }
  const xref = [`xref\n0 ${objects.length}\n0000000000 65535 f \n`];
  for (let n = 1; n < objects.length; n++) xref.push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  xref.push(`trailer\n<< /Size ${objects.length} /Root 1 0 R${trailerExtra} >>\nstartxref\n${length}\n%%EOF\n`);
  chunks.push(Buffer.from(xref.join(''), 'latin1'));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------- .docx

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx whose body is the given WordprocessingML (paragraphs, tables …), deflated as Word does. */
export function docxBytes(bodyXml: string): Buffer {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${bodyXml}</w:body></w:document>`;
  return zipBytes([
    {
      name: '[Content_Types].xml',
      deflate: true,
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      deflate: true,
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    { name: 'word/document.xml', deflate: true, data: document },
  ]);
}

/** A WordprocessingML paragraph of plain runs. */
export const wp = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A WordprocessingML table of plain paragraphs. */
export const wtable = (rows: string[][]): string =>
  `<w:tbl>${rows.map((cells) => `<w:tr>${cells.map((c) => `<w:tc>${wp(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
