import { compareVietnamese } from '../../../../shared/vn/collate';
import type { ImportEntry } from './import-queue';

// Files that the system leaves in folders and nobody sent; the core skips the same ones in folders it reads.
const SYSTEM_JUNK = /^(\.ds_store|thumbs\.db|desktop\.ini|~\$.*|\._.*)$/i;

/** A chosen or dropped file: by its path in Electron (the core reads it, folders too), else by its bytes. */
function entryOfFile(file: File, shownAs = file.name): ImportEntry {
  const path = window.vanthu?.getPathForFile(file) ?? '';
  return path ? { name: shownAs, size: file.size || null, source: { kind: 'path', path } } : { name: shownAs, size: file.size, source: { kind: 'bytes', file } };
}

export function entriesOfFiles(files: Iterable<File>): ImportEntry[] {
  return [...files].map((file) => entryOfFile(file));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

/** Every file under a dropped folder (browser mode), in Vietnamese name order, named by its path inside the folder. */
async function entriesOfDirectory(directory: FileSystemDirectoryEntry): Promise<ImportEntry[]> {
  const reader = directory.createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches (about 100 at a time) until it returns an empty one.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) children.push(...batch);
  children.sort((a, b) => compareVietnamese(a.name, b.name));
  const entries: ImportEntry[] = [];
  for (const child of children) {
    if (SYSTEM_JUNK.test(child.name)) continue;
    if (isDirectory(child)) entries.push(...(await entriesOfDirectory(child)));
    else if (isFile(child)) entries.push(entryOfFile(await fileOf(child), child.fullPath.replace(/^\//, '')));
  }
  return entries;
}

/**
 * What was dropped on the window. In Electron files and folders go by path and the core reads
 * them; in browser mode a folder is walked here and each of its files is sent as bytes.
 * The drop's items must be read during the drop event itself: this does so before it awaits.
 */
export function entriesOfDrop(dataTransfer: DataTransfer): Promise<ImportEntry[]> {
  if (window.vanthu) return Promise.resolve(entriesOfFiles(dataTransfer.files));
  const dropped = [...dataTransfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
  return Promise.all(
    dropped.map(({ entry, file }) => {
      if (entry && isDirectory(entry)) return entriesOfDirectory(entry);
      return Promise.resolve(file ? [entryOfFile(file)] : []);
    }),
  ).then((lists) => lists.flat());
}
