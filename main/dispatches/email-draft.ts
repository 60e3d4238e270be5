import MailComposer from 'nodemailer/lib/mail-composer';

/**
 * An unsent e-mail (.eml) that Outlook and Thunderbird open as a draft ready to send:
 * the dispatch's PDF and .docx attached, addressed to the units expected to answer.
 * The app never sends mail itself (offline first); the clerk's own mail program does.
 */
export interface EmailDraft {
  from: string | null;
  to: string[];
  subject: string;
  text: string;
  attachments: { fileName: string; content: Buffer; contentType: string }[];
}

export async function composeEmailDraft(draft: EmailDraft): Promise<Buffer> {
  const composer = new MailComposer({
    ...(draft.from ? { from: draft.from } : {}),
    to: draft.to,
    subject: draft.subject,
    text: draft.text,
    headers: { 'X-Unsent': '1' }, // Outlook opens the file as an editable draft
    attachments: draft.attachments.map((a) => ({ filename: a.fileName, content: a.content, contentType: a.contentType })),
  });
  return composer.compile().build();
}
