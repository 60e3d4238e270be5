/**
 * OLE2 compound files (CFB: .doc, .xls, .msg, password-protected .docx), read with SheetJS's
 * `cfb`: the names of the streams at the root and the first bytes of one of them. That is all
 * detect-kind needs to tell a Word file from an Excel file, an Outlook message or an
 * encrypted Office file. A damaged or hostile file gives null, never a throw.
 */
import CFB from 'cfb';

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export interface CompoundFile {
  /** Names of the streams and storages directly under the root. */
  rootNames: string[];
  /** The first `max` bytes of a root stream, or null when it is missing or damaged. */
  readPrefix(name: string, max: number): Buffer | null;
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(CFB_SIGNATURE);
}

export function readCompoundFile(input: Uint8Array): CompoundFile | null {
  if (!isCompoundFile(input)) return null;
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(Buffer.from(input.buffer, input.byteOffset, input.byteLength), { type: 'buffer' });
  } catch {
    return null;
  }
  // FullPaths are "Root Entry/WordDocument", "Root Entry/__substg1.0_…/" and so on.
  const root = container.FullPaths[0] ?? '';
  const rootNames = container.FullPaths.slice(1)
    .map((p) => p.slice(root.length).replace(/\/$/, ''))
    .filter((name) => name !== '' && !name.includes('/'));
  return {
    rootNames,
    readPrefix(name, max) {
      const index = container.FullPaths.findIndex((p) => p === `${root}${name}`);
      const content = index >= 0 ? container.FileIndex[index]?.content : undefined;
      return content ? Buffer.from(content as Uint8Array).subarray(0, max) : null;
    },
  };
}
