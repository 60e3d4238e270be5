const MB = 1024 * 1024;
const GB = 1024 * MB;

/** A file's (or a drive's free) size as the clerk reads it: "850 KB", "2,4 MB", "74,2 GB". */
export function formatFileSize(bytes: number): string {
  const format = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  if (bytes >= GB) return `${format(bytes / GB)} GB`;
  return bytes >= MB ? `${format(bytes / MB)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
