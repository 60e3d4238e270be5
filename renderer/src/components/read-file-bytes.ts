import type { FileBytes } from '../../../shared/api';
import { UserFacingError } from '../api/error-message';

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
