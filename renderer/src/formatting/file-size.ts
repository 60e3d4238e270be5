const MB = 1024 * 1024;

/** A file's size as the clerk reads it: "850 KB", "2,4 MB". */
export function formatFileSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
