/**
 * One reading of an e-mail, .eml (mailparser) or .msg (@kenjiuno/msgreader): its envelope,
 * its body and its attachments, for unpack (which makes items of them) and extract (which
 * reads a message's own text). Both return null rather than throw on a message they cannot parse.
 */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import msgreader, { type FieldsData } from '@kenjiuno/msgreader';
import iconv from 'iconv-lite';
import type { Envelope } from './types.js';

// Node's ESM loader hands over this CommonJS package's exports object, whose `default` is the
// class; bundlers and Vitest unwrap it already.
const MsgReader: typeof msgreader = (msgreader as unknown as { default?: typeof msgreader }).default ?? msgreader;

export interface MailAttachment {
  /** As the sender named it (RFC 2047/2231 decoded), or null. */
  fileName: string | null;
  contentType: string | null;
  bytes: Buffer;
}

export interface Mail {
  envelope: Envelope;
  /** The text/plain body as sent, or null. */
  text: string | null;
  /** The text/html body as sent, or null. */
  html: string | null;
  attachments: MailAttachment[];
  /** Attachments that could not be read out of the message (the message itself is kept whole). */
  unreadableAttachments: number;
}

const PARSER_OPTIONS = {
  // The text part is kept as sent; an HTML-only body stays HTML (htmlToText reads it).
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  // Inline images are not copied into the HTML as data: URLs.
  skipImageLinks: true,
} as const;

function addresses(value: AddressObject | AddressObject[] | undefined): { name: string; address: string }[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects.flatMap((o) => o.value).map((a) => ({ name: a.name ?? '', address: a.address ?? '' }));
}

function isoDate(value: Date | string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function envelopeOf(parsed: ParsedMail): Envelope {
  const from = addresses(parsed.from)[0];
  return {
    fromName: from?.name || null,
    fromAddress: from?.address || null,
    to: addresses(parsed.to).map((a) => a.address).filter((a) => a !== ''),
    date: isoDate(parsed.date),
    subject: parsed.subject ?? null,
    messageId: parsed.messageId ?? null,
  };
}

export async function readEml(bytes: Buffer): Promise<Mail | null> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(bytes, PARSER_OPTIONS);
  } catch {
    return null;
  }
  return {
    envelope: envelopeOf(parsed),
    text: parsed.text ?? null,
    html: typeof parsed.html === 'string' ? parsed.html : null,
    attachments: parsed.attachments
      // Pictures that the HTML body shows (logos, signatures) are part of the message, which is kept whole.
      .filter((a) => !(a.related && a.contentDisposition !== 'attachment'))
      .map((a) => ({ fileName: a.filename ?? null, contentType: a.contentType ?? null, bytes: a.content })),
    unreadableAttachments: 0,
  };
}

/** The binary HTML body, in the message's Internet code page (65001 is UTF-8). */
function msgHtml(data: FieldsData): string | null {
  if (!data.html) return null;
  const codepage = data.internetCodepage;
  const encoding = codepage && codepage !== 65001 && iconv.encodingExists(`cp${codepage}`) ? `cp${codepage}` : 'utf8';
  return iconv.decode(Buffer.from(data.html), encoding);
}

const hasAt = (s: string | undefined): s is string => !!s && s.includes('@');

export async function readMsg(bytes: Buffer): Promise<Mail | null> {
  try {
    // MsgReader reads from an ArrayBuffer of its own: a copy, so the item's bytes stay untouched.
    const copy = new Uint8Array(bytes).buffer;
    const reader = new MsgReader(copy);
    // Non-Unicode (8-bit) properties were written in the sender's code page; 1258 is Vietnamese Windows'.
    reader.parserConfig = { ansiEncoding: 'windows1258' };
    const data: FieldsData = reader.getFileData();
    if (data.error || data.dataType !== 'msg') return null;
    // Transport headers, when Outlook kept them, carry the Message-ID and Date as sent.
    const headers = data.headers ? await simpleParser(Buffer.from(`${data.headers.trim()}\r\n\r\n`), PARSER_OPTIONS) : null;
    const fromHeaders = headers ? envelopeOf(headers) : null;
    const to = (data.recipients ?? [])
      .filter((r) => r.recipType === undefined || r.recipType === 'to')
      .map((r) => [r.smtpAddress, r.email].find(hasAt))
      .filter(hasAt);
    const attachments: MailAttachment[] = [];
    let unreadableAttachments = 0;
    for (const att of data.attachments ?? []) {
      if (att.attachmentHidden && att.pidContentId) continue; // a picture inside the HTML body
      try {
        const file = reader.getAttachment(att);
        attachments.push({
          fileName: file.fileName || att.fileNameShort || att.name || null,
          contentType: att.attachMimeTag ?? null,
          bytes: Buffer.from(file.content),
        });
      } catch {
        unreadableAttachments++;
      }
    }
    return {
      envelope: {
        fromName: data.senderName || fromHeaders?.fromName || null,
        fromAddress:
          [data.senderSmtpAddress, data.senderEmail, data.sentRepresentingSmtpAddress, data.creatorSMTPAddress].find(hasAt) ??
          fromHeaders?.fromAddress ??
          null,
        to: to.length > 0 ? to : (fromHeaders?.to ?? []),
        date: isoDate(data.clientSubmitTime ?? data.messageDeliveryTime) ?? fromHeaders?.date ?? null,
        subject: data.subject ?? fromHeaders?.subject ?? null,
        messageId: data.messageId ?? fromHeaders?.messageId ?? null,
      },
      text: data.body ?? null,
      html: data.bodyHtml ?? msgHtml(data),
      attachments,
      unreadableAttachments,
    };
  } catch {
    return null;
  }
}
