import type { FileBytes } from '../../../../shared/api';
import { UserFacingError } from '../../api/error-message';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a chosen file into the `{ fileName, base64 }` shape the API carries. */
export function readFileBytes(file: File): Promise<FileBytes> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve({ fileName: file.name, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
    };
    reader.onerror = () =>
      reject(new UserFacingError(`Không đọc được tệp ${file.name}. Hãy kiểm tra tệp không bị chương trình khác giữ.`));
    reader.readAsDataURL(file);
  });
}

/** Saves bytes returned by the API under the file name the core proposed. */
export function downloadFileBytes({ fileName, base64 }: FileBytes): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
